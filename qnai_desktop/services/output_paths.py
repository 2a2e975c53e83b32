"""Where output goes: one check and one sentence for every command and dialog that writes files.

Every output path problem is an :class:`OutputPathError` whose text is one line naming the path
and the reason — ``cannot write /x/y.png: the folder is read-only`` — shown as is by the CLI
(``error: …``, exit 2) and, in Korean or English, by the GUI's error dialog (``kind`` picks the
reason; both read the pairs in ``core.phrases``). Policy, the same for ``export``, ``watchlist
export`` and ``screenshot``: a missing output folder is created, and removed again if the write
then fails; files are written under a temporary name in the same folder and renamed into place
only once complete, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.phrases import CANNOT_WRITE, OUTPUT_REASONS

#: kind -> the English reason (the CLI's words); the pairs, Korean too, are core.phrases'.
REASONS: dict[str, str] = {kind: pair.en for kind, pair in OUTPUT_REASONS.items()}
_ERRNO_KIND = {errno.ENAMETOOLONG: "name_too_long", errno.EACCES: "read_only",
               errno.EPERM: "read_only", errno.EROFS: "read_only_fs", errno.ENOTDIR: "not_a_folder",
               errno.EISDIR: "is_a_folder", errno.ENOENT: "no_folder", errno.ENOSPC: "disk_full",
               getattr(errno, "EDQUOT", errno.ENOSPC): "disk_full"}
TEMP_PREFIX = ".qnai-"  # temporary names stay short, so only the final name's length matters


class OutputPathError(Exception):
    """An output path that cannot be written; ``str()`` is the one-line message."""

    def __init__(self, path: Path | str, kind: str, *, part: Path | str = "", detail: str = "") -> None:
        self.path, self.kind = Path(path), kind if kind in REASONS else "other"
        self.part, self.detail = str(part), detail
        super().__init__(self.text("en"))

    @property
    def reason(self) -> str:
        return REASONS[self.kind].format(**self.reason_args())

    def text(self, lang: str) -> str:
        """The one line in ``lang``: "cannot write PATH: reason"."""
        reason = OUTPUT_REASONS[self.kind].pick(lang).format(**self.reason_args())
        return CANNOT_WRITE.pick(lang).format(path=str(self.path), reason=reason)

    def reason_args(self) -> dict[str, str]:
        """What the reason's ``{part}``/``{detail}`` stand for (the GUI fills its Korean text)."""
        return {"part": self.part, "detail": self.detail or "unknown error"}


def describe_os_error(exc: OSError) -> str:
    """The reason an OS error gives, in the words of :data:`REASONS` (``exc.strerror`` else)."""
    kind = _ERRNO_KIND.get(exc.errno or -1, "other")
    return REASONS[kind].format(part=exc.filename or "a part of the path",
                                detail=exc.strerror or str(exc))


def output_error(path: Path | str, exc: OSError) -> OutputPathError:
    """``exc`` (raised while writing ``path``) as an :class:`OutputPathError` naming ``path``."""
    kind = _ERRNO_KIND.get(exc.errno or -1, "other")
    part = _blocking_file(Path(path)) if kind in ("not_a_folder", "no_folder") else None
    if part is not None:
        return OutputPathError(path, "not_a_folder", part=part)
    return OutputPathError(path, kind, detail=exc.strerror or str(exc))


def _blocking_file(path: Path) -> Path | None:
    """The nearest ancestor of ``path`` that exists as something other than a folder."""
    for parent in path.parents:
        try:
            if parent.exists():
                return None if parent.is_dir() else parent
        except OSError:
            return None
    return None


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, a loop: not a folder we can use
        return False


def name_max(folder: Path) -> int:
    """The longest file name (bytes) the file system under ``folder`` accepts (255 usually)."""
    existing = next((p for p in (folder, *folder.parents) if _is_dir(p)), Path("/"))
    try:
        return os.pathconf(existing, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # no pathconf (Windows) or no answer
        return 255


def check_output_dir(folder: Path | str, *, target: Path | str | None = None) -> list[Path]:
    """Make sure ``folder`` exists (created if missing) and accepts new files.

    Returns the folders it created, deepest first, for :func:`remove_created`. Raises
    :class:`OutputPathError` naming ``target`` (default ``folder``) and the reason.
    """
    folder = Path(folder).expanduser()
    shown = Path(target) if target is not None else folder
    limit = name_max(folder)
    if any(len(part.encode("utf-8", "surrogateescape")) > limit for part in shown.parts):
        raise OutputPathError(shown, "name_too_long")
    blocker = folder if folder.exists() and not folder.is_dir() else _blocking_file(folder)
    if blocker is not None:
        raise OutputPathError(shown, "not_a_folder", part=blocker)
    created = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _new_temp(folder, ".probe").unlink()
    except OSError as exc:
        remove_created(created)
        raise output_error(shown, exc) from None
    return created


def check_output_file(path: Path | str) -> list[Path]:
    """:func:`check_output_dir` for ``path``'s folder, and ``path`` is not a folder itself."""
    path = Path(path).expanduser()
    created = check_output_dir(path.parent, target=path)
    if path.is_dir():
        remove_created(created)
        raise OutputPathError(path, "is_a_folder")
    return created


def _new_temp(folder: Path, suffix: str) -> Path:
    """A new empty file with a short unique name in ``folder``, with the permissions the user's
    umask gives a new file (``mkstemp`` would make it 0600)."""
    while True:
        path = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}{suffix}"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return path
        except FileExistsError:
            continue


def remove_created(created: list[Path]) -> None:
    """Remove folders an output created (deepest first), as long as they are still empty."""
    for folder in created:
        try:
            folder.rmdir()
        except OSError:
            break


@contextmanager
def atomic_output(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` (same suffix, so writers that go by the suffix
    still work); on success it replaces ``path``. On any error the temporary file and the
    folders this created are removed, and an OS error becomes an :class:`OutputPathError`."""
    path = Path(path).expanduser()
    created = check_output_file(path)
    try:
        tmp = _new_temp(path.parent, path.suffix)
    except OSError as exc:
        remove_created(created)
        raise output_error(path, exc) from None
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        remove_created(created)
        if isinstance(exc, OSError) and exc.errno is not None:
            raise output_error(path, exc) from None
        raise
