"""Writing previews to the cache: every file of one import in ONE transaction, or a dry run.

A dry run performs the very same writes and rolls them back, so the counts it shows ("312
added, 0 changed") are exactly what the commit will report. Real data written over an
illustrative (is_demo) series first deletes the demo points (inside the same transaction), so
the series holds only the imported observations and its flag is cleared.

Before anything is written the import is reviewed (``conflicts.review_plan``): two files of one
import writing one series are refused, and stored values that came from another file, source
or title are overwritten only when approved (``replace``); the dry run reports the review.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ...core.changes import ChangeSet
from ...core.series import SeriesBundle
from ...store.cache import Cache
from .conflicts import ImportConflictError, Plan, Review, review_plan
from .errors import ImportFileError
from .preview import ImportPreview

MAPPINGS_KEY = "import.mappings"


@dataclass
class ImportResult:
    """Per-file and total counts of one import (or dry run)."""

    files: list[tuple[str, ChangeSet]] = field(default_factory=list)
    total: ChangeSet = field(default_factory=ChangeSet)
    dry_run: bool = False
    review: Review = field(default_factory=Review)

    @property
    def change(self) -> ChangeSet:
        """What was written: the totals, or nothing for a dry run (it was rolled back)."""
        return ChangeSet() if self.dry_run else self.total

    @property
    def replaced(self) -> int:
        """Stored series whose values from elsewhere this import overwrites (approved)."""
        return len({c.series_id for c in self.review.conflicts if c.approved})

    def to_dict(self) -> dict:
        def counts(c: ChangeSet) -> dict:
            return {"added": c.added, "changed": c.changed, "unchanged": c.unchanged,
                    "series": sorted(c.series)}
        return {"dry_run": self.dry_run, "total": counts(self.total),
                "files": [{"path": p, **counts(c)} for p, c in self.files],
                **self.review.to_dict()}


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run."""


def write_replacing_demo(cache: Cache, bundles: list[SeriesBundle], *, how: str, origin: str,
                         content_hash: str = "", detail: str = "") -> ChangeSet:
    """``write_bundles`` in one transaction, after deleting the illustrative series it replaces."""
    metas = cache.series.metas()
    with cache.transaction(bulk=True):  # nested writes below become savepoints of this transaction
        for b in bundles:
            old = metas.get(b.meta.id)
            if old is not None and old.is_demo and not b.meta.is_demo:
                cache.series.delete(b.meta.id)
        return cache.series.write_bundles(bundles, how=how, origin=origin, content_hash=content_hash,
                                   detail=detail)


def commit_imports(cache: Cache, previews: list[ImportPreview], *, dry_run: bool = False,
                   remember: bool = True, replace: bool | Collection[str] = False) -> ImportResult:
    """Write every preview (one provenance row per file) in ONE transaction.

    Raises ``ImportConflictError`` (nothing written) when the review finds a conflict or mass
    change not approved by ``replace`` (True, or the series ids she chose to replace) or by a
    row's REPLACE choice; a dry run reports them in ``result.review`` instead."""
    result = ImportResult(dry_run=dry_run)
    existing = cache.series.metas()
    try:
        with cache.transaction(bulk=True):  # series + observations + a settings row: no cascades
            plan: Plan = [(str(p.path), p.planned(existing)) for p in previews]
            _refuse_shared_targets(plan)
            result.review = review_plan(cache, plan, existing, replace)
            if result.review.pending and not dry_run:
                raise ImportConflictError(result.review)
            for p, (_path, rows) in zip(previews, plan, strict=True):
                change = write_replacing_demo(
                    cache, [b for _row, b in rows], how="import", origin=str(p.path),
                    content_hash=p.content_hash,
                    detail=f"{p.layout}; {p.encoding}; {p.series_found} series")
                result.files.append((str(p.path), change))
                result.total.merge(change)
            if remember and not dry_run:
                _remember(cache, previews)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return result


def _refuse_shared_targets(plan: Plan) -> None:
    """Two files of one import never merge into one series: the second one is refused."""
    first: dict[str, tuple[str, str]] = {}
    for path, rows in plan:
        for row, bundle in rows:
            sid = bundle.meta.id
            if sid in first and first[sid][0] != path:
                other, label = first[sid]
                raise ImportFileError(path, f"{row.label!r} maps to series {sid!r}, which "
                                      f"{Path(other).name} column {label!r} also writes in this "
                                      "import; give one of them another series id",
                                      column=row.label)
            first.setdefault(sid, (path, row.label))


def _remember(cache: Cache, previews: list[ImportPreview]) -> None:
    """Keep label → series id choices so the next file with the same columns maps itself."""
    chosen = {m.label: m.series_id for p in previews for m in p.mapping
              if m.include and m.editable and m.label != m.series_id
              and not m.series_id.startswith("import.")}
    if not chosen:
        return
    saved = remembered_mappings(cache)
    if all(saved.get(k) == v for k, v in chosen.items()):
        return
    saved.update(chosen)
    cache.settings.set(MAPPINGS_KEY, json.dumps(saved, ensure_ascii=False, sort_keys=True),
                      how="import")


def remembered_mappings(cache: Cache) -> dict[str, str]:
    try:
        data = json.loads(cache.settings.get(MAPPINGS_KEY) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
