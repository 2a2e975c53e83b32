"""The selected monitor: the note's watch point it serves, linked names, source, and actions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.formatting import fmt_date
from ..common.theme import set_tone
from .model import FREQUENCY_NAMES


class MonitorDetail(QGroupBox):
    """Renders one monitor row dict; buttons only emit requests (the tab acts on them)."""

    sig_open_chart_requested = Signal(str)  # chart id or series id
    sig_rule_requested = Signal(str)  # series id to prefill
    sig_remove_requested = Signal(str)  # series id of a user-added monitor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: dict | None = None
        self._rule_count = 0
        self.name = QLabel(wordWrap=True)
        self.badge = QLabel()
        self.badge.setStyleSheet("padding: 1px 6px; border-radius: 3px; font-weight: bold;")
        set_tone(self.badge, "badge")
        self.watch = QLabel(wordWrap=True)
        self.tickers = QLabel(wordWrap=True)
        self.source = QLabel(wordWrap=True)
        set_tone(self.source, "muted")
        self.rules = QLabel()
        self.open_chart = QPushButton()
        self.open_chart.clicked.connect(self._open_chart)
        self.add_rule = QPushButton()
        self.add_rule.clicked.connect(lambda: self._row and self.sig_rule_requested.emit(
            self._row["series_id"]))
        self.remove = QPushButton()
        self.remove.clicked.connect(lambda: self._row and self.sig_remove_requested.emit(
            self._row["series_id"]))
        title = QHBoxLayout()
        title.addWidget(self.name, 1)
        title.addWidget(self.badge)
        buttons = QHBoxLayout()
        for b in (self.open_chart, self.add_rule, self.remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(title)
        layout.addWidget(self.watch)
        layout.addWidget(self.tickers)
        layout.addWidget(self.source)
        layout.addWidget(self.rules)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Selected monitor"))
        self.open_chart.setText(self.tr("Open chart"))
        self.add_rule.setText(self.tr("Add rule on this series…"))
        self.remove.setText(self.tr("Remove monitor"))
        self.badge.setText(self.tr("Illustrative data"))
        self.show_row(self._row, self._rule_count)

    def _open_chart(self) -> None:
        if self._row is not None:
            self.sig_open_chart_requested.emit(self._row["chart_id"])

    def show_row(self, row: dict | None, rule_count: int) -> None:
        self._row, self._rule_count = row, rule_count
        has_row = row is not None
        for w in (self.open_chart, self.add_rule):
            w.setEnabled(has_row)
        self.remove.setVisible(bool(row and row.get("is_user")))
        if row is None:
            self.name.setText(self.tr("Pick a monitor in the table."))
            for label in (self.watch, self.tickers, self.source, self.rules):
                label.clear()
            self.badge.hide()
            return
        self.name.setText(f"<span style='font-size:12pt'><b>{escape(row['name'])}</b></span>")
        self.badge.setVisible(bool(row["is_demo"]))
        watch = row.get("watch") or ""
        head = self.tr("Watch point in the note")
        self.watch.setText(f"<b>{head}</b><br>“{escape(watch)}”" if watch else "")
        names = " · ".join(f"<b>{escape(t)}</b> {escape(n)}" for t, n in row["ticker_names"].items())
        head = self.tr("Linked names")
        self.tickers.setText(f"<b>{head}</b>&nbsp; {names}" if names else "")
        freq = QCoreApplication.translate("MonitorTableModel", FREQUENCY_NAMES[row["frequency"]])
        source = self.tr("Source: {source} · {freq} · last {date}").format(
            source=row["source"], freq=freq, date=fmt_date(row["last_date"]))
        if row.get("is_derived"):
            source += " · " + self.tr("B200 ÷ H100 medians (same dates only)")
        self.source.setText(escape(source))
        self.rules.setText(self.tr("Alert rules on this series: {n}").format(n=rule_count))
