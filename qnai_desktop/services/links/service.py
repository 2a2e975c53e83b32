"""Linked workbooks: link a file once, then re-read it whenever its content changes.

* :func:`preview_link` reads the file exactly as ``qnai-desktop import`` does
  (``importers.preview_file``; ``sheet=`` for one sheet of a workbook) — the dialog or the CLI
  shows that preview and its mapping;
* :func:`add_link` stores the link with the mapping she confirmed and imports the file, in ONE
  transaction (the link row, the data, the read's status) — or, dry, reports the counts;
* :func:`reread_link` (the window's file watcher, after she saves in Excel) and
  :func:`refresh_links` (``refresh --source links``) re-read a link only when the file's
  SHA-256 differs from the last good read, with the same preview rules, identity rules
  (``importers.conflicts``: a read that would overwrite another file's, import's or link's values
  is refused, never forced) and one transaction per read (provenance ``how="import"``, origin =
  the path). Each read's outcome is stored on the link (``cache.links.record_read``): ``ok``,
  ``moved: …``, ``unreadable: …`` or ``conflict: …``; an unchanged file writes nothing at all.

Reads happen on the caller's thread with the caller's cache; each write goes through ``write``
(default: the same cache) so the window can hand it to its writer thread. The open cache file
itself is never read (``store.health.open_cache_among``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...core.changes import ChangeSet
from ...store import health
from ...store.cache import Cache
from ..datasets import DatasetError
from ..importers import ImportConflictError, ImportPreview, ImportResult, commit_imports, preview_file
from ..refresh_keys import LAST_SUCCESS
from .stored import apply_stored, stored_series, to_stored

LINKS_SOURCE = "links"
OK, UNCHANGED, MOVED, UNREADABLE, CONFLICT = "ok", "unchanged", "moved", "unreadable", "conflict"
FAILED_STATES = (MOVED, UNREADABLE, CONFLICT)
Write = Callable[..., Any]


class LinkError(ValueError):
    """A link that cannot be made or found; the sentence names the file or the id."""


@dataclass
class LinkInfo:
    """One linked file as the list shows it."""

    id: int
    path: str
    sheet: str
    state: str  # "" (never read), ok, moved, unreadable, conflict
    message: str  # the sentence after the state ("" for a clean ok)
    last_read_at: str
    content_hash: str
    created_at: str
    series: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.path).name + (f" [{self.sheet}]" if self.sheet else "")

    @property
    def failed(self) -> bool:
        return self.state in FAILED_STATES

    def to_dict(self) -> dict:
        return {"id": self.id, "path": self.path, "sheet": self.sheet, "state": self.state,
                "message": self.message, "last_read_at": self.last_read_at,
                "content_hash": self.content_hash, "created_at": self.created_at,
                "series": self.series}


@dataclass
class LinkRead:
    """What one read of one link did: ``state`` ok / unchanged / moved / unreadable / conflict."""

    link_id: int
    path: str
    sheet: str
    state: str
    message: str = ""
    change: ChangeSet = field(default_factory=ChangeSet)
    notes: list[str] = field(default_factory=list)
    result: ImportResult | None = None

    @property
    def failed(self) -> bool:
        return self.state in FAILED_STATES

    @property
    def name(self) -> str:
        return Path(self.path).name + (f" [{self.sheet}]" if self.sheet else "")

    def line(self) -> str:
        """One line: which link, what happened."""
        if self.state == OK:
            tail = self.change.summary() + "".join(f"; {n}" for n in self.notes)
        elif self.state == UNCHANGED:
            tail = "file unchanged since the last read"
        else:
            tail = self.message
        return f"#{self.link_id} {self.name}: {self.state} — {tail}"

    def to_dict(self) -> dict:
        return {"id": self.link_id, "path": self.path, "sheet": self.sheet, "state": self.state,
                "message": self.message, "notes": self.notes, "added": self.change.added,
                "changed": self.change.changed, "unchanged": self.change.unchanged,
                "series": sorted(self.change.series)}


@dataclass
class LinkResult:
    """What :func:`add_link` did: the link's id (None for a dry run) and the import's counts."""

    link_id: int | None
    preview: ImportPreview
    result: ImportResult

    @property
    def change(self) -> ChangeSet:
        return self.result.change


# --- linking -----------------------------------------------------------------------------------

def preview_link(cache: Cache, path: Path | str, sheet: str = "") -> ImportPreview:
    """The import preview of a file about to be linked (raises ``DatasetError`` / LinkError)."""
    target = _resolved(path)
    if target.is_dir():
        raise LinkError(f"{target} is a folder; link a CSV or Excel file (or import the folder "
                        "with qnai-desktop import)")
    preview = preview_file(target, cache.series.metas(), sheet=sheet)
    preview.linked_from = str(target)
    return preview


def add_link(cache: Cache, preview: ImportPreview, sheet: str = "", *, dry_run: bool = False,
             replace: bool | Collection[str] = False) -> LinkResult:
    """Link ``preview``'s file with its (confirmed) mapping and import it — ONE transaction.

    ``preview`` comes from :func:`preview_link` (the dialog may have edited its mapping and
    conflict choices; the link keeps the mapping as confirmed here). Raises
    ``ImportConflictError`` (nothing linked, nothing written) when the import would overwrite
    stored values from elsewhere that ``replace`` (True, or series ids) or a row's REPLACE
    choice does not approve — as ``import`` does; a dry run reports them in ``result.review``."""
    path = str(preview.path)
    preview.linked_from = path
    if dry_run:
        return LinkResult(None, preview, commit_imports(cache, [preview], dry_run=True, remember=False,
                                                        replace=replace, note="link (dry run)"))
    with cache.transaction(bulk=True):  # the link, its data and its status land together
        link_id = cache.links.add(path, sheet, to_stored(preview.layout, preview.mapping))
        result = commit_imports(cache, [preview], remember=False, replace=replace,
                                note=f"linked file #{link_id}")
        cache.links.record_read(link_id, content_hash=preview.content_hash,
                                status=OK)
        _stamp(cache)
    return LinkResult(link_id, preview, result)


def add_links(cache: Cache, previews: list[ImportPreview], *,
              replace: bool | Collection[str] = False) -> ImportResult:
    """The import dialog's "keep linked": link and import every previewed file — ONE
    transaction for all of them, as a plain import is; the result counts like an import's."""
    out = ImportResult()
    with cache.transaction(bulk=True):
        for preview in previews:
            preview.path = _resolved(preview.path)
            linked = add_link(cache, preview, replace=replace)
            out.files += linked.result.files
            out.total.merge(linked.result.total)
            out.review = linked.result.review
    out.total.merge(ChangeSet(tables={"linked_files"}))  # the window's file watcher follows
    return out


