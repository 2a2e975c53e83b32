"""The chart legend: one clickable entry per series (click hides/shows it), sized by scale.

A Qt widget rather than pyqtgraph's LegendItem: that item keeps 20-px samples and small fonts
when an export forces a larger size (pyqtgraph issues #16, #1767), and only its sample — not
its label — is clickable. Here every size comes from the house style times the canvas scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from ..common.style import HouseStyle
from .flow_layout import ChartFlowLayout


@dataclass(frozen=True)
class LegendEntry:
    """What one legend entry shows: a line or box swatch in the series colour, and its label."""

    series_id: str
    label: str
    color: str
    swatch: str = "line"  # "line" or "box"
    dash: tuple[float, ...] = ()


class LegendButton(QAbstractButton):
    """A checkable swatch + label; unchecked means the series is hidden (drawn greyed out)."""

    def __init__(self, entry: LegendEntry, style: HouseStyle, font: QFont, scale: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self._style = style
        self._scale = scale
        self.setFont(font)
        self.setText(entry.label)
        self.setCheckable(True)
        self.setChecked(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(entry.series_id)

    def _swatch_width(self) -> float:
        return 22 * self._scale

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        width = self._swatch_width() + 6 * self._scale + fm.horizontalAdvance(self.text()) + 2
        return QSize(int(width + 1), int(fm.height() + 4 * self._scale))

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self.entry.color if self.isChecked() else self._style.axis_color)
        h = self.height()
        sw = self._swatch_width()
        if self.entry.swatch == "box":
            side = min(h * 0.62, sw * 0.6)
            rect = QRectF(sw - side, (h - side) / 2, side, side)
            if self.isChecked():
                p.fillRect(rect, colour)
            else:
                p.setPen(QPen(colour, max(1.0, self._scale)))
                p.drawRect(rect)
        else:
            pen = QPen(colour, self._style.line_width * self._scale * 1.2)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if self.entry.dash:
                pen.setDashPattern(list(self.entry.dash))
            p.setPen(pen)
            p.drawLine(QLineF(1.0, h / 2, sw, h / 2))
        text_colour = QColor(self._style.text_color if self.isChecked() else self._style.axis_color)
        p.setPen(text_colour)
        font = QFont(self.font())
        font.setStrikeOut(not self.isChecked())
        p.setFont(font)
        text_rect = QRectF(sw + 6 * self._scale, 0, self.width() - sw, h)
        p.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   self.text())
        p.end()


class ChartLegend(QWidget):
    """Entries in rows of at most ``legend_max_columns`` (fewer when narrow); emits toggles."""

    sig_series_toggled = Signal(str, bool)  # series id, now visible

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flow = ChartFlowLayout(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.buttons: dict[str, LegendButton] = {}

    def set_entries(self, entries: list[LegendEntry], style: HouseStyle, font: QFont,
                    scale: float, hidden: set[str] | frozenset[str] = frozenset()) -> None:
        while self._flow.count():
            item = self._flow.takeAt(0)
            old = item.widget()
            if old is not None:  # gone now, not at the next event-loop turn (grab() is sooner)
                old.hide()
                old.setParent(None)
                old.deleteLater()
        self.buttons = {}
        self._flow.h_spacing = round(18 * scale)
        self._flow.v_spacing = round(2 * scale)
        self._flow.max_per_row = max(1, style.legend_max_columns)
        for entry in entries:
            button = LegendButton(entry, style, font, scale, self)
            button.setChecked(entry.series_id not in hidden)
            button.toggled.connect(lambda on, sid=entry.series_id: self.sig_series_toggled.emit(sid, on))
            self._flow.addWidget(button)
            button.show()
            self.buttons[entry.series_id] = button
        self._flow.invalidate()
        self.updateGeometry()
        self.setVisible(bool(entries))

    def set_series_visible(self, series_id: str, visible: bool) -> None:
        button = self.buttons.get(series_id)
        if button is not None and button.isChecked() != visible:
            button.setChecked(visible)
