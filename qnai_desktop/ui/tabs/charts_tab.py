"""Charts tab: pick a cached series and see it drawn (issue 4 replaces this with the catalogue)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..app_context import AppContext
from ..i18n import tr
from .base_tab import CacheTab


class ChartsTab(CacheTab):
    tables = frozenset({"series", "observations"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda cur, _prev: self._plot_current())
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.list)
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()}, background="w")
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.title = QLabel()
        self.source = QLabel()
        self.badge = QLabel()
        self.badge.setStyleSheet("color: white; background: #c0392b; padding: 2px 6px;")
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.addWidget(self.title)
        rv.addWidget(self.badge, alignment=Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(self.plot, 1)
        rv.addWidget(self.source)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("charts.search", self.ctx.lang))

    def refresh(self) -> None:
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if \
            self.list.currentItem() else None
        self.list.clear()
        for sid, meta in sorted(self.ctx.cache.metas().items()):
            item = QListWidgetItem(meta.title(self.ctx.lang))
            item.setData(Qt.ItemDataRole.UserRole, sid)
            self.list.addItem(item)
            if sid == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        text = text.lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            sid = item.data(Qt.ItemDataRole.UserRole)
            item.setHidden(bool(text) and text not in item.text().lower() and text not in sid)

    def _plot_current(self) -> None:
        item = self.list.currentItem()
        self.plot.clear()
        if item is None:
            return
        sid = item.data(Qt.ItemDataRole.UserRole)
        meta = self.ctx.cache.series_meta(sid)
        obs = self.ctx.cache.observations(sid)
        x = obs["date"].astype("datetime64[s]").astype("int64").to_numpy(dtype=float)
        self.plot.plot(x, obs["value"].to_numpy(), pen=pg.mkPen("#1f4e79", width=2))
        lang = self.ctx.lang
        self.title.setText(f"<b>{meta.title(lang)}</b>")
        src = meta.source_ko if lang == "ko" and meta.source_ko else meta.source
        self.source.setText(tr("charts.source_prefix", lang) + src)
        self.badge.setText(tr("demo.badge", lang))
        self.badge.setVisible(meta.is_demo)
