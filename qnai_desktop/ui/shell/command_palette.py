"""Ctrl+K command palette: type part of a ticker, chart, series, scenario or action to jump there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...core.palette import PaletteEntry, rank

KINDS = {"ticker": QT_TRANSLATE_NOOP("CommandPalette", "Ticker"),
         "chart": QT_TRANSLATE_NOOP("CommandPalette", "Chart"),
         "series": QT_TRANSLATE_NOOP("CommandPalette", "Series"),
         "scenario": QT_TRANSLATE_NOOP("CommandPalette", "Scenario"),
         "monitor": QT_TRANSLATE_NOOP("CommandPalette", "Monitor"),
         "action": QT_TRANSLATE_NOOP("CommandPalette", "Command")}


class CommandPalette(QDialog):
    """A frameless search box over entries; Enter (or a click) chooses, Esc closes."""

    sig_entry_chosen = Signal(object)  # PaletteEntry

    def __init__(self, entries_provider: Callable[[], list[PaletteEntry]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self._provider = entries_provider
        self._entries: list[PaletteEntry] = []
        self.query = QLineEdit()
        self.query.textChanged.connect(self.update_results)
        self.query.installEventFilter(self)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._choose_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self.resize(560, 380)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("Ticker, chart, series, scenario or command…"))

    def open_palette(self) -> None:
        self._entries = self._provider()
        self.query.clear()
        self.update_results("")
        if self.parentWidget() is not None:
            geo = self.parentWidget().geometry()
            self.move(geo.center().x() - self.width() // 2, geo.top() + 80)
        self.show()
        self.raise_()
        self.activateWindow()  # a frameless dialog is not activated by show(): typing needs it
        self.query.setFocus(Qt.FocusReason.PopupFocusReason)

    def update_results(self, text: str) -> None:
        self.results.clear()
        for entry in rank(self._entries, text):
            kind = self.tr(KINDS[entry.kind])
            item = QListWidgetItem(f"{entry.label}    · {kind}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def eventFilter(self, obj: object, event: object) -> bool:
        if obj is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_item(self.results.currentItem())
                return True
        return super().eventFilter(obj, event)

    def _choose_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.hide()
        self.sig_entry_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
