"""Journey 2 — Keeping the coverage table true.

    Watchlist opens on the 8 names. Prices moved, so market caps and PERs are recomputed from the
    latest close and her own earnings estimates; she edits Meta's estimate, the PER updates,
    Ctrl+Z undoes a slip. Before publishing she runs the report check: it flags that CoreWeave's
    thesis is a copy of Oracle's and that the text says Meta 17x while the table says 18x.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from waiting import wait_until

from qnai_desktop.core.watchlist import VIEW_COLUMNS
from qnai_desktop.store.cache import Cache

NOTE_ORDER = ["NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META", "ORCL", "CRWV"]
SHARES = {"NVDA": (24.3e9, "2025-10-26"), "ORCL": (2.85e9, "2025-11-30")}  # as SEC EDGAR filed


def shown(tab, ticker: str, col: str) -> str:
    return tab.proxy.index(tab.model.row_of(ticker), VIEW_COLUMNS.index(col)).data()


def test_keeping_the_coverage_table_true(qtbot, open_window, db_path, tmp_path) -> None:
    with Cache.open(db_path) as cache:  # yesterday's refresh stored the filed share counts
        cache.watchlist.set_values([
            {"ticker": t, "field": "shares_outstanding", "value": n, "as_of": d,
             "source": "SEC EDGAR dei:EntityCommonStockSharesOutstanding"}
            for t, (n, d) in SHARES.items()], how="fetch")

    # Watchlist opens on the 8 names, in the note's order.
    window = open_window()
    tab = window.current_page()
    assert [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())] == NOTE_ORDER
    assert shown(tab, "META", "per_12mf") == "18" and shown(tab, "NVDA", "market_cap_usd_bn") == "4,736"

    # Prices moved: she drops her closing-price export on the window (the same service as File →
    # Import prices and `qnai-desktop fundamentals import-prices`); it recomputes from close ×
    # filed shares, and no import dialog opens for a price file.
    prices = tmp_path / "closes.csv"
    prices.write_text("Date,NVDA US Equity,ORCL US Equity\n2026-12-03,176.5,196.1\n"
                      "2026-12-04,180.0,200.0\n", encoding="utf-8")
    window.import_dialog = None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(prices))])
    with qtbot.waitSignal(window.ctx.sig_cache_changed, timeout=10_000):
        window.dropEvent(QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert window.import_dialog is None
    wait_until(lambda: shown(tab, "NVDA", "market_cap_usd_bn") == "4,374")  # 180 × 24.3 bn
    assert shown(tab, "ORCL", "market_cap_usd_bn") == "570"
    assert shown(tab, "NVDA", "per_12mf") == "17.6"  # 4,374 ÷ the note's estimate (4,736 ÷ 19)
    assert shown(tab, "META", "per_12mf") == "18"  # no filed share count yet: as in the note

    # She edits Meta's estimate in the detail pane; the PER updates.
    tab.select("META")
    values = tab.detail.values
    assert values.earnings.value() == 84.6  # the note's: 1,523 ÷ 18
    values.earnings.setFocus()
    values.earnings.selectAll()
    QTest.keyClicks(values.earnings, "110")
    qtbot.mouseClick(values.save, Qt.MouseButton.LeftButton)
    wait_until(lambda: shown(tab, "META", "per_12mf") == "13.8")  # 1,523 ÷ 110
    with Cache.open(db_path) as disk:
        assert disk.watchlist.company("META")["per_12mf"] == 13.85

    # Ctrl+Z undoes the slip: the note's estimate and PER are back, on screen and on disk.
    tab.view.setFocus()
    QTest.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: shown(tab, "META", "per_12mf") == "18")
    with Cache.open(db_path) as disk:
        assert disk.watchlist.company("META")["per_12mf"] == 18.0

    # Before publishing she runs the report check.
    tab.bottom.setCurrentWidget(tab.check)
    findings = [tuple(tab.check.list.topLevelItem(i).text(c) for c in range(4))
                for i in range(tab.check.list.topLevelItemCount())]
    errors = [f for f in findings if f[0] == "오류"]
    assert [f[1:] for f in errors] == [
        ("메타 플랫폼스 (META)", "12MF PER",
         "표의 12MF PER 18, 본문은 17 — "
         "“Meta의 12MFWD PER는 17배로 S&P 22배, 빅테크 평균 25배 수준 대비 강한 할인”"),
        ("코어위브 (CRWV)", "투자 포인트", "투자 포인트: 오라클(ORCL) 문구를 글자 그대로 반복"),
        ("코어위브 (CRWV)", "주목할 점", "주목할 점: 오라클(ORCL) 문구를 글자 그대로 반복")]
    assert tab.bottom.tabText(1) == f"보고서 점검 ({len(findings)})"
