"""User-defined charts (specs saved from the Charts tab and published scenario curves)."""

from __future__ import annotations

import json

from ..core.changes import ChangeSet
from ._base import RepoBase, now_iso


class ChartsRepo(RepoBase):
    """``cache.charts``: chart specs the analyst made, by id."""

    def save(self, chart_id: str, spec: dict) -> ChangeSet:
        change = ChangeSet(added=1, tables={"user_charts"})
        with self._txn():
            self.db.execute("INSERT OR REPLACE INTO user_charts (id, spec, created_at)"
                            " VALUES (?,?,?)", [chart_id, json.dumps(spec, ensure_ascii=False),
                                                now_iso()])
            self._provenance("edit", change, target=f"user_charts:{chart_id}")
        return change

    def list(self) -> list[dict]:
        rows = self.db.execute("SELECT spec FROM user_charts ORDER BY created_at, id").fetchall()
        return [json.loads(r[0]) for r in rows]

    def delete(self, chart_id: str) -> ChangeSet:
        change = ChangeSet(tables={"user_charts"})
        with self._txn():
            change.changed = self.db.execute("DELETE FROM user_charts WHERE id=?",
                                             [chart_id]).rowcount
            self._provenance("delete", change, target=f"user_charts:{chart_id}")
        return change
