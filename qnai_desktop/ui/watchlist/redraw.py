"""The Watchlist tab's redraws after a change, kept proportional to it (a mixin of WatchlistTab).

A write that names the companies rows it changed (a cell edit, its undo or redo) repaints those
rows from the store: no model reset, no whole-table read. The report check and the filter's
search text, which read every row, follow from the task pool (``CheckRunner``); the detail pane
follows in its own event-loop turns (``DetailFeed``). Row heights are fitted explicitly rather
than by ``ResizeToContents``, which measured every row on any ``dataChanged``. Anything else —
names added, removed or moved, settings, another program's write, a change while the tab is
hidden — reads the whole table (``refresh``), when the tab is shown.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHeaderView

from ...core.changes import ChangeSet
from ...core.watchlist import VIEW_COLUMNS, view_row
from ..common.i18n import current_language
from .check_runner import Checked
from .links import link_choices

if TYPE_CHECKING:
    from .tab import WatchlistTab

#: What a price or data import writes: nothing of the coverage table, only what links show.
SERIES_TABLES = frozenset({"series", "observations"})
AUTO_SIZE_ROWS = 300  # beyond this, sizing rows/columns to contents costs more than it helps


class WatchlistRedraws:
    """Methods of :class:`WatchlistTab` (``self`` is the tab)."""

    def _show_check(self: WatchlistTab, result: Checked) -> None:
        if result.companies is not None and result.haystack is not None:  # from the pool
            if list(result.companies["ticker"]) != list(self._companies["ticker"]):
                return  # names were added or moved since: the full redraw after it checks
            self._companies, self._haystack = result.companies, result.haystack
            if self.toolbar.filter.text().strip():
                self._apply_filter()
        self.model.set_issues(result.flagged)
        self.check.set_issues(result.issues, result.names)
        self._issue_count = len(result.issues)
        self._title_bottom()

    def _on_cache_changed(self: WatchlistTab, change: ChangeSet) -> None:
        """A write that names the companies rows it changed (a cell edit, its undo) redraws
        those rows; anything else, or a change while hidden, redraws the table when shown."""
        if change.tables and change.tables <= SERIES_TABLES and not self._dirty \
                and self.isVisible():
            self._series_changed(change)  # the table shows no series: only the detail's links
            return
        tickers = change.rows_of("companies")
        if (tickers is None or change.tables != {"companies"} or self._dirty
                or not self.isVisible() or not self.update_rows(tickers)):
            super()._on_cache_changed(change)

    def _series_changed(self: WatchlistTab, change: ChangeSet) -> None:
        """Series imported or refreshed: the names' evidence links (their latest values, the
        series offered for linking) may differ; the coverage table itself does not."""
        if "series" in change.tables:
            self.detail.set_link_choices(link_choices(self.ctx.cache))
        if self.current_ticker():
            self.detail_feed.schedule()

    def update_rows(self: WatchlistTab, tickers: set[str]) -> bool:
        """Redraw the rows of ``tickers`` from the store: False (nothing done) when a name was
        added, removed or moved — the whole table must be read then. The report check and the
        filter's search text follow from the pool (``CheckRunner``)."""
        if not tickers:
            return True
        if not self.ctx.cache.path:
            return False  # an in-memory cache: no second connection can check it
        read = self.ctx.cache.watchlist.company
        rows = {t: read(t) for t in tickers}
        if any(row is None or self._positions.get(t) != row["position"]
               for t, row in rows.items()):
            return False
        lang = current_language()
        changed = self.model.update_rows({t: view_row(row, lang, self._bench)
                                          for t, row in rows.items()})
        self.checks.start(str(self.ctx.cache.path), today=date.today(), stale_days=self._stale,
                          bench=self._bench, lang=lang)
        if self.model.rowCount() <= AUTO_SIZE_ROWS:
            self._fit_cells(tickers, changed)
        if self.current_ticker() in tickers:
            self.detail_feed.schedule()
        return True

    @property
    def redrawing(self: WatchlistTab) -> bool:
        """A selection move or a detail redraw is still to come (tests wait for it)."""
        return self._focus_pending > 0 or self.detail_feed.busy

    def _focus_later(self: WatchlistTab, ticker: str, column: str) -> None:
        """A stored change selects its cell in the next turn, not in the one that announced it."""
        self._focus_pending += 1

        def focus() -> None:
            self._focus_pending -= 1
            if not self.ctx.stopped:
                self.select(ticker, column, now=False)

        QTimer.singleShot(0, self, focus)

    def _size_table(self: WatchlistTab) -> None:
        header = self.view.horizontalHeader()
        small = self.model.rowCount() <= AUTO_SIZE_ROWS
        if small or not self._sized:
            for i, col in enumerate(VIEW_COLUMNS):
                if col in ("thesis1", "thesis2"):
                    header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
                elif small:
                    self.view.resizeColumnToContents(i)
                else:
                    header.resizeSection(i, 110)
            self._sized = True
        # Row heights follow the wrapped text, but not through ResizeToContents: that mode
        # measures every row on any dataChanged (a one-cell edit cost a full measure). Rows are
        # fitted here, when a column changes width, and per row when a row changes.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        if small:
            self.view.resizeRowsToContents()
        if small and not self._fitted and self.isVisible():
            self._fitted = True
            QTimer.singleShot(0, self._fit_split)  # after the layout has given the real sizes

    def _fit_cells(self: WatchlistTab, tickers: set[str], changed: set[str]) -> None:
        """After rows changed: widen a column whose new text does not fit (measuring the whole
        column costs more than the edit), re-fit those rows' heights if wrapped text changed."""
        metrics = self.view.fontMetrics()
        rows = [self.proxy.mapFromSource(self.model.index(self.model.row_of(t), 0)).row()
                for t in tickers]
        rows = [r for r in rows if r >= 0]
        for col in changed - {"thesis1", "thesis2"}:
            c = VIEW_COLUMNS.index(col)
            wide = max((metrics.horizontalAdvance(str(self.proxy.index(r, c).data() or ""))
                        for r in rows), default=0) + 2 * metrics.averageCharWidth()
            if wide > self.view.columnWidth(c):
                self.view.setColumnWidth(c, wide)  # sectionResized: every row re-fits
        if changed & {"name", "thesis1", "thesis2"}:
            for r in rows:
                self.view.resizeRowToContents(r)

    def _fit_rows(self: WatchlistTab) -> None:
        """A column changed width: the wrapped rows get their heights again (small tables)."""
        if self.model.rowCount() <= AUTO_SIZE_ROWS:
            self.view.resizeRowsToContents()

    def _fit_split(self: WatchlistTab) -> None:
        """First show: give the table just the rows it has (plus two spare), the pane the rest."""
        rows = self.view.verticalHeader()
        spare = 2 * rows.defaultSectionSize()
        want = (self.view.horizontalHeader().height() + rows.length() + spare
                + self.footer.sizeHint().height() + 2 * self.view.frameWidth())
        total = sum(self.v_split.sizes())
        if total > 0:
            table = max(min(want, total - 260), total // 3)
            self.v_split.setSizes([table, total - table])

