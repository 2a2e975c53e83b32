"""Rolling automatic backups of the cache and restoring the newest one after damage."""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from ..store.db import backup_file

DEFAULT_KEEP = 5
AUTO_EVERY_S = 24 * 3600


def backups_of(path: Path) -> list[Path]:
    """Backups of ``path``, newest first."""
    folder = path.parent / "backups"
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}.*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)


def auto_backup(path: Path, keep: int = DEFAULT_KEEP, every_s: int = AUTO_EVERY_S) -> Path | None:
    """Take a backup if the newest is older than ``every_s`` (or none exists); prune to ``keep``."""
    if keep <= 0 or not path.exists():
        return None
    existing = backups_of(path)
    if existing and time.time() - existing[0].stat().st_mtime < every_s:
        return None
    return backup_file(path, "auto", keep=keep)


def is_usable(backup: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def newest_usable_backup(path: Path) -> Path | None:
    for candidate in backups_of(path):
        if is_usable(candidate):
            return candidate
    return None


def restore(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the damaged ``path``; the damaged file is kept beside it.

    Returns where the damaged file was moved. The copy is written to a temp file and renamed,
    so an interrupted restore never leaves a half-copied cache.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    tmp = path.with_name(f"{path.name}.restoring")
    shutil.copyfile(backup, tmp)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(damaged.with_name(damaged.name + suffix))
    if path.exists():
        path.rename(damaged)
    tmp.replace(path)
    return damaged
