"""Axis items for charts: Korean broker dates ("26.01", "26.07.06", "1Q24"), separated values,
styling, and the tick-aligned log range."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen, QPicture, QTransform

from ..common.style import HouseStyle

_DAY = 86_400
_MONTH = 28 * _DAY
_YEAR = 365 * _DAY
#: Above this span the date axis ticks months; at or below it, days.
MONTH_TICKS_AFTER_DAYS = 75


class DirectPaintAxis(pg.AxisItem):
    """An axis that draws its ticks, grid and labels straight onto the view's painter.

    pyqtgraph records them into a QPicture and plays it back: every label is laid out twice
    and the replay costs more than the drawing (~3 of the 5 ms an axis took per pan/zoom
    frame of a 1M-point chart). The specs (positions, texts) are still computed once per range
    change on a picture painter, so text metrics stay those of the recorded picture; pyqtgraph
    marks a change by setting ``picture`` to None, as before.
    """

    _specs: tuple | None = None

    def paint(self, p: QPainter, opt: object, widget: object) -> None:
        if self.picture is None:
            picture = QPicture()
            painter = QPainter(picture)
            try:
                if self.style["tickFont"]:
                    painter.setFont(self.style["tickFont"])
                self._specs = self.generateDrawSpecs(painter)
            finally:
                painter.end()
            self.picture = picture  # the specs are current until pyqtgraph resets this
        if self._specs is not None:
            p.save()
            try:
                self.drawPicture(p, *self._specs)
            finally:
                p.restore()

    def drawPicture(self, p: QPainter, axisSpec: tuple, tickSpecs: list, textSpecs: list) -> None:
        """pyqtgraph's drawing, with grid lines filled as 1-px rectangles where that is the
        same picture: Qt strokes a translucent line ~10× slower than it fills the same pixels
        (236 vs 4–47 µs for a 1,200-px grid line), and a chart has up to a dozen of them."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        pen, p1, p2 = axisSpec
        p.setPen(pen)
        p.drawLine(p1, p2)
        for pen, p1, p2 in tickSpecs:
            if not _fill_line(p, pen, p1, p2):
                p.setPen(pen)
                p.drawLine(p1, p2)
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        p.setPen(self.textPen())
        p.setClipRect(self.boundingRect().toAlignedRect())
        for rect, flags, text in textSpecs:
            p.drawText(rect, int(flags), text)


def _fill_line(p: QPainter, pen: QPen, p1: QPointF, p2: QPointF) -> bool:
    """A 1-px solid aliased horizontal/vertical line as the rectangle Qt would light up
    (row ``floor(y)``, columns ``floor(x0)..floor(x1)``); False if it is not such a line."""
    t = p.transform()
    if (t.type().value > QTransform.TransformationType.TxTranslate.value or not pen.isCosmetic()
            or pen.widthF() > 1.0 or pen.style() != Qt.PenStyle.SolidLine or not pen.isSolid()
            or p.testRenderHint(QPainter.RenderHint.Antialiasing)):
        return False
    a, b = t.map(QPointF(p1)), t.map(QPointF(p2))
    if a.y() == b.y():
        x0, x1 = sorted((math.floor(a.x()), math.floor(b.x())))
        rect = QRect(x0, math.floor(a.y()), x1 - x0 + 1, 1)
    elif a.x() == b.x():
        y0, y1 = sorted((math.floor(a.y()), math.floor(b.y())))
        rect = QRect(math.floor(a.x()), y0, 1, y1 - y0 + 1)
    else:
        return False
    p.save()
    p.resetTransform()
    p.fillRect(rect, pen.color())
    p.restore()
    return True


