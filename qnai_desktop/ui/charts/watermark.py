"""The illustrative-data watermark: a sentence repeated diagonally across the whole plot area.

A corner badge goes with the first crop; this mark covers the plot in staggered rows, above the
lines (semi-transparent, so they still read), so any crop of the plot still says the numbers
are invented. It is a child of the ViewBox, in its pixel coordinates: it follows resizes, is
clipped to the plot, takes no mouse events and never counts in the auto range.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsObject

#: Degrees the text rises from left to right.
ANGLE = 24.0
#: A light halo around each letter (opacity, width in font heights): the mark reads on dark
#: stacked areas as well as on white.
HALO_ALPHA = 0.35
HALO_WIDTH = 0.10
Z_ABOVE_LINES = 1_000_000


class Watermark(QGraphicsObject):
    """Tiles ``text`` over its ViewBox; hidden until :meth:`set_mark` gives it text."""

    def __init__(self, view_box: pg.ViewBox) -> None:
        super().__init__(view_box)
        self._box = view_box
        self.text = ""
        self._font = QFont()
        self._color = QColor(0, 0, 0, 0)
        self.setZValue(Z_ABOVE_LINES)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setVisible(False)
        view_box.sigResized.connect(self._resized)

    def set_mark(self, text: str, font: QFont, color: str, alpha: float) -> None:
        """Show ``text`` in ``color`` at ``alpha`` (0–1); an empty text hides the mark."""
        self.prepareGeometryChange()
        self.text, self._font = text, QFont(font)
        self._color = QColor(color)
        self._color.setAlphaF(alpha)
        self.setVisible(bool(text))
        self.update()

    def _resized(self, *_args) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._box.rect())

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        rect = self.boundingRect()
        if not self.text or rect.isEmpty():
            return
        painter.save()
        try:
            painter.setClipRect(rect)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            fm = QFontMetricsF(self._font)
            glyphs = QPainterPath()
            glyphs.addText(0.0, 0.0, self._font, self.text)
            halo = QColor(255, 255, 255)
            halo.setAlphaF(HALO_ALPHA)
            halo_pen = QPen(halo, fm.height() * HALO_WIDTH)
            halo_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            width = fm.horizontalAdvance(self.text)
            step_x = width * 1.35
            step_y = fm.height() * 3.2
            painter.translate(rect.center())
            painter.rotate(-ANGLE)
            reach = math.hypot(rect.width(), rect.height()) / 2 + width
            rows = int(reach / step_y) + 1
            cols = int(reach / step_x) + 1
            for row in range(-rows, rows + 1):
                shift = (row % 2) * step_x / 2  # staggered rows: no column of blank plot
                for col in range(-cols, cols + 1):
                    at = glyphs.translated(QPointF(col * step_x + shift - width / 2,
                                                   row * step_y))
                    painter.strokePath(at, halo_pen)
                    painter.fillPath(at, self._color)
        finally:
            painter.restore()
