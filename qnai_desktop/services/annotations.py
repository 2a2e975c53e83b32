"""Dated events, callouts and difference arrows on charts: checked writes, listings with the
arrow labels computed from today's data, and the note's events for a new cache.

Writes take the cache and return what changed (the window runs them through ``run_op``); the
store's repository checks the date, kind and label, this module that the chart exists and that
an arrow has its second date.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.annotations import KINDS, Annotation, annotations_from_rows, arrow_label, is_percent_unit
from ..core.changes import ChangeSet
from ..store.cache import Cache
from ..store.errors import ValidationError

EVENTS_FILE = "events.csv"


class AnnotationError(ValueError):
    """An annotation that cannot be stored or found; the message is one sentence."""


@dataclass(frozen=True)
class Added:
    """What :func:`add_annotation` stored."""

    id: int
    change: ChangeSet


def _known_charts(cache: Cache) -> list[str]:
    from .export_plan import all_specs

    return [s.id for s in all_specs(cache)]


def add_annotation(cache: Cache, chart_id: str, kind: str, day: date | str, *, label_ko: str = "",
                   label_en: str = "", series: str = "", to: date | str | None = None,
                   value: float | None = None, detail_ko: str = "", detail_en: str = "") -> Added:
    """Store one event (``kind="event"``), callout (at ``value`` or the series' value) or
    difference arrow (from ``day`` to ``to`` on ``series``, the chart's first by default)."""
    known = _known_charts(cache)
    if chart_id not in known:
        raise AnnotationError(f"unknown chart {chart_id!r}; see `qnai-desktop charts list` "
                              f"(e.g. {', '.join(known[:3])})")
    if kind not in KINDS:
        raise AnnotationError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    spec: dict[str, Any] = {}
    if series:
        spec["series"] = series
    if kind == "arrow":
        if to is None:
            raise AnnotationError("an arrow needs its second date (--to YYYY-MM-DD)")
        try:
            spec["to"] = to.isoformat() if isinstance(to, date) else date.fromisoformat(str(to)).isoformat()
        except ValueError:
            raise AnnotationError(f"--to {to!r} is not a date (YYYY-MM-DD)") from None
    if value is not None:
        if not math.isfinite(value):
            raise AnnotationError("a callout's value must be a finite number")
        spec["value"] = float(value)
    if detail_ko:
        spec["detail_ko"] = detail_ko
    if detail_en:
        spec["detail_en"] = detail_en
    try:
        new_id = cache.annotations.add(chart_id, kind, day, label_ko=label_ko.strip(),
                                       label_en=label_en.strip(), spec=spec)
    except ValidationError as exc:
        raise AnnotationError(str(exc)) from None
    return Added(new_id, ChangeSet(added=1, tables={"chart_annotations"}))


def delete_annotation(cache: Cache, annotation_id: int) -> ChangeSet:
    """Delete one annotation; AnnotationError when there is none with that id."""
    change = cache.annotations.delete(int(annotation_id))
    if change.changed == 0:
        raise AnnotationError(f"no annotation with id {annotation_id} "
                              "(see `qnai-desktop events list`)")
    return change


def arrow_labels(cache: Cache, anns: list[Annotation], lang: str = "ko") -> dict[int, str]:
    """The computed label of each arrow in ``anns`` from the chart's data as cached now."""
    from .export_plan import gather_jobs

    arrows = [a for a in anns if a.kind == "arrow" and a.to_day is not None]
    charts = sorted({a.chart_id for a in arrows} & set(_known_charts(cache)))
    if not charts:
        return {}
    prepared = {j.chart_id: j.prepared for j in gather_jobs(cache, charts)}
    out: dict[int, str] = {}
    for a in arrows:
        p = prepared.get(a.chart_id)
        if p is None or not p.series:
            continue
        s = next((s for s in p.series if a.series_id in (s.series_id, s.key)), p.series[0])
        points = is_percent_unit(s.unit) or p.spec.kind == "area_pct"
        label = arrow_label(s.x, s.y, a.day, a.to_day, points=points, lang=lang)
        if label:
            out[a.id] = label
    return out


def list_annotations(cache: Cache, chart_id: str | None = None, lang: str = "ko") -> list[dict]:
    """Every annotation (of one chart), arrows with their computed label."""
    anns = annotations_from_rows(cache.annotations.list(chart_id))
    labels = arrow_labels(cache, anns, lang)
    return [{"id": a.id, "chart": a.chart_id, "kind": a.kind, "date": a.day.isoformat(),
             "label_ko": a.label_ko, "label_en": a.label_en, "spec": dict(a.spec),
             **({"arrow_label": labels[a.id]} if a.id in labels else {})} for a in anns]


def event_rows(folder: Path) -> list[dict]:
    """The note's dated events (``data/events.csv``), one row per chart they belong on."""
    path = folder / EVENTS_FILE
    if not path.exists():
        return []
    rows = []
    for r in pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records"):
        spec = {k: r[k] for k in ("detail_ko", "detail_en", "source") if r.get(k)}
        for chart in (c.strip() for c in r["charts"].split(";") if c.strip()):
            rows.append({"chart_id": chart, "kind": r["kind"], "date": r["date"],
                         "label_ko": r["label_ko"], "label_en": r["label_en"], "spec": spec})
    return rows


def seed_events(cache: Cache, folder: Path) -> ChangeSet:
    """Put the note's events on their charts (a new cache; inside the seed's transaction)."""
    change = ChangeSet(tables={"chart_annotations"})
    for r in event_rows(folder):
        cache.annotations.add(r["chart_id"], r["kind"], r["date"], label_ko=r["label_ko"],
                              label_en=r["label_en"], spec=r["spec"], how="seed")
        change.added += 1
    return change