class HouseDateAxis(DirectPaintAxis, pg.DateAxisItem):
    """Dates as the note prints them: ``2025`` (years), ``26.01`` (months), ``26.07.05`` (days —
    always with the year: a month.day label alone reads as year.month in the same pack).

    Ticks are one level at a calendar step (1/2/3/6/12… months or 1/2/7/14 days) chosen so the
    labels fit the axis; pyqtgraph's own levels drop every month label once two year ticks are
    on screen. Epoch seconds from ``core.charts.prepare`` are UTC midnights, so the axis runs
    in UTC and a tick never shifts a day with the analyst's time zone.
    """

    def __init__(self, orientation: str = "bottom", korean: bool = True, **kwargs: object) -> None:
        super().__init__(orientation, utcOffset=0, **kwargs)
        self.korean = korean

    def _max_labels(self, size: float, sample: str = "00.00") -> int:
        font = self.style.get("tickFont") or QFont()
        label = QFontMetricsF(font).horizontalAdvance(sample)
        return max(2, int(size / (label * 1.9)))

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if not self.korean or maxVal <= minVal:
            return super().tickValues(minVal, maxVal, size)
        daily = (maxVal - minVal) / _DAY <= MONTH_TICKS_AFTER_DAYS
        return calendar_ticks(minVal, maxVal, self._max_labels(size, "00.00.00" if daily else "00.00"))

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if not self.korean or spacing < _DAY:
            return super().tickStrings(values, scale, spacing)
        fmt = "%Y" if spacing >= _YEAR else "%y.%m" if spacing >= _MONTH else "%y.%m.%d"
        out: list[str] = []
        for v in values:
            try:
                out.append(datetime.fromtimestamp(v, UTC).strftime(fmt))
            except (OverflowError, OSError, ValueError):
                out.append("")
        return out


