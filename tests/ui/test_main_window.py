"""The main window opens each tab on a seeded cache and shows the note's data, in Korean."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qnai_desktop.app import build_window
from qnai_desktop.ui.common.settings import make_settings
from qnai_desktop.ui.shell.main_window import TAB_NAMES


@pytest.fixture
def window(qtbot, db_path: Path):
    w = build_window(db_path, lang="ko")
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    yield w
    w.ctx.stop()


def _texts(model, col: int) -> list[str]:
    return [model.data(model.index(r, col), Qt.ItemDataRole.DisplayRole)
            for r in range(model.rowCount())]


def test_four_tabs_in_korean(window) -> None:
    assert [window.tabs.tabText(i) for i in range(4)] == ["워치리스트", "차트", "모니터", "시나리오"]


def test_watchlist_shows_the_note_table(window) -> None:
    page = window.show_tab("watchlist")
    model = page.model
    assert _texts(model, 0)[:3] == ["NVDA", "GOOGL", "AAPL"]
    assert "메타 플랫폼스" in _texts(model, 1)
    assert _texts(model, 2)[0] == "4,736"
    assert _texts(model, 3)[-1] == "-"  # CoreWeave PER n/a


def test_each_tab_shows_cache_data(window, qtbot) -> None:
    charts = window.show_tab("charts")
    qtbot.waitUntil(lambda: charts.list.count() > 50)
    assert charts.plot.getPlotItem().listDataItems()
    monitors = window.show_tab("monitors")
    assert monitors.model.rowCount() >= 5
    scenarios = window.show_tab("scenarios")
    assert scenarios.model.rowCount() > 0


def test_status_bar_names_cache_and_newest_date(window, db_path: Path) -> None:
    assert str(db_path) in window.cache_label.text()
    assert "2026-" in window.newest_label.text()


def test_language_switch_retitles_tabs(window, qtbot) -> None:
    window.lang_actions["en"].trigger()  # Qt posts LanguageChange to every widget
    qtbot.waitUntil(lambda: [window.tabs.tabText(i) for i in range(4)] == [
        "Watchlist", "Charts", "Monitors", "Scenarios"])
    page = window.show_tab("watchlist")
    assert "Meta Platforms" in _texts(page.model, 1)
    assert make_settings().value("main/lang") == "en"  # remembered for the next start


def test_tab_shortcuts_and_remembered_state(window, qtbot, db_path: Path) -> None:
    window.tab_actions[2].trigger()
    assert window.tabs.currentIndex() == 2
    window.resize(700, 500)  # offscreen screen is 800×600; stay inside it
    size = window.size()  # after Qt applied the tabs' minimum sizes
    window.close()
    again = build_window(db_path)
    qtbot.addWidget(again)
    assert TAB_NAMES[again.tabs.currentIndex()] == "monitors"
    assert again.size() == size
    again.ctx.stop()


def test_renders_korean_glyphs_offscreen(window, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(2):
        QApplication.processEvents()
    img = window.grab().toImage()
    assert img.width() >= 1000
    from qnai_desktop.ui.common.fonts import korean_family

    assert korean_family() is not None
