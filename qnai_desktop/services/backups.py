"""Rolling automatic backups of the cache, and a restore that never loses anything.

A restore keeps the file it replaces (with its -wal/-shm) under a name no other restore can
take, accepts only a readable Q&AI cache as its source, refuses to replace a healthy cache
unless forced, and refuses while any program (this one included) has the cache open.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from ..store import health
from ..store.db import backup_file, backup_files
from ..store.errors import StoreError
from ..store.migrations import SCHEMA_VERSION

DEFAULT_KEEP = 5
AUTO_EVERY_S = 24 * 3600
REQUIRED_TABLES = {"series", "observations", "companies", "provenance"}

__all__ = ["DEFAULT_KEEP", "RestoreRefused", "auto_backup", "backup_file", "backups_of",
           "cache_file_problem", "is_usable", "newest_usable_backup", "restore"]


class RestoreRefused(StoreError):
    """A restore that would lose data or use a bad source; nothing was changed."""


def backups_of(path: Path) -> list[Path]:
    """Backups of ``path``, newest first."""
    return backup_files(path)


def auto_backup(path: Path, keep: int = DEFAULT_KEEP, every_s: int = AUTO_EVERY_S) -> Path | None:
    """Take a backup if the newest is older than ``every_s`` (or none exists); prune to ``keep``.
    A damaged cache is not backed up (``backup_file`` raises CorruptCacheError)."""
    if keep <= 0 or not path.exists():
        return None
    existing = backups_of(path)
    if existing and time.time() - existing[0].stat().st_mtime < every_s:
        return None
    return backup_file(path, "auto", keep=keep)


def cache_file_problem(path: Path) -> str | None:
    """Why ``path`` is not a usable Q&AI cache (SQLite's own checks), or None when it is."""
    if not path.is_file():
        return "no such file"
    conn = None
    try:
        try:  # read-only first: a check must never checkpoint into the file it examines
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.OperationalError:
            if conn is not None:
                conn.close()
            conn = sqlite3.connect(str(path))
            conn.execute("PRAGMA schema_version").fetchone()
        result = health.quick_check(conn)
        if result != "ok":
            return f"damaged (SQLite: {result})"
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as exc:
        if health.primary_code(exc) == health.SQLITE_NOTADB:
            return "not an SQLite database"
        return f"not a readable SQLite database ({exc})"
    finally:
        if conn is not None:
            conn.close()
    if not REQUIRED_TABLES <= tables or version < 1:
        return "an SQLite file, but not a Q&AI cache"
    if version > SCHEMA_VERSION:
        return f"written by a newer Q&AI Desktop (schema {version})"
    return None


def is_usable(backup: Path) -> bool:
    return cache_file_problem(backup) is None


def newest_usable_backup(path: Path) -> Path | None:
    for candidate in backups_of(path):
        if is_usable(candidate):
            return candidate
    return None


def kept_name(path: Path, now: datetime | None = None) -> Path:
    """Where the replaced file goes: full timestamp to the microsecond, then a counter, so two
    restores in the same second never share a name."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%f")
    base = path.with_name(f"{path.name}.damaged-{stamp}")
    candidate, n = base, 2
    while any(candidate.with_name(candidate.name + s).exists() for s in ("", "-wal", "-shm")):
        candidate, n = base.with_name(f"{base.name}-{n}"), n + 1
    return candidate


def restore(path: Path, backup: Path, *, force: bool = False) -> Path | None:
    """Put ``backup`` in place of ``path``; the file it replaces is kept beside it.

    Returns where the replaced file went (None when there was none). Raises RestoreRefused,
    changing nothing, when the backup is not a usable Q&AI cache, when ``path`` is healthy and
    ``force`` is not given, or when a program has the cache open. The copy is written to a
    temporary file with SQLite's backup API and renamed, so an interrupted restore never leaves
    a half-copied cache.
    """
    path, backup = Path(path), Path(backup)
    problem = cache_file_problem(backup)
    if problem is not None:
        raise RestoreRefused(f"{backup}: {problem}; it cannot be restored. Nothing was changed.")
    if health.open_connections(path):
        raise RestoreRefused(f"{path}: this program still has the cache open; nothing was changed.")
    if health.in_use_elsewhere(path):
        raise RestoreRefused(
            f"{path}: the cache is open in another program (a Q&AI Desktop window or a "
            "qnai-desktop command). Close it first; nothing was changed.")
    if path.exists() and not force and cache_file_problem(path) is None:
        raise RestoreRefused(
            f"{path}: the cache is healthy; restoring {backup.name} would replace it and lose "
            "what changed since. Add --force to do it anyway (the current file is kept).")
    tmp = path.with_name(f"{path.name}.restoring")
    _copy(backup, tmp)
    kept = kept_name(path) if path.exists() else None
    if kept is not None:
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(kept.with_name(kept.name + suffix))
        path.rename(kept)
    tmp.replace(path)
    health.forget(path)
    return kept


def _copy(source: Path, dest: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        dest.with_name(dest.name + suffix).unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(dest))
        try:
            with dst:
                src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to rename
        finally:
            dst.close()
    finally:
        src.close()
