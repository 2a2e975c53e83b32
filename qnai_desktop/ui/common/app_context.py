"""The app-wide model the tabs share: the open cache and one change signal.

Own writes call :meth:`notify` with the ChangeSet they got back; writes by other processes are
noticed through ``PRAGMA data_version`` (a cheap counter, not a data query) on a timer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.changes import ChangeSet
from ...store.cache import Cache

EXTERNAL = "*"  # table name used when another process changed the file: everything may differ


class AppContext(QObject):
    """Shared state; tabs listen to ``sig_cache_changed`` and redraw only if visible."""

    sig_cache_changed = Signal(object)  # ChangeSet
    sig_open_chart_requested = Signal(str)  # chart id or series id
    sig_status_message = Signal(str)

    def __init__(self, cache: Cache, poll_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.stopped = False  # the window closed: background work (polling, alerts) ends
        self._data_version = cache.data_version()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check_external_change)
        self._timer.start()

    def notify(self, change: ChangeSet) -> None:
        """Announce an own write (call after the transaction committed)."""
        self._data_version = self.cache.data_version()
        self.sig_cache_changed.emit(change)

    def check_external_change(self) -> bool:
        """Emit a change if another connection committed since we last looked."""
        version = self.cache.data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self.sig_cache_changed.emit(ChangeSet(tables={EXTERNAL}))
        return True

    def stop(self) -> None:
        self.stopped = True
        self._timer.stop()
