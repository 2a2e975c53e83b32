"""The report check as a list: errors first; clicking a line asks the tab to jump to that cell."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.watchlist import Issue
from ..common.i18n import STRINGS
from ..common.theme import qcolor, set_tone
from .model import ISSUE_BG
from .strings import tr


class WatchlistCheck(QWidget):
    sig_jump_requested = Signal(str, str)  # ticker ("" = benchmark), view column
    sig_stale_days_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel()
        self.stale_label = QLabel()
        self.stale = QSpinBox()
        self.stale.setRange(1, 3650)
        self.stale.setKeyboardTracking(False)
        self.stale.valueChanged.connect(self.sig_stale_days_changed)
        self.list = QTreeWidget()
        self.list.setColumnCount(4)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.list.header()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.summary)
        top.addStretch(1)
        top.addWidget(self.stale_label)
        top.addWidget(self.stale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.issues: list[Issue] = []

    def retranslate(self, lang: str) -> None:
        self.title.setText(tr("wl.check.title", lang))
        self.stale_label.setText(tr("wl.check.stale", lang))
        self.stale.setSuffix(tr("wl.check.days", lang))
        self.list.setHeaderLabels([tr(f"wl.check.col.{k}", lang)
                                   for k in ("severity", "name", "field", "message")])

    def set_stale_days(self, days: int) -> None:
        self.stale.blockSignals(True)
        self.stale.setValue(days)
        self.stale.blockSignals(False)

    def set_issues(self, issues: list[Issue], names: dict[str, str], lang: str) -> None:
        self.retranslate(lang)
        self.issues = issues
        errors = sum(i.severity == "error" for i in issues)
        self.summary.setText(tr("wl.check.summary", lang, errors=errors,
                                warnings=len(issues) - errors) if issues
                             else tr("wl.check.clean", lang))
        set_tone(self.summary, ("error" if errors else "warn") if issues else "ok")
        severity = {k: tr(f"wl.sev.{k}", lang) for k in ("error", "warning")}
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        items = []
        for issue in issues:
            name = f"{names.get(issue.ticker, issue.ticker)} ({issue.ticker})" if issue.ticker else "-"
            key = f"wl.field.{issue.column}"
            label = tr(key, lang) if key in STRINGS else issue.column
            message = issue.message(lang)
            item = QTreeWidgetItem([severity[issue.severity], name, label, message])
            item.setData(0, Qt.ItemDataRole.UserRole, (issue.ticker, issue.column))
            item.setBackground(0, qcolor(ISSUE_BG[issue.severity]))
            item.setForeground(0, qcolor("issue_fg"))
            item.setToolTip(3, message)
            items.append(item)
        self.list.addTopLevelItems(items)
        self.list.setUpdatesEnabled(True)

    def _jump(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        ticker, column = item.data(0, Qt.ItemDataRole.UserRole)
        self.sig_jump_requested.emit(ticker, column)
