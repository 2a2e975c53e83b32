"""An alert seen in context: on its chart, the days the rule compared are shaded and the crossing
day is marked with a dashed line carrying the rule's name; the view shows the window with a few
times its length before it. The marks go with the chart's next redraw (the canvas clears its
plot then), so they never outlive the chart they were put on."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ...services.alerts import AlertWindow
from ..common.theme import qcolor

CONTEXT = 3  # window lengths shown before the window
MIN_DAYS = 7  # a one-day window (a level rule) is shown a week wide


def epoch(day: date) -> float:
    """A day as the charts' x: seconds since 1970 of its midnight (core.charts.prepare)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def show_alert_window(canvas, window: AlertWindow) -> tuple[pg.LinearRegionItem, pg.InfiniteLine]:
    """Shade ``window`` on ``canvas`` (a ChartCanvas showing the alert's chart), mark its end."""
    lo, hi = epoch(window.start), epoch(window.end)
    span = max(hi - lo, MIN_DAYS * 86_400.0)
    fill = QColor(qcolor("error"))
    fill.setAlpha(40)
    region = pg.LinearRegionItem(values=(lo, hi), movable=False, brush=fill,
                                 pen=pg.mkPen(None))
    region.setZValue(-10)  # behind the lines
    region.setToolTip(f"{window.rule}: {window.start.isoformat()} – {window.end.isoformat()}")
    crossing = pg.InfiniteLine(pos=hi, angle=90, movable=False,
                               pen=pg.mkPen(qcolor("error"), width=2, style=Qt.PenStyle.DashLine),
                               label=window.rule, labelOpts={"position": 0.5, "color": qcolor("error"),
                                                             "anchors": [(1, 0), (1, 0)]})
    canvas.plot_item.addItem(region)
    canvas.plot_item.addItem(crossing)
    bounds = canvas.data_x_bounds()
    left, right = hi - span - CONTEXT * span, hi + span / 2
    if bounds is not None:
        left, right = max(left, bounds[0]), max(min(right, bounds[1] + span / 4), hi + 86_400.0)
    canvas.set_x_range(left, right)
    return region, crossing
