"""Expand a chart's series refs (ids and globs) against the ids present in the cache."""

from __future__ import annotations

from collections.abc import Iterable

from qnai_desktop.core.charts.spec import ChartSpec, SeriesRef

#: Catch-all series sort after named ones so stacks and legends end with them.
_TRAILING_KEYS = ("other", "others", "etc", "rest", "total")


def _glob_order(ref: SeriesRef, series_id: str) -> tuple[bool, str]:
    return (ref.key_for(series_id) in _TRAILING_KEYS, series_id)


def resolve_refs(spec: ChartSpec, available_ids: Iterable[str]) -> list[tuple[str, SeriesRef]]:
    """(series id, the ref that selected it) in plotting order, each id once (first ref wins).

    A plain id is kept only if available; a glob expands alphabetically, catch-alls last; a
    fallback ref (``unless``) is skipped while what it stands in for is available.
    """
    available = set(available_ids)
    seen: set[str] = set()
    out: list[tuple[str, SeriesRef]] = []
    for ref in spec.series:
        if ref.replaced(available):
            continue
        if ref.is_glob:
            matched = sorted(
                (sid for sid in available if ref.matches(sid)),
                key=lambda sid, ref=ref: _glob_order(ref, sid),
            )
        else:
            matched = [ref.series_id] if ref.series_id in available else []
        for sid in matched:
            if sid not in seen:
                seen.add(sid)
                out.append((sid, ref))
    return out


def resolve_series(spec: ChartSpec, available_ids: Iterable[str]) -> list[str]:
    """The series ids a chart plots, in a stable order."""
    return [sid for sid, _ in resolve_refs(spec, available_ids)]


def unresolved_refs(spec: ChartSpec, available_ids: Iterable[str]) -> list[str]:
    """Refs of the chart that match nothing available (a missing id or an empty glob); a
    fallback whose real series are there is not missing."""
    available = set(available_ids)
    return [ref.series_id for ref in spec.series
            if not ref.replaced(available) and not _matches_any(ref, available)]


def _matches_any(ref: SeriesRef, available: set[str]) -> bool:
    """A plain id is a set lookup (a chart open on a 2,000-series cache scanned every id)."""
    if not ref.is_glob:
        return ref.series_id in available and ref.matches(ref.series_id)
    return any(ref.matches(sid) for sid in available)
