"""The Watchlist tab as the analyst uses it: edit, undo, filter, sort, check, reorder, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from waiting import wait_until

from qnai_desktop.core.watchlist import VIEW_COLUMNS
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.watchlist.tab import WatchlistTab

NOTE_ORDER = ["NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META", "ORCL", "CRWV"]
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def ctx(qapp, db_path: Path):
    cache = Cache.open(db_path)
    set_language("ko")
    context = AppContext(cache, poll_ms=60_000)
    yield context
    context.stop()
    cache.close()


def _open_tab(qtbot, ctx: AppContext) -> WatchlistTab:
    tab = WatchlistTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1400, 820)
    tab.show()
    QApplication.processEvents()
    return tab


@pytest.fixture
def tab(qtbot, ctx: AppContext) -> WatchlistTab:
    return _open_tab(qtbot, ctx)


def stored(db_path: Path, ticker: str) -> dict | None:
    """Read through a second connection: what is on disk, not what the tab shows."""
    with Cache.open(db_path) as c:
        return c.watchlist.company(ticker)


def shown(tab: WatchlistTab, col: str) -> list[str]:
    c = VIEW_COLUMNS.index(col)
    return [tab.proxy.index(r, c).data(DISPLAY) for r in range(tab.proxy.rowCount())]


def edit(tab: WatchlistTab, ticker: str, col: str, text: str) -> bool:
    """Type ``text`` into a cell and wait until the write landed (it runs off the GUI thread)."""
    index = tab.model.index(tab.model.row_of(ticker), VIEW_COLUMNS.index(col))
    accepted = tab.model.setData(index, text, Qt.ItemDataRole.EditRole)
    settle(tab)
    return accepted


def settle(tab: WatchlistTab) -> None:
    """Wait until every queued watchlist operation landed and the table (and its report check,
    which runs off the GUI thread after an edit) redrew."""
    wait_until(lambda: not tab.ops.busy and not tab.checks.busy and not tab.redrawing)


def test_models_pass_the_qt_model_tester(tab: WatchlistTab, qtmodeltester) -> None:
    qtmodeltester.check(tab.model, force_py=True)
    qtmodeltester.check(tab.proxy, force_py=True)


def test_opens_on_the_note_table_as_printed(tab: WatchlistTab) -> None:
    assert shown(tab, "ticker") == NOTE_ORDER
    assert shown(tab, "market_cap_usd_bn") == ["4,736", "4,463", "4,592", "2,872", "2,626", "1,523",
                                               "414", "47"]
    assert shown(tab, "per_12mf") == ["19", "29", "34", "20", "29", "18", "17", "-"]
    assert shown(tab, "vs_sp500")[5] == "-18%" and shown(tab, "vs_bigtech")[5] == "-28%"
    assert shown(tab, "vs_sp500")[-1] == "-"
    cap = tab.proxy.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole)
    assert cap & int(Qt.AlignmentFlag.AlignRight)
    thesis = tab.proxy.index(5, VIEW_COLUMNS.index("thesis1")).data(Qt.ItemDataRole.ToolTipRole)
    assert thesis.startswith("플랫폼 인기 여전, Muse Spark 개발로 유통과 모델 확보")


def test_edit_and_undo_round_trip_through_the_store(tab: WatchlistTab, db_path: Path, qtbot) -> None:
    assert edit(tab, "META", "per_12mf", "17배")
    assert stored(db_path, "META")["per_12mf"] == 17
    assert shown(tab, "per_12mf")[5] == "17"
    assert shown(tab, "vs_sp500")[5] == "-23%"  # premium recomputed from the stored PER
    with Cache.open(db_path) as c:
        assert c.watchlist.history("META")["per_12mf"].tolist()[-1] == 17
        assert c.provenance(1).iloc[0]["how"] == "edit"
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    assert stored(db_path, "META")["per_12mf"] == 18
    assert shown(tab, "per_12mf")[5] == "18"
    qtbot.keyClick(tab.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    assert stored(db_path, "META")["per_12mf"] == 17
    assert tab.current_ticker() == "META"


def test_thesis_and_name_edits_follow_the_ui_language(tab: WatchlistTab, db_path: Path) -> None:
    assert edit(tab, "CRWV", "thesis1", "-네오클라우드 신용 우려")
    assert edit(tab, "CRWV", "name", "코어위브 Inc")
    row = stored(db_path, "CRWV")
    assert (row["thesis1_ko"], row["name_ko"], row["name_en"]) == ("네오클라우드 신용 우려",
                                                                    "코어위브 Inc", "CoreWeave")


@pytest.mark.parametrize(("col", "text", "says"), [
    ("market_cap_usd_bn", "-5", "시가총액: 0 이상이어야 합니다"),
    ("per_12mf", "abc", "12MF PER: 숫자가 아닙니다"),
    ("as_of", "2026-13-45", "기준일: 날짜가 아닙니다"),
    ("name", "  ", "종목명: 비워 둘 수 없습니다"),
])
def test_bad_edits_are_rejected_with_a_message(tab: WatchlistTab, db_path: Path, qtbot,
                                               col: str, text: str, says: str) -> None:
    before = stored(db_path, "META")
    with Cache.open(db_path) as c:
        prov = len(c.provenance(10_000))
    with qtbot.waitSignal(tab.ctx.sig_status_message) as sig:
        assert not edit(tab, "META", col, text)
    assert says in sig.args[0]
    assert says in tab.footer.message.text()
    assert stored(db_path, "META") == before
    with Cache.open(db_path) as c:
        assert len(c.provenance(10_000)) == prov
    assert tab.undo_stack.count() == 0


def test_filter_box_over_names_and_thesis(tab: WatchlistTab, qtbot) -> None:
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.toolbar.filter.hasFocus()
    qtbot.keyClicks(tab.toolbar.filter, "shortage")  # English thesis, while the UI is Korean
    assert shown(tab, "ticker") == ["ORCL", "CRWV"]
    assert tab.toolbar.count.text() == "2/8개 종목"
    tab.toolbar.filter.setText("쇼티지")  # (QTest cannot type Hangul keystrokes)
    assert shown(tab, "ticker") == ["ORCL", "CRWV"]
    tab.toolbar.filter.setText("meta platforms")
    assert shown(tab, "ticker") == ["META"]
    tab.toolbar.filter.setText("")
    assert shown(tab, "ticker") == NOTE_ORDER


def test_sort_any_column_keeps_the_selection_and_na_last(tab: WatchlistTab) -> None:
    tab.select("META", "name")
    tab.view.sortByColumn(VIEW_COLUMNS.index("market_cap_usd_bn"), Qt.SortOrder.DescendingOrder)
    assert shown(tab, "ticker")[:3] == ["NVDA", "AAPL", "GOOGL"]
    assert tab.current_ticker() == "META"
    tab.view.sortByColumn(VIEW_COLUMNS.index("per_12mf"), Qt.SortOrder.AscendingOrder)
    assert shown(tab, "ticker")[:2] == ["ORCL", "META"] and shown(tab, "ticker")[-1] == "CRWV"
    tab.view.sortByColumn(VIEW_COLUMNS.index("per_12mf"), Qt.SortOrder.DescendingOrder)
    assert shown(tab, "ticker")[0] == "AAPL" and shown(tab, "ticker")[-1] == "CRWV"
    tab.toolbar.filter.setText("agent")
    assert "META" in shown(tab, "ticker") and shown(tab, "ticker")[0] == "AAPL"
    tab.toolbar.filter.setText("")
    tab.note_order()
    assert shown(tab, "ticker") == NOTE_ORDER


def test_report_check_lists_duplicate_and_meta_per_and_jumps(tab: WatchlistTab) -> None:
    issues = {(i.kind, i.ticker, i.column) for i in tab.check.issues}
    assert {("duplicate_thesis", "CRWV", "thesis1"), ("fact_mismatch", "META", "per_12mf")} <= issues
    texts = [tab.check.list.topLevelItem(i).text(3) for i in range(tab.check.list.topLevelItemCount())]
    assert any("오라클(ORCL) 문구를 글자 그대로 반복" in t for t in texts)
    assert any("본문은 17" in t for t in texts)
    tab.toolbar.filter.setText("nvidia")
    item = next(tab.check.list.topLevelItem(i) for i in range(tab.check.list.topLevelItemCount())
                if tab.check.list.topLevelItem(i).text(2) == "투자 포인트")
    tab.check.list.itemClicked.emit(item, 0)
    assert tab.toolbar.filter.text() == ""  # the filter hid CRWV, so it was cleared
    index = tab.view.currentIndex()
    assert (tab.current_ticker(), VIEW_COLUMNS[index.column()]) == ("CRWV", "thesis1")
    meta_per = tab.model.index(tab.model.row_of("META"), VIEW_COLUMNS.index("per_12mf"))
    assert "본문은 17" in meta_per.data(Qt.ItemDataRole.ToolTipRole)
    assert meta_per.data(Qt.ItemDataRole.BackgroundRole) is not None
    edit(tab, "META", "per_12mf", "17")
    assert ("fact_mismatch", "META", "per_12mf") not in {(i.kind, i.ticker, i.column)
                                                         for i in tab.check.issues}


def test_add_remove_and_reorder_are_stored_and_undoable(tab: WatchlistTab, db_path: Path) -> None:
    tab.toolbar.new_ticker.setText("tsm")
    assert tab.add_company()
    settle(tab)
    assert stored(db_path, "TSM")["position"] == 9 and shown(tab, "ticker")[-1] == "TSM"
    tab.toolbar.new_ticker.setText("META")
    assert not tab.add_company()
    assert "이미 있는 티커" in tab.footer.message.text()
    tab.ops.undo()
    settle(tab)
    assert stored(db_path, "TSM") is None

    tab.select("CRWV")
    assert tab.remove_selected()
    settle(tab)
    assert stored(db_path, "CRWV") is None and "CRWV" not in shown(tab, "ticker")
    tab.ops.undo()
    settle(tab)
    assert stored(db_path, "CRWV")["thesis1_en"].startswith("Rising component")
    with Cache.open(db_path) as c:
        assert "cds.coreweave_5y" in c.watchlist.links("CRWV")["target"].tolist()  # links came back too

    tab.select("CRWV")
    assert tab.move_current(-1)
    settle(tab)
    assert shown(tab, "ticker")[-2:] == ["CRWV", "ORCL"]
    assert (stored(db_path, "CRWV")["position"], stored(db_path, "ORCL")["position"]) == (7, 8)
    assert tab.current_ticker() == "CRWV"
    tab.ops.undo()
    settle(tab)
    assert shown(tab, "ticker") == NOTE_ORDER


def test_benchmarks_are_editable_stored_and_undoable(tab: WatchlistTab, db_path: Path) -> None:
    assert tab.set_benchmark("sp500", 20.0)
    settle(tab)
    with Cache.open(db_path) as c:
        assert c.settings.get("benchmark_per.sp500") == "20"
    assert shown(tab, "vs_sp500")[5] == "-10%"
    assert "(20배)" in tab.model.headerData(VIEW_COLUMNS.index("vs_sp500"), Qt.Orientation.Horizontal)
    assert any(i.kind == "benchmark_mismatch" for i in tab.check.issues)
    tab.ops.undo()
    settle(tab)
    with Cache.open(db_path) as c:
        assert c.settings.get("benchmark_per.sp500") == "22"
    assert tab.footer.sp500.value() == 22.0


def test_hidden_columns_are_remembered(qtbot, tab: WatchlistTab, ctx: AppContext) -> None:
    tab.set_column_visible("thesis2", False)
    assert tab.view.isColumnHidden(VIEW_COLUMNS.index("thesis2"))
    again = _open_tab(qtbot, ctx)
    assert again.view.isColumnHidden(VIEW_COLUMNS.index("thesis2"))
    assert not again.view.isColumnHidden(VIEW_COLUMNS.index("thesis1"))


def test_an_edit_survives_a_restart(qtbot, db_path: Path) -> None:
    from qnai_desktop.app import build_window

    window = build_window(db_path, lang="en")
    qtbot.addWidget(window)
    page = window.show_tab("watchlist")
    window.show()
    assert edit(page, "ORCL", "market_cap_usd_bn", "1,234")
    window.close()
    window.ctx.cache.close()
    again = build_window(db_path, lang="en")
    qtbot.addWidget(again)
    page = again.show_tab("watchlist")
    again.show()
    assert shown(page, "market_cap_usd_bn")[6] == "1,234"
    assert shown(page, "name")[6] == "Oracle"
    again.ctx.stop()
    again.ctx.cache.close()


def test_malformed_import_leaves_the_cache_unchanged(tab: WatchlistTab, db_path: Path,
                                                     tmp_path: Path) -> None:
    bad = tmp_path / "colleague.csv"
    bad.write_text("ticker,per_12mf\nMETA,17\nORCL,seventeen\n", encoding="utf-8")
    with Cache.open(db_path) as c:
        before = c.watchlist.companies()
    tab.import_path(bad)
    settle(tab)
    assert "colleague.csv, row 3, column per_12mf" in tab.footer.message.text()
    assert tab.undo_stack.count() == 0
    with Cache.open(db_path) as c:
        assert c.watchlist.companies().equals(before)
    good = tmp_path / "ok.csv"
    good.write_text("ticker,per_12mf\nMETA,17\n", encoding="utf-8")
    tab.import_path(good)
    settle(tab)
    assert stored(db_path, "META")["per_12mf"] == 17
    with Cache.open(db_path) as c:
        assert c.provenance(1).iloc[0]["how"] == "import"
    tab.ops.undo()
    settle(tab)
    assert stored(db_path, "META")["per_12mf"] == 18


def test_export_and_copy_escape_formulas(tab: WatchlistTab, tmp_path: Path) -> None:
    assert edit(tab, "META", "name", "=HYPERLINK(\"http://x\")")
    said: list[str] = []
    tab.ctx.sig_status_message.connect(said.append)
    tab.export_path(tmp_path / "w.xlsx")
    settle(tab)
    assert said[-1] == f"8개 종목을 {tmp_path / 'w.xlsx'}에 저장" and (tmp_path / "w.xlsx").exists()
    tab.select("META")
    text = tab.copy_selected()
    header, row = text.splitlines()
    assert header.split("\t")[:2] == ["티커", "종목명"]
    assert row.split("\t")[1] == "'=HYPERLINK(\"http://x\")"
    assert row.split("\t")[4] == "-18%"  # numbers are ours, not escaped
    assert QApplication.clipboard().text() == text


def test_detail_pane_shows_history_and_opens_evidence(tab: WatchlistTab, qtbot) -> None:
    edit(tab, "ORCL", "per_12mf", "16")
    tab.select("ORCL")
    detail = tab.detail
    assert detail.title.text() == "오라클  (ORCL)"
    assert detail.history.table.rowCount() == 2
    assert detail.history.table.item(0, 3).text() == "16"
    targets = [detail.links.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
               for i in range(detail.links.topLevelItemCount())]
    assert ("series", "cds.oracle_5y") in targets
    series = next(detail.links.topLevelItem(i) for i, t in enumerate(targets) if t[0] == "series")
    assert series.text(2) and series.text(3).startswith("20")  # latest value and its date
    with qtbot.waitSignal(tab.ctx.sig_open_chart_requested) as sig:
        detail.links.itemClicked.emit(series, 1)
    assert sig.args == ["cds.oracle_5y"]


def test_links_can_be_edited_and_undone(tab: WatchlistTab, db_path: Path) -> None:
    tab.select("AAPL")
    tab.detail.link_box.setEditText("gpu_rent.h100.median")
    tab.detail.link_add.click()
    settle(tab)
    with Cache.open(db_path) as c:
        assert c.watchlist.links("AAPL")["target"].tolist() == ["gpu_rent.h100.median"]
    tab.ops.undo()
    settle(tab)
    with Cache.open(db_path) as c:
        assert c.watchlist.links("AAPL").empty


def test_renders_in_both_languages(tab: WatchlistTab, ctx: AppContext, tmp_path: Path) -> None:
    for lang in ("ko", "en"):
        set_language(lang)
        for _ in range(2):
            QApplication.processEvents()
        image = tab.grab().toImage()
        assert image.width() >= 1000 and not image.isNull()
    assert shown(tab, "name")[5] == "Meta Platforms"
    assert tab.bottom.tabText(1).startswith("Report check (")
