"""The one data-access object: ``Cache.open(path)`` → repositories that speak pandas frames.

A cache is composed of one repository per table group — ``cache.series``, ``cache.watchlist``,
``cache.facts``, ``cache.settings``, ``cache.cases``, ``cache.charts``, ``cache.alerts``,
``cache.links`` (linked workbooks), ``cache.annotations`` (events on charts) — over
one sqlite3 connection, with one write path: :meth:`Cache.transaction` (every repository write
runs inside it; services group several writes into one by opening it around them).

No SQL lives outside ``store/``. A Cache belongs to the thread that opened it; worker threads
open their own (WAL lets readers and one writer work at once).
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

import pandas as pd
import sqlite_utils

from . import health
from .alerts_repo import AlertsRepo
from .annotations_repo import AnnotationsRepo
from .cases_repo import CasesRepo
from .charts_repo import ChartsRepo
from .db import connect, default_db_path, migrate, user_version, write_txn
from .facts_repo import FactsRepo
from .links_repo import LinksRepo
from .series_repo import SeriesRepo
from .settings_repo import SettingsRepo
from .watchlist_repo import WatchlistRepo

__all__ = ["Cache"]


class Cache:
    """An open cache file at the current schema."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self.series = SeriesRepo(self)
        self.watchlist = WatchlistRepo(self)
        self.facts = FactsRepo(self)
        self.settings = SettingsRepo(self)
        self.cases = CasesRepo(self)
        self.charts = ChartsRepo(self)
        self.alerts = AlertsRepo(self)
        self.links = LinksRepo(self)
        self.annotations = AnnotationsRepo(self)

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

    def transaction(self, bulk: bool = False) -> AbstractContextManager[sqlite_utils.Database]:
        """ONE write transaction (a savepoint when nested) for several repository writes; see
        ``db.write_txn`` for ``bulk`` (series and observations only: foreign keys paused)."""
        return write_txn(self.db, bulk=bulk)

    def verify(self) -> None:
        """SQLite's ``quick_check`` once per process; raises CorruptCacheError on damage."""
        if self.path is not None and str(self.path) != ":memory:":
            health.verify(self.db.conn, self.path)

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
