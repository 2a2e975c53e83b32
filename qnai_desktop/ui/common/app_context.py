"""The app-wide model the tabs share: the open cache, the writer and one change signal.

The window reads through ``cache`` (its own connection, on the GUI thread) and writes only through
``writer`` (one thread with its own connection; ``operations.run_op``), whose result is announced
once with :meth:`notify`. Writes by other processes are noticed through the WRITER connection's
``PRAGMA data_version`` (a cheap counter, not a data query) on a timer: that connection makes every
write of the window, so its counter moves only when another program commits — the window's own
writes are never re-announced as external, however the timer and the operations interleave.
"""

from __future__ import annotations

import itertools
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ...core.changes import ChangeSet
from ...store.cache import Cache
from ...store.db import busy_timeout_s
from .writer import Writer, data_version

EXTERNAL = "*"  # table name used when another process changed the file: everything may differ


class AppContext(QObject):
    """Shared state; tabs listen to ``sig_cache_changed`` and redraw only if visible."""

    sig_cache_changed = Signal(object)  # ChangeSet (its ``initiator`` names who asked for it)
    sig_open_chart_requested = Signal(str)  # chart id or series id
    sig_open_alert_requested = Signal(str, object)  # chart id, services.alerts.AlertWindow
    sig_status_message = Signal(str)
    _sig_version_read = Signal(int, object)  # (look number, Future) from the writer thread

    def __init__(self, cache: Cache, poll_ms: int = 500, parent: QObject | None = None,
                 writer: Writer | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.stopped = False  # the window closed: background work (polling, alerts) ends
        self.writer = writer if writer is not None else Writer(cache.path)
        self._looks = itertools.count(1)
        self._last_look = 0  # the newest look whose counter was applied
        self._seen: int | None = None  # the writer connection's counter at that look
        self._polling = False
        self._baseline: tuple[int, Future] | None = None
        self._sig_version_read.connect(self._on_version_read, Qt.ConnectionType.QueuedConnection)
        self._read_version()  # the baseline; the writer opens its connection now, on its thread
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def notify(self, change: ChangeSet, initiator: object | None = None) -> None:
        """Announce a write of this window (once, after it committed)."""
        if initiator is not None:
            change.initiator = initiator
        self.sig_cache_changed.emit(change)

    # -- other programs' writes -------------------------------------------------------------
    def _read_version(self) -> None:
        look = next(self._looks)
        self._polling = True
        future = self.writer.submit(data_version)
        if self._baseline is None:
            self._baseline = (look, future)
        future.add_done_callback(lambda f, look=look: self._sig_version_read.emit(look, f))

    def _poll(self) -> None:
        if not self._polling and not self.stopped:
            self._read_version()

    def _on_version_read(self, look: int, future: Future) -> None:
        self._polling = False
        if future.cancelled() or future.exception() is not None:
            return  # the writer is closing, or cannot open the file (its writes will say why)
        self._apply(look, future.result())

    def _apply(self, look: int, version: int) -> bool:
        if look < self._last_look or self.stopped:
            return False  # an older look arriving after a newer one
        self._last_look = look
        if self._seen is None or version == self._seen:
            self._seen = version
            return False
        self._seen = version
        self.sig_cache_changed.emit(ChangeSet(tables={EXTERNAL}))
        return True

    def check_external_change(self) -> bool:
        """Look now (waiting for the writer) and emit a change if another program committed."""
        wait = busy_timeout_s() + 5
        if self._seen is None and self._baseline is not None:  # its answer may still be queued
            self._apply(self._baseline[0], self._baseline[1].result(wait))
        look = next(self._looks)
        return self._apply(look, self.writer.submit(data_version).result(wait))

    def stop(self, timeout_s: float = 10.0) -> bool:
        """The window is closing: no more polling; queued writes land (bounded), then the
        writer's connection closes on its thread. True when the writer ended in time."""
        self.stopped = True
        self._timer.stop()
        return self.writer.shutdown(timeout_s)
