"""Filter over the watchlist model that leaves sorting to the source's argsort permutation.

QSortFilterProxyModel's own sort would call ``data()`` O(n log n) times from C++ and compare
display strings ("4,736" < "414"); the source sorts 5,000 rows in a few ms with numpy instead.
The filter is a boolean mask per frame position computed in one pass by
``core.watchlist.filter_mask``; ``filterAcceptsRow`` only looks it up.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from .model import WatchlistModel


class WatchlistProxy(QSortFilterProxyModel):
    def __init__(self, source: WatchlistModel, parent=None) -> None:
        super().__init__(parent)
        self._mask: np.ndarray | None = None
        self.setSourceModel(source)

    def set_mask(self, mask: np.ndarray | None) -> None:
        """Rows to show by frame position (None: all)."""
        if mask is not None and mask.all():
            mask = None
        if mask is None and self._mask is None:
            return
        self.beginFilterChange()  # Qt 6.10 API; invalidateRowsFilter() is deprecated there
        self._mask = mask
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        mask = self._mask
        if mask is None:
            return True
        src: WatchlistModel = self.sourceModel()  # type: ignore[assignment]
        pos = int(src.order[source_row])
        return bool(mask[pos]) if pos < len(mask) else True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
