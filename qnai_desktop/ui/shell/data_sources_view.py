"""Help → Data sources: every source the refresh runs — configured or what it needs, last
refresh, the series it keeps, its licence — with a button to the Settings field it needs, and
below it every chart of the note with its status and the one action that would make it real
(the window's ``qnai-desktop sources``). Read on a worker (``services.source_settings``,
``services.coverage``); redrawn when the cache changes while the view is open."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import ChangeSet
from ...services.source_settings import chart_action_source
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.pandas_model import PandasTableModel
from ..common.tasks import Task

STATES = {"ready": QT_TRANSLATE_NOOP("DataSourcesView", "configured"),
          "needs_key": QT_TRANSLATE_NOOP("DataSourcesView", "needs API key"),
          "needs_user_agent": QT_TRANSLATE_NOOP("DataSourcesView", "needs SEC User-Agent"),
          "no_links": QT_TRANSLATE_NOOP("DataSourcesView", "no file linked"),
          "unavailable": QT_TRANSLATE_NOOP("DataSourcesView", "not available")}
KINDS = {"real": QT_TRANSLATE_NOOP("DataSourcesView", "real"),
         "proxy": QT_TRANSLATE_NOOP("DataSourcesView", "proxy"),
         "illustrative": QT_TRANSLATE_NOOP("DataSourcesView", "illustrative"),
         "missing": QT_TRANSLATE_NOOP("DataSourcesView", "missing"),
         "model": QT_TRANSLATE_NOOP("DataSourcesView", "model")}


def _count(value: object) -> str:
    return f"{int(value):,}" if value is not None else ""


def _load(w) -> tuple[list, list]:
    from ...services.coverage import coverage
    from ...services.source_settings import source_states

    return source_states(w.cache), coverage(w.cache)


class DataSourcesView(QDialog):
    """Two tables over the cache: sources, then charts; non-modal."""

    sig_settings_requested = Signal(str)  # the Settings field a source needs
    sig_link_requested = Signal()  # "Link a file…": the import dialog, keep linked
    sig_refresh_requested = Signal(str)  # "Refresh now" for one source
    sig_import_requested = Signal()  # "Import…": the import dialog
    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.states: list = []
        self.charts: list = []
        self.task: Task | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; padding: 2px 0 4px 0;")
        count = {c: _count for c in ("series", "waiting")}
        self.sources_model = PandasTableModel(tooltips={"source": "", "terms": ""},
                                              formatters=count, parent=self)
        self.sources_table = self._table(self.sources_model)
        self.charts_model = PandasTableModel(tooltips={"chart": "", "action": ""},
                                             formatters={"series": _count}, parent=self)
        self.charts_table = self._table(self.charts_model)
        self.buttons: dict[str, QPushButton] = {}
        self.chart_buttons: dict[str, QPushButton] = {}
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.sources_table)
        split.addWidget(self.charts_table)
        split.setSizes([380, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        ctx.sig_cache_changed.connect(self._on_cache_changed)
        self.resize(1100, 680)
        self.retranslate()
        self.reload()

    @staticmethod
    def _table(model: PandasTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        return view

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        if self.task is not None and self.task.running:
            return
        self.task = Task(_load, db_path=self.ctx.cache.path, name="data sources")
        self.task.sig_task_succeeded.connect(self._on_loaded)
        self.task.start()

    def _on_cache_changed(self, _change: ChangeSet) -> None:
        if self.isVisible() and not self.ctx.stopped:
            self.reload()

    def _on_loaded(self, result: tuple[list, list]) -> None:
        self.states, self.charts = result
        self._render()
        self.sig_loaded.emit()

    # -- rendering -------------------------------------------------------------------------
    def _render(self) -> None:
        lang = current_language()
        self.sources_model.set_frame(pd.DataFrame({
            "source": [s.title(lang) for s in self.states],
            "status": [self.tr(STATES.get(s.state, STATES["unavailable"])) for s in self.states],
            "last": [s.last_success.replace("T", " ")[:16] if s.last_success else "—"
                     for s in self.states],
            "series": [s.series for s in self.states],
            "waiting": [s.waiting for s in self.states],
            "action": ["" for _ in self.states],
            "terms": [s.terms for s in self.states]}, columns=self._source_cols()))
        self.buttons = {}
        col = self.sources_model.column_index("action")
        for row, s in enumerate(self.states):
            button = self._button_for(s)
            if button is not None:
                self.buttons[s.name] = button
                self.sources_table.setIndexWidget(self.sources_model.index(row, col), button)
        self.charts_model.set_frame(pd.DataFrame({
            "chart": [c.title(lang) for c in self.charts],
            "status": [self.tr(KINDS.get(c.status, c.status)) + (self.tr(", stale") if c.stale else "")
                       for c in self.charts],
            "series": [len(c.series) for c in self.charts],
            "do": ["" for _ in self.charts],
            "action": [c.action(lang) for c in self.charts]},
            columns=["chart", "status", "series", "do", "action"]))
        self.chart_buttons = {}
        do = self.charts_model.column_index("do")
        by_name = {s.name: s for s in self.states}
        for row, chart in enumerate(self.charts):
            button = self._chart_button(chart_action_source(chart), by_name)
            if button is not None:
                self.chart_buttons[chart.chart_id] = button
                self.charts_table.setIndexWidget(self.charts_model.index(row, do), button)
        self._headers()
        for view in (self.sources_table, self.charts_table):
            view.resizeColumnsToContents()
            view.horizontalHeader().setSectionResizeMode(view.model().columnCount() - 1,
                                                         QHeaderView.ResizeMode.Stretch)
        self.sources_table.setColumnWidth(col, max(150, self.sources_table.columnWidth(col)))
        self.charts_table.setColumnWidth(do, max(150, self.charts_table.columnWidth(do)))
        self.sources_table.setColumnWidth(0, min(230, self.sources_table.columnWidth(0)))

    @staticmethod
    def _source_cols() -> list[str]:
        return ["source", "status", "last", "series", "waiting", "action", "terms"]

    def _button_for(self, s) -> QPushButton | None:
        if s.field == "sec_user_agent":
            text = self.tr("Enter User-Agent…")
        elif s.field:
            text = self.tr("Enter API key…")
        elif s.state == "no_links":
            text = self.tr("Link a file…")
        else:
            return None
        button = QPushButton(text)
        if s.field:
            button.clicked.connect(lambda _c=False, f=s.field: self.sig_settings_requested.emit(f))
        else:
            button.clicked.connect(self.sig_link_requested)
        button.setToolTip(s.reason)
        return button

    def _chart_button(self, source: str, states: dict) -> QPushButton | None:
        """The chart's one action as a button: the Settings field its source needs, link or
        import a file, or refresh the source now."""
        state = states.get(source)
        if state is not None and (state.field or state.state == "no_links"):
            return self._button_for(state)
        if source == "links":
            button = QPushButton(self.tr("Link a file…"))
            button.clicked.connect(self.sig_link_requested)
        elif source == "import":
            button = QPushButton(self.tr("Import…"))
            button.clicked.connect(self.sig_import_requested)
        elif state is not None:
            button = QPushButton(self.tr("Refresh now"))
            button.clicked.connect(lambda _c=False, s=source: self.sig_refresh_requested.emit(s))
        else:
            return None
        return button

    def _headers(self) -> None:
        self.sources_model.set_headers({
            "source": self.tr("Source"), "status": self.tr("Status"),
            "last": self.tr("Last refresh"), "series": self.tr("Series kept"),
            "waiting": self.tr("Series waiting"), "action": self.tr("To do"),
            "terms": self.tr("Licence")})
        self.charts_model.set_headers({
            "chart": self.tr("Chart of the note"), "status": self.tr("Stands on"),
            "series": self.tr("Series"), "do": self.tr("To do"),
            "action": self.tr("What would make it real")})

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self.ctx.stopped:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Data sources"))
        self.title.setText(self.tr("Where every number comes from: the sources a refresh runs, "
                                   "and what each chart of the note stands on."))
        if self.states or self.charts:
            self._render()
        else:
            self._headers()
