"""The plot items of one chart on a ChartCanvas: lines (left/right axis), report steps with
their markers, stacked bands or grouped bars, then clip/downsampling, the right axis, a zero line
and the auto range. Split out of canvas.py (which keeps the layout, style and interaction)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg

from ...core.charts import ChartSpec, PreparedChart
from ...core.charts.spec import STACKED_KINDS
from .draw import (
    REPORT_MARKER,
    bar_items,
    enable_fast_paint,
    line_item,
    look_for,
    report_items,
    stacked_items,
)

if TYPE_CHECKING:
    from .canvas import ChartCanvas


def add_plot_items(canvas: ChartCanvas, prepared: PreparedChart, spec: ChartSpec, has_right: bool) -> None:
    """Build the visible series' items into ``canvas.items``/``canvas.markers`` and add them."""
    st, s = canvas._style, canvas._scale
    looks = {p.series_id: look_for(st, i, p) for i, p in enumerate(prepared.series)}
    visible = [p for p in prepared.series if p.series_id not in canvas.hidden]
    marker_px = REPORT_MARKER * s / 2 + s if spec.points == "reports" else 0.0
    canvas.view_box.headroom_px = canvas.right_view.headroom_px = marker_px
    if spec.kind in STACKED_KINDS:
        tops, under = stacked_items([(p, looks[p.series_id]) for p in visible], st, s)
        canvas.items.update(tops)
        for item in [*under, *tops.values()]:
            canvas.plot_item.addItem(item)
            enable_fast_paint(item)
    elif spec.kind == "bar":
        canvas.items.update(bar_items([(p, looks[p.series_id]) for p in visible], st,
                                    prepared.x_is_date))
        for item in canvas.items.values():
            canvas.plot_item.addItem(item)
    else:
        for p in visible:
            if spec.points == "reports":
                item, markers = report_items(p, looks[p.series_id], st, s)
                canvas.markers[p.series_id] = markers
            else:
                item, markers = line_item(p, looks[p.series_id], st, s), None
            canvas.items[p.series_id] = item
            target = canvas.right_view if p.axis == "right" else canvas.plot_item
            target.addItem(item)
            if markers is not None:  # same points as the steps; its symbol padding would
                target.addItem(markers, ignoreBounds=True)  # push the range below zero
    for item in canvas.items.values():
        enable_fast_paint(item)
    canvas.plot_item.showAxis("right", has_right)
    if has_right:
        canvas._sync_right_view()
    ys = [p.y[np.isfinite(p.y)] for p in visible if p.axis == "left"]
    negative = any(len(y) and y.min() < 0 for y in ys)
    if spec.kind == "bar" or negative:
        zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(st.text_color, width=max(1.0, s)))
        canvas.plot_item.addItem(zero, ignoreBounds=True)
    canvas.view_box.enableAutoRange()
    canvas.right_view.enableAutoRange(y=True)
    if spec.kind == "area_pct":
        canvas.view_box.setYRange(0, 100, padding=0)

