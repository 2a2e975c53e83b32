"""What the window redraws after a watchlist edit: the edited row, not the table; a hidden tab when
it is shown; alert rules only when something they read changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from waiting import ops_landed, wait_until

from qnai_desktop.core.watchlist import VIEW_COLUMNS, edit_patches
from qnai_desktop.services import watchlist_edits
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.common.operations import run_op
from qnai_desktop.ui.monitors.alert_watcher import AlertWatcher
from qnai_desktop.ui.watchlist.tab import WatchlistTab

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def ctx(qapp, db_path: Path):
    cache = Cache.open(db_path)
    set_language("ko")
    context = AppContext(cache, poll_ms=60_000)
    yield context
    context.stop()
    cache.close()


@pytest.fixture
def tab(qtbot, ctx: AppContext) -> WatchlistTab:
    tab = WatchlistTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1400, 820)
    tab.show()
    QApplication.processEvents()
    return tab


class Redraws:
    """Counts what a tab redraws: whole-table reads, model resets and the rows repainted."""

    def __init__(self, tab: WatchlistTab) -> None:
        self.full = 0
        self.resets = 0
        self.rows: set[int] = set()
        refresh = tab.refresh

        def counted() -> None:
            self.full += 1
            refresh()

        tab.refresh = counted  # type: ignore[method-assign]
        tab.model.modelReset.connect(lambda: setattr(self, "resets", self.resets + 1))
        tab.model.dataChanged.connect(
            lambda top, bottom, roles=(): self.rows.update(range(top.row(), bottom.row() + 1))
            if not roles else None)


def settle(tab: WatchlistTab) -> None:
    wait_until(lambda: not tab.ops.busy and not tab.checks.busy and not tab.redrawing)


def cell(tab: WatchlistTab, ticker: str, col: str) -> str:
    index = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(ticker),
                                                    VIEW_COLUMNS.index(col)))
    return index.data(DISPLAY)


def test_typing_in_a_cell_redraws_that_row_only(tab: WatchlistTab, qtbot) -> None:
    tab.select("META", "per_12mf")
    settle(tab)
    seen = Redraws(tab)
    qtbot.keyClick(tab.view, Qt.Key.Key_1)  # typing on a cell opens its editor with the key
    editor = tab.view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "1"
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # on to the next cell: the edit is stored
    settle(tab)
    assert cell(tab, "META", "per_12mf") == "17"
    assert cell(tab, "META", "vs_sp500") == "-23%"  # the premium follows the stored PER
    assert cell(tab, "NVDA", "per_12mf") == "19"
    assert (seen.full, seen.resets) == (0, 0)  # no whole-table read, no reset
    assert seen.rows == {tab.model.row_of("META")}  # one row repainted
    # the report check followed from the pool: the note's "Meta PER 17" no longer contradicts it
    assert ("fact_mismatch", "META", "per_12mf") not in {(i.kind, i.ticker, i.column)
                                                         for i in tab.check.issues}
    assert tab.detail.title.text() == "메타 플랫폼스  (META)"
    assert tab.detail.history.table.item(0, 3).text() == "17"  # the history has the edit


def test_a_sorted_column_re_sorts_when_its_value_changes(tab: WatchlistTab) -> None:
    col = VIEW_COLUMNS.index("per_12mf")
    tab.view.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    index = tab.model.index(tab.model.row_of("AAPL"), col)
    assert tab.model.setData(index, "10", Qt.ItemDataRole.EditRole)
    settle(tab)
    first = tab.proxy.index(0, VIEW_COLUMNS.index("ticker")).data(DISPLAY)
    assert first == "AAPL" and cell(tab, "AAPL", "per_12mf") == "10"


def test_a_hidden_tab_reads_the_change_when_it_is_shown(tab: WatchlistTab, ctx: AppContext) -> None:
    seen = Redraws(tab)
    tab.hide()
    row = ctx.cache.watchlist.company("ORCL")
    _before, after = edit_patches(row, "per_12mf", 15.0)
    run_op(ctx, None, watchlist_edits.apply_patch, after).run()
    ops_landed()
    assert seen.full == 0 and cell(tab, "ORCL", "per_12mf") == "17"  # nothing redrawn hidden
    tab.show()
    assert seen.full == 1 and cell(tab, "ORCL", "per_12mf") == "15"  # fresh when shown


def test_an_added_name_reads_the_whole_table(tab: WatchlistTab) -> None:
    seen = Redraws(tab)
    tab.toolbar.new_ticker.setText("TSM")
    assert tab.add_company()
    settle(tab)
    assert seen.full == 1 and tab.model.row_of("TSM") == 8


def test_alert_rules_run_again_only_when_what_they_read_changed(ctx: AppContext) -> None:
    watcher = AlertWatcher(ctx)
    wait_until(lambda: watcher.badge_count >= 0 and not watcher.running)
    runs: list[object] = []
    watcher.sig_evaluated.connect(runs.append)
    row = ctx.cache.watchlist.company("ORCL")
    run_op(ctx, None, watchlist_edits.apply_patch, edit_patches(row, "per_12mf", 15.0)[1]).run()
    ops_landed()
    assert not watcher.running and runs == []  # a watchlist cell: no evaluation
    from qnai_desktop.core.changes import ChangeSet

    ctx.notify(ChangeSet(tables={"observations", "series"}, series={"cds.oracle_5y"}))
    wait_until(lambda: len(runs) == 1 and not watcher.running)


def test_imported_prices_refresh_the_names_links_not_the_table(tab: WatchlistTab,
                                                                ctx: AppContext) -> None:
    import pandas as pd

    from qnai_desktop.core.series import SeriesBundle

    tab.select("ORCL")
    seen = Redraws(tab)
    meta = ctx.cache.series.meta("cds.oracle_5y")
    frame = pd.DataFrame({"date": pd.to_datetime(["2026-08-05"]), "value": [321.5]})

    def import_file(cache: Cache):
        return cache.series.write_bundles([SeriesBundle(meta, frame)], how="import",
                                          origin="bloomberg.xlsx")

    run_op(ctx, None, import_file).run()
    ops_landed()
    settle(tab)
    links = tab.detail.links
    row = next(links.topLevelItem(i) for i in range(links.topLevelItemCount())
               if links.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)[1] == "cds.oracle_5y")
    assert (row.text(2).split()[0], row.text(3)) == ("321.5", "2026-08-05")  # the new close
    assert (seen.full, seen.resets, seen.rows) == (0, 0, set())  # the table was left alone


def test_arrowing_down_the_table_fills_the_detail_once_for_the_name_it_stops_on(
        tab: WatchlistTab, qtbot) -> None:
    tab.select("NVDA")
    fills: list[str] = []
    show = tab.detail.show_company
    tab.detail.show_company = lambda row, *a: (fills.append(row["ticker"] if row else ""),
                                               show(row, *a))
    tab.view.setFocus()
    for _ in range(3):  # GOOGL, AAPL, MSFT, one key after the other (a held key repeating)
        qtbot.keyClick(tab.view, Qt.Key.Key_Down)
        QApplication.processEvents()
    settle(tab)
    assert fills == ["MSFT"]
    assert tab.detail.title.text() == "마이크로소프트  (MSFT)"
    assert tab.detail.history.table.item(0, 3).text() == "20"  # MSFT's PER in its history
    assert tab.detail.values.ticker == "MSFT"
