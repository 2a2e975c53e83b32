"""Helpers for tests that damage cache files or compare them (imported by test modules)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qnai_desktop.store.cache import Cache


def checkpointed(path: Path) -> None:
    """Everything in the main file (no -wal), so byte edits below land where SQLite reads."""
    with Cache.open(path) as c:
        c.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def damage_middle(path: Path) -> None:
    """Overwrite pages in the middle of the file (observations live there): the header, the
    schema and the page count stay right, so opening works and a scan fails."""
    checkpointed(path)
    data = bytearray(path.read_bytes())
    page = 4096
    lo, hi = len(data) // page * 2 // 5 * page, len(data) // page * 3 // 5 * page
    data[lo:hi] = b"\xde\xad\xbe\xef" * ((hi - lo) // 4)
    path.write_bytes(bytes(data))


def dump(path: Path) -> list[tuple]:
    """Every row of every table (a cache left 'exactly as it was' compares equal)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = []
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1"):
            out += [(name, *r) for r in conn.execute(f"SELECT * FROM [{name}] ORDER BY 1, 2")]
        return out
    finally:
        conn.close()
