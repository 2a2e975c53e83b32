"""Watchlist tab: the note's coverage table as a living workspace — edit in place (validated,
undoable, stored at once), filter, sort, reorder, check before publishing, and see each name's
history and evidence.

The tab composes views and turns the user's pointing into calls on ``WatchlistOps``, which
owns the QUndoStack: each change is one store transaction on the writer thread, announced once,
and the table redraws from the store (in place, keeping selection), so what is shown is what is
stored.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.watchlist import (
    DEFAULT_STALE_DAYS,
    EDITABLE,
    STALE_SETTING,
    VIEW_COLUMNS,
    Benchmarks,
    escape_formula,
    filter_mask,
    search_text,
    view_frame,
)
from ..common.app_context import AppContext
from ..common.base_tab import CacheTab
from ..common.i18n import current_language
from ..common.output_error import show_output_error
from .check import WatchlistCheck
from .check_runner import CheckRunner, checked
from .columns import WatchlistColumns
from .detail import WatchlistDetail
from .detail_feed import DetailFeed
from .links import link_choices
from .model import WatchlistModel, fmt_per
from .ops import WatchlistOps
from .proxy import WatchlistProxy
from .redraw import WatchlistRedraws
from .toolbar import WatchlistFooter, WatchlistToolbar

HEADERS = {"ticker": QT_TRANSLATE_NOOP("WatchlistTab", "Ticker"),
           "name": QT_TRANSLATE_NOOP("WatchlistTab", "Name"),
           "market_cap_usd_bn": QT_TRANSLATE_NOOP("WatchlistTab", "Market cap (USD bn)"),
           "per_12mf": QT_TRANSLATE_NOOP("WatchlistTab", "12MF PER"),
           "thesis1": QT_TRANSLATE_NOOP("WatchlistTab", "Thesis"),
           "thesis2": QT_TRANSLATE_NOOP("WatchlistTab", "What to watch"),
           "as_of": QT_TRANSLATE_NOOP("WatchlistTab", "As of")}


class WatchlistTab(WatchlistRedraws, CacheTab):
    """The coverage table with editing, undo, filter, check and a detail pane."""

    tables = frozenset({"companies", "company_links", "settings", "facts", "series",
                        "observations", "company_values"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ops = WatchlistOps(ctx, self)
        self.undo_stack = self.ops.undo_stack
        # Undo/redo wait for the writes before them (WatchlistOps._next), so they are the tab's
        # own actions following the stack, not the stack's createUndoAction (which would not wait).
        self.act_undo = QAction(self, enabled=False, triggered=self.ops.undo)
        self.act_redo = QAction(self, enabled=False, triggered=self.ops.redo)
        self.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._name_undo_redo)
        self.undo_stack.redoTextChanged.connect(self._name_undo_redo)
        self.act_undo.setShortcuts([QKeySequence.StandardKey.Undo])
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.model = WatchlistModel(self.ops.edit_cell, set(EDITABLE), self)
        self.proxy = WatchlistProxy(self.model, self)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)  # third click: back to the note's order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.toolbar.columns_menu.exec(header.mapToGlobal(pos)))
        self.view.setSortingEnabled(True)
        self.toolbar = WatchlistToolbar(self.act_undo, self.act_redo)
        self.footer = WatchlistFooter()
        self.detail = WatchlistDetail()
        self.check = WatchlistCheck()
        self._bench = Benchmarks()
        self._haystack = np.array([], dtype=object)
        self._sized = False
        self._fitted = False
        self._issue_count = 0
        self._companies = pd.DataFrame(columns=["ticker", "position"])
        self._positions: dict[str, int] = {}
        self._facts = pd.DataFrame()
        self._stale = DEFAULT_STALE_DAYS
        self.checks = CheckRunner(self._show_check, self)
        self.detail_feed = DetailFeed(ctx, self.detail, self.current_ticker, self._derived,
                                      self._title_bottom, self)
        self._layout()
        self.columns = WatchlistColumns(self.view, self.toolbar.columns_menu, self)
        self._connect()
        self.retranslate()

    # -- construction -------------------------------------------------------------------
    def _layout(self) -> None:
        table_box = QWidget()
        tv = QVBoxLayout(table_box)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.view, 1)
        tv.addWidget(self.footer)
        # The table keeps the full width, as in the note; details and the check share a pane below.
        self.bottom = QTabWidget()
        self.bottom.setDocumentMode(True)
        self.bottom.addTab(self.detail, "")
        self.bottom.addTab(self.check, "")
        self.v_split = QSplitter(Qt.Orientation.Vertical)
        self.v_split.addWidget(table_box)
        self.v_split.addWidget(self.bottom)
        self.v_split.setStretchFactor(0, 3)
        self.v_split.setStretchFactor(1, 2)
        self.v_split.setSizes([360, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.v_split, 1)
        self._focus_pending = 0
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(self._fit_rows)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self._rows_timer.start())
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(8000)
        self._message_timer.timeout.connect(lambda: self.footer.message.setText(""))

    def _connect(self) -> None:
        tb = self.toolbar
        tb.filter.textChanged.connect(self._apply_filter)
        tb.new_ticker.returnPressed.connect(self.add_company)
        tb.add.clicked.connect(self.add_company)
        tb.remove.clicked.connect(self.remove_selected)
        tb.up.clicked.connect(lambda: self.move_current(-1))
        tb.down.clicked.connect(lambda: self.move_current(1))
        tb.import_.clicked.connect(self._choose_import)
        tb.export.clicked.connect(self._choose_export)
        self.footer.sp500.editingFinished.connect(lambda: self.set_benchmark("sp500"))
        self.footer.bigtech.editingFinished.connect(lambda: self.set_benchmark("bigtech"))
        self.model.sig_edit_rejected.connect(self.ops.reject)
        self.ops.sig_message.connect(self._say)
        self.ops.sig_export_failed.connect(lambda exc: show_output_error(self, exc))
        self.ops.sig_focus_requested.connect(self._focus_later)
        self.ops.sig_added.connect(self._type_name)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.detail_feed.schedule())
        self.detail.sig_open_requested.connect(self.ctx.sig_open_chart_requested)
        self.detail.sig_links_edited.connect(self.ops.set_links)
        self.detail.values.sig_earnings_entered.connect(self.set_earnings)
        self.check.sig_jump_requested.connect(self.jump_to)
        self.check.sig_stale_days_changed.connect(self.ops.set_stale_days)
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for act in (self.act_undo, self.act_redo):
            act.setShortcutContext(within)
            self.addAction(act)
        keys = [(QKeySequence.StandardKey.Find, self._focus_filter, self),
                (QKeySequence("Alt+Up"), lambda: self.move_current(-1), self),
                (QKeySequence("Alt+Down"), lambda: self.move_current(1), self),
                (QKeySequence.StandardKey.Delete, self.remove_selected, self.view),
                (QKeySequence.StandardKey.Copy, self.copy_selected, self.view)]
        for key, slot, owner in keys:
            sc = QShortcut(key, owner, context=within if owner is self else
                           Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)
        esc = QShortcut(QKeySequence("Escape"), self.toolbar.filter,
                        context=Qt.ShortcutContext.WidgetShortcut)
        esc.activated.connect(self.toolbar.filter.clear)

    # -- language -----------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        labels = {c: self.tr(text) for c, text in HEADERS.items()}
        labels["vs_sp500"] = self.tr("vs S&P 500 ({x}x)").format(x=fmt_per(self._bench.sp500))
        labels["vs_bigtech"] = self.tr("vs big tech ({x}x)").format(x=fmt_per(self._bench.bigtech))
        return labels

    def retranslate(self) -> None:
        self._name_undo_redo()
        headers = self._headers()
        self.model.set_headers(headers)
        self.columns.retranslate(headers)
        self._title_bottom()

    def _name_undo_redo(self, *_args: object) -> None:
        """"Undo Add NVDA": the action names the command it would undo (or redo)."""
        self.act_undo.setText((self.tr("Undo") + " " + self.undo_stack.undoText()).rstrip())
        self.act_redo.setText((self.tr("Redo") + " " + self.undo_stack.redoText()).rstrip())

    def _title_bottom(self) -> None:
        ticker = self.detail.ticker
        self.bottom.setTabText(0, self.tr("Details") + (f" — {ticker}" if ticker else ""))
        self.bottom.setTabText(1, self.tr("Report check ({n})").format(n=self._issue_count))

    # -- reading the store --------------------------------------------------------------
    def refresh(self) -> None:
        cache, lang = self.ctx.cache, current_language()
        companies = cache.watchlist.companies()
        self._companies = companies
        self._positions = dict(zip(companies["ticker"], companies["position"], strict=True))
        self._bench = Benchmarks.from_settings(cache.settings.get)
        current = self.current_ticker()
        self.model.update_frame(view_frame(companies, lang, self._bench))
        self._haystack = search_text(companies)
        self._apply_filter()
        for name, box in (("sp500", self.footer.sp500), ("bigtech", self.footer.bigtech)):
            box.blockSignals(True)
            box.setValue(getattr(self._bench, name))
            box.blockSignals(False)
        self._stale = int(cache.settings.get(STALE_SETTING) or DEFAULT_STALE_DAYS)
        self.check.set_stale_days(self._stale)
        self._facts = cache.facts.all()
        self.checks.forget_running()
        self._show_check(checked(companies, self._facts, today=date.today(),
                                 stale_days=self._stale, bench=self._bench, lang=lang))
        self.retranslate()
        self.columns.apply()
        self._size_table()
        self.detail.set_link_choices(link_choices(cache))
        if current and self.current_ticker() != current:
            self.select(current)
        self._show_detail()

    def current_ticker(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return str(self.model.row_label(self.proxy.mapToSource(index).row()))

    def _show_detail(self) -> None:
        self.detail_feed.show_now()

    def _derived(self, ticker: str) -> dict:
        """The premiums as the table shows them (NaN → None) for the detail's metrics line."""
        src = self.model.row_of(ticker)
        values = {c: self.model.value(src, self.model.column_index(c))
                  for c in ("vs_sp500", "vs_bigtech")}
        return {k: (None if v != v else v) for k, v in values.items()}

    # -- filter, columns, navigation ----------------------------------------------------
    def _focus_filter(self) -> None:
        self.toolbar.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.toolbar.filter.selectAll()

    def _apply_filter(self, text: str | None = None) -> None:
        query = self.toolbar.filter.text() if text is None else text
        mask = filter_mask(self._haystack, query) if query.strip() else None
        self.proxy.set_mask(mask)
        self.toolbar.count.setText(self.tr("{shown} of {total} names").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()) if mask is not None else "")

    def set_column_visible(self, col: str, visible: bool) -> None:
        self.columns.set_visible(col, visible)

    def note_order(self) -> None:
        self.columns.note_order()

    def select(self, ticker: str, column: str | None = None, now: bool = True) -> QModelIndex:
        """Make ``ticker``'s cell current; its details show at once (``now``) or in the next
        turn."""
        row = self.model.row_of(ticker)
        if row < 0:
            return QModelIndex()
        if column is None:
            current = self.view.currentIndex()
            col = current.column() if current.isValid() else 1
        else:
            col = VIEW_COLUMNS.index(column)
        index = self.proxy.mapFromSource(self.model.index(row, col))
        if index.isValid():
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.view.selectionModel().setCurrentIndex(index, flags)
            if now and self.detail_feed.busy:
                self.detail_feed.show_now()
            self.view.scrollTo(index)
            # A jump from elsewhere (the palette, a link) lands before the tab's first layout and
            # its table fit: scroll again once they are done, or the row stays below the edge.
            QTimer.singleShot(0, self, lambda: self.view.scrollTo(self.view.currentIndex()))
        return index

    def open_item(self, key: str) -> bool:
        return self.select(key).isValid()

    def jump_to(self, ticker: str, column: str) -> None:
        """From the report check: show the cell (clearing a filter or unhiding its column)."""
        if not ticker:
            box = self.footer.sp500 if column == "vs_sp500" else self.footer.bigtech
            box.setFocus(Qt.FocusReason.OtherFocusReason)
            box.selectAll()
            return
        if column in self.columns.hidden:
            self.columns.set_visible(column, True)
        if not self.select(ticker, column).isValid():
            self.toolbar.filter.clear()
            self.select(ticker, column)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- writing: each gathers what the user pointed at and hands it to the operations -----
    def _say(self, text: str, error: bool = False) -> None:
        self.ctx.sig_status_message.emit(text)
        if error:
            self.footer.message.setText(text)
            self._message_timer.start()
        else:
            self.footer.message.setText("")

    def add_company(self) -> bool:
        ticker = self.ops.add(self.toolbar.new_ticker.text())
        if ticker is None:
            return False
        self.toolbar.new_ticker.clear()
        return True

    def _type_name(self, ticker: str) -> None:
        """A name just added is stored: select it and type its name straight away."""
        index = self.select(ticker, "name")
        if index.isValid() and self.isVisible():
            self.view.edit(index)

    def selected_tickers(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [str(self.model.row_label(self.proxy.mapToSource(self.proxy.index(r, 0)).row()))
                for r in rows]

    def remove_selected(self) -> bool:
        return self.ops.remove(self.selected_tickers())

    def move_current(self, delta: int) -> bool:
        ticker = self.current_ticker()
        if ticker is None:
            return False
        self.note_order()  # reordering means the note's order
        col = VIEW_COLUMNS[max(self.view.currentIndex().column(), 0)]
        return self.ops.move(ticker, delta, col)

    def set_benchmark(self, name: str, value: float | None = None) -> bool:
        box = self.footer.sp500 if name == "sp500" else self.footer.bigtech
        return self.ops.set_benchmark(name, float(box.value() if value is None else value))

    def set_earnings(self, ticker: str, usd_bn: float, as_of: str) -> bool:
        return self.ops.set_earnings(ticker, usd_bn, as_of)

    def import_path(self, path: Path | str) -> None:
        self.ops.import_path(path)

    def export_path(self, path: Path | str) -> None:
        self.ops.export_path(path, self._headers())

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import…"), "",
                                              self.tr("Spreadsheets (*.csv *.xlsx)"))
        if path:
            self.import_path(path)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export…"), "watchlist.xlsx",
                                              self.tr("Spreadsheets (*.csv *.xlsx)"))
        if path:
            self.export_path(path)

    def copy_selected(self) -> str:
        """Selected rows, visible columns, as tab-separated text (text cells formula-escaped)."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        cols = [i for i in range(len(VIEW_COLUMNS)) if not self.view.isColumnHidden(i)]
        numeric = {"market_cap_usd_bn", "per_12mf", "vs_sp500", "vs_bigtech"}
        lines = ["\t".join(str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in cols)]
        for r in rows:
            cells = []
            for c in cols:
                text = str(self.proxy.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
                text = " ".join(text.split())
                cells.append(text if VIEW_COLUMNS[c] in numeric else escape_formula(text))
            lines.append("\t".join(cells))
        out = "\n".join(lines)
        QGuiApplication.clipboard().setText(out)
        self._say(self.tr("Copied {n} rows").format(n=len(rows)))
        return out

