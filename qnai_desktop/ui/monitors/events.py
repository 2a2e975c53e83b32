"""The alert log: each crossing once, newest first; acknowledge, undo, open the chart."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.monitors import rule_display_name
from ..common.i18n import current_language
from ..common.theme import qcolor

_ID_ROLE = int(Qt.ItemDataRole.UserRole)
_SERIES_ROLE = _ID_ROLE + 1


def local_time(at: str) -> str:
    """Stored UTC ISO time → local ``YYYY-MM-DD HH:MM`` (the text itself if it is not ISO)."""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(at)


class EventsPanel(QGroupBox):
    """Renders the alert_events frame; buttons emit requests (the tab writes)."""

    sig_ack_requested = Signal(list, bool)  # event ids, acknowledged
    sig_ack_all_requested = Signal()
    sig_open_alert_requested = Signal(int)  # event id: its chart with the alert's window shown
    sig_filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda idx: self._open(idx.row()))
        self.unacked_only = QCheckBox()
        self.unacked_only.toggled.connect(self.sig_filter_changed)
        self.ack = QPushButton()
        self.ack.clicked.connect(lambda: self._ack(True))
        self.unack = QPushButton()
        self.unack.clicked.connect(lambda: self._ack(False))
        self.ack_all = QPushButton()
        self.ack_all.clicked.connect(self.sig_ack_all_requested)
        self.open_chart = QPushButton()
        self.open_chart.clicked.connect(lambda: self._open(self.table.currentRow()))
        buttons = QHBoxLayout()
        for w in (self.ack, self.unack, self.ack_all, self.open_chart):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.unacked_only)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._unacked = 0
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Alerts ({n} unacknowledged)").format(n=self._unacked))
        self.table.setHorizontalHeaderLabels([self.tr("Ack"), self.tr("Time"), self.tr("Rule"),
                                              self.tr("What happened")])
        self.ack.setText(self.tr("Acknowledge"))
        self.unack.setText(self.tr("Unacknowledge"))
        self.ack_all.setText(self.tr("Acknowledge all"))
        self.open_chart.setText(self.tr("Open chart"))
        self.unacked_only.setText(self.tr("New only"))

    def show_events(self, events: pd.DataFrame, unacked: int) -> None:
        self._unacked = unacked
        self.setTitle(self.tr("Alerts ({n} unacknowledged)").format(n=unacked))
        self.table.setRowCount(len(events))
        bold = QFont()
        bold.setBold(True)
        for r, ev in enumerate(events.itertuples()):
            new = ev.acknowledged_at is None or pd.isna(ev.acknowledged_at)
            ack = QTableWidgetItem("●  " + self.tr("new") if new else "✓")
            ack.setForeground(qcolor("error" if new else "muted"))
            at = QTableWidgetItem(local_time(ev.at))
            rule = QTableWidgetItem(rule_display_name(str(ev.rule), current_language()))
            message = QTableWidgetItem(str(ev.message))
            message.setToolTip(str(ev.message))
            for c, item in enumerate((ack, at, rule, message)):
                item.setData(_ID_ROLE, int(ev.id))
                item.setData(_SERIES_ROLE, str(ev.series_id))
                if new:
                    item.setFont(bold)
                elif c:
                    item.setForeground(qcolor("muted"))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.ack_all.setEnabled(unacked > 0)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [int(self.table.item(r, 0).data(_ID_ROLE)) for r in rows]

    def _ack(self, acknowledged: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self.sig_ack_requested.emit(ids, acknowledged)

    def _open(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.sig_open_alert_requested.emit(int(self.table.item(row, 0).data(_ID_ROLE)))
