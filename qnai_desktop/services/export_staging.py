"""The one place an export touches its output folder, and the errors an export raises.

:class:`StagedFolder` writes files into a hidden staging folder inside the output folder and
moves them in only when everything succeeded, so a failure or a cancel leaves nothing
half-written. Output path problems (a read-only folder, a name too long, a file where a folder
should be, a full disk) are :class:`ExportFolderError`, which is also an
``output_paths.OutputPathError``: one line, "cannot write PATH: reason".
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .output_paths import OutputPathError, check_output_dir, name_max, output_error, remove_created

STAGING_PREFIX = ".qnai-export-"


class ExportError(Exception):
    """An export that cannot proceed; the message is shown to the user as is."""


class ExportNameError(ExportError):
    """A chart id that cannot be a file name (path separators, '..', reserved characters)."""


class ExportFolderError(ExportError, OutputPathError):
    """The output folder cannot be created or written (``str()``: "cannot write PATH: reason")."""

    @classmethod
    def of(cls, err: OutputPathError) -> ExportFolderError:
        return cls(err.path, err.kind, part=err.part, detail=err.detail)


class StagedFolder:
    """Write into ``<out>/.qnai-export-*/``; :meth:`commit` moves the files into ``out``.

    Leaving the ``with`` block without commit (an error, a cancel) deletes the staging folder,
    and ``out`` itself if this export created it, so nothing half-written remains.
    """

    def __init__(self, out: Path | str) -> None:
        self.out = Path(out).expanduser()
        self.path: Path | None = None
        self._created: list[Path] = []
        self.committed: list[Path] = []

    def __enter__(self) -> StagedFolder:
        try:
            self._created = check_output_dir(self.out)  # created if missing; deepest first
        except OutputPathError as exc:
            raise ExportFolderError.of(exc) from None
        try:
            self.path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out))
        except OSError as exc:
            remove_created(self._created)
            raise ExportFolderError.of(output_error(self.out, exc)) from None
        return self

    def file(self, name: str) -> Path:
        """Where to write ``name`` while staging (the name is checked to stay inside)."""
        assert self.path is not None, "use StagedFolder in a with block"
        if Path(name).name != name or name in ("", ".", ".."):
            raise ExportNameError(f"{name!r} is not a plain file name")
        if len(name.encode("utf-8", "surrogateescape")) > name_max(self.out):
            raise ExportFolderError(self.out / name, "name_too_long")
        return self.path / name

    def commit(self) -> list[Path]:
        """Move every staged file into the output folder; return the final paths."""
        assert self.path is not None
        for staged in sorted(self.path.iterdir()):
            final = self.out / staged.name
            if final.is_dir():
                raise ExportFolderError(final, "is_a_folder")
            os.replace(staged, final)
            self.committed.append(final)
        self.path.rmdir()
        self.path = None
        return self.committed

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if self.path is not None:
            staging = self.path
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
            if not self.committed:
                remove_created(self._created)
            if isinstance(exc, OSError) and exc.errno is not None:
                # name the file the user asked for, not its staging copy
                name = Path(str(exc.filename or "")).name if exc.filename else ""
                final = self.out / name if name and Path(str(exc.filename)).parent == staging \
                    else self.out
                raise ExportFolderError.of(output_error(final, exc)) from None
