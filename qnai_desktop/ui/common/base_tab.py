"""The tab protocol: a page of the main window that redraws from the cache when a change it cares
about lands (only while visible), opens an item by key and may show a count on its title; a
language switch (Qt's LanguageChange) retranslates its labels and redraws its content.

The main window, the command palette and an alert's "open chart" talk to every tab through this
base only — ``open_item(key)`` and ``sig_badge_changed`` — never by probing for methods."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ...core.changes import ChangeSet
from .app_context import EXTERNAL, AppContext


class CacheTab(QWidget):
    """Subclasses set ``tables`` and implement :meth:`refresh`; they may override
    :meth:`open_item` and emit ``sig_badge_changed``."""

    tables: frozenset[str] = frozenset()
    sig_badge_changed = Signal(int)  # a count for the tab's title (0: none); the default never emits

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = True
        ctx.sig_cache_changed.connect(self._on_cache_changed)

    def _on_cache_changed(self, change: ChangeSet) -> None:
        if EXTERNAL in change.tables or change.tables & self.tables:
            self._dirty = True
            if self.isVisible():
                self.refresh_if_dirty()

    def changeEvent(self, event: QEvent) -> None:
        # not once the window closed: its cache may be closed too (see MainWindow.changeEvent)
        if event.type() == QEvent.Type.LanguageChange and not self.ctx.stopped:
            self._dirty = True  # titles, thesis lines, unit words: content in the new language
            self.retranslate()
            if self.isVisible():
                self.refresh_if_dirty()
        super().changeEvent(event)

    def refresh_if_dirty(self) -> None:
        if self._dirty:
            self._dirty = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_dirty()

    def refresh(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def open_item(self, key: str) -> bool:
        """Show the item ``key`` names (a ticker, a chart or series id, a monitored series, a
        scenario model); False when this tab has no such item."""
        return False

    def retranslate(self) -> None:
        """Set the tab's own labels again (``self.tr``); content is redrawn by refresh()."""
