"""Saved cases of the open model: save, load, rename, delete, compare, publish as a chart.

The panel only collects the user's intent and emits a ``sig_*_requested`` signal; the tab runs
the operation (services.scenario_cases) and reports back through :meth:`show_message`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.scenarios import Model
from ...core.scenarios.display import format_param, text
from ...services.scenario_cases import CURRENT, MAX_NAME, SavedCase
from ..common.i18n import current_language
from ..common.theme import qcolor, set_tone

NAME_ROLE = Qt.ItemDataRole.UserRole


class ScenarioCasesPanel(QWidget):
    sig_save_requested = Signal(str)
    sig_load_requested = Signal(str)
    sig_rename_requested = Signal(str, str)
    sig_delete_requested = Signal(str)
    sig_compare_requested = Signal(list)
    sig_publish_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemDoubleClicked.connect(lambda item: self.sig_load_requested.emit(
            item.data(NAME_ROLE)))
        self.list.currentItemChanged.connect(self._on_current)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME + 20)  # longer text gets a clear message, not a silent cut
        self.name.returnPressed.connect(lambda: self.sig_save_requested.emit(self.name.text()))
        self.buttons = {key: QPushButton() for key in ("save", "load", "rename", "delete",
                                                       "compare", "publish")}
        self.buttons["save"].clicked.connect(lambda: self.sig_save_requested.emit(self.name.text()))
        self.buttons["load"].clicked.connect(lambda: self._with_selected(self.sig_load_requested))
        self.buttons["rename"].clicked.connect(self._rename)
        self.buttons["delete"].clicked.connect(
            lambda: self._with_selected(self.sig_delete_requested))
        self.buttons["compare"].clicked.connect(
            lambda: self.sig_compare_requested.emit(self.selected_names()))
        self.buttons["publish"].clicked.connect(
            lambda: self._with_selected(self.sig_publish_requested))
        self.message = QLabel()
        self.message.setWordWrap(True)
        grid = QGridLayout()
        for i, key in enumerate(("load", "rename", "delete", "compare", "publish")):
            grid.addWidget(self.buttons[key], i // 2, i % 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.list, 1)
        row = QGridLayout()
        row.addWidget(self.name, 0, 0)
        row.addWidget(self.buttons["save"], 0, 1)
        row.setColumnStretch(0, 1)
        box.addLayout(row)
        box.addLayout(grid)
        box.addWidget(self.message)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.name.setPlaceholderText(self.tr("Case name"))
        self.buttons["save"].setText(self.tr("Save current values"))
        self.buttons["load"].setText(self.tr("Load"))
        self.buttons["rename"].setText(self.tr("Rename"))
        self.buttons["delete"].setText(self.tr("Delete"))
        self.buttons["compare"].setText(self.tr("Compare selected"))
        self.buttons["publish"].setText(self.tr("Publish as chart"))
        self.buttons["publish"].setToolTip(self.tr("Add the selected case's curve to the Charts tab (and "
                                                   "the export pack)"))

    def set_cases(self, model: Model, cases: list[SavedCase]) -> None:
        """List ``cases``, keeping the selection by name."""
        lang = current_language()  # the tooltips list the model's inputs (content)
        keep = set(self.selected_names())
        self.list.clear()
        for case in cases:
            label = self.tr("Current values (autosaved)") if case.name == CURRENT else case.name
            item = QListWidgetItem(label)
            item.setData(NAME_ROLE, case.name)
            tip = [f"{text(p, lang)}: {format_param(p, case.params[p.name], lang)}"
                   for p in model.params]
            if case.problem:
                tip.append(self.tr("Some stored values were ignored: {why}").format(why=case.problem))
            item.setToolTip("\n".join([case.updated_at, *tip]))
            if case.name == CURRENT:
                item.setForeground(qcolor("muted"))
            self.list.addItem(item)
            item.setSelected(case.name in keep)

    def selected_names(self) -> list[str]:
        return [item.data(NAME_ROLE) for item in self.list.selectedItems()]

    def select(self, names: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setSelected(item.data(NAME_ROLE) in names)

    def show_message(self, message: str, error: bool = False) -> None:
        set_tone(self.message, "error" if error else "ok")
        self.message.setText(message)

    # -- slots ---------------------------------------------------------------------------
    def _on_current(self, item: QListWidgetItem | None, _prev: object) -> None:
        if item is not None and item.data(NAME_ROLE) != CURRENT:
            self.name.setText(item.data(NAME_ROLE))

    def _with_selected(self, signal: Signal) -> None:
        names = self.selected_names()
        if not names:
            self.show_message(self.tr("Select a case in the list first"), error=True)
            return
        signal.emit(names[0])

    def _rename(self) -> None:
        names = self.selected_names()
        if not names:
            self.show_message(self.tr("Select a case in the list first"), error=True)
            return
        self.sig_rename_requested.emit(names[0], self.name.text())
