"""Saved scenario cases, user charts, alert rules and alert events."""

from __future__ import annotations

import json

import pandas as pd

from ..core.changes import ChangeSet
from ._base import RepoBase, now_iso
from .errors import ValidationError


class CasesRepo(RepoBase):
    """Named parameter sets per scenario model, user-defined charts, alert rules and events."""

    # -- scenario cases -------------------------------------------------------------------
    def save_case(self, model_id: str, name: str, params: dict) -> ChangeSet:
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

    def cases(self, model_id: str | None = None) -> pd.DataFrame:
        sql = "SELECT id, model_id, name, params, updated_at FROM scenarios"
        args: list = []
        if model_id:
            sql += " WHERE model_id = ?"
            args.append(model_id)
        rows = self.db.execute_returning_dicts(sql + " ORDER BY model_id, name", args)
        for r in rows:
            r["params"] = json.loads(r["params"])
        return pd.DataFrame(rows, columns=["id", "model_id", "name", "params", "updated_at"])

    def rename_case(self, model_id: str, old: str, new: str) -> ChangeSet:
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

    def delete_case(self, model_id: str, name: str) -> ChangeSet:
        change = ChangeSet(tables={"scenarios"})
        with self._txn():
            cur = self.db.execute("DELETE FROM scenarios WHERE model_id=? AND name=?",
                                  [model_id, name])
            change.changed = cur.rowcount
            self._provenance("delete", change, target=f"scenarios:{model_id}:{name}")
        return change

    # -- user charts ----------------------------------------------------------------------
    def save_user_chart(self, chart_id: str, spec: dict) -> ChangeSet:
        change = ChangeSet(added=1, tables={"user_charts"})
        with self._txn():
            self.db.execute("INSERT OR REPLACE INTO user_charts (id, spec, created_at)"
                            " VALUES (?,?,?)", [chart_id, json.dumps(spec, ensure_ascii=False),
                                                now_iso()])
            self._provenance("edit", change, target=f"user_charts:{chart_id}")
        return change

    def user_charts(self) -> list[dict]:
        rows = self.db.execute("SELECT spec FROM user_charts ORDER BY created_at, id").fetchall()
        return [json.loads(r[0]) for r in rows]

    def delete_user_chart(self, chart_id: str) -> ChangeSet:
        change = ChangeSet(tables={"user_charts"})
        with self._txn():
            change.changed = self.db.execute("DELETE FROM user_charts WHERE id=?",
                                             [chart_id]).rowcount
            self._provenance("delete", change, target=f"user_charts:{chart_id}")
        return change

    # -- alert rules and events -----------------------------------------------------------
    def add_rule(self, name: str, spec: dict, enabled: bool = True) -> int:
        with self._txn():
            cur = self.db.execute(
                "INSERT INTO alert_rules (name, spec, enabled, created_at) VALUES (?,?,?,?)",
                [name, json.dumps(spec, ensure_ascii=False), int(enabled), now_iso()])
            self._provenance("edit", ChangeSet(added=1), target=f"alert_rules:{name}")
            return int(cur.lastrowid)

    def rules(self) -> pd.DataFrame:
        rows = self.db.execute_returning_dicts(
            "SELECT id, name, spec, enabled, created_at FROM alert_rules ORDER BY id")
        for r in rows:
            r["spec"] = json.loads(r["spec"])
            r["enabled"] = bool(r["enabled"])
        return pd.DataFrame(rows, columns=["id", "name", "spec", "enabled", "created_at"])

    def set_rule_enabled(self, rule_id: int, enabled: bool) -> ChangeSet:
        """Switch a rule on or off; a disabled rule's state is cleared so re-enabling re-arms it."""
        change = ChangeSet(tables={"alert_rules"})
        with self._txn():
            change.changed = self.db.execute("UPDATE alert_rules SET enabled=? WHERE id=?",
                                             [int(enabled), rule_id]).rowcount
            if not change.changed:
                raise ValidationError(f"rule {rule_id}: no such rule")
            if not enabled:
                self.db.execute("DELETE FROM alert_state WHERE rule_id=?", [rule_id])
            self._provenance("edit", change, target=f"alert_rules:{rule_id}:enabled={int(enabled)}")
        return change

    def update_rule(self, rule_id: int, name: str, spec: dict) -> ChangeSet:
        """Replace a rule's name and condition; its firing state re-arms."""
        change = ChangeSet(tables={"alert_rules"})
        with self._txn():
            change.changed = self.db.execute(
                "UPDATE alert_rules SET name=?, spec=? WHERE id=?",
                [name, json.dumps(spec, ensure_ascii=False), rule_id]).rowcount
            if not change.changed:
                raise ValidationError(f"rule {rule_id}: no such rule")
            self.db.execute("DELETE FROM alert_state WHERE rule_id=?", [rule_id])
            self._provenance("edit", change, target=f"alert_rules:{rule_id}")
        return change

    def delete_rule(self, rule_id: int) -> ChangeSet:
        change = ChangeSet(tables={"alert_rules"})
        with self._txn():
            change.changed = self.db.execute("DELETE FROM alert_rules WHERE id=?",
                                             [rule_id]).rowcount
            self.db.execute("DELETE FROM alert_state WHERE rule_id=?", [rule_id])
            self._provenance("delete", change, target=f"alert_rules:{rule_id}")
        return change

    def alert_state(self) -> dict[int, bool]:
        return {int(r): bool(a) for r, a in
                self.db.execute("SELECT rule_id, active FROM alert_state").fetchall()}

    def record_alerts(self, events: list[dict], state: dict[int, bool]) -> ChangeSet:
        """Store new alert events and the rules' armed/active state in one transaction."""
        change = ChangeSet(added=len(events), tables={"alert_events"})
        with self._txn():
            for ev in events:
                self.db.execute(
                    "INSERT INTO alert_events (rule_id, at, series_id, value, message)"
                    " VALUES (?,?,?,?,?)",
                    [ev["rule_id"], ev.get("at") or now_iso(), ev.get("series_id", ""),
                     ev.get("value"), ev["message"]])
            for rule_id, active in state.items():
                self.db.execute("INSERT OR REPLACE INTO alert_state (rule_id, active)"
                                " VALUES (?,?)", [rule_id, int(active)])
        return change

    def alert_events(self, unacknowledged_only: bool = False) -> pd.DataFrame:
        sql = ("SELECT e.id, e.rule_id, r.name AS rule, e.at, e.series_id, e.value, e.message,"
               " e.acknowledged_at FROM alert_events e JOIN alert_rules r ON r.id = e.rule_id")
        if unacknowledged_only:
            sql += " WHERE e.acknowledged_at IS NULL"
        rows = self.db.execute_returning_dicts(sql + " ORDER BY e.at DESC, e.id DESC")
        return pd.DataFrame(rows, columns=["id", "rule_id", "rule", "at", "series_id", "value",
                                           "message", "acknowledged_at"])

    def acknowledge(self, event_id: int, acknowledged: bool = True) -> ChangeSet:
        change = ChangeSet(tables={"alert_events"})
        with self._txn():
            cur = self.db.execute("UPDATE alert_events SET acknowledged_at = ? WHERE id = ?",
                                  [now_iso() if acknowledged else None, event_id])
            change.changed = cur.rowcount
        if not change.changed:
            raise ValidationError(f"alert event {event_id}: no such event")
        return change
