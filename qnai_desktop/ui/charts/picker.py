"""The chart list with search: sections (chart pack, my charts, series) of selectable entries."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..common.theme import qcolor

KEY_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PickerEntry:
    """One selectable chart: its key (chart id), shown text, extra search text, demo flag."""

    key: str
    text: str
    search: str = ""
    is_demo: bool = False
    tooltip: str = ""


class ChartPicker(QWidget):
    """Emits ``sig_chart_selected(key)`` when the user (or :meth:`select`) picks an entry."""

    sig_chart_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self._items: dict[str, QListWidgetItem] = {}

    def set_sections(self, sections: list[tuple[str, list[PickerEntry]]], current: str | None) -> None:
        """Replace the list; keep ``current`` selected without emitting (nothing changed)."""
        self.list.blockSignals(True)
        self.list.clear()
        self._items = {}
        header_font = QFont(self.list.font())
        header_font.setBold(True)
        for title, entries in sections:
            if not entries:
                continue
            header = QListWidgetItem(title)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setFont(header_font)
            header.setForeground(qcolor("muted"))
            self.list.addItem(header)
            for entry in entries:
                item = QListWidgetItem("   " + entry.text)
                item.setData(KEY_ROLE, entry.key)
                item.setData(SEARCH_ROLE, f"{entry.text} {entry.key} {entry.search}".lower())
                item.setToolTip(entry.tooltip or entry.key)
                self.list.addItem(item)
                self._items[entry.key] = item
        if current in self._items:
            self.list.setCurrentItem(self._items[current])
        self.list.blockSignals(False)
        self.apply_filter(self.search.text())

    def keys(self) -> list[str]:
        return list(self._items)

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def select(self, key: str) -> bool:
        """Make ``key`` current (emits when it changes); False when there is no such entry."""
        item = self._items.get(key)
        if item is None:
            return False
        if item.isHidden():  # a search hid it: clear the search so the selection is visible
            self.search.clear()
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        return True

    def apply_filter(self, text: str) -> None:
        """Show entries whose text, id or search text holds every word; hide empty sections."""
        words = text.lower().split()
        header: QListWidgetItem | None = None
        header_has_match = False
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(KEY_ROLE)
            if key is None:  # a section header
                if header is not None:
                    header.setHidden(not header_has_match)
                header, header_has_match = item, False
                continue
            match = all(w in item.data(SEARCH_ROLE) for w in words)
            item.setHidden(not match)
            header_has_match |= match
        if header is not None:
            header.setHidden(not header_has_match)

    def _on_current(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None and current.data(KEY_ROLE) is not None:
            self.sig_chart_selected.emit(current.data(KEY_ROLE))
