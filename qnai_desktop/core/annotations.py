"""Dated events, text callouts and difference arrows on a chart, as plain values. Pure.

The store keeps them per chart id (``store/annotations_repo.py``); every drawing — the window,
the images, the native PPTX chart — reads them through :func:`annotations_from_rows`. An arrow's
label is never stored: :func:`arrow_label` computes it from the data each time it is drawn, so
"+85%" becomes "+91%" when the series is revised.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

KINDS = ("event", "callout", "arrow")
MINUS = "\u2212"  # typographic minus: "−4%", as printed in the note
#: Series units whose differences are read in points of the unit (3.2%p), not as a ratio.
PERCENT_UNITS = frozenset({"pct"})


@dataclass(frozen=True)
class Annotation:
    """One mark on one chart. ``spec`` carries what the kind needs beyond the date and label:
    an arrow's ``series`` and ``to`` date, a callout's ``series`` or ``value``, and for any kind
    the sentence it stands for (``detail_ko`` / ``detail_en``)."""

    id: int
    chart_id: str
    kind: str
    day: date
    label_ko: str = ""
    label_en: str = ""
    spec: Mapping[str, Any] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        """The label in ``lang``, the other language's when that one is empty."""
        first, other = (self.label_ko, self.label_en) if lang == "ko" else (self.label_en, self.label_ko)
        return first or other

    def detail(self, lang: str) -> str:
        first, other = ("detail_ko", "detail_en") if lang == "ko" else ("detail_en", "detail_ko")
        return str(self.spec.get(first) or self.spec.get(other) or "")

    @property
    def series_id(self) -> str:
        return str(self.spec.get("series") or "")

    @property
    def to_day(self) -> date | None:
        """An arrow's second date (None for other kinds or a malformed spec)."""
        try:
            return date.fromisoformat(str(self.spec["to"]))
        except (KeyError, ValueError):
            return None

    @property
    def value(self) -> float | None:
        """A callout's explicit y (None: take the series' value at the date)."""
        try:
            v = float(self.spec["value"])
        except (KeyError, TypeError, ValueError):
            return None
        return v if math.isfinite(v) else None


def annotations_from_rows(rows: pd.DataFrame | Iterable[Mapping[str, Any]]) -> list[Annotation]:
    """Annotation values from ``cache.annotations.list()`` (a frame) or plain dicts."""
    records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)
    out = []
    for r in records:
        spec = r.get("spec") or {}
        out.append(Annotation(int(r["id"]), str(r["chart_id"]), str(r["kind"]),
                              date.fromisoformat(str(r["date"])[:10]), str(r.get("label_ko") or ""),
                              str(r.get("label_en") or ""), dict(spec) if isinstance(spec, Mapping) else {}))
    return out


def epoch_seconds(day: date) -> float:
    """``day`` as the epoch seconds a prepared date chart uses for x."""
    return float(pd.Timestamp(day).timestamp())


def value_at(x: np.ndarray, y: np.ndarray, at: float) -> float | None:
    """The series' value as of ``at``: the last finite observation at or before it (None when
    the series starts later)."""
    xs = np.asarray(x, dtype="float64")
    ys = np.asarray(y, dtype="float64")
    ok = np.isfinite(ys) & (xs <= at)
    if not ok.any():
        return None
    return float(ys[ok][np.argmax(xs[ok])])


def is_percent_unit(unit: str) -> bool:
    return unit in PERCENT_UNITS


def _signed(value: float, decimals: int) -> str:
    text = f"{abs(value):,.{decimals}f}"
    if float(text.replace(",", "")) == 0:
        return "0"  # no sign, no "0.0": nothing moved
    return ("+" if value > 0 else MINUS) + text


def difference_label(start: float, end: float, *, points: bool, lang: str = "ko") -> str | None:
    """The change from ``start`` to ``end`` as a difference arrow shows it.

    A ratio ("+85%", "−4%": whole percent from 1% up, one decimal below) — or, for a series that
    is itself in percent (``points``), the difference in points ("+3.2%p" / "+3.2 pp", one decimal
    under 10). None when it cannot be said (a ratio from zero, a missing value).
    """
    if not (math.isfinite(start) and math.isfinite(end)):
        return None
    if points:
        diff = end - start
        text = _signed(diff, 0 if abs(diff) >= 10 else 1)
        return text + ("%p" if lang == "ko" else " pp")
    if start == 0:
        return None
    change = (end / start - 1.0) * 100.0
    if start < 0:  # a ratio of negative numbers reads backwards: say the sign of the move
        change = -change
    return _signed(change, 0 if abs(change) >= 1 else 1) + "%"


def arrow_label(x: np.ndarray, y: np.ndarray, start: date, end: date, *, points: bool,
                lang: str = "ko") -> str | None:
    """The label of a difference arrow from ``start`` to ``end`` on a date series (x in epoch
    seconds), computed from the values as of both dates."""
    a = value_at(x, y, epoch_seconds(start))
    b = value_at(x, y, epoch_seconds(end))
    if a is None or b is None:
        return None
    return difference_label(a, b, points=points, lang=lang)
