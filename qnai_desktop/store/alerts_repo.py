"""Alert rules, their crossing state and the events they recorded."""

from __future__ import annotations

import json

import pandas as pd

from ..core.changes import ChangeSet
from ._base import RepoBase, now_iso
from .errors import ValidationError


class AlertsRepo(RepoBase):
    """``cache.alerts``: rules (spec as JSON), per-rule state, and events with acknowledgement."""

    def add_rule(self, name: str, spec: dict, enabled: bool = True, *, how: str = "edit") -> int:
        """Store a rule; ``how`` is its provenance ("seed" for a new cache's watch points)."""
        with self._txn():
            cur = self.db.execute(
                "INSERT INTO alert_rules (name, spec, enabled, created_at) VALUES (?,?,?,?)",
                [name, json.dumps(spec, ensure_ascii=False), int(enabled), now_iso()])
            self._provenance(how, ChangeSet(added=1), target=f"alert_rules:{name}")
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

    def state(self) -> dict[int, bool]:
        return {int(r): bool(a) for r, a in
                self.db.execute("SELECT rule_id, active FROM alert_state").fetchall()}

    def record(self, events: list[dict], state: dict[int, bool]) -> ChangeSet:
        """Store new alert events and the rules' armed/active state in one transaction."""
        change = ChangeSet(added=len(events), tables={"alert_events"})
        with self._txn():
            for ev in events:
                self.db.execute(
                    "INSERT INTO alert_events (rule_id, at, series_id, value, message, observed)"
                    " VALUES (?,?,?,?,?,?)",
                    [ev["rule_id"], ev.get("at") or now_iso(), ev.get("series_id", ""),
                     ev.get("value"), ev["message"], ev.get("observed")])
            for rule_id, active in state.items():
                self.db.execute("INSERT OR REPLACE INTO alert_state (rule_id, active)"
                                " VALUES (?,?)", [rule_id, int(active)])
        return change

    def events(self, unacknowledged_only: bool = False) -> pd.DataFrame:
        sql = ("SELECT e.id, e.rule_id, r.name AS rule, e.at, e.series_id, e.value, e.message,"
               " e.acknowledged_at, e.observed"
               " FROM alert_events e JOIN alert_rules r ON r.id = e.rule_id")
        if unacknowledged_only:
            sql += " WHERE e.acknowledged_at IS NULL"
        rows = self.db.execute_returning_dicts(sql + " ORDER BY e.at DESC, e.id DESC")
        return pd.DataFrame(rows, columns=["id", "rule_id", "rule", "at", "series_id", "value",
                                           "message", "acknowledged_at", "observed"])

    def acknowledge(self, event_id: int, acknowledged: bool = True) -> ChangeSet:
        change = ChangeSet(tables={"alert_events"})
        with self._txn():
            cur = self.db.execute("UPDATE alert_events SET acknowledged_at = ? WHERE id = ?",
                                  [now_iso() if acknowledged else None, event_id])
            change.changed = cur.rowcount
        if not change.changed:
            raise ValidationError(f"alert event {event_id}: no such event")
        return change
