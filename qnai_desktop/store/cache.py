"""The one data-access object: ``Cache.open(path)`` → repositories that speak pandas frames.

No SQL lives outside ``store/``. A Cache (one sqlite3 connection) belongs to the thread that
opened it; worker threads open their own (WAL lets readers and one writer work at once).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

from . import health
from .cases_repo import CasesRepo
from .db import connect, default_db_path, migrate, user_version
from .series_repo import SeriesRepo
from .watchlist_repo import WatchlistRepo


class Cache(SeriesRepo, WatchlistRepo, CasesRepo):
    """An open cache file at the current schema."""

    def __init__(self, db, path: Path | None) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: Path | str | None = None) -> Cache:
        """Open (creating and migrating as needed). Raises a StoreError subclass (NewerSchemaError,
        CorruptCacheError, ReadOnlyCacheError, CacheBusyError …) with a sentence."""
        p = Path(path) if path is not None else default_db_path()
        db = connect(p)
        try:
            migrate(db, p)
            db.execute("SELECT COUNT(*) FROM series").fetchone()
        except sqlite3.Error as exc:
            db.close()
            raise health.classify(exc, p) from exc
        except BaseException:
            db.close()
            raise
        return cls(db, p)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return user_version(self.db)

    def data_version(self) -> int:
        """Changes whenever ANOTHER connection commits (PRAGMA data_version); cheap to poll."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def is_empty(self) -> bool:
        return self.db.execute("SELECT COUNT(*) FROM series").fetchone()[0] == 0 and \
            self.db.execute("SELECT COUNT(*) FROM companies").fetchone()[0] == 0

    def provenance(self, limit: int = 200) -> pd.DataFrame:
        rows = self.db.execute_returning_dicts(
            "SELECT id, at, how, origin, target, content_hash, added, changed, unchanged, detail"
            " FROM provenance ORDER BY id DESC LIMIT ?", [limit])
        return pd.DataFrame(rows, columns=["id", "at", "how", "origin", "target", "content_hash",
                                           "added", "changed", "unchanged", "detail"])
