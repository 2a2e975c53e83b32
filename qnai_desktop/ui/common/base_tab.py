"""A tab that redraws from the cache when a change it cares about lands, only while visible."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ...core.changes import ChangeSet
from .app_context import EXTERNAL, AppContext


class CacheTab(QWidget):
    """Subclasses set ``tables`` and implement :meth:`refresh`."""

    tables: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = True
        ctx.sig_cache_changed.connect(self._on_cache_changed)
        ctx.sig_language_changed.connect(self._on_language_changed)

    def _on_cache_changed(self, change: ChangeSet) -> None:
        if EXTERNAL in change.tables or change.tables & self.tables:
            self._dirty = True
            if self.isVisible():
                self.refresh_if_dirty()

    def _on_language_changed(self, _lang: str) -> None:
        self._dirty = True
        self.retranslate()
        if self.isVisible():
            self.refresh_if_dirty()

    def refresh_if_dirty(self) -> None:
        if self._dirty:
            self._dirty = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_dirty()

    def refresh(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def retranslate(self) -> None:
        """Update static labels for ``self.ctx.lang``; data labels update in refresh()."""
