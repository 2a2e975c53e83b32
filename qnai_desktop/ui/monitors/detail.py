"""The selected monitor: the note's watch point it serves, linked names, source, and actions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.formatting import fmt_date
from ..common.theme import set_tone
from .strings import tr


class MonitorDetail(QGroupBox):
    """Renders one monitor row dict; buttons only emit requests (the tab acts on them)."""

    sig_open_chart_requested = Signal(str)  # chart id or series id
    sig_rule_requested = Signal(str)  # series id to prefill
    sig_remove_requested = Signal(str)  # series id of a user-added monitor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: dict | None = None
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

    def _open_chart(self) -> None:
        if self._row is not None:
            self.sig_open_chart_requested.emit(self._row["chart_id"])

    def show_row(self, row: dict | None, rule_count: int, lang: str) -> None:
        self._row = row
        self.setTitle(tr("mon.detail.title", lang))
        self.open_chart.setText(tr("mon.open_chart", lang))
        self.add_rule.setText(tr("mon.rule_for", lang))
        self.remove.setText(tr("mon.remove_monitor", lang))
        has_row = row is not None
        for w in (self.open_chart, self.add_rule):
            w.setEnabled(has_row)
        self.remove.setVisible(bool(row and row.get("is_user")))
        if row is None:
            self.name.setText(tr("mon.detail.none", lang))
            for label in (self.watch, self.tickers, self.source, self.rules):
                label.clear()
            self.badge.hide()
            return
        self.name.setText(f"<span style='font-size:12pt'><b>{escape(row['name'])}</b></span>")
        self.badge.setText(tr("mon.demo", lang))
        self.badge.setVisible(bool(row["is_demo"]))
        watch = row.get("watch") or ""
        self.watch.setText(f"<b>{tr('mon.detail.watch', lang)}</b><br>“{escape(watch)}”" if watch else "")
        names = " · ".join(f"<b>{escape(t)}</b> {escape(n)}" for t, n in row["ticker_names"].items())
        self.tickers.setText(f"<b>{tr('mon.detail.tickers', lang)}</b>&nbsp; {names}" if names else "")
        source = tr("mon.detail.source", lang, source=row["source"],
                    freq=tr(f"mon.freq.{row['frequency']}", lang), date=fmt_date(row["last_date"]))
        if row.get("is_derived"):
            source += " · " + tr("mon.detail.derived", lang)
        self.source.setText(escape(source))
        self.rules.setText(tr("mon.detail.rules", lang, n=rule_count))
