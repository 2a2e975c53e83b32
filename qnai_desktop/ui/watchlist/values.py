"""What a name's figures rest on: each value with its as-of date and source (stale ones marked),
and the analyst's dated 12MF earnings estimate, entered here (the PER follows).

It renders the ``services.fundamentals.live.value_table`` entry the tab hands it and emits a
request when an estimate is entered; it never reads or writes the cache.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..common.theme import qcolor

ORDER = ("market_cap_usd_bn", "per_12mf", "close_usd", "close_at_note_usd", "shares_outstanding",
         "earnings_12mf_usd_bn", "capex_ttm_usd_bn", "revenue_ttm_usd_bn")

FIELDS = {
    "market_cap_usd_bn": QT_TRANSLATE_NOOP("WatchlistValues", "Market cap (USD bn)"),
    "per_12mf": QT_TRANSLATE_NOOP("WatchlistValues", "12MF PER"),
    "close_usd": QT_TRANSLATE_NOOP("WatchlistValues", "Close (USD)"),
    "close_at_note_usd": QT_TRANSLATE_NOOP("WatchlistValues", "Close on the note's date (USD)"),
    "shares_outstanding": QT_TRANSLATE_NOOP("WatchlistValues", "Shares outstanding"),
    "earnings_12mf_usd_bn": QT_TRANSLATE_NOOP("WatchlistValues", "12MF earnings estimate"),
    "capex_ttm_usd_bn": QT_TRANSLATE_NOOP("WatchlistValues", "Capex (TTM)"),
    "revenue_ttm_usd_bn": QT_TRANSLATE_NOOP("WatchlistValues", "Revenue (TTM)"),
}
#: what a live market cap / PER rests on (``live.value_table``'s ``basis``); the full line is the tooltip
BASIS = {
    "shares": QT_TRANSLATE_NOOP("WatchlistValues", "close × shares outstanding (SEC)"),
    "price_move": QT_TRANSLATE_NOOP("WatchlistValues",
                                    "note's market cap × price move since its date (no share count yet)"),
    "earnings": QT_TRANSLATE_NOOP("WatchlistValues", "market cap ÷ 12MF earnings estimate"),
}


def fmt_value(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    if name == "shares_outstanding":
        return f"{value / 1e9:,.3f}bn"
    return f"{value:,.2f}" if name in ("close_usd", "close_at_note_usd", "per_12mf") \
        else f"{value:,.1f}"


class WatchlistValues(QWidget):
    sig_earnings_entered = Signal(str, float, str)  # ticker, USD bn, ISO date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticker = ""
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.earnings_label = QLabel()
        self.earnings = QDoubleSpinBox()
        self.earnings.setRange(-10_000.0, 10_000.0)
        self.earnings.setDecimals(1)
        self.earnings.setSingleStep(1.0)
        self.earnings_date = QDateEdit()
        self.earnings_date.setCalendarPopup(True)
        self.earnings_date.setDisplayFormat("yyyy-MM-dd")
        self.save = QPushButton()
        self.save.clicked.connect(self._emit)
        row = QHBoxLayout()
        for w in (self.earnings_label, self.earnings, self.earnings_date, self.save):
            row.addWidget(w)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("What the figures rest on (as of, source)"))
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value"), self.tr("As of"), self.tr("Source")])
        self.earnings_label.setText(self.tr("12MF earnings estimate (USD bn)"))
        self.save.setText(self.tr("Save"))

    def show_values(self, ticker: str, values: dict[str, dict], today: date | None = None) -> None:
        """One row per figure; the tab shows them again when the language changes."""
        self.ticker = ticker
        sources = {"note": self.tr("note"), "analyst": self.tr("analyst")}
        stale = self.tr("stale")
        self.tree.clear()
        names = [n for n in ORDER if n in values] + sorted(set(values) - set(ORDER))
        for name in names:
            v = values[name]
            source = v["source"] or ""
            source = sources.get(source, source)
            if v.get("basis") in BASIS:
                source = self.tr(BASIS[v["basis"]])
            as_of = (v["as_of"] or "-") + (f" ({stale})" if v["stale"] else "")
            label = self.tr(FIELDS[name]) if name in FIELDS else name
            item = QTreeWidgetItem([label, fmt_value(name, v["value"]), as_of, source])
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(3, v["source"] or "")
            if v["stale"]:
                for col in range(4):
                    item.setBackground(col, qcolor("stale_bg"))
            self.tree.addTopLevelItem(item)
        rows = max(self.tree.topLevelItemCount(), 1)  # just the rows it has: the links keep room
        row_h = self.tree.sizeHintForRow(0) if self.tree.topLevelItemCount() else 18
        self.tree.setFixedHeight(self.tree.header().sizeHint().height() + rows * row_h
                                 + 2 * self.tree.frameWidth() + 2)
        earn = values.get("earnings_12mf_usd_bn")
        self.earnings.setValue(earn["value"] if earn and earn["value"] is not None else 0.0)
        day = today or date.today()
        self.earnings_date.setDate(QDate(day.year, day.month, day.day))

    def row(self, name: str) -> list[str] | None:
        """The shown texts of one field (tests and screen readers)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == name:
                return [item.text(c) for c in range(4)]
        return None

    def source_tip(self, name: str) -> str | None:
        """The full source line of one field (its tooltip)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == name:
                return item.toolTip(3)
        return None

    def _emit(self) -> None:
        if self.ticker:
            self.sig_earnings_entered.emit(self.ticker, float(self.earnings.value()),
                                           self.earnings_date.date().toString("yyyy-MM-dd"))
