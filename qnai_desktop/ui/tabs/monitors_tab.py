"""Monitors tab: where each market signal stands (issue 6 adds changes, z-scores and alerts)."""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..app_context import AppContext
from ..i18n import tr
from ..models.pandas_model import PandasTableModel
from .base_tab import CacheTab

MONITORED = ["cds.oracle_5y", "cds.coreweave_5y", "silicondata.h100_index",
             "gpu_rent.h100.median", "gpu_rent.h200.median", "gpu_rent.b200.median"]


class MonitorsTab(CacheTab):
    tables = frozenset({"observations", "series", "alert_events", "alert_rules"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = QLabel()
        self.model = PandasTableModel()
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
        self.title.setText(f"<b>{tr('monitors.title', lang)}</b>")
        self.model.set_headers({k: tr(f"col.{k}", lang) for k in
                                ("series", "unit", "last", "last_date", "source", "demo")})

    def refresh(self) -> None:
        cache, lang = self.ctx.cache, self.ctx.lang
        metas = cache.metas()
        rows = []
        for sid in MONITORED:
            if sid not in metas:
                continue
            meta = metas[sid]
            obs = cache.observations(sid)
            last = obs.iloc[-1] if len(obs) else None
            rows.append({"series": meta.title(lang), "unit": meta.unit,
                         "last": None if last is None else last["value"],
                         "last_date": None if last is None else last["date"],
                         "source": meta.source, "demo": tr("demo.badge", lang) if meta.is_demo else ""})
        self.model.set_frame(pd.DataFrame(rows, columns=["series", "unit", "last", "last_date",
                                                         "source", "demo"]))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
