"""Draws the sensitivity cell of the current case with an outline (item roles cannot)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from .grid_model import CURRENT_ROLE

OUTLINE = QColor("#EA002C")


class ScenarioGridDelegate(QStyledItemDelegate):
    """Default painting, plus a 3-px accent frame where ``CURRENT_ROLE`` is True."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        if index.data(CURRENT_ROLE):
            painter.save()
            painter.setPen(QPen(OUTLINE, 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()
