"""The alert-rule list: switch on/off, see whether each rule holds now, delete."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.monitors import rule_display_name
from ...services.alerts import StoredRule
from ..common.i18n import current_language
from ..common.theme import qcolor, set_tone

_ID_ROLE = int(Qt.ItemDataRole.UserRole)


class RulesPanel(QGroupBox):
    """Renders stored rules; toggles and buttons only emit requests."""

    sig_add_requested = Signal()
    sig_enable_requested = Signal(int, bool)
    sig_delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # one line a rule; the whole text in its tooltip
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_item_changed)
        self.empty = QLabel(wordWrap=True)
        set_tone(self.empty, "muted")
        self.add = QPushButton()
        self.add.clicked.connect(self.sig_add_requested)
        self.delete = QPushButton()
        self.delete.clicked.connect(self._delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Alert rules"))
        self.add.setText(self.tr("Add alert rule…"))
        self.delete.setText(self.tr("Delete rule"))
        self.table.setHorizontalHeaderLabels([self.tr("On"), self.tr("Name"), self.tr("Condition"),
                                              self.tr("Now")])
        self.empty.setText(self.tr("No rules yet. Use ‘Add alert rule…’."))

    def show_rules(self, rules: list[StoredRule], descriptions: dict[int, str]) -> None:
        """Rules with their plain-language conditions and, under them, the note's sentence each
        watches (content, in the UI language)."""
        lang = current_language()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rules))
        for r, rule in enumerate(rules):
            on = QTableWidgetItem()
            on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable)
            on.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
            on.setData(_ID_ROLE, rule.id)
            name = QTableWidgetItem(rule_display_name(rule.name, lang) or f"#{rule.id}")
            condition = descriptions.get(rule.id, "")
            tip = condition  # the note's sentence behind a watch point: in the tooltip, so every
            if rule.reason is not None:  # rule keeps one line and the four seeded ones all show
                tip += f"\n“{rule.reason.pick(lang)}”"
            text = QTableWidgetItem(condition)
            text.setToolTip(tip)
            if rule.rule is None:
                state_text, color = self.tr("invalid"), "error"
            elif not rule.enabled:
                state_text, color = self.tr("off"), "muted"
            elif rule.active:
                state_text, color = self.tr("holding"), "error"
            else:
                state_text, color = self.tr("armed"), "muted"
            state = QTableWidgetItem(state_text)
            state.setForeground(qcolor(color))
            for c, item in enumerate((on, name, text, state)):
                item.setData(_ID_ROLE, rule.id)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rules)
        self.delete.setEnabled(bool(rules))

    def selected_rule_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.table.item(rows[0].row(), 0).data(_ID_ROLE))

    def _delete_selected(self) -> None:
        rule_id = self.selected_rule_id()
        if rule_id is not None:
            self.sig_delete_requested.emit(rule_id)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            checked = item.checkState() == Qt.CheckState.Checked
            self.sig_enable_requested.emit(int(item.data(_ID_ROLE)), checked)
