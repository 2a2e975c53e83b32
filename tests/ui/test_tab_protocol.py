"""The tab protocol: the main window, the palette and an alert's "open chart" reach every tab
through ``CacheTab.open_item`` and ``sig_badge_changed`` only — no probing for methods."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from qnai_desktop.app import build_window
from qnai_desktop.core.palette import PaletteEntry
from qnai_desktop.ui.common.base_tab import CacheTab
from qnai_desktop.ui.shell import main_window
from qnai_desktop.ui.shell.main_window import TAB_NAMES


@pytest.fixture
def window(qtbot, db_path: Path):
    w = build_window(db_path, lang="en")
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    yield w
    w.close()
    w.ctx.cache.close()


def test_every_tab_is_a_cache_tab_that_opens_items_and_may_badge(window) -> None:
    for name in TAB_NAMES:
        page = window.pages[name]
        assert isinstance(page, CacheTab)
        assert page.open_item("no such thing") is False
    charts = window.pages["charts"]
    charts.sig_badge_changed.emit(3)  # any tab may show a count on its title
    assert window.tabs.tabText(TAB_NAMES.index("charts")) == "Charts (3)"
    charts.sig_badge_changed.emit(0)
    assert window.tabs.tabText(TAB_NAMES.index("charts")) == "Charts"


def test_palette_and_alert_jumps_open_the_item_in_its_tab(window, qtbot) -> None:
    window.go_to(PaletteEntry("series", "cds.oracle_5y", "Oracle 5Y CDS"))
    assert window.current_page() is window.pages["charts"]
    assert "cds.oracle_5y" in window.pages["charts"].canvas.items
    window.show_tab("watchlist")
    window.ctx.sig_open_chart_requested.emit("gpu_rent_b200_h100")  # an alert's "open chart"
    assert window.current_page() is window.pages["charts"]
    assert window.pages["charts"].current_chart_id() == "gpu_rent_b200_h100"
    window.go_to(PaletteEntry("ticker", "ORCL", "ORCL Oracle"))
    assert window.pages["watchlist"].current_ticker() == "ORCL"


def test_the_main_window_does_not_probe_tabs_for_methods() -> None:
    tree = ast.parse(Path(main_window.__file__).read_text(encoding="utf-8"))
    probes = [node.args[0].id for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "hasattr") and isinstance(node.args[0], ast.Name)
              and node.args[0].id in ("page", "tab", "charts")]
    assert probes == []
