"""Where the main window opens and what it remembers: the first time, most of the screen's free
area, centred; later starts restore the saved geometry, dock state and tab (``main/*``
settings). After it is shown, the window's size is hers alone: the main window's layout does
not grow it when a tab or dock with a larger minimum appears (``SetNoConstraint``; the window
keeps a fixed, modest minimum instead).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QMainWindow, QTabWidget

from ..common.settings import make_settings

SHARE = 0.9  # of the available width and height
MINIMUM = (640, 480)


def first_run_geometry(available: QRect) -> QRect:
    """A rectangle of ``SHARE`` of ``available`` (the screen minus task bars), centred in it."""
    width = max(min(MINIMUM[0], available.width()), round(available.width() * SHARE))
    height = max(min(MINIMUM[1], available.height()), round(available.height() * SHARE))
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height) // 2
    return QRect(left, top, width, height)


def restore_window(window: QMainWindow, tabs: QTabWidget, names: list[str]) -> None:
    """Geometry, dock state and the tab she left open (selected without building others)."""
    s = make_settings()
    geometry = s.value("main/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:  # first run: most of the screen, centred
        window.setGeometry(first_run_geometry(window.screen().availableGeometry()))
    state = s.value("main/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    tab = s.value("main/tab", "watchlist")
    if tab in names:
        blocked = tabs.blockSignals(True)  # build only that tab, once, after this
        tabs.setCurrentIndex(names.index(tab))
        tabs.blockSignals(blocked)


def save_window(window: QMainWindow, tab: str, lang: str) -> None:
    s = make_settings()
    s.setValue("main/geometry", window.saveGeometry())
    s.setValue("main/state", window.saveState())
    s.setValue("main/tab", tab)
    s.setValue("main/lang", lang)
    s.sync()
