"""The x axis of a category chart (bars by name, core/param_axis.py): one named tick per bar,
and room for the names' full line height.

pyqtgraph sizes a bottom axis for 80% of the tick font's line height ("boundingRect is usually
just a bit too large", AxisItem.generateDrawSpecs). Digits fit; Hangul and parentheses of a
CJK font reach lower and were cut off by the plot's bottom edge — so a category axis reserves the
whole line height.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

_FIXED = "_qnai_category_height"


def apply_category_ticks(axis: pg.AxisItem, ticks: list[tuple[float, str]]) -> None:
    """Name each category under its bar (``ticks``: (x, name)); with no ticks, undo a height
    this function fixed earlier and leave the axis's own ticks alone."""
    if not ticks:
        if getattr(axis, _FIXED, False):
            setattr(axis, _FIXED, False)
            axis.setHeight(None)
        return
    axis.setTicks([ticks])
    font = axis.style.get("tickFont") or QFont()
    offset = axis.style["tickTextOffset"][1]
    axis.setHeight(QFontMetricsF(font).height() + offset + max(0, axis.style["tickLength"]))
    setattr(axis, _FIXED, True)
