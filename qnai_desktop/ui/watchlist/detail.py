"""Detail pane of one name: the note's two lines in full, its history, and the evidence behind it.

It only renders what the tab hands it and emits requests; it never reads the cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.formatting import fmt_number, fmt_pct
from ..common.i18n import current_language
from ..common.theme import colors, qcolor, set_tone
from .history import WatchlistHistory
from .model import fmt_per
from .values import WatchlistValues

OPENABLE = ("series", "chart")
KINDS = {"series": QT_TRANSLATE_NOOP("WatchlistDetail", "Series"),
         "chart": QT_TRANSLATE_NOOP("WatchlistDetail", "Chart"),
         "monitor": QT_TRANSLATE_NOOP("WatchlistDetail", "Monitor"),
         "scenario": QT_TRANSLATE_NOOP("WatchlistDetail", "Scenario")}


@dataclass(frozen=True)
class LinkRow:
    """One evidence link as shown: what it is, its latest value if it is a series."""

    kind: str
    target: str
    label: str
    latest: str = ""
    date: str = ""


def _signed(v: float | None) -> str:
    if v is None:
        return "-"
    color = colors().premium if v > 0 else colors().discount
    return f"<span style='color:{color}'>{escape(fmt_pct(v, 0, signed=True))}</span>"


class WatchlistDetail(QWidget):
    sig_open_requested = Signal(str)  # series or chart id
    sig_links_edited = Signal(str, object)  # ticker, tuple[(kind, target), ...]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticker = ""
        self._links: tuple[LinkRow, ...] = ()
        self._choices: dict[str, str] = {}  # target -> kind
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.metrics = QLabel()
        self.metrics.setTextFormat(Qt.TextFormat.RichText)
        self.as_of = QLabel()
        set_tone(self.as_of, "muted")
        self.thesis = QLabel()
        self.thesis.setWordWrap(True)
        self.thesis.setTextFormat(Qt.TextFormat.RichText)
        self.thesis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_title = QLabel()
        self.history_title.setStyleSheet("font-weight: bold;")
        self.history = WatchlistHistory()
        self.values = WatchlistValues()  # filled by the tab: as-of dates, sources, the estimate
        self.links_title = QLabel()
        self.links_title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.links = QTreeWidget()
        self.links.setColumnCount(4)
        self.links.setRootIsDecorated(False)
        self.links.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.links.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.links.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.links.header().setStretchLastSection(False)
        self.links.itemClicked.connect(self._on_link_clicked)
        self.link_box = QComboBox()
        self.link_box.setEditable(True)
        self.link_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.link_add = QPushButton()
        self.link_add.clicked.connect(self._add_link)
        self.link_remove = QPushButton()
        self.link_remove.clicked.connect(self._remove_link)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.link_box, 1)
        edit_row.addWidget(self.link_add)
        edit_row.addWidget(self.link_remove)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_tone(self.empty, "muted")
        self.body = QWidget()
        left = QVBoxLayout()
        for w in (self.title, self.metrics, self.as_of, self.thesis, self.values, self.links_title):
            left.addWidget(w)
        left.addWidget(self.links, 1)
        left.addLayout(edit_row)
        right = QVBoxLayout()
        right.addWidget(self.history_title)
        right.addWidget(self.history, 1)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 3)
        body.addSpacing(12)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.retranslate()
        self.show_company(None, {}, pd.DataFrame(), ())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Pick a name in the table to see details"))
        self.history_title.setText(self.tr("History (market cap, PER)"))
        links, hint = self.tr("Evidence"), self.tr("Click to open in the Charts tab")
        self.links_title.setText(f"{links}  <span style='color:{colors().muted};font-weight:normal'>"
                                 f"{hint}</span>")
        self.links.setHeaderLabels([self.tr("Kind"), self.tr("Target"), self.tr("Latest"), self.tr("Date")])
        self.link_add.setText(self.tr("Link"))
        self.link_remove.setText(self.tr("Unlink"))
        self.link_box.lineEdit().setPlaceholderText(self.tr("Series or chart id"))

    def set_link_choices(self, choices: list[tuple[str, str, str]]) -> None:
        """Targets offered for linking: (kind, target, label)."""
        self._choices = {t: k for k, t, _l in choices}
        current = self.link_box.currentText()
        self.link_box.clear()
        for kind, target, label in choices:
            self.link_box.addItem(f"{target} — {label}", target)
            self.link_box.setItemData(self.link_box.count() - 1, kind, Qt.ItemDataRole.UserRole + 1)
        self.link_box.setEditText(current)

    def show_company(self, row: dict | None, derived: dict, history: pd.DataFrame | None,
                     links: tuple[LinkRow, ...] | None) -> None:
        """The name's lines in the UI language (the tab shows it again when the language changes).
        ``history`` / ``links`` None: they follow with ``history.set_history`` /
        :meth:`show_links` (another name's links are cleared now)."""
        self.empty.setVisible(row is None)
        self.body.setVisible(row is not None)
        if row is None:
            self.ticker = ""
            return
        same = row["ticker"] == self.ticker
        self.ticker = row["ticker"]
        suffix = current_language()
        self.title.setText(f"{row[f'name_{suffix}']}  ({row['ticker']})")
        self.metrics.setText(self.tr(
            "Market cap {cap} · 12MF PER {per} · vs S&P 500 {vs_sp} · vs big tech {vs_bt}").format(
            cap=fmt_number(row["market_cap_usd_bn"], 0), per=fmt_per(row["per_12mf"]),
            vs_sp=_signed(derived.get("vs_sp500")), vs_bt=_signed(derived.get("vs_bigtech"))))
        self.as_of.setText(self.tr("As of {as_of}").format(as_of=row["as_of"] or "-"))
        lines = [row[f"thesis1_{suffix}"], row[f"thesis2_{suffix}"]]
        self.thesis.setText("<br>".join(f"- {escape(t)}" for t in lines if t) or "-")
        if history is not None:
            self.history.set_history(history, row)
        if links is not None or not same:
            self.show_links(links or ())

    def show_links(self, links: tuple[LinkRow, ...]) -> None:
        self._links = links
        self.links.clear()
        for link in links:
            kind = self.tr(KINDS[link.kind]) if link.kind in KINDS else link.kind
            item = QTreeWidgetItem([kind, link.label, link.latest, link.date])
            item.setData(0, Qt.ItemDataRole.UserRole, (link.kind, link.target))
            item.setToolTip(1, link.target)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if link.kind in OPENABLE:
                item.setForeground(1, qcolor("discount"))
            self.links.addTopLevelItem(item)

    # -- requests -----------------------------------------------------------------------
    def _on_link_clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        kind, target = item.data(0, Qt.ItemDataRole.UserRole)
        if kind in OPENABLE:
            self.sig_open_requested.emit(target)

    def _pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple((link.kind, link.target) for link in self._links)

    def _add_link(self) -> None:
        text = self.link_box.currentText().split(" — ", 1)[0].strip()
        kind = self._choices.get(text)
        if not self.ticker or kind is None or (kind, text) in self._pairs():
            return
        self.sig_links_edited.emit(self.ticker, (*self._pairs(), (kind, text)))
        self.link_box.setEditText("")

    def _remove_link(self) -> None:
        item = self.links.currentItem()
        if not self.ticker or item is None:
            return
        pair = tuple(item.data(0, Qt.ItemDataRole.UserRole))
        self.sig_links_edited.emit(self.ticker, tuple(p for p in self._pairs() if p != pair))
