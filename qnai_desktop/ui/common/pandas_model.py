"""A pandas-backed table model: dtype-aware display, sort by permutation, optional edit.

Cells are read with ``df.iat`` through a row permutation, so sorting never mutates the frame the
caller passed in. Edits go through ``editor(row_label, column, text) -> (ok, value_or_message)``
supplied by the owner (it validates and writes through the store); on success the stored value
is shown (the frame is copied on first edit), otherwise the model emits
``sig_edit_rejected(message)`` — it never opens a dialog itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...core.formatting import fmt_auto, fmt_date, is_missing

Formatter = Callable[[Any], str]
Index = QModelIndex | QPersistentModelIndex


class PandasTableModel(QAbstractTableModel):
    """Shows a DataFrame; headers and formatters are cached per reset."""

    sig_edit_rejected = Signal(str)

    def __init__(self, df: pd.DataFrame | None = None, *, headers: dict[str, str] | None = None,
                 formatters: dict[str, Formatter] | None = None,
                 editor: Callable[[Any, str, str], tuple[bool, Any]] | None = None,
                 editable: set[str] | None = None, tooltips: dict[str, str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._headers_map = headers or {}
        self._formatters_in = formatters or {}
        self._editor = editor
        self._editable = editable or set()
        self._tooltip_cols = tooltips or {}
        self.set_frame(df if df is not None else pd.DataFrame())

    # -- data in ------------------------------------------------------------------------
    def set_frame(self, df: pd.DataFrame) -> None:
        self.beginResetModel()
        self._df = df
        self._owns_frame = False
        self._order = np.arange(len(df))
        self._labels = df.index.tolist()  # row_label runs per cell and role: no pandas lookup
        self._columns = list(df.columns)
        self._header_labels = [self._headers_map.get(c, str(c)) for c in self._columns]
        self._numeric = [pd.api.types.is_numeric_dtype(df[c]) and not
                         pd.api.types.is_bool_dtype(df[c]) for c in self._columns]
        self._fmt = [self._formatter_for(c, i) for i, c in enumerate(self._columns)]
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.endResetModel()

    def set_headers(self, headers: dict[str, str]) -> None:
        self._headers_map = headers
        self._header_labels = [headers.get(c, str(c)) for c in self._columns]
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def _formatter_for(self, col: str, i: int) -> Formatter:
        if col in self._formatters_in:
            return self._formatters_in[col]
        dtype = self._df[col].dtype
        if pd.api.types.is_datetime64_any_dtype(dtype):
            return fmt_date
        if self._numeric[i]:
            return fmt_auto
        return lambda v: "" if is_missing(v) else str(v)

    @property
    def frame(self) -> pd.DataFrame:
        return self._df

    def column_index(self, name: str) -> int:
        return self._columns.index(name)

    def row_label(self, row: int) -> Any:
        """The DataFrame index label shown at view row ``row`` (after sorting)."""
        return self._labels[self._order[row]]

    def value(self, row: int, col: int) -> Any:
        return self._df.iat[int(self._order[row]), col]

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._fmt[c](self.value(r, c))
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if self._columns[c] in self._tooltip_cols or len(text) > 30 else None
            return text
        if role == Qt.ItemDataRole.EditRole:
            v = self.value(r, c)
            return "" if is_missing(v) else str(v)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._numeric[c]:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.value(r, c)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._header_labels[section] if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editor is not None and self._columns[index.column()] in self._editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._editor is None:
            return False
        col = self._columns[index.column()]
        if col not in self._editable:
            return False
        ok, result = self._editor(self.row_label(index.row()), col, str(value))
        if not ok:
            self.sig_edit_rejected.emit(str(result))
            return False
        if not self._owns_frame:
            self._df = self._df.copy()
            self._owns_frame = True
        self._df.iat[int(self._order[index.row()]), index.column()] = result
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        col = self._df.iloc[:, column]
        if self._numeric[column]:
            keys = pd.to_numeric(col, errors="coerce").to_numpy(dtype=float)
        else:
            keys = col.astype(str).str.lower().to_numpy()
        order_idx = np.argsort(keys, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            order_idx = order_idx[::-1]
            if self._numeric[column]:  # keep NaN last in both directions
                nan = np.isnan(keys[order_idx])
                order_idx = np.concatenate([order_idx[~nan], order_idx[nan]])
        self._order = order_idx
        self._sort = (column, order)
        self.layoutChanged.emit()
