"""What a ChartCanvas says about its chart's state: the as-of stamp (stale in the warning
colour), the illustrative watermark across the plot, the series hidden on screen for the
footnote, and the empty chart's message without axes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ...core.charts import PreparedChart
from ...core.charts.omissions import HIDDEN, Omission
from ...core.charts.stamp import chart_stamp
from ...core.phrases import CHART_NO_DATA, ILLUSTRATIVE_FLAG

if TYPE_CHECKING:
    from .canvas import ChartCanvas


def hidden_omissions(self: ChartCanvas) -> list[Omission]:
    """The series hidden from the legend, for the footnote (a copied image says so too)."""
    if self.prepared is None:
        return []
    return [Omission(p.series_id, p.label_ko, p.label_en, HIDDEN)
            for p in self.prepared.series if p.series_id in self.hidden]

def set_marks(self: ChartCanvas, prepared: PreparedChart) -> None:
    """The as-of stamp (warning colour and age when stale) and, on invented data, the
    watermark across the plot."""
    st, lang = self._style, self.lang
    shown = replace(prepared, last_dates={sid: d for sid, d in prepared.last_dates.items()
                                          if sid not in self.hidden})
    stamp = chart_stamp(shown, self.today or date.today())  # of the lines on screen
    self.stamp_label.setText(stamp.text(lang) if stamp else "")
    self.stamp_label.setVisible(stamp is not None)
    stale = stamp is not None and stamp.stale
    self.stamp_label.setStyleSheet(
        f"color: {st.stale_color if stale else st.muted_color};"
        f" font-weight: {'bold' if stale else 'normal'};")
    text = ILLUSTRATIVE_FLAG.pick(lang) if prepared.is_demo and not prepared.is_empty else ""
    self.watermark.set_mark(text, self.house_font(st.watermark_size, True), st.watermark_color,
                            st.watermark_alpha)

def show_empty(self: ChartCanvas) -> None:
    """No data: the message alone, centred — no axes, grid, legend or units left over from
    the chart shown before."""
    for name in ("left", "bottom", "right"):
        self.plot_item.hideAxis(name)
    self.unit_label.clear()
    self.unit_right_label.clear()
    self.legend.set_entries([], self._style, self.house_font(self._style.legend_size), self._scale)
    self.view_box.setLimits(xMin=None, xMax=None)
    self._empty_text.setText(CHART_NO_DATA.pick(self.lang))
    self.plot_item.addItem(self._empty_text, ignoreBounds=True)
    self._empty_text.setPos(0.5, 0.5)
    self.plot_item.setLogMode(y=False)
    self.view_box.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
