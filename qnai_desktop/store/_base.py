"""Shared plumbing of the repositories a :class:`~.cache.Cache` is composed of."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from ..core.changes import ChangeSet
from .db import write_txn


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class RepoBase:
    """One table group over the cache's connection; writes go through :meth:`_txn` (the cache's
    one write path) and leave a row in provenance through :meth:`_provenance`."""

    def __init__(self, cache: Any) -> None:
        self.cache = cache

    @property
    def db(self) -> sqlite_utils.Database:
        return self.cache.db

    def _txn(self, bulk: bool = False):
        """A write transaction (a savepoint when nested); see ``db.write_txn`` for ``bulk``."""
        return write_txn(self.db, bulk=bulk)

    def _provenance(
        self,
        how: str,
        change: ChangeSet,
        *,
        origin: str = "",
        target: str = "",
        content_hash: str = "",
        detail: str = "",
    ) -> None:
        self.db.execute(
            "INSERT INTO provenance (at, how, origin, target, content_hash, added, changed,"
            " unchanged, detail) VALUES (?,?,?,?,?,?,?,?,?)",
            (now_iso(), how, origin, target, content_hash, change.added, change.changed,
             change.unchanged, detail),
        )
