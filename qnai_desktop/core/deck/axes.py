"""Axis scales for a native chart, and where a (date, value) lands inside it. Pure.

A native PowerPoint chart draws itself; to put an event line or a callout on it as a shape, the
deck fixes what the renderer would otherwise choose: the value axis' bounds (:func:`value_scale`,
:func:`log_scale`), the date axis' ends (the first and last date, points on the tick marks) and
the inner plot rectangle as fractions of the chart frame (``c:manualLayout``, layoutTarget
inner). With those three fixed, :class:`PlotMap` maps data to slide coordinates exactly — as
long as nobody resizes the plot area inside the chart (moving or resizing the chart frame is
fine: positions are recomputed from the frame at every update).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True)
class Scale:
    """A value axis: bounds, major unit, and the number format of its tick labels."""

    lo: float
    hi: float
    step: float | None
    number_format: str
    log: bool = False

    def fraction(self, value: float) -> float:
        """0 at ``lo``, 1 at ``hi`` (log axes in log space); values outside are clipped."""
        if self.log:
            if value <= 0:
                return 0.0
            lo, hi, v = math.log10(self.lo), math.log10(self.hi), math.log10(value)
        else:
            lo, hi, v = self.lo, self.hi, value
        if hi == lo:
            return 0.5
        return min(1.0, max(0.0, (v - lo) / (hi - lo)))


def nice_step(span: float, ticks: int = 5) -> float:
    """A 1-2-2.5-5 step giving about ``ticks`` intervals over ``span``."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(s * power for s in _STEPS if s * power >= raw * 0.999)


def _format_for(step: float) -> str:
    if step >= 1:
        return "#,##0"
    decimals = min(4, max(1, -math.floor(math.log10(step) + 1e-9)))
    return "#,##0." + "0" * decimals


def value_scale(lo: float, hi: float, *, zero: bool = False, ticks: int = 5,
                headroom: bool = True) -> Scale:
    """Bounds on whole steps around ``lo``..``hi``; ``zero`` keeps 0 in view (bars, areas).

    A line whose minimum is under a third of its maximum also starts at 0: a range that starts
    just under the data exaggerates moves. With ``headroom`` a maximum exactly on a step gets one
    more step (a line along the top edge reads as cut off); an x axis needs none.
    """
    if not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = 0.0, 1.0
    if zero or (lo >= 0 and lo < hi / 3):
        lo = min(lo, 0.0)
        hi = max(hi, 0.0)
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = nice_step(hi - lo, ticks)
    nlo = math.floor(lo / step + 1e-9) * step
    nhi = math.ceil(hi / step - 1e-9) * step
    if headroom and nhi == hi and not (zero and hi == 0):  # a point on the top edge reads as cut off
        nhi += step
    return Scale(round(nlo, 10), round(nhi, 10), step, _format_for(step))


def log_scale(lo: float, hi: float) -> Scale:
    """Whole decades around the positive values ``lo``..``hi``."""
    lo = lo if lo > 0 and math.isfinite(lo) else 1.0
    hi = hi if hi > 0 and math.isfinite(hi) else lo * 10
    dlo, dhi = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    if dhi <= dlo:
        dhi = dlo + 1
    fmt = "#,##0" if dlo >= 0 else "#,##0." + "0" * min(4, -dlo)
    return Scale(10.0 ** dlo, 10.0 ** dhi, None, fmt, log=True)


@dataclass(frozen=True)
class DateTicks:
    """Major unit of a date axis and its label format (the year is always on the label)."""

    unit: int
    time_unit: str  # days | months | years
    number_format: str


def date_ticks(span_days: float) -> DateTicks:
    """Ticks for a date axis covering ``span_days``: months carry ``yy.mm``, days ``yy.mm.dd``."""
    if span_days > 6 * 366:
        return DateTicks(1, "years", "yyyy")
    if span_days > 3 * 366:
        return DateTicks(12, "months", "yy.mm")
    if span_days > 2 * 366:
        return DateTicks(6, "months", "yy.mm")
    if span_days > 366:
        return DateTicks(3, "months", "yy.mm")
    if span_days > 120:
        return DateTicks(1, "months", "yy.mm")
    if span_days > 28:
        return DateTicks(7, "days", "yy.mm.dd")
    return DateTicks(max(1, math.ceil(span_days / 6)), "days", "yy.mm.dd")


@dataclass(frozen=True)
class Inner:
    """The inner plot rectangle as fractions of the chart frame (``c:manualLayout``)."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class PlotMap:
    """Slide coordinates (EMU) of the inner plot rectangle of one chart frame on a slide."""

    left: int
    top: int
    width: int
    height: int

    @classmethod
    def of(cls, frame_left: int, frame_top: int, frame_w: int, frame_h: int, inner: Inner) -> PlotMap:
        return cls(round(frame_left + inner.x * frame_w), round(frame_top + inner.y * frame_h),
                   round(inner.w * frame_w), round(inner.h * frame_h))

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def x(self, fraction: float) -> int:
        return round(self.left + fraction * self.width)

    def y(self, fraction: float) -> int:
        """``fraction`` 0 is the bottom of the plot, 1 the top."""
        return round(self.bottom - fraction * self.height)


def linear_fraction(value: float, lo: float, hi: float) -> float | None:
    """Where ``value`` sits between ``lo`` and ``hi`` (None outside: not drawn)."""
    if hi == lo:
        return 0.5 if value == lo else None
    f = (value - lo) / (hi - lo)
    return f if -1e-9 <= f <= 1 + 1e-9 else None


def period_labels(days: list) -> list[str]:
    """Category labels for bars over dates: quarters ("2Q26") when every date ends a quarter,
    months ("26.06") when every date is a month's first or last day, else days ("26.06.30")."""
    import calendar

    def month_end(d) -> bool:
        return d.day == calendar.monthrange(d.year, d.month)[1]

    if days and all(month_end(d) and d.month % 3 == 0 for d in days):
        return [f"{(d.month - 1) // 3 + 1}Q{d.year % 100:02d}" for d in days]
    if days and all(d.day == 1 or month_end(d) for d in days):
        return [f"{d.year % 100:02d}.{d.month:02d}" for d in days]
    return [f"{d.year % 100:02d}.{d.month:02d}.{d.day:02d}" for d in days]
