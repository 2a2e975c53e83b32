"""A left-to-right layout that wraps to the next row (Qt's "Flow Layout" example, trimmed).

The legend uses it so ten series wrap onto two rows instead of forcing a wide minimum width
on the chart (and on the whole window).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class ChartFlowLayout(QLayout):
    """Items in rows of at most ``max_per_row``, wrapping early when the width runs out."""

    def __init__(self, parent: QWidget | None = None, h_spacing: int = 12, v_spacing: int = 2,
                 max_per_row: int = 0) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.h_spacing, self.v_spacing, self.max_per_row = h_spacing, v_spacing, max_per_row
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, row_height, in_row = rect.x(), rect.y(), 0, 0
        for item in self._items:
            hint = item.sizeHint()
            full = self.max_per_row and in_row >= self.max_per_row
            if in_row and (full or x + hint.width() > rect.right() + 1):
                x, y = rect.x(), y + row_height + self.v_spacing
                row_height, in_row = 0, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.h_spacing
            row_height = max(row_height, hint.height())
            in_row += 1
        return y + row_height - rect.y()
