"""Shared plumbing for the repository mixins that make up :class:`~.cache.Cache`."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import sqlite_utils

from ..core.changes import ChangeSet
from .db import write_txn


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class RepoBase:
    """Holds the connection; every mixin writes through :meth:`_txn` and :meth:`_provenance`."""

    db: sqlite_utils.Database

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
