"""The main window's four tabs by name, each built on first use (its module graph costs
40–180 ms, so only the tab she left open is built before the first paint)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..common.app_context import AppContext
from ..common.base_tab import CacheTab
from ..monitors.alert_watcher import AlertWatcher

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["TAB_NAMES", "TAB_OF_KIND", "TAB_TITLES", "Pages", "make_page"]

TAB_NAMES = ["watchlist", "charts", "monitors", "scenarios"]
TAB_TITLES = {"watchlist": QT_TRANSLATE_NOOP("MainWindow", "Watchlist"),
              "charts": QT_TRANSLATE_NOOP("MainWindow", "Charts"),
              "monitors": QT_TRANSLATE_NOOP("MainWindow", "Monitors"),
              "scenarios": QT_TRANSLATE_NOOP("MainWindow", "Scenarios")}
# which tab opens a palette entry of each kind (its ``open_item`` gets the entry's key)
TAB_OF_KIND = {"ticker": "watchlist", "chart": "charts", "series": "charts",
               "monitor": "monitors", "scenario": "scenarios"}


def make_page(name: str, ctx: AppContext, watcher: AlertWatcher) -> CacheTab:
    """Import and build one tab (each tab's module graph costs 40–180 ms, so only on demand)."""
    if name == "watchlist":
        from ..watchlist.tab import WatchlistTab
        return WatchlistTab(ctx)
    if name == "charts":
        from ..charts.tab import ChartsTab
        return ChartsTab(ctx)
    if name == "monitors":
        from ..monitors.tab import MonitorsTab
        return MonitorsTab(ctx, watcher=watcher)
    if name == "scenarios":
        from ..scenarios.tab import ScenariosTab
        return ScenariosTab(ctx)
    raise KeyError(name)


class Pages(Mapping[str, CacheTab]):
    """The four tabs by name; asking for one that was not built yet builds it (and its tab)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.built: dict[str, CacheTab] = {}

    def __getitem__(self, name: str) -> CacheTab:
        if name not in TAB_NAMES:
            raise KeyError(name)
        page = self.built.get(name)
        return page if page is not None else self._window._build_page(name)

    def __iter__(self) -> Iterator[str]:
        return iter(TAB_NAMES)

    def __len__(self) -> int:
        return len(TAB_NAMES)
