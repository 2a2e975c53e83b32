"""File → 가격 가져오기 and a price file dropped on the window: the CLI's import-prices service;
with a history covering the note's date, market cap and PER move with the price at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from qnai_desktop.app import build_window
from qnai_desktop.core.watchlist import VIEW_COLUMNS

NOTE_CAP, NOTE_PER = 4736.0, 19.0  # NVDA in the note, as of 2026-07-06


@pytest.fixture
def window(qtbot, db_path: Path):
    w = build_window(db_path, lang="ko")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.ctx.stop()


def cell(tab, ticker: str, column: str) -> str:
    row = next(r for r in range(tab.proxy.rowCount())
               if tab.proxy.index(r, VIEW_COLUMNS.index("ticker")).data() == ticker)
    return tab.proxy.index(row, VIEW_COLUMNS.index(column)).data()


def drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def test_import_prices_from_the_file_menu_moves_cap_and_per_with_the_price(
        window, qtbot, tmp_path: Path, monkeypatch) -> None:
    px = tmp_path / "closes.csv"
    px.write_text("Date,NVDA,ORCL\n2026-07-02,160,200\n2026-07-03,170,210\n2026-11-20,187,168\n",
                  encoding="utf-8")
    assert "가격 가져오기…" in [a.text() for a in window.file_menu.actions()]
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(px), ""))
    tab = window.show_tab("watchlist")
    assert cell(tab, "NVDA", "market_cap_usd_bn") == "4,736"
    with qtbot.waitSignal(window.ctx.sig_cache_changed, timeout=10_000):
        window.sources_ui.act_import_prices.trigger()
    qtbot.waitUntil(lambda: cell(tab, "NVDA", "market_cap_usd_bn") != "4,736", timeout=10_000)
    moved = NOTE_CAP * 187 / 170
    assert cell(tab, "NVDA", "market_cap_usd_bn") == f"{moved:,.0f}"
    assert cell(tab, "NVDA", "per_12mf") == f"{NOTE_PER * 187 / 170:.1f}"
    assert "closes.csv" in window.statusBar().currentMessage()
    tab.select("NVDA")
    cap = tab.detail.values.row("market_cap_usd_bn")
    assert cap[2].startswith("2026-11-20")
    assert cap[3] == "노트 시가총액 × 노트 기준일 이후 주가 변화 (주식 수 아직 없음)"
    assert "÷ close 170.00 on 2026-07-03" in tab.detail.values.source_tip("market_cap_usd_bn")
    assert tab.detail.values.row("close_at_note_usd")[1:3] == ["170.00", "2026-07-03"]


def test_a_price_file_dropped_on_the_window_updates_prices_not_the_import_dialog(
        window, qtbot, tmp_path: Path) -> None:
    px = tmp_path / "px_last.csv"
    px.write_text("Date,NVDA US Equity PX_LAST\n2026-07-06,175\n2026-11-21,192.5\n", encoding="utf-8")
    tab = window.show_tab("watchlist")
    window.import_dialog = None
    with qtbot.waitSignal(window.ctx.sig_cache_changed, timeout=10_000):
        drop(window, px)
    qtbot.waitUntil(lambda: cell(tab, "NVDA", "market_cap_usd_bn") != "4,736", timeout=10_000)
    assert cell(tab, "NVDA", "market_cap_usd_bn") == f"{NOTE_CAP * 192.5 / 175:,.0f}"
    assert window.import_dialog is None


def test_a_broken_price_file_says_so_naming_it_and_changes_nothing(
        window, qtbot, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "prices.xlsx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(bad), ""))
    before = window.ctx.cache.watchlist.companies().to_json()
    window.sources_ui.act_import_prices.trigger()
    prices = window.sources_ui.prices
    qtbot.waitUntil(lambda: prices.dialog is not None, timeout=10_000)
    assert prices.dialog.summary.text() == \
        "prices.xlsx을(를) 가격 파일로 읽을 수 없습니다. 아무것도 가져오지 않았습니다."
    assert "prices.xlsx" in prices.dialog.details.toPlainText()
    assert window.ctx.cache.watchlist.companies().to_json() == before
