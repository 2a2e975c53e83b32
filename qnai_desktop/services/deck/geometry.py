"""Where a date and a value land on a native chart as it stands on its slide now.

Read back from the chart's XML every time (its manual inner plot layout, its axis bounds — hers
if she changed them) and from the frame's current position, so a chart she moved gets its event
lines where the chart now is at the next update. The approximation: the renderer honours the
manual layout of the inner plot area (PowerPoint and LibreOffice do), date charts put the first
and last date on the plot's edges (``crossBetween midCat``), and a category (bar) chart puts each
category in the middle of its equal slot.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from ...core.deck.axes import PlotMap, Scale, linear_fraction
from .native_chart import axes, plot_inner, read_scale
from .native_data import NativeData, excel_serial


@dataclass(frozen=True)
class ChartGeometry:
    """Slide coordinates of a chart's data space."""

    plot: PlotMap
    x: str  # date | category | numbers
    x_lo: float
    x_hi: float
    days: tuple[date, ...]
    y: Scale
    y2: Scale | None

    def x_for_day(self, day: date) -> int | None:
        """The x of ``day`` (None: off the axis, or the chart's x is not dates)."""
        if self.x == "date":
            f = linear_fraction(excel_serial(day), self.x_lo, self.x_hi)
            return None if f is None else self.plot.x(f)
        if self.x == "category" and self.days:
            i = bisect.bisect_right(self.days, day) - 1
            if i < 0 or (i == len(self.days) - 1 and (day - self.days[-1]).days > 100):
                return None
            return self.plot.x((i + 0.5) / len(self.days))
        return None

    def y_for(self, value: float, right: bool = False) -> int:
        scale = self.y2 if right and self.y2 is not None else self.y
        return self.plot.y(scale.fraction(value))


def _scale_now(ax, fallback: Scale) -> Scale:
    lo, hi, log = read_scale(ax)
    if lo is None or hi is None or hi <= lo:
        return fallback
    return Scale(lo, hi, None, fallback.number_format, log=log)


def geometry_of(frame, data: NativeData) -> ChartGeometry | None:
    """The chart's geometry, or None when its plot area is laid out automatically (then no
    shape can be placed on it reliably)."""
    chart = frame.chart
    inner = plot_inner(chart)
    if inner is None:
        return None
    plot = PlotMap.of(frame.left, frame.top, frame.width, frame.height, inner)
    roles = axes(chart)
    y = data.y if "y" not in roles else _scale_now(roles["y"], data.y)
    y2 = _scale_now(roles["y2"], data.y2) if data.y2 is not None and "y2" in roles else None
    x_lo, x_hi = data.x_lo, data.x_hi
    if data.x == "date" and "x" in roles:
        lo, hi = roles["x"].minimum_scale, roles["x"].maximum_scale
        x_lo, x_hi = (lo, hi) if lo is not None and hi is not None and hi > lo else (x_lo, x_hi)
    return ChartGeometry(plot, data.x, x_lo, x_hi, data.x_days, y, y2)
