"""The watchlist table model: PandasTableModel plus analyst formatting, issue highlights,
in-place refresh, and a sort that keeps the selection on the same names.

Edits never write into the frame here: ``setData`` hands the typed text to the owner's editor,
which stores it (through an undo command); the store is the truth and the owner redraws from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ...core.formatting import fmt_number, fmt_pct, is_missing
from ..common.pandas_model import PandasTableModel
from ..common.theme import qcolor

Index = QModelIndex | QPersistentModelIndex
ISSUE_BG = {"error": "issue_error_bg", "warning": "issue_warn_bg"}  # theme colour names
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def fmt_per(value: object) -> str:
    """``18`` → ``18``; ``17.5`` → ``17.5``; n/a → ``-`` (the note prints PERs bare)."""
    if is_missing(value):
        return "-"
    v = float(value)  # type: ignore[arg-type]
    return fmt_number(v, 0 if v.is_integer() else 1)


def edit_text(value: object) -> str:
    """What the editor opens with: ``4736`` not ``4736.0``, empty for n/a."""
    if is_missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


FORMATTERS = {"market_cap_usd_bn": lambda v: fmt_number(v, 0), "per_12mf": fmt_per,
              "vs_sp500": lambda v: fmt_pct(v, 0, signed=True),
              "vs_bigtech": lambda v: fmt_pct(v, 0, signed=True)}


def _same(a: object, b: object) -> bool:
    """Cell equality where n/a equals n/a."""
    if is_missing(a) and is_missing(b):
        return True
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


class WatchlistModel(PandasTableModel):
    """Rows are names (index = ticker); columns are ``core.watchlist.VIEW_COLUMNS``."""

    def __init__(self, editor: Callable[[Any, str, str], tuple[bool, Any]],
                 editable: set[str], parent: Any = None) -> None:
        super().__init__(formatters=FORMATTERS, editor=editor, editable=editable,
                         tooltips={"thesis1": "", "thesis2": ""}, parent=parent)
        self._issues: dict[tuple[str, str], tuple[str, list[str]]] = {}

    @property
    def order(self) -> np.ndarray:
        """Frame position shown at each row (the sort permutation)."""
        return self._order

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def row_of(self, ticker: str) -> int:
        """View row of a ticker, or -1."""
        try:
            pos = self._df.index.get_loc(ticker)
        except KeyError:
            return -1
        hits = np.flatnonzero(self._order == pos)
        return int(hits[0]) if len(hits) else -1

    # -- data in ------------------------------------------------------------------------
    def update_frame(self, df: pd.DataFrame) -> None:
        """Show ``df``; same names in the same order → repaint in place (selection and editors
        survive), otherwise reset. The current sort is re-applied either way."""
        sort = self._sort
        if df.index.equals(self._df.index) and list(df.columns) == self._columns:
            self._df = df
            self._owns_frame = False
            if len(df):
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(df) - 1, len(self._columns) - 1))
        else:
            self.set_frame(df)
        if sort is not None:
            self.sort(*sort)

    def update_rows(self, rows: dict[str, dict[str, Any]]) -> set[str]:
        """Rows of names already shown (``{ticker: {column: value}}``), changed in place: only
        those rows repaint, and the sort is re-applied only when its column changed. Returns the
        columns whose values differ."""
        if not self._owns_frame:
            self._df = self._df.copy()
            self._owns_frame = True
        changed_cols: set[int] = set()
        changed_rows: list[int] = []
        for label, values in rows.items():
            pos = self._df.index.get_loc(label)
            row_changed = False
            for j, col in enumerate(self._columns):
                new, old = values[col], self._df.iat[pos, j]
                if not _same(old, new):
                    self._df.iat[pos, j] = new
                    changed_cols.add(j)
                    row_changed = True
            if row_changed:
                changed_rows.append(pos)
        if self._sort is not None and self._sort[0] in changed_cols:
            self.sort(*self._sort)  # the row may move: a layout change, not a reset
        else:
            row_of_pos = np.empty(len(self._order), dtype=np.int64)
            row_of_pos[self._order] = np.arange(len(self._order))
            for pos in changed_rows:
                row = int(row_of_pos[pos])
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return {self._columns[j] for j in changed_cols}

    def set_issues(self, issues: dict[tuple[str, str], tuple[str, list[str]]]) -> None:
        """``{(ticker, column): (severity, [messages])}`` — cells the report check flags. Only the
        cells whose flag changed repaint."""
        old, self._issues = self._issues, issues
        keys = {k for k in old.keys() | issues.keys() if old.get(k) != issues.get(k)}
        if not self.rowCount() or not keys:
            return
        roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                 Qt.ItemDataRole.ToolTipRole]
        if len(keys) > 64:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1), roles)
            return
        for ticker, col in keys:
            row = self.row_of(ticker)
            if row >= 0 and col in self._columns:
                cell = self.index(row, self._columns.index(col))
                self.dataChanged.emit(cell, cell, roles)

    # -- Qt model API -------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(self.value(index.row(), index.column()))
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.ToolTipRole):
            issue = self._issues.get((str(self.row_label(index.row())), col))
            if role == Qt.ItemDataRole.BackgroundRole:
                return qcolor(ISSUE_BG[issue[0]]) if issue else None
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = super().data(index, role)
                if col in ("thesis1", "thesis2"):
                    tip = str(self.value(index.row(), index.column()) or "") or None
                return "\n".join([*([tip] if tip else []), *(issue[1] if issue else [])]) or None
            if col in ("vs_sp500", "vs_bigtech"):
                v = self.value(index.row(), index.column())
                if not is_missing(v) and v != 0:
                    return qcolor("premium" if v > 0 else "discount")  # red above, blue below
            return qcolor("issue_fg") if issue else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == "as_of":
                return _CENTER
            if col in FORMATTERS:
                return _RIGHT
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._editor is None:
            return False
        col = self._columns[index.column()]
        if col not in self._editable:
            return False
        ok, result = self._editor(self.row_label(index.row()), col, str(value))
        if not ok:
            self.sig_edit_rejected.emit(str(result))
        return bool(ok)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by permutation; column -1 restores the note's order. Persistent indexes (the
        selection, the current cell) follow their names."""
        n = len(self._df)
        if column >= len(self._columns):
            return
        if column < 0:
            new = np.arange(n)
            self._sort = None
        else:
            col = self._df.iloc[:, column]
            if self._numeric[column]:
                keys = pd.to_numeric(col, errors="coerce").to_numpy(dtype=float)
            else:
                keys = col.fillna("").astype(str).str.lower().to_numpy()
            new = np.argsort(keys, kind="stable")
            if order == Qt.SortOrder.DescendingOrder:
                new = new[::-1]
                if self._numeric[column]:  # n/a stays last in both directions
                    nan = np.isnan(keys[new])
                    new = np.concatenate([new[~nan], new[nan]])
            self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self._order
        self._order = new
        persistent = self.persistentIndexList()
        if persistent:
            row_of_pos = np.empty(n, dtype=np.int64)
            row_of_pos[new] = np.arange(n)
            moved = [self.index(int(row_of_pos[old[i.row()]]), i.column())
                     if 0 <= i.row() < len(old) else QModelIndex() for i in persistent]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
