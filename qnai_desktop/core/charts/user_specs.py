"""Chart specs the Charts tab makes itself: users' own charts, one-series charts, lookups.

Pure (no Qt): the add-chart dialog collects choices, :func:`build_user_spec` turns them into a
``ChartSpec`` that is saved with ``cache.charts.save(spec.id, spec.to_dict())``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..param_axis import param_axis
from ..series import UNITS, SeriesMeta
from . import ChartSpec, SeriesRef, TransformStep, resolve_series

#: Transform choices offered to users, with the parameter each takes (None: no parameter).
TRANSFORM_CHOICES: dict[str, str | None] = {
    "none": None,
    "moving_average": "window",
    "yoy_pct": None,
    "resample_w": None,
    "resample_m": None,
    "cumulative_sum": None,
    "index_to": "date",
    "share_of_total": None,
    "rebase_at_threshold": "threshold",
}
SERIES_CHART_PREFIX = "series:"
_INDEX_UNIT = ("지수", "Index")


def transform_steps(choice: str, param: Any = None) -> tuple[tuple[TransformStep, ...], str]:
    """The transform steps and x mode for a user's transform choice."""
    if choice not in TRANSFORM_CHOICES:
        raise ValueError(f"unknown transform choice {choice!r}")
    if choice == "none":
        return (), "date"
    if choice == "moving_average":
        return (TransformStep("moving_average", {"window": int(param or 7)}),), "date"
    if choice in ("resample_w", "resample_m"):
        return (TransformStep("resample", {"rule": choice[-1].upper()}),), "date"
    if choice == "index_to":
        if not param:
            raise ValueError("index_to needs a date")
        return (TransformStep("index_to", {"date": str(param)}),), "date"
    if choice == "rebase_at_threshold":
        step = TransformStep("rebase_at_threshold",
                             {"threshold": float(param or 1_000_000), "cumulative": True})
        return (step,), "days_since"
    return (TransformStep(choice),), "date"


def _units(choice: str, meta: SeriesMeta | None) -> tuple[str, str]:
    """(ko, en) axis unit after the transform."""
    if choice == "yoy_pct":
        return "% YoY", "% YoY"
    if choice == "share_of_total":
        return "%", "%"
    if choice in ("index_to", "rebase_at_threshold"):
        return _INDEX_UNIT
    if meta is None:
        return "", ""
    return UNITS[meta.unit]


def unique_chart_id(title_en: str, title_ko: str, taken: Iterable[str]) -> str:
    """``user_meta_capex`` from the English title (``user_chart`` if none), unique among taken."""
    slug = re.sub(r"[^a-z0-9]+", "_", (title_en or "").lower()).strip("_")[:40] or "chart"
    base = f"user_{slug}"
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def build_user_spec(*, title_ko: str, title_en: str, series_ids: list[str], kind: str,
                    metas: Mapping[str, SeriesMeta], transform: str = "none", param: Any = None,
                    right_ids: Iterable[str] = (), taken_ids: Iterable[str] = ()) -> ChartSpec:
    """A user's chart of cached series (ValueError when the choices do not make a chart)."""
    title_ko, title_en = title_ko.strip(), title_en.strip()
    if not (title_ko or title_en):
        raise ValueError("a chart needs a title")
    if not series_ids:
        raise ValueError("pick at least one series")
    right = set(right_ids) if kind == "dual_axis" else set()
    steps, x_mode = transform_steps(transform, param)
    left_meta = next((metas.get(s) for s in series_ids if s not in right), None)
    right_meta = next((metas.get(s) for s in series_ids if s in right), None)
    unit_ko, unit_en = _units(transform, left_meta)
    unit_right_ko, unit_right_en = _units(transform, right_meta) if right else ("", "")
    return ChartSpec(
        id=unique_chart_id(title_en, title_ko, taken_ids),
        title_ko=title_ko or title_en,
        title_en=title_en or title_ko,
        kind=kind,
        series=tuple(SeriesRef(sid, axis="right" if sid in right else "left") for sid in series_ids),
        transforms=steps,
        unit_ko=unit_ko, unit_en=unit_en,
        unit_right_ko=unit_right_ko, unit_right_en=unit_right_en,
        x_mode=x_mode,
        origin="user",
    )


def series_chart(meta: SeriesMeta) -> ChartSpec:
    """A plain line chart of one cached series (what the list's series entries open); a
    parameter curve (published scenario) gets a parameter chart with the input on x."""
    ko, en = UNITS[meta.unit]
    axis = param_axis(meta)
    x = {} if axis is None else {"x_mode": "param", "x_label_ko": axis.label_ko,
                                 "x_label_en": axis.label_en, "x_unit_ko": axis.unit_ko,
                                 "x_unit_en": axis.unit_en}
    return ChartSpec(
        id=SERIES_CHART_PREFIX + meta.id, title_ko=meta.title_ko, title_en=meta.title_en,
        kind="line", series=(SeriesRef(meta.id, meta.title_ko, meta.title_en),),
        unit_ko=ko, unit_en=en, note_ko=meta.note_ko, note_en=meta.note_en, **x,
    )


def parse_user_charts(saved: Iterable[dict]) -> tuple[list[ChartSpec], list[str]]:
    """Specs from ``cache.charts.list()``; a spec that no longer parses is reported, not fatal."""
    specs: list[ChartSpec] = []
    errors: list[str] = []
    for data in saved:
        try:
            specs.append(ChartSpec.from_dict(data))
        except (KeyError, TypeError, ValueError) as exc:
            errors.append(f"{data.get('id', '?')}: {exc}")
    return specs, errors


def chart_for_series(series_id: str, specs: Iterable[ChartSpec],
                     available: Iterable[str]) -> ChartSpec | None:
    """The first chart that plots ``series_id`` (how an alert on a series opens its chart)."""
    available = set(available) | {series_id}
    for spec in specs:
        if series_id in resolve_series(spec, available):
            return spec
    return None