def remove_link(cache: Cache, link_id: int) -> ChangeSet:
    """Forget a link; the data it imported stays. LinkError for an unknown id."""
    if cache.links.get(link_id) is None:
        raise LinkError(f"no linked file #{link_id} (qnai-desktop links list shows them)")
    return cache.links.remove(link_id)


def list_links(cache: Cache) -> list[LinkInfo]:
    """Every link with the state of its last read."""
    out = []
    for r in cache.links.list().to_dict("records"):
        state, message = split_status(r["status"] or "")
        out.append(LinkInfo(int(r["id"]), r["path"], r["sheet"] or "", state, message,
                            r["last_read_at"] or "", r["content_hash"] or "", r["created_at"] or "",
                            stored_series(r["mapping"])))
    return out


def split_status(status: str) -> tuple[str, str]:
    """(state, sentence) of a stored status (``"moved: …"`` → ``("moved", "…")``)."""
    head, _, tail = status.partition(": ")
    if head in (OK, *FAILED_STATES):
        return head, tail
    return ("", status) if status else ("", "")


# --- reading -----------------------------------------------------------------------------------

def reread_link(cache: Cache, link_id: int, *, force: bool = False,
                write: Write | None = None) -> LinkRead:
    """Re-read one link if its file changed since the last good read (always with ``force``).

    The file watcher's call: ``run_op(ctx, view, reread_link, link_id)`` (reads and writes on
    the writer thread; small files), or from a Task ``reread_link(w.cache, link_id,
    write=w.write)``. Never raises for a file problem — the state says it and is stored."""
    link = cache.links.get(link_id)
    if link is None:
        raise LinkError(f"no linked file #{link_id} (qnai-desktop links list shows them)")
    write = write or (lambda fn, *args: fn(cache, *args))
    path, sheet, old_hash = Path(link["path"]), link["sheet"] or "", link["content_hash"] or ""
    read = LinkRead(link_id, str(path), sheet, OK)

    def fail(state: str, message: str) -> LinkRead:
        read.state, read.message = state, message
        write(_record, link_id, old_hash, f"{state}: {message}")
        return read

    cache_file = health.open_cache_among(path)
    if cache_file is not None:  # reading it would drop this process's SQLite locks on it
        return fail(UNREADABLE, f"{path} is the open Q&AI cache file ({cache_file.name}), "
                                "not a workbook; remove this link")
    if not path.is_file():
        what = "is a folder now" if path.is_dir() else "is not there any more (moved, renamed or deleted)"
        return fail(MOVED, f"{path} {what}: link the file where it is now "
                           f"(qnai-desktop links add NEW_PATH), then remove this link "
                           f"(qnai-desktop links remove {link_id})")
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return fail(UNREADABLE, f"cannot read {path} ({exc.strerror or exc})")
    if digest == old_hash and split_status(link["status"] or "")[0] == OK and not force:
        read.state = UNCHANGED
        return read
    try:
        preview = preview_file(path, cache.series.metas(), sheet=sheet)
        applied = apply_stored(preview.mapping, link["mapping"], cache.series.metas())
    except DatasetError as exc:
        return fail(UNREADABLE, str(exc))
    if not applied.included:
        return fail(UNREADABLE, f"none of the linked columns is in {path.name} any more"
                                + "".join(f"; {n}" for n in applied.notes()))
    preview.mapping = applied.rows
    preview.linked_from = str(path)
    read.notes = applied.notes()
    try:
        read.result = write(_commit_read, link_id, preview, read.notes)
    except ImportConflictError as exc:
        pending = exc.review.pending
        more = f" (and {len(pending) - 1} more)" if len(pending) > 1 else ""
        return fail(CONFLICT, f"refused, nothing written: {pending[0].describe()}{more}; "
                              "the stored values came from elsewhere — link the file again with "
                              "--replace to let it overwrite them, or point the column at another "
                              "series")
    except DatasetError as exc:  # the stored mapping no longer fits (e.g. two columns, one id)
        return fail(UNREADABLE, str(exc))
    read.change = read.result.change
    return read


