"""A ViewBox whose automatic y range ends on tick values, so the top tick label is never lost.

pyqtgraph pads the data range by a few percent and labels the ticks inside it: an ARR line
ending at 19 gets labels up to 15 and an unlabelled band above. Here the automatic range is
widened to the next tick past the data (and the last tick below it), using the axis' own tick
spacing, so the highest gridline carries a label and every point sits under one.
"""

from __future__ import annotations

import math

import pyqtgraph as pg

from .axes import nice_log_range

#: Passes to let the axis' tick spacing settle on the widened range.
_PASSES = 4
#: Relative tolerance on "this value is on a tick" (float noise only).
_EPS = 1e-6


def nice_linear_range(axis: pg.AxisItem, a: float, b: float, size: float) -> tuple[float, float]:
    """(low, high) on tick values of ``axis`` around the data range [a, b] (linear values)."""
    lo, hi = a, b
    spacing = 0.0
    for _ in range(_PASSES):
        levels = axis.tickSpacing(lo, hi, size) if hi > lo else []
        if not levels:
            break
        spacing = levels[0][0]
        new_lo = math.floor(a / spacing + _EPS) * spacing
        new_hi = math.ceil(b / spacing - _EPS) * spacing
        if (new_lo, new_hi) == (lo, hi):
            break
        lo, hi = new_lo, new_hi
    # a hair past the top tick: pyqtgraph counts ticks with int(), which floors 3.9999 to 3
    return lo - spacing * 1e-6, hi + spacing * 1e-6


class HouseViewBox(pg.ViewBox):
    """``value_axis``: the axis whose ticks the automatic y range snaps to (None: plain)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.value_axis: pg.AxisItem | None = None
        #: pixels kept free above and below the data (report markers must not be cut in half)
        self.headroom_px = 0.0

    def setRange(self, rect=None, xRange=None, yRange=None, padding=None, update=True,
                 disableAutoRange=True):
        if yRange is not None and self._updatingRange and self.value_axis is not None:
            yRange = self._nice(*yRange)
        super().setRange(rect, xRange, yRange, padding, update, disableAutoRange)

    def _nice(self, lo: float, hi: float) -> tuple[float, float]:
        """The padded auto range [lo, hi] back to the data's, then out to tick values.

        pyqtgraph pads twice: by a fraction of the range, and by each item's pixel padding
        (half a pen width) — both are taken off, so data on a tick stays on it (a series rebased
        at 100 gets no bare decade below) and data just under one gets the tick below."""
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
            return lo, hi
        size = max(1.0, self.height())
        p = self.suggestPadding(1)
        span = (hi - lo) / (1 + 2 * p)
        a, b = lo + p * span, hi - p * span
        pad_px = max((item.pixelPadding() for item in self.addedItems
                      if item.isVisible() and hasattr(item, "pixelPadding")), default=0.0)
        px = (b - a) / max(1.0, size - 2 * pad_px)
        a, b = a + pad_px * px, b - pad_px * px
        # headroom never takes a positive chart below zero: 0 stays the baseline
        low = a - self.headroom_px * px
        a, b = (0.0 if a >= 0 > low else low), b + self.headroom_px * px
        if b <= a:
            return lo, hi
        if self.value_axis.logMode:
            return nice_log_range(a, b)
        return nice_linear_range(self.value_axis, a, b, size)
