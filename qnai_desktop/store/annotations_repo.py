"""Dated events, text callouts and difference arrows on charts — stored with the chart id they
belong to, drawn on screen and in every export. ``spec`` holds what each kind needs beyond the
date and the label (a callout's value, an arrow's series and second date); an arrow's label is
computed from the data when drawn, never stored."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from ..core.changes import ChangeSet
from ._base import RepoBase, now_iso
from .errors import ValidationError

KINDS = ("event", "callout", "arrow")
ANNOTATION_COLS = ["id", "chart_id", "kind", "date", "label_ko", "label_en", "spec",
                   "created_at"]


class AnnotationsRepo(RepoBase):
    """``cache.annotations``."""

    def add(self, chart_id: str, kind: str, day: date | str, *, label_ko: str = "",
            label_en: str = "", spec: dict | None = None, how: str = "edit") -> int:
        if kind not in KINDS:
            raise ValidationError(f"kind: must be one of {', '.join(KINDS)}, not {kind!r}")
        if not chart_id.strip():
            raise ValidationError("chart: an annotation belongs to a chart id")
        try:
            text = day.isoformat() if isinstance(day, date) else date.fromisoformat(day).isoformat()
        except ValueError:
            raise ValidationError(f"date: {day!r} is not a date (YYYY-MM-DD)") from None
        if kind != "arrow" and not (label_ko.strip() or label_en.strip()):
            raise ValidationError("label: an event or callout needs a label")
        with self._txn():
            cur = self.db.execute(
                "INSERT INTO chart_annotations (chart_id, kind, date, label_ko, label_en, spec,"
                " created_at) VALUES (?,?,?,?,?,?,?)",
                [chart_id, kind, text, label_ko, label_en,
                 json.dumps(spec or {}, ensure_ascii=False, sort_keys=True), now_iso()])
            new_id = int(cur.lastrowid)
            self._provenance(how, ChangeSet(added=1, tables={"chart_annotations"}),
                             target=f"chart_annotations:{new_id}", detail=f"{kind} on {chart_id}")
        return new_id

    def list(self, chart_id: str | None = None) -> pd.DataFrame:
        sql = f"SELECT {', '.join(ANNOTATION_COLS)} FROM chart_annotations"
        args: list = []
        if chart_id is not None:
            sql += " WHERE chart_id = ?"
            args.append(chart_id)
        rows = self.db.execute_returning_dicts(sql + " ORDER BY chart_id, date, id", args)
        df = pd.DataFrame(rows, columns=ANNOTATION_COLS)
        df["spec"] = [json.loads(s or "{}") for s in df["spec"]]
        return df

    def delete(self, annotation_id: int) -> ChangeSet:
        change = ChangeSet(tables={"chart_annotations"})
        with self._txn():
            change.changed = self.db.execute("DELETE FROM chart_annotations WHERE id = ?",
                                             [annotation_id]).rowcount
            self._provenance("delete", change, target=f"chart_annotations:{annotation_id}")
        return change
