"""Which stored values an import would overwrite that came from somewhere else, before it writes.

A *conflict* is an included row whose target is a stored, real (not is_demo) series that the
import would give another title, source, file, column or linked file (``extra["imported_from"]``
/ ``extra["column"]`` / ``extra["linked_from"]``) AND whose stored values it would change. A
pure append (new dates only), or rewriting identical values, is a normal update; replacing
illustrative data is intended.
A *mass change* is a dataset import (fixed ids) that would change more than ``MASS_SHARE`` of
the stored values it overlaps in one id group (``agents.commits.*``), e.g. a look-alike folder.

``review_plan`` finds both from the bundles ``commit_imports`` is about to write, so the dry run,
the CLI and the dialog show the same list; ``commit_imports`` refuses (``ImportConflictError``,
nothing written) unless each one was approved: ``replace=True`` (CLI ``--replace``), its series
id in ``replace``, or her row choice REPLACE. :func:`choose` applies a dialog choice.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from ...core.series import SeriesBundle, SeriesMeta
from ..datasets import DatasetError
from .mapping import (
    LINKED_FROM,
    NEW_SERIES,
    REPLACE,
    SKIP,
    MappingRow,
    fresh_target,
    retarget,
    unique_id,
)

MASS_SHARE = 0.02
REL_TOL = 1e-9  # the store's own tolerance for "unchanged"


@dataclass(frozen=True)
class SeriesConflict:
    """One stored series an import row would overwrite; ``describe()`` names both sides."""

    path: str
    key: str
    label: str
    series_id: str
    title_ko: str
    title_en: str
    origin: str  # the file it was imported from, else its source
    reasons: tuple[str, ...]  # "title", "source", "file", "column"
    changed: int
    stored: int
    approved: bool = False

    def describe(self) -> str:
        return (f"{Path(self.path).name} column {self.label!r} → {self.series_id} "
                f"“{self.title_en}” (from {self.origin}): would change {self.changed:,} of "
                f"{self.stored:,} stored values (different {' / '.join(self.reasons)})")


@dataclass(frozen=True)
class MassChange:
    """A dataset import changing more than MASS_SHARE of the stored values of one id group."""

    path: str
    group: str
    changed: int
    stored: int
    series: tuple[str, ...]
    approved: bool = False

    @property
    def share(self) -> float:
        return self.changed / self.stored if self.stored else 0.0

    def describe(self) -> str:
        return (f"{Path(self.path).name}: would change {self.changed:,} of {self.stored:,} stored "
                f"values of {self.group} ({self.share:.1%})")


@dataclass
class Review:
    """Conflicts and mass changes of one import, each marked approved or not."""

    conflicts: list[SeriesConflict] = field(default_factory=list)
    mass_changes: list[MassChange] = field(default_factory=list)

    @property
    def pending(self) -> list[SeriesConflict | MassChange]:
        return [c for c in [*self.conflicts, *self.mass_changes] if not c.approved]

    def to_dict(self) -> dict:
        return {"conflicts": [{"path": c.path, "column": c.label, "series_id": c.series_id,
                               "title_ko": c.title_ko, "title_en": c.title_en, "origin": c.origin,
                               "reasons": list(c.reasons), "changed": c.changed,
                               "stored": c.stored, "approved": c.approved}
                              for c in self.conflicts],
                "mass_changes": [{"path": m.path, "group": m.group, "changed": m.changed,
                                  "stored": m.stored, "series": list(m.series),
                                  "approved": m.approved} for m in self.mass_changes]}


class ImportConflictError(DatasetError):
    """The import would overwrite stored data without her choice; nothing was written."""

    def __init__(self, review: Review) -> None:
        self.review = review
        pending = review.pending
        first = pending[0]
        more = f" (and {len(pending) - 1} more)" if len(pending) > 1 else ""
        super().__init__(first.path, f"needs a choice before it overwrites stored values: "
                         f"{first.describe()}{more}")


Plan = list[tuple[str, list[tuple[MappingRow, SeriesBundle]]]]


def review_plan(cache, plan: Plan, existing: dict[str, SeriesMeta],
                replace_ids: bool | Collection[str] = False) -> Review:
    """Conflicts and mass changes of ``plan`` (per file: rows with the bundles they write)."""
    review = Review()
    for path, rows in plan:
        groups: dict[str, list[tuple[str, int, int]]] = {}
        for row, bundle in rows:
            old = existing.get(bundle.meta.id)
            if old is None or old.is_demo or not len(bundle.frame):
                continue
            changed, stored = _overlap(cache, bundle)
            if not row.editable:
                group = ".".join(bundle.meta.id.split(".")[:2]) + ".*"
                groups.setdefault(group, []).append((bundle.meta.id, changed, stored))
            reasons = _reasons(old, bundle.meta)
            if changed and reasons:
                ok = replace_ids is True or row.choice == REPLACE or (
                    not isinstance(replace_ids, bool) and bundle.meta.id in replace_ids)
                review.conflicts.append(SeriesConflict(
                    path, row.key, row.label, old.id, old.title_ko, old.title_en,
                    str(old.extra.get("imported_from") or old.source), reasons, changed, stored,
                    approved=ok))
        for group, parts in groups.items():
            changed, stored = sum(p[1] for p in parts), sum(p[2] for p in parts)
            if changed > MASS_SHARE * stored:
                ids = tuple(sid for sid, n, _s in parts if n)
                ok = replace_ids is True or (not isinstance(replace_ids, bool)
                                             and set(ids) <= set(replace_ids))
                review.mass_changes.append(MassChange(path, group, changed, stored, ids, ok))
    return review


def _reasons(old: SeriesMeta, new: SeriesMeta) -> tuple[str, ...]:
    out = []
    if (old.title_ko, old.title_en) != (new.title_ko, new.title_en):
        out.append("title")
    if old.source != new.source:
        out.append("source")
    for name, key in (("file", "imported_from"), ("column", "column"),
                      ("linked file", LINKED_FROM)):
        if old.extra.get(key) and old.extra.get(key) != new.extra.get(key):
            out.append(name)
    return tuple(out)


def _overlap(cache, bundle: SeriesBundle) -> tuple[int, int]:
    """(stored values the bundle would change, stored values on the bundle's dates)."""
    days = bundle.frame["date"].to_numpy().astype("datetime64[D]")
    old = cache.series.observations(bundle.meta.id, days.min().item(), days.max().item())
    if not len(old):
        return 0, 0
    pos = pd.Index(old["date"].to_numpy().astype("datetime64[D]")).get_indexer(days)
    known = pos >= 0
    prev = old["value"].to_numpy(dtype="float64")[pos[known]]
    new = bundle.frame["value"].to_numpy(dtype="float64")[known]
    with np.errstate(invalid="ignore"):
        same = (np.isnan(prev) & np.isnan(new)) | (
            np.abs(prev - new) <= REL_TOL * np.maximum(1.0, np.maximum(np.abs(prev), np.abs(new))))
    return int((~same).sum()), int(known.sum())


def choose(row: MappingRow, choice: str, existing: dict[str, SeriesMeta],
           taken: Collection[str] = ()) -> MappingRow:
    """``row`` after her choice for its conflict: REPLACE writes into the stored series, SKIP
    leaves the row out, NEW_SERIES moves it to a fresh id (not stored, not in ``taken``) titled
    by its own label — for an editable row; a dataset's fixed id cannot move (SKIP instead)."""
    target = row.conflict_with or row.series_id
    if choice == NEW_SERIES and not row.editable:
        choice = SKIP
    row = replace(row, conflict_with=target, choice=choice)
    if choice == NEW_SERIES:
        base = row if row.series_id == target else retarget(row, target, existing)
        return replace(fresh_target(base, unique_id(target, {*existing, *taken}), existing),
                       include=True)
    return replace(retarget(row, target, existing), include=choice != SKIP)


def default_choices(mappings: dict[str, list[MappingRow]], review: Review,
                    existing: dict[str, SeriesMeta]) -> int:
    """Every conflict not decided yet becomes NEW_SERIES (a dataset row: SKIP) — nothing is
    replaced unless she picks it; ``mappings`` is path → rows, edited in place. Returns how many
    rows changed."""
    taken = {r.series_id for rows in mappings.values() for r in rows}
    moved = 0
    for c in review.conflicts:
        rows = mappings.get(c.path, [])
        for i, row in enumerate(rows):
            if row.key == c.key and not row.choice:
                rows[i] = choose(row, NEW_SERIES, existing, taken)
                taken.add(rows[i].series_id)
                moved += 1
    return moved


__all__ = ["MASS_SHARE", "NEW_SERIES", "REPLACE", "SKIP", "ImportConflictError", "MassChange",
           "Review", "SeriesConflict", "choose", "default_choices", "review_plan"]
