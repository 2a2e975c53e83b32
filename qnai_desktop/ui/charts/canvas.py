"""ChartCanvas: one prepared chart in house style — title, legend, plot, source and note lines.

A contract shared with the exporter, which renders canvases offscreen at slide sizes:
``ChartCanvas(style=None, parent=None)``, ``show_chart(prepared, spec, lang)``, ``clear()``,
``set_style(style)``, ``scale`` (fonts, pens and margins grow with it, so a 1920-px export at
scale 2 looks like the 960-px chart, not like a thin-lined, tiny-legend blow-up — pyqtgraph
issues #16, #562, #1767), and the widgets ``title_label``, ``source_label``, ``note_label``,
``demo_badge``, ``stamp_label`` (as-of, stale), ``watermark``, ``legend``, ``plot_widget``.
``render_chart()`` does the offscreen dance. The state marks live in marks.py, styling in
canvas_style.py.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.charts import ChartSpec, PreparedChart
from ...core.charts.omissions import Omission, omission_sentences
from ...core.charts.spec import STACKED_KINDS
from ...core.phrases import DAYS_SINCE, ILLUSTRATIVE, RIGHT_AXIS
from ..common.fonts import korean_family
from ..common.style import HouseStyle, load_style
from .annotations_layer import AnnotationsLayer
from .axes import HouseDateAxis, HouseValueAxis, period_ticks, style_axis
from .canvas_style import apply_style
from .category_axis import apply_category_ticks
from .draw import (
    bar_spacing,
    look_for,
)
from .legend import ChartLegend, LegendEntry
from .marks import hidden_omissions, set_marks, show_empty
from .plot_items import add_plot_items
from .viewbox import HouseViewBox
from .watermark import Watermark


def _unit_text(unit: str) -> str:
    """``(bp)``; a unit that already carries a parenthesis (``십억 토큰 (주간)``) is left bare."""
    if not unit or "(" in unit:
        return unit
    return f"({unit})"


class ChartCanvas(QWidget):
    """Draws a PreparedChart; keeps no data access of its own (the caller prepares)."""

    sig_series_visibility_changed = Signal(str, bool)
    sig_drawn = Signal()

    def __init__(self, style: HouseStyle | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = style or load_style()
        self._scale = 1.0
        self.prepared: PreparedChart | None = None
        self.spec: ChartSpec | None = None
        self.lang = "ko"
        self.hidden: set[str] = set()
        self._log_y = False
        self.items: dict[str, pg.GraphicsObject] = {}
        self.markers: dict[str, pg.PlotDataItem] = {}  # one per report line: a dot per report
        self._x_mode = "date"
        self.today: date | None = None  # the stamp's "today" (None: the real one)
        self._build()
        self.annotations_layer = AnnotationsLayer(self.plot_item, self.right_view, parent=self)
        self._apply_style()

    # -- construction -------------------------------------------------------------------
    def _build(self) -> None:
        self.setAutoFillBackground(True)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.demo_badge = QLabel()
        self.demo_badge.setVisible(False)
        # the chart's state: "기준: 2026-07-31", in the warning colour with its age when stale
        self.stamp_label = QLabel()
        self.stamp_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title_rule = QFrame()
        self.legend = ChartLegend()
        self.legend.sig_series_toggled.connect(self.set_series_visible)
        self.unit_label = QLabel()
        self.unit_right_label = QLabel()
        self.unit_right_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.plot_widget = pg.PlotWidget(viewBox=HouseViewBox(), axisItems={
            "bottom": HouseDateAxis(), "left": HouseValueAxis("left"), "right": HouseValueAxis("right")})
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.plot_item.hideAxis("top")
        self.view_box = self.plot_item.getViewBox()
        self.view_box.value_axis = self.plot_item.getAxis("left")
        self.view_box.setMouseEnabled(x=True, y=False)  # time series: zoom/pan in time, y follows
        self.view_box.setAutoVisible(y=True)
        self.right_view = HouseViewBox(enableMenu=False)
        self.right_view.value_axis = self.plot_item.getAxis("right")
        self.right_view.setMouseEnabled(x=False, y=False)
        self.right_view.setAutoVisible(y=True)
        self.plot_item.scene().addItem(self.right_view)
        self.right_view.setXLink(self.plot_item)
        self.plot_item.getAxis("right").linkToView(self.right_view)
        self.view_box.sigResized.connect(self._sync_right_view)
        self._empty_text = pg.TextItem(anchor=(0.5, 0.5))
        self.watermark = Watermark(self.view_box)
        self.source_label = QLabel()
        self.note_label = QLabel()
        # a long note (a published scenario lists every input) wraps instead of widening the
        # canvas past the export's exact pixel width
        self.note_label.setWordWrap(True)
        for label in (self.title_label, self.source_label, self.note_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.stamp_label, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        units = QHBoxLayout()
        units.setContentsMargins(0, 0, 0, 0)
        units.addWidget(self.unit_label)
        units.addStretch(1)
        units.addWidget(self.unit_right_label)
        self._head, self._units = head, units
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(head)
        self._layout.addWidget(self.title_rule)
        self._legend_index = self._layout.count()
        self._layout.addWidget(self.legend)
        self._layout.addLayout(units)
        self._layout.addWidget(self.plot_widget, 1)
        self._layout.addWidget(self.source_label)
        self._layout.addWidget(self.note_label)

    def _sync_right_view(self) -> None:
        self.right_view.setGeometry(self.view_box.sceneBoundingRect())
        self.right_view.linkedViewChanged(self.view_box, self.right_view.XAxis)

    # -- style and scale ----------------------------------------------------------------
    @property
    def house_style(self) -> HouseStyle:
        return self._style

    def set_style(self, style: HouseStyle) -> None:
        self._style = style
        self._apply_style()
        self._redraw()

    @property
    def scale(self) -> float:
        return self._scale

    @scale.setter
    def scale(self, value: float) -> None:
        self.set_scale(value)

    def set_scale(self, scale: float) -> None:
        """Multiply every font, pen width and margin (2.0 for a 1920-px-wide export)."""
        if scale <= 0:
            raise ValueError("scale must be positive")
        self._scale = float(scale)
        self._apply_style()
        self._redraw()

    def house_font(self, size: float, bold: bool = False) -> QFont:
        """The house font at ``size`` style pixels, scaled."""
        font = QFont(self._family())
        font.setPixelSize(max(1, round(size * self._scale)))
        font.setBold(bold)
        return font

    def _family(self) -> str:
        available = set(QFontDatabase.families())
        for family in self._style.font_families:
            if family in available:
                return family
        return korean_family() or QApplication.font().family()

    def _apply_style(self) -> None:
        apply_style(self)

    # -- showing a chart ----------------------------------------------------------------
    def show_chart(self, prepared: PreparedChart, spec: ChartSpec, lang: str, *,
                   keep_view: bool = False, today: date | None = None) -> None:
        """Draw ``prepared``; ``keep_view`` (same chart, new data) keeps hidden series, the log
        toggle and a zoomed x range, as a live redraw should. ``today`` dates the stamp's age
        (an export passes its own day; None: today)."""
        self.today = today
        same = keep_view and self.spec is not None and self.spec.id == spec.id
        x_range = self.view_box.viewRange()[0] if same and not self._x_auto() else None
        if not same:
            self.hidden = set()
            self._log_y = spec.log_y
        self.prepared, self.spec, self.lang = prepared, spec, lang
        self._redraw()
        if x_range is not None:
            self.set_x_range(*x_range)

    def clear(self) -> None:
        """Show nothing (no title, no lines, no badge)."""
        self.prepared = self.spec = None
        self.hidden = set()
        self._redraw()

    def _x_auto(self) -> bool:
        return bool(self.view_box.state["autoRange"][0])

    def _redraw(self) -> None:
        self.plot_item.clear()
        self.right_view.clear()
        self.items = {}
        self.markers = {}
        self.annotations_layer.draw(self.prepared, self.lang, self._style, self._scale,
                                    self.house_font(self._style.unit_size))
        prepared, spec = self.prepared, self.spec
        if prepared is None or spec is None:
            for label in (self.title_label, self.source_label, self.note_label, self.unit_label,
                          self.unit_right_label, self.stamp_label):
                label.clear()
            self.note_label.setVisible(False)
            self.demo_badge.setVisible(False)
            self.stamp_label.setVisible(False)
            self.watermark.set_mark("", self.font(), "#000000", 0.0)
            self.legend.set_entries([], self._style, self.house_font(self._style.legend_size), self._scale)
            return
        lang = self.lang
        self.title_label.setText(spec.title(lang))
        self.demo_badge.setText(ILLUSTRATIVE.pick(lang))
        self.demo_badge.setVisible(prepared.is_demo)
        self.source_label.setText(prepared.source(lang))
        note = prepared.note(lang, tuple(omission_sentences(self._hidden_omissions(), lang)))
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self._set_marks(prepared)
        if prepared.is_empty:
            self._show_empty()
            self.sig_drawn.emit()
            return
        self._set_x_axis(spec.x_mode)
        apply_category_ticks(self.plot_item.getAxis("bottom"), prepared.category_ticks(lang))
        for name in ("left", "bottom"):
            self.plot_item.showAxis(name)
        has_right = any(s.axis == "right" for s in prepared.series)
        self.unit_label.setText(_unit_text(spec.unit(lang)))
        self.unit_right_label.setText(_unit_text(spec.unit(lang, "right")) if has_right else "")
        self._set_limits()
        self._draw_items(prepared, spec, has_right)
        self._set_legend(prepared, spec)
        self._apply_log()
        self.sig_drawn.emit()

    def _hidden_omissions(self) -> list[Omission]:
        return hidden_omissions(self)

    def _set_marks(self, prepared: PreparedChart) -> None:
        set_marks(self, prepared)

    def _show_empty(self) -> None:
        show_empty(self)

    def _set_x_axis(self, x_mode: str) -> None:
        """A date axis, or a numeric one titled "days since" / with the input's name and unit
        (a parameter chart: published scenario curves, whose x is a model input)."""
        if (x_mode == "date") != (self._x_mode == "date"):
            axis = (HouseDateAxis(korean=self._style.date_format == "korean") if x_mode == "date"
                    else HouseValueAxis("bottom"))
            self.plot_item.setAxisItems({"bottom": axis})
            style_axis(axis, self._style, self.house_font(self._style.tick_size), self._scale)
            st = self._style  # a new axis starts without the grid
            self.plot_item.showGrid(x=st.grid_x, y=st.grid_y, alpha=st.grid_alpha)
        self._x_mode = x_mode
        label = None
        if x_mode == "days_since":
            label = DAYS_SINCE.pick(self.lang)
        elif x_mode == "param" and self.spec is not None:
            label = self.spec.x_title(self.lang) or None
        axis = self.plot_item.getAxis("bottom")
        axis.setLabel(label, **{"color": self._style.muted_color,
                                "font-size": f"{round(self._style.unit_size * self._scale)}px"})
        if label is None:
            axis.showLabel(False)
        ticks = None
        # quarterly series on quarter labels (2Q26), monthly on months (26.07), at the data's own
        # dates; reports (irregular by nature) and daily/weekly data on the calendar axis
        if self.spec is not None and x_mode == "date" and self.prepared \
                and self.spec.points == "line":
            ticks = period_ticks(np.concatenate([p.x for p in self.prepared.series] or [np.array([])]))
        axis.setTicks([ticks] if ticks else None)

    def _draw_items(self, prepared: PreparedChart, spec: ChartSpec, has_right: bool) -> None:
        add_plot_items(self, prepared, spec, has_right)

    def _set_legend(self, prepared: PreparedChart, spec: ChartSpec) -> None:
        swatch = "box" if spec.kind in STACKED_KINDS or spec.kind == "bar" else "line"
        entries = []
        for i, p in enumerate(prepared.series):
            look = look_for(self._style, i, p)
            label = p.label(self.lang)
            if p.axis == "right" and any(q.axis == "left" for q in prepared.series):
                label += RIGHT_AXIS.pick(self.lang)
            entries.append(LegendEntry(p.series_id, label, look.color, swatch,
                                       look.dash if swatch == "line" else ()))
        self.legend.set_entries(entries, self._style, self.house_font(self._style.legend_size),
                                self._scale, self.hidden)

    def _set_limits(self) -> None:
        bounds = self.data_x_bounds()
        if bounds is None:
            self.view_box.setLimits(xMin=None, xMax=None)
            return
        lo, hi = bounds
        # a day (or a second) of slack on time axes; a parameter's x may span 0..1
        pad = ((hi - lo) * 0.02 or 1.0) if self._x_mode == "param" else max((hi - lo) * 0.02, 1.0)
        if self.spec is not None and self.spec.kind == "bar":  # room for the outer bars
            pad = max(pad, bar_spacing(list(self.prepared.series)) if self.prepared else 0.0)
        self.view_box.setLimits(xMin=lo - pad, xMax=hi + pad)

    # -- interaction the tab drives -----------------------------------------------------
    @property
    def supports_log(self) -> bool:
        """Log scale applies to line kinds only (areas stack from 0; bars start at 0)."""
        return self.spec is not None and self.spec.kind not in STACKED_KINDS and self.spec.kind != "bar"

    @property
    def log_y(self) -> bool:
        return self._log_y

    def set_log_y(self, on: bool) -> None:
        self._log_y = bool(on)
        self._apply_log()

    def _apply_log(self) -> None:
        on = self._log_y and self.supports_log
        self.plot_item.setLogMode(y=on)
        for item in self.right_view.addedItems:
            if isinstance(item, pg.PlotDataItem):
                item.setLogMode(False, on)
        self.view_box.enableAutoRange(y=True)
        self.right_view.enableAutoRange(y=True)

    def set_series_visible(self, series_id: str, visible: bool) -> None:
        """Hide or show one series (the legend entry follows); stacks re-stack without it."""
        if (series_id not in self.hidden) == visible:
            return
        (self.hidden.discard if visible else self.hidden.add)(series_id)
        self.legend.set_series_visible(series_id, visible)
        x_range = None if self._x_auto() else self.view_box.viewRange()[0]
        self._redraw()
        if x_range is not None:
            self.set_x_range(*x_range)
        self.sig_series_visibility_changed.emit(series_id, visible)

    def data_x_bounds(self) -> tuple[float, float] | None:
        """(first, last) x over the chart's series, or None when nothing is plotted."""
        if self.prepared is None:
            return None
        xs = [p.x for p in self.prepared.series if len(p)]
        if not xs:
            return None
        return float(min(x[0] for x in xs)), float(max(x[-1] for x in xs))

    def set_x_range(self, lo: float, hi: float) -> None:
        self.view_box.setXRange(lo, hi, padding=0)
        self.view_box.enableAutoRange(y=True)

    def show_all(self) -> None:
        self.view_box.enableAutoRange()
        self.view_box.updateAutoRange()  # now, not at the next paint
        if self.spec is not None and self.spec.kind == "area_pct":
            self.view_box.setYRange(0, 100, padding=0)