def refresh_links(cache: Cache, *, force: bool = False, write: Write | None = None,
                  progress: Callable[[int, int, str], None] | None = None,
                  cancelled: Callable[[], bool] = lambda: False) -> list[LinkRead]:
    """Re-read every link whose file changed, one transaction each; stops between links when
    ``cancelled``. One :class:`LinkRead` per link read (cancelled ones are not listed)."""
    ids = [info.id for info in list_links(cache)]
    out: list[LinkRead] = []
    for done, link_id in enumerate(ids):
        if cancelled():
            break
        read = reread_link(cache, link_id, force=force, write=write)
        out.append(read)
        if progress is not None:
            progress(done + 1, len(ids), read.line())
    return out


def _commit_read(cache: Cache, link_id: int, preview: ImportPreview,
                 notes: list[str]) -> ImportResult:
    """One read of one link: its data, its status and the source's last success — ONE
    transaction (raises ImportConflictError with nothing written)."""
    with cache.transaction(bulk=True):
        result = commit_imports(cache, [preview], remember=False, note=f"linked file #{link_id}")
        cache.links.record_read(link_id, content_hash=preview.content_hash, status=_ok_status(notes))
        _stamp(cache)
    return result


def _record(cache: Cache, link_id: int, content_hash: str, status: str) -> ChangeSet:
    """A failed read: only the link's status (its last good hash stays, so the next change of
    the file is read again)."""
    return cache.links.record_read(link_id, content_hash=content_hash, status=status)


def _stamp(cache: Cache) -> None:
    cache.settings.set(LAST_SUCCESS.format(LINKS_SOURCE),
                       datetime.now(UTC).isoformat(timespec="seconds"), how="import")


def _ok_status(notes: list[str]) -> str:
    return OK + (f": {'; '.join(notes)}" if notes else "")


def _resolved(path: Path | str) -> Path:
    p = Path(path).expanduser()
    try:
        return p.resolve()
    except OSError:
        return p.absolute()
