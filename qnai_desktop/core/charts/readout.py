"""The crosshair read-out text: each visible series' value at (or just before) the cursor's x.

Pure (no Qt), so it is tested with plain arrays.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from ..formatting import fmt_auto
from ..phrases import DAY_N
from . import PreparedChart


def value_at(x: np.ndarray, y: np.ndarray, at: float) -> tuple[float, float] | None:
    """(x, y) of the last finite point at or before ``at``; None when there is none."""
    if not len(x):
        return None
    i = int(np.searchsorted(x, at, side="right")) - 1
    while i >= 0 and not np.isfinite(y[i]):
        i -= 1
    if i < 0:
        return None
    return float(x[i]), float(y[i])


def x_text(x: float, prepared: PreparedChart, lang: str) -> str:
    """``2026-07-05``; ``120일`` on a days-since chart; ``외부 판매 비율 35 %`` on a parameter
    chart (the input's value, never a date)."""
    if prepared.x_is_date:
        return datetime.fromtimestamp(x, UTC).strftime("%Y-%m-%d")
    names = dict(prepared.category_ticks(lang))
    if names:  # bars by case: the case's name
        return names.get(x, "")
    if prepared.x_mode == "param":
        spec = prepared.spec
        label = spec.x_label_ko if lang == "ko" else spec.x_label_en
        unit = spec.x_unit_ko if lang == "ko" else spec.x_unit_en
        return " ".join(p for p in (label, f"{round(x, 6):,.10g}", unit) if p)
    days = round(x)
    return DAY_N.pick(lang).format(days=days)


def readout(prepared: PreparedChart, at: float, lang: str,
            hidden: set[str] | frozenset[str] = frozenset()) -> str:
    """``2026-07-05 · B200 6.40 · H100 3.05`` for the point nearest before ``at`` (on a chart of
    bars by case: the bar under the cursor, ``Dspark 적용 후 (+85%) · 노트 수치 1.85``)."""
    if prepared.categories:
        at = float(round(at))  # a bar spans its position ± half a step
    parts: list[str] = []
    shown_x: float | None = None
    for s in prepared.series:
        if s.series_id in hidden:
            continue
        found = value_at(s.x, s.y, at)
        if found is None:
            continue
        shown_x = found[0] if shown_x is None else max(shown_x, found[0])
        parts.append(f"{s.label(lang)} {fmt_auto(found[1])}")
    if shown_x is None:
        return ""
    return " · ".join([x_text(shown_x, prepared, lang), *parts])
