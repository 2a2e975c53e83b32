"""Writing previews to the cache: every file of one import in ONE transaction, or a dry run.

A dry run performs the very same writes and rolls them back, so the counts it shows ("312
added, 0 changed") are exactly what the commit will report. Real data written over an
illustrative (is_demo) series first deletes the demo points (inside the same transaction), so
the series holds only the imported observations and its flag is cleared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ...core.changes import ChangeSet
from ...core.series import SeriesBundle
from ...store.cache import Cache
from .preview import ImportPreview

MAPPINGS_KEY = "import.mappings"


@dataclass
class ImportResult:
    """Per-file and total counts of one import (or dry run)."""

    files: list[tuple[str, ChangeSet]] = field(default_factory=list)
    total: ChangeSet = field(default_factory=ChangeSet)
    dry_run: bool = False

    def to_dict(self) -> dict:
        def counts(c: ChangeSet) -> dict:
            return {"added": c.added, "changed": c.changed, "unchanged": c.unchanged,
                    "series": sorted(c.series)}
        return {"dry_run": self.dry_run, "total": counts(self.total),
                "files": [{"path": p, **counts(c)} for p, c in self.files]}


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run."""


def write_replacing_demo(cache: Cache, bundles: list[SeriesBundle], *, how: str, origin: str,
                         content_hash: str = "", detail: str = "") -> ChangeSet:
    """``write_bundles`` in one transaction, after deleting the illustrative series it replaces."""
    metas = cache.metas()
    with cache._txn(bulk=True):  # nested writes below become savepoints of this transaction
        for b in bundles:
            old = metas.get(b.meta.id)
            if old is not None and old.is_demo and not b.meta.is_demo:
                cache.delete_series(b.meta.id)
        return cache.write_bundles(bundles, how=how, origin=origin, content_hash=content_hash,
                                   detail=detail)


def commit_imports(cache: Cache, previews: list[ImportPreview], *, dry_run: bool = False,
                   remember: bool = True) -> ImportResult:
    """Write every preview (one provenance row per file) in ONE transaction."""
    result = ImportResult(dry_run=dry_run)
    existing = cache.metas()
    try:
        with cache._txn(bulk=True):  # series + observations + a settings row: no cascades
            for p in previews:
                change = write_replacing_demo(
                    cache, p.bundles(existing), how="import", origin=str(p.path),
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
    cache.set_setting(MAPPINGS_KEY, json.dumps(saved, ensure_ascii=False, sort_keys=True),
                      how="import")


def remembered_mappings(cache: Cache) -> dict[str, str]:
    try:
        data = json.loads(cache.get_setting(MAPPINGS_KEY) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
