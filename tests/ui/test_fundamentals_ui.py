"""Live fundamentals in the app: the watchlist shows what each figure rests on and takes the
analyst's estimate; the Meta scenario shows the filed TTM share beside the note's 17 %."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from qnai_desktop.core.watchlist import VIEW_COLUMNS
from qnai_desktop.services.fundamentals.capex import capex_bundles
from qnai_desktop.services.fundamentals.concepts import CAPEX_GROUP
from qnai_desktop.services.fundamentals.sec import read_company
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.scenarios.tab import ScenariosTab
from qnai_desktop.ui.watchlist.tab import WatchlistTab

SEC = Path(__file__).resolve().parents[1] / "fixtures" / "sec"
CIKS = {"MSFT": 789019, "GOOGL": 1652044, "AMZN": 1018724, "META": 1326801, "ORCL": 1341439,
        "CRWV": 1769628}


def write_capex(cache: Cache) -> None:
    found = [read_company(t, c, json.loads((SEC / f"CIK{c:010d}.json").read_text()))
             for t, c in CIKS.items()]
    cache.series.write_bundles(capex_bundles([f.capex for f in found], CAPEX_GROUP), how="fetch")


@pytest.fixture
def ctx(qapp, db_path: Path):
    cache = Cache.open(db_path)
    cache.watchlist.set_values([
        {"ticker": "META", "field": "shares_outstanding", "value": 2.516e9, "as_of": "2025-09-30",
         "source": "SEC EDGAR us-gaap:CommonStockSharesOutstanding, 10-Q filed 2025-10-30"},
        {"ticker": "META", "field": "close_usd", "value": 700.0, "as_of": "2026-01-02",
         "source": "Tiingo EOD close"}], how="fetch")
    set_language("ko")
    context = AppContext(cache, poll_ms=60_000)
    yield context
    context.stop()
    cache.close()


def test_watchlist_detail_shows_dates_sources_and_takes_an_estimate(qtbot, ctx, db_path) -> None:
    from qnai_desktop.services.fundamentals import recompute

    recompute(ctx.cache)
    tab = WatchlistTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    QApplication.processEvents()
    tab.refresh()
    tab.select("META")
    values = tab.detail.values
    cap = values.row("market_cap_usd_bn")
    assert cap[1] == "1,761.2" and cap[2].startswith("2026-01-02")
    assert "(경과)" in cap[2]  # an old close is marked stale
    assert cap[3] == "종가 × 발행 주식 수 (SEC)"  # its basis, in her language
    assert "Tiingo EOD close" in values.source_tip("market_cap_usd_bn")  # the full line
    assert "SEC EDGAR" in values.source_tip("market_cap_usd_bn")
    assert values.row("earnings_12mf_usd_bn")[3] == "노트"
    values.earnings.setValue(100.0)
    values.save.click()
    qtbot.waitUntil(lambda: not tab.ops.busy)  # stored off the GUI thread, then redrawn
    with Cache.open(db_path) as c:
        assert c.watchlist.company("META")["per_12mf"] == pytest.approx(17.61)
    assert tab.detail.values.row("earnings_12mf_usd_bn")[3] == "애널리스트"
    per = [tab.proxy.index(r, VIEW_COLUMNS.index("per_12mf")).data()
           for r in range(tab.proxy.rowCount())]
    assert per[5] == "17.6"
    hist = ctx.cache.watchlist.history("META")
    assert hist.iloc[0]["how"] == "seed" and hist.iloc[0]["per_12mf"] == 18.0


def test_an_estimate_edit_undoes_with_ctrl_z_and_the_per_returns(qtbot, ctx, db_path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from qnai_desktop.services.fundamentals import recompute

    recompute(ctx.cache)
    tab = WatchlistTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    QApplication.processEvents()
    tab.refresh()
    tab.select("META")
    before = ctx.cache.watchlist.company("META")["per_12mf"]
    note_estimate = tab.detail.values.earnings.value()  # the note's: cap ÷ PER, 84.6
    tab.detail.values.earnings.setValue(100.0)
    tab.detail.values.save.click()
    qtbot.waitUntil(lambda: not tab.ops.busy)
    assert ctx.cache.watchlist.company("META")["per_12mf"] == pytest.approx(17.61)
    assert tab.act_undo.text().endswith("META 12MF 순이익 추정: 84.6 → 100.0")
    tab.view.setFocus()
    QTest.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not tab.ops.busy)
    with Cache.open(db_path) as c:  # on disk: the note's estimate and the PER it gives
        assert c.watchlist.company("META")["per_12mf"] == pytest.approx(before)
        earn = c.watchlist.values("META").set_index("field").loc["earnings_12mf_usd_bn"]
        assert earn["source"] == "note" and earn["value"] == pytest.approx(note_estimate, abs=0.05)
    assert tab.detail.values.row("earnings_12mf_usd_bn")[3] == "노트"
    tab.act_redo.trigger()
    qtbot.waitUntil(lambda: not tab.ops.busy)
    assert ctx.cache.watchlist.company("META")["per_12mf"] == pytest.approx(17.61)


def test_meta_scenario_shows_the_filed_share_beside_the_note(qtbot, ctx) -> None:
    write_capex(ctx.cache)
    page = ScenariosTab(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    assert page.state.model.id == "meta_compute_sale"
    assert page.state.params["actual_meta_ttm_share"] == pytest.approx(0.171)
    assert page.state.params["meta_capex_share"] == 0.17
    assert page.cards.text_of("actual_ttm_share") == "17.1%"
    assert page.cards.text_of("added_supply_share") == "3.4%"
    page.reset()
    assert page.state.params["actual_meta_ttm_share"] == pytest.approx(0.171)
