"""The main output against the main input, with the current case and the note's figures marked.

``build`` makes the plot items once per model (and language); ``show`` only calls ``setData`` /
``setPos`` on them, so a slider move costs a few small curves (``core.scenarios.curves``) and one
repaint — never new items.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.localized import Localized
from ...core.scenarios import Model, Param
from ...core.scenarios.curves import chart_x, curve
from ...core.scenarios.display import display_scale, format_output, text, unit_text
from ...core.scenarios.sensitivity import nice_step
from ..common.i18n import current_language

ACCENT = "#EA002C"
NOTE_GREY = "#7a7a7a"
SERIES_COLORS = ("#1f4e79", "#4f81bd", "#8fb3de", "#9b59b6", "#2e8b57", "#c28f00")


class ScenarioChart(QWidget):
    """A pyqtgraph plot the tab feeds with the state's model and parameters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        # Grid lines are our own item, not showGrid(): pyqtgraph draws its grid inside the axis
        # picture, and replaying that picture on every repaint cost ~2.5 ms of a 16 ms frame.
        self.plot.getPlotItem().hideButtons()
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen("#a0a0a0"))
            axis.setTextPen(pg.mkPen("#333333"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot)
        self.curves: dict[float | None, pg.PlotDataItem] = {}
        self.model: Model | None = None
        self._lang = "en"
        self._xs = np.array([])
        self._series_values: tuple[float, ...] = ()
        self._current_key: object = None
        self.marks: list[pg.InfiniteLine] = []

    # -- construction --------------------------------------------------------------------
    def build(self, model: Model) -> None:
        """Plot items for ``model``, labelled in the UI language (the tab builds again on a switch)."""
        lang = current_language()
        self.model, self._lang = model, lang
        self.plot.clear()
        item = self.plot.getPlotItem()
        if item.legend is not None:
            item.legend.scene().removeItem(item.legend)
            item.legend = None
        xp, out = model.param(model.main_param), model.output(model.main_output)
        self._xs = chart_x(xp)
        self._sx, self._sy = display_scale(xp.unit), display_scale(out.unit)
        self.plot.setLabel("bottom", f"{text(xp, lang)} ({unit_text(xp.unit, lang)})")
        self.plot.setLabel("left", f"{text(out, lang)} ({unit_text(out.unit, lang)})")
        self.curves = {}
        self._series_values = ()
        self.grid_lines = pg.PlotCurveItem(pen=pg.mkPen("#e4e4e4", width=1), connect="pairs")
        self.grid_lines.setZValue(-10)
        self.plot.addItem(self.grid_lines)
        self.marks = []
        for m in model.marks:
            if m.output != model.main_output:  # the chart's y axis is the main output
                continue
            line = pg.InfiniteLine(pos=m.value * self._sy, angle=0, movable=False,
                                   pen=pg.mkPen(NOTE_GREY, width=1.2, style=Qt.PenStyle.DashLine),
                                   label=Localized(m.label_ko, m.label_en).pick(lang),
                                   labelOpts={"position": 0.04, "color": "#555555",
                                              "anchors": [(0, 1), (0, 1)]})
            line.setToolTip(m.source)
            self.plot.addItem(line)
            self.marks.append(line)
        self.note_point = pg.ScatterPlotItem(size=9, pen=pg.mkPen(NOTE_GREY, width=1.5),
                                             brush=pg.mkBrush("#ffffff"))
        self.plot.addItem(self.note_point)
        self.vline = pg.InfiniteLine(angle=90, movable=False,
                                     pen=pg.mkPen(ACCENT, width=1, style=Qt.PenStyle.DotLine))
        self.plot.addItem(self.vline)
        self.point = pg.ScatterPlotItem(size=11, pen=pg.mkPen("#ffffff", width=1.5),
                                        brush=pg.mkBrush(ACCENT))
        self.point.setZValue(10)
        self.plot.addItem(self.point)
        self.point_label = pg.TextItem(color=ACCENT, anchor=(0, 1.1))
        self.point_label.setZValue(11)
        self.plot.addItem(self.point_label)
        note = model.defaults()
        self.note_point.setData([note[xp.name] * self._sx], [model.compute(note)[out.name] * self._sy])
        self.note_point.setToolTip(self.tr("The note's values"))
        self.plot.setXRange(self._xs[0] * self._sx, self._xs[-1] * self._sx, padding=0.04)
        self.plot.setYRange(0.0, 1.0, padding=0)  # replaced by the first _fit_y
        self._curve_key: tuple | None = None
        self._fitted = False
        self._labels_right: bool | None = None

    def _ensure_curves(self, series_values: tuple[float, ...], current: float | None) -> None:
        """One curve per value of the model's series input (γ); the current one in the accent."""
        if series_values != self._series_values or not self.curves:
            for c in self.curves.values():
                self.plot.removeItem(c)
            item = self.plot.getPlotItem()
            if item.legend is not None:
                item.legend.scene().removeItem(item.legend)
                item.legend = None
            self.curves = {}
            self._series_values = series_values
            self._current_key = object()  # force restyling below
            if series_values:
                legend = self.plot.addLegend(offset=(12, 8), labelTextColor="#333333")
                legend.setBrush(pg.mkBrush(255, 255, 255, 220))
                symbol = _symbol(self.model.param(self.model.chart_series[0]), self._lang)
                for v in series_values:
                    self.curves[v] = self.plot.plot(name=f"{symbol} = {v:g}")
            else:
                self.curves[None] = self.plot.plot()
        if current == self._current_key:
            return
        self._current_key = current
        for i, (v, c) in enumerate(self.curves.items()):
            mine = v == current
            c.setPen(pg.mkPen(ACCENT if mine else SERIES_COLORS[i % len(SERIES_COLORS)],
                              width=2.8 if mine else 1.6))
            c.setZValue(5 if mine else 1)

    # -- updates -------------------------------------------------------------------------
    def show_params(self, params: Mapping[str, float]) -> None:
        """Move the current point; recompute curves only if an input other than x changed.

        Dragging the main input (the common case) therefore only moves the marker, and the
        y range changes only when the curves leave it or shrink to well inside it, so the axes
        are not re-laid out on every frame.
        """
        model = self.model
        if model is None:
            return
        xname, yname = model.main_param, model.main_output
        current_series = None
        if model.chart_series is not None:
            sname, values = model.chart_series
            current_series = params[sname]
            self._ensure_curves(tuple(sorted({*values, current_series})), current_series)
        else:
            self._ensure_curves((), None)
        key = tuple(sorted((n, v) for n, v in params.items() if n != xname))
        if key != self._curve_key:
            self._curve_key = key
            lows, highs = [m.value() for m in self.marks], [m.value() for m in self.marks]
            for v, item in self.curves.items():
                p = params if v is None else {**params, model.chart_series[0]: v}
                ys = curve(model, p, xname, self._xs, yname) * self._sy
                item.setData(self._xs * self._sx, ys)
                lows.append(float(ys.min()))
                highs.append(float(ys.max()))
                if v == self._current_key:  # label on the open side of the curve, off the marks
                    self.point_label.setAnchor((-0.1, -0.1) if ys[-1] >= ys[0] else (-0.1, 1.1))
            self._fit_y(lows, highs)
        x, y = params[xname] * self._sx, model.compute(params)[yname]
        self._place_mark_labels(x)
        self.point.setData([x], [y * self._sy])
        self.vline.setPos(x)
        self.point_label.setText(format_output(model.output(yname), y, self._lang))
        self.point_label.setPos(x, y * self._sy)

    def _place_mark_labels(self, x: float) -> None:
        """Mark labels sit at the end of their line away from the current point."""
        right = x < (self._xs[0] + self._xs[-1]) * self._sx / 2
        if right == self._labels_right:
            return
        self._labels_right = right
        for line in self.marks:
            line.label.anchors = [(1, 1), (1, 1)] if right else [(0, 1), (0, 1)]
            line.label.setPosition(0.97 if right else 0.03)

    def _fit_y(self, lows: list[float], highs: list[float]) -> None:
        """Rescale only when the data leave the range or use under 40% of it; grow with headroom.

        Re-laying out an axis costs more than the rest of a frame, so while a slider pushes the
        curves up the range jumps to the next round number above 1.25x the data instead of
        following them every frame.
        """
        lo, hi = min(0.0, *lows), max(highs)
        (cur_lo, cur_hi) = self.plot.getViewBox().viewRange()[1]
        if lo >= cur_lo and hi <= cur_hi and (hi - lo) >= 0.4 * (cur_hi - cur_lo):
            return
        span = (hi - lo) or 1.0
        growing = self._fitted and hi > cur_hi
        self._fitted = True
        top = _round_up(hi + (0.25 if growing else 0.06) * span)
        bottom = 0.0 if lo == 0.0 else -_round_up(-(lo - 0.06 * span))
        # a little room above the top tick so its label is not cut off
        self.plot.setYRange(bottom, top + 0.03 * (top - bottom), padding=0)
        self._set_y_ticks(bottom, top)

    def _set_y_ticks(self, lo: float, hi: float) -> None:
        """About five round ticks on the value axis, with a light grid line at each."""
        step = nice_step((hi - lo) / 5.0)
        values = np.arange(np.ceil(lo / step - 1e-9) * step, hi + step * 1e-6, step)
        decimals = max(0, -int(np.floor(np.log10(step) + 1e-9)))
        values = np.round(values, 10) + 0.0  # no "-0"
        self.plot.getAxis("left").setTicks([[(float(v), f"{v:,.{decimals}f}") for v in values]])
        x0, x1 = self._xs[0] * self._sx, self._xs[-1] * self._sx
        self.grid_lines.setData(np.repeat([[x0, x1]], len(values), axis=0).ravel(),
                                np.repeat(values, 2))

    def main_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of the highlighted curve as drawn (display units)."""
        x, y = self.curves[self._current_key].getData()
        return np.asarray(x), np.asarray(y)

    def point_xy(self) -> tuple[float, float]:
        """Where the current-case marker is drawn (display units)."""
        x, y = self.point.getData()
        return float(x[0]), float(y[0])


def _symbol(param: Param, lang: str) -> str:
    """The short symbol a label ends with ("초안 토큰 수 γ" -> "γ"), else the whole label."""
    last = text(param, lang).split()[-1]
    return last if len(last) == 1 else text(param, lang)


def _round_up(value: float) -> float:
    """The next 1-2-2.5-5 multiple of a power of ten at or above ``value`` (for tidy axes)."""
    if value <= 0:
        return value
    exp = 10 ** np.floor(np.log10(value))
    for m in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if m * exp >= value - 1e-12:
            return float(m * exp)
    return float(10 * exp)
