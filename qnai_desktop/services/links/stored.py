"""A link's mapping as stored (``linked_files.mapping``) and put back onto a fresh preview.

Stored: ``{"layout": …, "columns": [{"key", "label", "series_id", "include"}, …]}`` — the rows
she confirmed when she linked the file. A later read matches each column of the new preview to
a stored one by key and label (the key names the column's place, so two columns with one label
stay apart), else by label alone when that label is unique (she inserted a column: the key moved,
the header did not). A column the link never confirmed is left out and named; a confirmed column
that has gone is named too. Nothing here reads a file or the cache.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ...core.series import SeriesMeta
from ..importers import MappingRow, retarget


def to_stored(layout: str, mapping: list[MappingRow]) -> dict:
    """The mapping she confirmed, as the link keeps it."""
    return {"layout": layout,
            "columns": [{"key": m.key, "label": m.label, "series_id": m.series_id,
                         "include": bool(m.include)} for m in mapping]}


def stored_series(stored: dict) -> list[str]:
    """The series ids a link writes (its included columns)."""
    return [str(c.get("series_id", "")) for c in _columns(stored) if c.get("include")]


@dataclass
class Applied:
    """The preview's rows with the link's choices, and what did not match."""

    rows: list[MappingRow]
    unlinked: list[str] = field(default_factory=list)  # columns in the file the link never confirmed
    gone: list[str] = field(default_factory=list)  # confirmed columns no longer in the file

    @property
    def included(self) -> int:
        return sum(r.include for r in self.rows)

    def notes(self) -> list[str]:
        out = []
        if self.unlinked:
            out.append(f"{len(self.unlinked)} column(s) not linked, left out: "
                       f"{_names(self.unlinked)} (link the file again to map them)")
        if self.gone:
            out.append(f"{len(self.gone)} linked column(s) no longer in the file: {_names(self.gone)}")
        return out


def apply_stored(rows: list[MappingRow], stored: dict,
                 existing: dict[str, SeriesMeta]) -> Applied:
    """``rows`` (a fresh preview's suggested mapping) pointed where the link says."""
    columns = _columns(stored)
    by_key = {(str(c.get("key")), str(c.get("label"))): i for i, c in enumerate(columns)}
    counts = Counter(str(c.get("label")) for c in columns)
    by_label = {str(c.get("label")): i for i, c in enumerate(columns) if counts[str(c.get("label"))] == 1}
    out = Applied([])
    used: set[int] = set()
    for row in rows:
        i = by_key.get((row.key, row.label))
        if i is None or i in used:
            i = by_label.get(row.label)
        if i is None or i in used:
            out.rows.append(replace(row, include=False))
            out.unlinked.append(row.label)
            continue
        used.add(i)
        column = columns[i]
        if not column.get("include"):
            out.rows.append(replace(row, include=False))
            continue
        if row.editable:  # a dataset's rows have fixed ids
            row = retarget(row, str(column.get("series_id", "")), existing)
        out.rows.append(replace(row, include=True))
    out.gone = [str(c.get("label")) for i, c in enumerate(columns)
                if i not in used and c.get("include")]
    return out


def _columns(stored: dict) -> list[dict]:
    columns = stored.get("columns") if isinstance(stored, dict) else None
    return [c for c in columns if isinstance(c, dict)] if isinstance(columns, list) else []


def _names(labels: list[str]) -> str:
    shown = ", ".join(repr(x) for x in labels[:3])
    return shown + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
