"""How a native chart's frame is divided: stamp line, legend, tick labels, plot. Pure.

Text widths are estimated (a Hangul or CJK character is one em wide, a Latin one about 0.6
em): enough to reserve room for the legend rows and the value tick labels, so the inner plot
rectangle can be fixed (see core/deck/axes.py) without text running into it.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from qnai_desktop.core.deck.axes import Inner

LEGEND_KEY_PT = 22.0  # the line sample and the gap before the label
LEGEND_GAP_PT = 10.0


def text_width_pt(text: str, size_pt: float) -> float:
    """Estimated width of ``text`` at ``size_pt`` points."""
    ems = sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.6 for ch in text)
    return ems * size_pt


def legend_rows(labels: Sequence[str], size_pt: float, width_pt: float) -> int:
    """Rows a top legend takes when entries wrap at ``width_pt``."""
    if not labels:
        return 0
    rows, used = 1, 0.0
    for label in labels:
        entry = LEGEND_KEY_PT + text_width_pt(label, size_pt) + LEGEND_GAP_PT
        if used and used + entry > width_pt:
            rows += 1
            used = 0.0
        used += entry
    return rows


@dataclass(frozen=True)
class FrameLayout:
    """Where the parts of a chart frame go, as fractions of it: the legend band and the inner
    plot rectangle (the stamp line sits on top, the date labels under the plot)."""

    inner: Inner
    legend_y: float
    legend_h: float


def frame_layout(frame_w_pt: float, frame_h_pt: float, *, font_pt: float,
                 legend_labels: Sequence[str], y_labels: Sequence[str],
                 y2_labels: Sequence[str] = (), stamp: str = "") -> FrameLayout:
    """The legend band and inner plot rectangle below the stamp (its text wraps to as many lines
    as it needs), right of the value tick labels and above the date labels."""
    line = font_pt * 1.35
    # 85% of the width: renderers that substitute a missing font set wider than the estimate
    stamp_lines = math.ceil(text_width_pt(stamp, font_pt) / (0.85 * frame_w_pt)) if stamp else 0
    top = stamp_lines * line + 4.0
    legend_y = top
    rows = legend_rows(legend_labels, font_pt, frame_w_pt - 8.0) if len(legend_labels) > 1 else 0
    legend_h = rows * line + (4.0 if rows else 0.0)
    top += legend_h + (4.0 if rows else 0.0)
    left = max((text_width_pt(t, font_pt) for t in y_labels), default=0.0) + 8.0
    right = (max((text_width_pt(t, font_pt) for t in y2_labels), default=0.0) + 10.0) \
        if y2_labels else font_pt * 1.8  # the last date label is centred on the right edge
    bottom = line + 6.0
    w = max(0.2, 1.0 - (left + right) / frame_w_pt)
    h = max(0.2, 1.0 - (top + bottom) / frame_h_pt)
    inner = Inner(round(left / frame_w_pt, 4), round(top / frame_h_pt, 4), round(w, 4), round(h, 4))
    return FrameLayout(inner, round(legend_y / frame_h_pt, 4), round(legend_h / frame_h_pt, 4))


def tick_labels(lo: float, hi: float, step: float | None, number_format: str, log: bool) -> list[str]:
    """The value axis' tick labels as the renderer will print them (for their width)."""
    decimals = len(number_format.split(".")[1]) if "." in number_format else 0
    if log:
        values = [10.0 ** d for d in range(round(math.log10(lo)), round(math.log10(hi)) + 1)]
    else:
        n = round((hi - lo) / step) if step else 1
        values = [lo + i * (step or 0) for i in range(n + 1)]
    return [f"{v:,.{decimals}f}" for v in values]
