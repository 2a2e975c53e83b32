"""Watchlist tab: the note's coverage table (8 names, market cap, 12MF PER, two thesis lines)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...core.formatting import fmt_number
from ..app_context import AppContext
from ..i18n import tr
from ..models.pandas_model import PandasTableModel
from .base_tab import CacheTab

COLUMNS = ["ticker", "name", "market_cap_usd_bn", "per_12mf", "thesis1", "thesis2", "as_of"]
HEADER_KEYS = {"ticker": "col.ticker", "name": "col.name", "market_cap_usd_bn": "col.market_cap",
               "per_12mf": "col.per", "thesis1": "col.thesis1", "thesis2": "col.thesis2",
               "as_of": "col.as_of"}


class WatchlistTab(CacheTab):
    """Read view of the companies table; editing and checks grow in issue 3."""

    tables = frozenset({"companies"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = PandasTableModel(formatters={
            "market_cap_usd_bn": lambda v: fmt_number(v, 0),
            "per_12mf": lambda v: fmt_number(v, 0)})
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.note = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.ctx.lang
        self.model.set_headers({c: tr(k, lang) for c, k in HEADER_KEYS.items()})
        self.note.setText(tr("watchlist.note", lang))

    def refresh(self) -> None:
        df = self.ctx.cache.companies()
        lang = self.ctx.lang
        df["name"] = df["name_ko"] if lang == "ko" else df["name_en"]
        df["thesis1"] = df["thesis1_ko"] if lang == "ko" else df["thesis1_en"]
        df["thesis2"] = df["thesis2_ko"] if lang == "ko" else df["thesis2_en"]
        self.model.set_frame(df[COLUMNS].set_index(df["ticker"]))
        self.retranslate()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in ("thesis1", "thesis2"):
            header.setSectionResizeMode(self.model.column_index(col), QHeaderView.ResizeMode.Stretch)
        self.view.resizeRowsToContents()
