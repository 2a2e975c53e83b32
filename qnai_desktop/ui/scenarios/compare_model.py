"""Cases side by side (inputs, then results); cells that differ from the first case are highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...core.scenarios.compare import Comparison
from ...core.scenarios.display import NA, format_delta, format_output, format_param, text, unavailable
from ..common.i18n import current_language
from ..common.theme import qcolor

Index = QModelIndex | QPersistentModelIndex
FIXED_COLUMNS = 2  # kind, item


class ScenarioCompareModel(QAbstractTableModel):
    """Read-only view of a ``core.scenarios.compare.Comparison``; texts cached per reset."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cmp: Comparison | None = None
        self._headers: list[str] = []
        self._cells: list[list[str]] = []
        self._tips: list[list[str | None]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_comparison(self, cmp: Comparison | None, headers: list[str]) -> None:
        """``headers`` are the case columns' titles (translated names)."""
        lang = current_language()  # labels and formatted values are the model's content
        self.beginResetModel()
        self._cmp = cmp
        self._headers = [self.tr("Kind"), self.tr("Item"), *headers]
        self._cells, self._tips = [], []
        if cmp is not None:
            inputs = [r for r, k in enumerate(cmp.kinds) if k == "param"]
            na = [unavailable(cmp.model, {cmp.row_names[r]: cmp.values[r, j] for r in inputs})
                  for j in range(len(cmp.case_names))]  # per case: outputs with an input not given
            for r, name in enumerate(cmp.row_names):
                desc = cmp.describe(r)
                fmt = (lambda v, d=desc: format_param(d, v, lang)) if cmp.kinds[r] == "param" \
                    else (lambda v, d=desc: format_output(d, v, lang))
                kind = self.tr("Input") if cmp.kinds[r] == "param" else self.tr("Result")
                values = [NA if name in na[j] else fmt(v) for j, v in enumerate(cmp.values[r])]
                self._cells.append([kind, text(desc, lang), *values])
                ref = cmp.values[r, 0]
                tips: list[str | None] = [None, None, None]
                for j in range(1, len(values)):
                    delta = cmp.values[r, j] - ref
                    known = NA not in (values[0], values[j])  # no delta against "not given"
                    tips.append(self.tr("vs the note: {delta}").format(
                        delta=format_delta(desc, delta, lang)) if cmp.differs[r, j] and known else None)
                self._tips.append(tips)
        self.endResetModel()

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._cmp is None else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._cmp is None:
            return None
        r, c = index.row(), index.column()
        differs = c >= FIXED_COLUMNS and bool(self._cmp.differs[r, c - FIXED_COLUMNS])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[r][c]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[r][c] if c >= FIXED_COLUMNS else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if differs:
                return qcolor("diff_bg")
            return qcolor("output_bg") if self._cmp.kinds[r] == "output" else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if differs else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if c >= FIXED_COLUMNS else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return differs
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

