"""Ctrl+K command palette: type part of a ticker, chart, series, scenario or action to jump there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...core.palette import PaletteEntry, rank
from ..common.i18n import register, tr

register({
    "palette.placeholder": ("티커, 차트, 시리즈, 시나리오, 명령 검색…",
                            "Ticker, chart, series, scenario or command…"),
    "palette.kind.ticker": ("종목", "Ticker"),
    "palette.kind.chart": ("차트", "Chart"),
    "palette.kind.series": ("시리즈", "Series"),
    "palette.kind.scenario": ("시나리오", "Scenario"),
    "palette.kind.monitor": ("모니터", "Monitor"),
    "palette.kind.action": ("명령", "Command"),
    "action.palette": ("명령 팔레트…", "Command palette…"),
})


class CommandPalette(QDialog):
    """A frameless search box over entries; Enter (or a click) chooses, Esc closes."""

    sig_entry_chosen = Signal(object)  # PaletteEntry

    def __init__(self, entries_provider: Callable[[], list[PaletteEntry]], lang: str = "ko",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self._provider = entries_provider
        self._entries: list[PaletteEntry] = []
        self.lang = lang
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("palette.placeholder", lang))
        self.query.textChanged.connect(self.update_results)
        self.query.installEventFilter(self)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._choose_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self.resize(560, 380)

    def open_palette(self) -> None:
        self._entries = self._provider()
        self.query.clear()
        self.update_results("")
        if self.parentWidget() is not None:
            geo = self.parentWidget().geometry()
            self.move(geo.center().x() - self.width() // 2, geo.top() + 80)
        self.show()
        self.raise_()
        self.query.setFocus()

    def update_results(self, text: str) -> None:
        self.results.clear()
        for entry in rank(self._entries, text):
            kind = tr(f"palette.kind.{entry.kind}", self.lang)
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
