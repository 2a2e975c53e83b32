"""Scenarios tab: starts with the note's point facts the scenario models use (issue 5 adds models)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...core.formatting import fmt_auto
from ..app_context import AppContext
from ..i18n import tr
from ..models.pandas_model import PandasTableModel
from .base_tab import CacheTab


class ScenariosTab(CacheTab):
    tables = frozenset({"facts", "scenarios"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = QLabel()
        self.model = PandasTableModel(formatters={"value": fmt_auto})
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.ctx.lang
        self.title.setText(f"<b>{tr('scenarios.facts', lang)}</b>")
        self.model.set_headers({"label": tr("col.fact", lang), "value": tr("col.value", lang),
                                "quote": tr("col.quote", lang)})

    def refresh(self) -> None:
        facts = self.ctx.cache.facts()
        facts["label"] = facts["label_ko"] if self.ctx.lang == "ko" else facts["label_en"]
        self.model.set_frame(facts[["label", "value", "quote"]].set_index(facts["id"]))
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