def calendar_ticks(lo: float, hi: float, max_labels: int) -> list[tuple[float, list[float]]]:
    """One tick level at month starts (every 1/2/3/6/12/24/60 months) or days, ≤ max_labels."""
    span_days = (hi - lo) / _DAY
    if span_days > MONTH_TICKS_AFTER_DAYS:
        months = span_days / 30.44
        step = next((m for m in (1, 2, 3, 6, 12, 24, 60) if months / m <= max_labels), 120)
        start = datetime.fromtimestamp(lo, UTC)
        month_index = start.year * 12 + start.month - 1
        month_index += (-month_index) % step
        ticks: list[float] = []
        while True:
            year, month = divmod(month_index, 12)
            t = datetime(year, month + 1, 1, tzinfo=UTC).timestamp()
            if t > hi:
                break
            if t >= lo:
                ticks.append(t)
            month_index += step
        spacing = _YEAR * (step // 12) if step >= 12 else step * _MONTH
        return [(spacing, ticks)]
    step_days = next((d for d in (1, 2, 7, 14) if span_days / d <= max_labels), 28)
    first = math.ceil(lo / (_DAY * step_days)) * step_days * _DAY
    return [(step_days * _DAY, list(np.arange(first, hi + 1, step_days * _DAY, dtype=float)))]


def style_axis(axis: pg.AxisItem, style: HouseStyle, font: QFont, scale: float) -> None:
    """Pen, tick font, tick length and label colour of one axis, scaled for export size."""
    axis.setPen(pg.mkPen(style.axis_color, width=max(1.0, style.axis_width * scale)))
    axis.setTextPen(pg.mkPen(style.text_color))
    value_axis = axis.orientation in ("left", "right")
    # pyqtgraph hides a label that pokes past the axis ends — the top tick's, sitting on the
    # axis' last pixel, is half outside: allow half a label of overflow on value axes
    overflow = math.ceil(font.pixelSize() * 0.75) + 2 if value_axis else True
    axis.setStyle(tickFont=font, tickLength=round(style.tick_length * scale),
                  tickTextOffset=round(4 * scale), autoExpandTextSpace=True,
                  hideOverlappingLabels=overflow,
                  # major ticks only on value axes: one clean grid line per label
                  maxTickLevel=1 if axis.orientation in ("bottom", "top") else 0)
    axis.label.setFont(font)


class HouseValueAxis(DirectPaintAxis):
    """Values with thousands separators (``25,000``) and plain log ticks (``0.1``, ``10``).

    Log ticks are chosen here too: pyqtgraph labels only whole decades, so a log chart that
    spans less than one (a price between 1.8 and 2.7) would show a single tick.
    """

    def boundingRect(self):
        """pyqtgraph adds the label overflow (``hideOverlappingLabels``) only without a grid;
        with one, the top and bottom tick labels would be dropped: add it here too."""
        rect = super().boundingRect()
        m = self.style.get("hideOverlappingLabels")
        if self.grid is not False and type(m) is int and self.orientation in ("left", "right"):
            rect = rect.adjusted(0, -m, 0, m)
        return rect

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if not self.logMode or not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return super().tickValues(minVal, maxVal, size)
        return [(1.0, log_ticks(minVal, maxVal))]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            return [_plain(10.0 ** v * scale) for v in values]
        decimals = max(0, math.ceil(-math.log10(spacing * scale))) if spacing > 0 else 0
        return [f"{v * scale:,.{decimals}f}" for v in values]


def _plain(value: float) -> str:
    """Three significant digits at most, no exponent: 0.05, 1.5, 20, 1,000."""
    if value <= 0 or not math.isfinite(value):
        return ""
    decimals = max(0, 2 - math.floor(math.log10(value)))
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _nice_step(raw: float) -> float:
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def log_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Positions (log10) of round values between 10**lo and 10**hi: decades when the range spans
    many, 1-2-5 steps when it spans a few, evenly spaced round values within one."""
    decades = hi - lo
    if decades >= 3.5:
        step = max(1, math.ceil(decades / (target + 2)))
        return [float(d) for d in range(math.ceil(lo), math.floor(hi) + 1) if d % step == 0]
    if decades >= 0.8:
        values = [m * 10.0 ** e for e in range(math.floor(lo), math.ceil(hi) + 1) for m in (1, 2, 5)]
    else:
        a, b = 10.0 ** lo, 10.0 ** hi
        step = _nice_step((b - a) / target)
        values = list(np.arange(math.ceil(a / step) * step, b + step * 1e-9, step))
    return [math.log10(v) for v in values if v > 0 and lo <= math.log10(v) <= hi]


def nice_log_range(a: float, b: float) -> tuple[float, float]:
    """(low, high) in log10 units on the values :func:`log_ticks` labels, around data [a, b]:
    the chart then ends on a labelled tick instead of an unlabelled band."""
    lo, hi = a, b
    for _ in range(4):
        decades = hi - lo
        if decades >= 3.5:
            step = max(1, math.ceil(decades / 7))
            new_lo = math.floor(a / step + 1e-6) * step
            new_hi = math.ceil(b / step - 1e-6) * step
        elif decades >= 0.8:
            values = [m * 10.0 ** e for e in range(math.floor(a) - 1, math.ceil(b) + 2)
                      for m in (1, 2, 5)]
            new_lo = math.log10(max(v for v in values if math.log10(v) <= a + 1e-6))
            new_hi = math.log10(min(v for v in values if math.log10(v) >= b - 1e-6))
        else:
            va, vb = 10.0 ** a, 10.0 ** b
            step = _nice_step(max((10.0 ** hi - 10.0 ** lo) / 5, 1e-12))
            low = math.floor(va / step + 1e-9) * step
            new_lo = math.log10(low) if low > 0 else a
            new_hi = math.log10(math.ceil(vb / step - 1e-9) * step)
        if (new_lo, new_hi) == (lo, hi):
            break
        lo, hi = new_lo, new_hi
    return lo - 1e-9, hi + 1e-9


#: Label steps by period: every 1/2/3/6/12… months, every 1/2/4/8 quarters, aligned to the year.
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
_QUARTER_STEPS = (1, 2, 4, 8, 20)


def period_of(xs: np.ndarray) -> str | None:
    """``"Q"`` / ``"M"`` when the points sit a quarter / a month apart, else None."""
    xs = np.unique(xs[np.isfinite(xs)])
    if len(xs) < 2:
        return None
    step_days = float(np.median(np.diff(xs))) / _DAY
    if 80 <= step_days <= 100:
        return "Q"
    if 27 <= step_days <= 32:
        return "M"
    return None


def period_ticks(xs: np.ndarray, max_labels: int = 16) -> list[tuple[float, str]] | None:
    """Explicit ticks at the points of a quarterly (``2Q26``) or monthly (``26.07``) series —
    the data's own dates, so a quarter-end point sits on its quarter's label — thinned to every
    2/3/6… months or 2/4… quarters, aligned to the calendar.

    Returns None when the spacing is not quarterly or monthly (the date axis decides then).
    """
    period = period_of(xs)
    if period is None:
        return None
    xs = np.unique(xs[np.isfinite(xs)])
    dates = [datetime.fromtimestamp(x, UTC) for x in xs]
    if period == "Q":
        index = [d.year * 4 + (d.month - 1) // 3 for d in dates]
        labels = [f"{(d.month - 1) // 3 + 1}Q{d:%y}" for d in dates]
        steps = _QUARTER_STEPS
    else:
        index = [d.year * 12 + d.month - 1 for d in dates]
        labels = [f"{d:%y.%m}" for d in dates]
        steps = _MONTH_STEPS
    span = index[-1] - index[0] + 1
    every = next((s for s in steps if math.ceil(span / s) <= max_labels), steps[-1])
    kept = [(float(x), label) for x, label, i in zip(xs, labels, index, strict=True)
            if i % every == 0]
    return kept or [(float(xs[-1]), labels[-1])]
