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


# -- a first window that fits ------------------------------------------------------------------
def _visible_names(window) -> list[str]:
    tab = window.pages["watchlist"]
    rect = tab.view.viewport().rect()
    return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())
            if rect.contains(tab.view.visualRect(tab.proxy.index(r, 0)))]


def test_first_run_takes_most_of_the_screen_centred(qtbot, db_path: Path) -> None:
    from qnai_desktop.ui.shell.window_geometry import first_run_geometry

    w = build_window(db_path, lang="ko")
    qtbot.addWidget(w)
    available = w.screen().availableGeometry()
    assert w.geometry() == first_run_geometry(available)
    assert w.width() >= 0.85 * available.width() and w.height() >= 0.85 * available.height()
    assert w.geometry().center() == available.center() or \
        (w.geometry().center() - available.center()).manhattanLength() <= 1
    w.ctx.stop()


def test_first_run_geometry_on_a_full_hd_screen() -> None:
    from PySide6.QtCore import QRect

    from qnai_desktop.ui.shell.window_geometry import first_run_geometry

    got = first_run_geometry(QRect(0, 0, 1920, 1040))  # 1920×1080 less a 40 px task bar
    assert (got.width(), got.height()) == (1728, 936) and (got.left(), got.top()) == (96, 52)
    small = first_run_geometry(QRect(0, 0, 600, 400))
    assert small.size().toTuple() == (600, 400)  # never larger than the screen


def test_no_tab_or_dock_resizes_the_window_once_shown(window, qtbot) -> None:
    window.resize(1280, 800)
    qtbot.wait(20)
    assert _visible_names(window) == ["NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META", "ORCL", "CRWV"]
    for name in TAB_NAMES:
        window.show_tab(name)
        qtbot.wait(10)
        assert window.size().toTuple() == (1280, 800), name
    window.refresh_dock.show()
    qtbot.wait(10)
    assert window.size().toTuple() == (1280, 800)


def test_palette_takes_the_keys_and_the_jump_shows_the_row(window, qtbot) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.resize(1280, 560)  # a short window: CoreWeave starts below the table's edge
    window.show_tab("charts")
    qtbot.wait(20)
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.palette.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.palette.query, timeout=2000)
    QTest.keyClicks(QApplication.focusWidget(), "CRWV")  # typed straight away, no click
    QTest.keyClick(window.palette.query, Qt.Key.Key_Return)
    tab = window.current_page()
    assert window.tabs.currentIndex() == TAB_NAMES.index("watchlist")
    qtbot.wait(20)
    row = tab.view.currentIndex().row()
    assert tab.proxy.index(row, 0).data() == "CRWV"
    assert tab.view.selectionModel().isRowSelected(row)
    assert "CRWV" in _visible_names(window)
