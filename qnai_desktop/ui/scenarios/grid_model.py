"""A sensitivity table as a heat map: rows = one input, columns = another, cells = an output."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.scenarios import Model
from ...core.scenarios.display import format_output, format_param
from ...core.scenarios.sensitivity import current_cell, heat_levels
from ..common.i18n import current_language
from ..common.theme import readable_text

Index = QModelIndex | QPersistentModelIndex
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 1  # True for the cell of the current case
LOW, HIGH = np.array([247, 251, 255]), np.array([8, 69, 148])  # light -> dark blue


class ScenarioGridModel(QAbstractTableModel):
    """Texts, colours and the current cell are computed once per ``set_table``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = pd.DataFrame()
        self.current: tuple[int, int] | None = None
        self._cells: list[list[str]] = []
        self._bg: list[list[QBrush]] = []
        self._fg: list[list[QBrush]] = []
        self._cols: list[str] = []
        self._rows: list[str] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, model: Model, table: pd.DataFrame, output: str,
                  current_xy: tuple[float, float]) -> None:
        lang = current_language()  # values are formatted with the model's unit words
        self.beginResetModel()
        self.table = table
        out = model.output(output)
        xp, yp = model.param(table.columns.name), model.param(table.index.name)
        values = table.to_numpy(dtype=float)
        levels = heat_levels(table)
        self._cells = [[format_output(out, v, lang) for v in row] for row in values]
        self._bg, self._fg = [], []
        for row in levels:
            colours = [LOW + (HIGH - LOW) * (0.0 if np.isnan(t) else t) for t in row]
            self._bg.append([QBrush(QColor(*(int(c) for c in rgb))) for rgb in colours])
            self._fg.append([QBrush(readable_text(b.color())) for b in self._bg[-1]])
        self._cols = [format_param(xp, x, lang) for x in table.columns]
        self._rows = [format_param(yp, y, lang) for y in table.index]
        self.current = current_cell(table, *current_xy)
        self.endResetModel()

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[r][c]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._bg[r][c]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._fg[r][c]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if (r, c) == self.current else None
        if role == CURRENT_ROLE:
            return (r, c) == self.current
        if role == Qt.ItemDataRole.UserRole:
            return float(self.table.iat[r, c])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        labels = self._cols if orientation == Qt.Orientation.Horizontal else self._rows
        if not 0 <= section < len(labels):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return labels[section]
        if role == Qt.ItemDataRole.FontRole and self.current is not None:
            on = self.current[1] if orientation == Qt.Orientation.Horizontal else self.current[0]
            return self._bold if section == on else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
