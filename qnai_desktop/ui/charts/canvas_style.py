"""Applying the house style to a ChartCanvas: fonts, colours, margins, axes (scaled)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from .axes import HouseDateAxis, style_axis

if TYPE_CHECKING:
    from .canvas import ChartCanvas

ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
         "right": Qt.AlignmentFlag.AlignRight}


def apply_style(self: ChartCanvas) -> None:
    """Fonts, colours, margins and axes of ``self`` from its house style times its scale."""
    st, s = self._style, self._scale
    palette = self.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(st.background))
    self.setPalette(palette)
    m = round(st.margin * s)
    self._layout.setContentsMargins(m, m, m, m)
    self._layout.setSpacing(round(st.spacing * s))
    self.title_label.setFont(self.house_font(st.title_size, st.title_bold))
    self.title_label.setAlignment(ALIGN[st.title_align] | Qt.AlignmentFlag.AlignVCenter)
    self.title_label.setStyleSheet(f"color: {st.title_color};")
    self.title_rule.setFixedHeight(max(1, round(st.title_rule_width * s)))
    self.title_rule.setStyleSheet(f"background: {st.accent_color}; border: none;")
    self.title_rule.setVisible(st.title_rule_width > 0)
    self.demo_badge.setFont(self.house_font(st.legend_size, True))
    pad_v, pad_h, radius = round(2 * s), round(8 * s), round(3 * s)
    self.demo_badge.setStyleSheet(
        f"color: {st.demo_badge_color}; background: {st.demo_badge_background};"
        f" padding: {pad_v}px {pad_h}px; border-radius: {radius}px;")
    self.stamp_label.setFont(self.house_font(st.legend_size))
    for label in (self.unit_label, self.unit_right_label):
        label.setFont(self.house_font(st.unit_size))
        label.setStyleSheet(f"color: {st.muted_color};")
    for label, size in ((self.source_label, st.source_size), (self.note_label, st.note_size)):
        label.setFont(self.house_font(size))
        label.setStyleSheet(f"color: {st.source_color};")
        label.setAlignment(ALIGN[st.source_align])
    # legend above the plot (after the title rule) or below it (before the source line)
    self._layout.removeWidget(self.legend)
    at = self._legend_index if st.legend_position == "top" else self._layout.count() - 2
    self._layout.insertWidget(at, self.legend)
    self.plot_widget.setBackground(st.plot_background)
    tick_font = self.house_font(st.tick_size)
    for name in ("left", "bottom", "right"):
        style_axis(self.plot_item.getAxis(name), st, tick_font, s)
    bottom = self.plot_item.getAxis("bottom")
    if isinstance(bottom, HouseDateAxis):
        bottom.korean = st.date_format == "korean"
    self.plot_item.showGrid(x=st.grid_x, y=st.grid_y, alpha=st.grid_alpha)
    # room above the axis for half of the top tick's label (axes.style_axis)
    self.plot_item.layout.setContentsMargins(0, round(9 * s), round(6 * s), 0)
    self._empty_text.setColor(st.muted_color)
    self._empty_text.setFont(self.house_font(st.legend_size))
