"""Which watchlist columns are shown: the Columns menu, the header's context menu, remembered.

The ticker always stays. The choice is kept in QSettings (``watchlist/hidden_columns``) so the
table opens the way she left it; "note order" clears any sort and shows the note's order.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from ...core.watchlist import VIEW_COLUMNS
from ..common.settings import make_settings

HIDDEN_KEY = "watchlist/hidden_columns"


class WatchlistColumns(QObject):
    """Owns the hidden-column set, its menu actions and the view's column visibility."""

    def __init__(self, view: QTableView, menu: QMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.hidden: set[str] = set(_load_hidden())
        self.actions: dict[str, QAction] = {}
        for col in VIEW_COLUMNS[1:]:  # the ticker always stays
            act = QAction(self, checkable=True, checked=col not in self.hidden)
            act.toggled.connect(lambda on, col=col: self.set_visible(col, on))
            menu.addAction(act)
            self.actions[col] = act
        menu.addSeparator()
        self.act_note_order = menu.addAction("")
        self.act_note_order.triggered.connect(self.note_order)

    def retranslate(self, headers: dict[str, str]) -> None:
        for col, act in self.actions.items():
            act.setText(headers[col])
        self.act_note_order.setText(self.tr("Note order"))

    def set_visible(self, col: str, visible: bool) -> None:
        (self.hidden.discard if visible else self.hidden.add)(col)
        settings = make_settings()
        settings.setValue(HIDDEN_KEY, sorted(self.hidden))
        settings.sync()
        self.apply()

    def apply(self) -> None:
        """Hide the chosen columns (after the model reset them) and keep the menu in step."""
        for i, col in enumerate(VIEW_COLUMNS):
            self.view.setColumnHidden(i, col in self.hidden)
            act = self.actions.get(col)
            if act is not None and act.isChecked() == (col in self.hidden):
                act.blockSignals(True)
                act.setChecked(col not in self.hidden)
                act.blockSignals(False)

    def note_order(self) -> None:
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)


def _load_hidden() -> list[str]:
    value = make_settings().value(HIDDEN_KEY, [])
    values = [value] if isinstance(value, str) else list(value or [])
    return [v for v in values if v in VIEW_COLUMNS[1:]]
