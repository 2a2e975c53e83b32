"""Saved scenario cases: named parameter sets per scenario model."""

from __future__ import annotations

import json

import pandas as pd

from ..core.changes import ChangeSet
from ._base import RepoBase, now_iso
from .errors import ValidationError


class CasesRepo(RepoBase):
    """``cache.cases``: named parameter sets per scenario model."""

    def save(self, model_id: str, name: str, params: dict) -> ChangeSet:
        name = name.strip()
        if not name:
            raise ValidationError("case name: must not be empty")
        change = ChangeSet(tables={"scenarios"})
        with self._txn():
            exists = self.db.execute("SELECT 1 FROM scenarios WHERE model_id=? AND name=?",
                                     [model_id, name]).fetchone()
            ts = now_iso()
            self.db.execute(
                "INSERT INTO scenarios (model_id, name, params, created_at, updated_at)"
                " VALUES (?,?,?,?,?) ON CONFLICT(model_id, name) DO UPDATE SET"
                " params = excluded.params, updated_at = excluded.updated_at",
                [model_id, name, json.dumps(params, sort_keys=True), ts, ts])
            if exists:
                change.changed = 1
            else:
                change.added = 1
            self._provenance("edit", change, target=f"scenarios:{model_id}:{name}")
        return change

    def list(self, model_id: str | None = None) -> pd.DataFrame:
        sql = "SELECT id, model_id, name, params, updated_at FROM scenarios"
        args: list = []
        if model_id:
            sql += " WHERE model_id = ?"
            args.append(model_id)
        rows = self.db.execute_returning_dicts(sql + " ORDER BY model_id, name", args)
        for r in rows:
            r["params"] = json.loads(r["params"])
        return pd.DataFrame(rows, columns=["id", "model_id", "name", "params", "updated_at"])

    def rename(self, model_id: str, old: str, new: str) -> ChangeSet:
        new = new.strip()
        if not new:
            raise ValidationError("case name: must not be empty")
        change = ChangeSet(tables={"scenarios"})
        with self._txn():
            if self.db.execute("SELECT 1 FROM scenarios WHERE model_id=? AND name=?",
                               [model_id, new]).fetchone():
                raise ValidationError(f"case name: {new!r} already exists")
            cur = self.db.execute("UPDATE scenarios SET name=?, updated_at=? WHERE model_id=?"
                                  " AND name=?", [new, now_iso(), model_id, old])
            change.changed = cur.rowcount
            self._provenance("edit", change, target=f"scenarios:{model_id}:{old}->{new}")
        return change

    def delete(self, model_id: str, name: str) -> ChangeSet:
        change = ChangeSet(tables={"scenarios"})
        with self._txn():
            cur = self.db.execute("DELETE FROM scenarios WHERE model_id=? AND name=?",
                                  [model_id, name])
            change.changed = cur.rowcount
            self._provenance("delete", change, target=f"scenarios:{model_id}:{name}")
        return change
