"""Graphics items for each chart kind: lines (left/right axis), stacked areas, grouped bars.

Functions only build pyqtgraph items from a PreparedChart's arrays; ChartCanvas decides where
they go. Every line item clips to the view and peak-downsamples, so a 1M-point series pans at
frame rate (pyqtgraph examples/scrollingPlots.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from ...core.charts import PreparedSeries
from ..common.style import HouseStyle
from .dense_line import DenseLineItem

#: Above this many points a line is drawn without antialiasing: an antialiased 2-px line over
#: a peak-downsampled 1M-point series costs ~90 ms/frame, an aliased one ~12 ms; a noisy 20-year
#: daily series (7,305 points) 150 ms vs 25 ms (benchmarks/bench_scale.py). That dense, a line
#: covers its pixel columns either way, so the picture barely changes.
LARGE_SERIES = 3_000


@dataclass(frozen=True)
class SeriesLook:
    """Colour and dash of one series in the current style (by its position in the chart)."""

    color: str
    dash: tuple[float, ...] = ()


def look_for(style: HouseStyle, position: int, series: PreparedSeries) -> SeriesLook:
    return SeriesLook(style.series_color(position, series.color), style.dash(position))


def line_pen(look: SeriesLook, style: HouseStyle, scale: float) -> QPen:
    pen = pg.mkPen(look.color, width=style.line_width * scale)
    if look.dash:
        pen.setDashPattern(list(look.dash))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if look.dash else Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _fast_opts(n: int) -> dict[str, object]:
    return {
        # one min/max pair per pixel column looks the same as five and draws five times faster
        "autoDownsampleFactor": 1.0,
        "antialias": n <= LARGE_SERIES and pg.getConfigOption("antialias") is not False,
    }


def enable_fast_paint(item: pg.GraphicsObject) -> None:
    """Clip to view + auto peak downsampling, set once the item sits in its ViewBox.

    Passing ``clipToView`` to the constructor breaks in pyqtgraph 0.14: while the item is added
    to the scene it has no ViewBox yet, ``getViewBox()`` returns the GraphicsView, and
    ``_getDisplayDataset`` calls ``autoRangeEnabled()`` on it (AttributeError).
    """
    if isinstance(item, pg.PlotDataItem):
        item.setClipToView(True)
        item.setDownsampling(auto=True, method="peak")


def line_item(series: PreparedSeries, look: SeriesLook, style: HouseStyle, scale: float) -> pg.PlotDataItem:
    """A line; NaN gaps stay gaps (connect='finite'); past LARGE_SERIES points, denser than the
    pixels, it paints as one bar per pixel column (``dense_line``)."""
    return DenseLineItem(series.x, series.y, pen=line_pen(look, style, scale), connect="finite",
                         **_fast_opts(len(series)))


def stacked_items(series: list[tuple[PreparedSeries, SeriesLook]], style: HouseStyle, scale: float
                  ) -> tuple[dict[str, pg.PlotDataItem], list[pg.GraphicsObject]]:
    """Stacked bands of the given (visible) series, first at the bottom.

    Returns the top edge of each band by series id, and the items that go under them (a zero
    baseline and one FillBetweenItem per band). Bands are filled between two curves rather than
    with ``fillLevel``: pyqtgraph 0.14 fills in 50-point chunks, and antialiasing leaves a pale
    vertical seam at every chunk border. Prepare aligned stacked series on one x with missing
    points as 0, so the running total is well defined.
    """
    if not series:
        return {}, []
    x = series[0][0].x
    total = np.zeros(len(x))
    below = pg.PlotDataItem(x, total.copy(), pen=pg.mkPen(None), **_fast_opts(len(x)))
    under: list[pg.GraphicsObject] = [below]
    tops: dict[str, pg.PlotDataItem] = {}
    for s, look in series:
        total = total + np.nan_to_num(s.y)
        edge = pg.mkPen(QColor(look.color).darker(115), width=max(1.0, 0.75 * scale))
        top = pg.PlotDataItem(x, total.copy(), pen=edge, **_fast_opts(len(x)))
        fill = QColor(look.color)
        fill.setAlphaF(style.area_alpha)
        under.append(pg.FillBetweenItem(below, top, brush=fill, pen=pg.mkPen(None)))
        tops[s.series_id] = top
        below = top
    return tops, under


def bar_spacing(series: list[PreparedSeries]) -> float:
    xs = np.unique(np.concatenate([s.x for s in series])) if series else np.array([])
    if len(xs) >= 2:
        return float(np.min(np.diff(xs)))
    return 30 * 86_400.0


def bar_items(series: list[tuple[PreparedSeries, SeriesLook]], style: HouseStyle,
              x_is_date: bool) -> dict[str, pg.BarGraphItem]:
    """Grouped bars: the visible series side by side within ``bar_width`` of the x spacing."""
    if not series:
        return {}
    spacing = bar_spacing([s for s, _ in series]) if x_is_date or len(series[0][0]) > 1 else 1.0
    group = style.bar_width * spacing
    width = group / len(series)
    items: dict[str, pg.BarGraphItem] = {}
    for i, (s, look) in enumerate(series):
        offset = (i - (len(series) - 1) / 2) * width
        ok = np.isfinite(s.y)
        items[s.series_id] = pg.BarGraphItem(x=s.x[ok] + offset, height=s.y[ok], width=width * 0.92,
                                             brush=QColor(look.color), pen=pg.mkPen(None))
    return items


def step_arrays(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The corners of a step line through reports: each value holds until the next report,
    then the line rises or falls at that report's date; it ends at the last report."""
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    if len(x) < 2:
        return x, y
    return np.repeat(x, 2)[1:], np.repeat(y, 2)[:-1]


def report_items(series: PreparedSeries, look: SeriesLook, style: HouseStyle, scale: float
                 ) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
    """Point-in-time figures (funding rounds, reported ARR): a step line and a marker on each
    report — the same for every company, whatever its number of reports."""
    xs, ys = step_arrays(series.x, series.y)
    steps = pg.PlotDataItem(xs, ys, pen=line_pen(look, style, scale), **_fast_opts(len(xs)))
    ok = np.isfinite(series.x) & np.isfinite(series.y)
    markers = pg.PlotDataItem(series.x[ok], series.y[ok], pen=None, symbol="o",
                              symbolSize=REPORT_MARKER * scale, symbolBrush=QColor(look.color),
                              symbolPen=pg.mkPen(style.plot_background, width=max(1.0, scale)))
    return steps, markers


#: Marker diameter on a report line, in style pixels.
REPORT_MARKER = 7.0
