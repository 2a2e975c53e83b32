"""Paints a small line of a row's recent values inside a table cell, last point as a status dot.

The values come from the model (``UserRole``: a list of floats computed at reset), so painting
is a polyline over at most ~90 points: no query, no pandas.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..common.theme import qcolor
from .style import dot_color

Index = QModelIndex | QPersistentModelIndex


def sparkline_points(values: list[float], width: float, height: float) -> list[tuple[float, float]]:
    """Map values to (x, y) in a width × height box, y down; a flat series sits mid-height."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if len(finite) < 2:
        return []
    lo, hi = min(finite), max(finite)
    span = hi - lo
    step = width / (len(finite) - 1)
    return [(i * step, height / 2 if span == 0 else height - (v - lo) / span * height)
            for i, v in enumerate(finite)]


class SparklineDelegate(QStyledItemDelegate):
    """``status_role`` names the model role that gives the row's colour level."""

    def __init__(self, status_role: int, parent=None) -> None:
        super().__init__(parent)
        self._status_role = status_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        values = index.data(Qt.ItemDataRole.UserRole) or []
        rect = option.rect.adjusted(6, 5, -9, -5)
        points = sparkline_points(list(values), rect.width(), rect.height())
        if not points:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        line = option.palette.highlightedText().color() if selected else qcolor("line")
        painter.setPen(QPen(line, 1.3))
        poly = QPolygonF([QPointF(rect.left() + x, rect.top() + y) for x, y in points])
        painter.drawPolyline(poly)
        level = index.data(self._status_role) or "stale"
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(dot_color(level))
        painter.drawEllipse(poly[poly.size() - 1], 3.0, 3.0)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(120, 26)
