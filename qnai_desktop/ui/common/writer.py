"""The window's one writer: a thread with its own Cache on which every write runs, in order.

An sqlite3 connection belongs to the thread that opened it, and one writer means one queue
instead of several connections fighting over SQLite's write lock (Anki runs collection work on
one single-thread executor, ``aqt/taskman.py``, for the same reasons). ``submit(fn, *args)``
queues ``fn(cache, *args)`` and returns a ``concurrent.futures.Future``; the Cache is opened on
the writer thread at its first job and closed there when the writer shuts down. No Qt here: the
operations runner (``operations.py``) turns a finished Future into a signal on the GUI thread.

Because this connection makes every write of the window, its ``PRAGMA data_version`` changes only
when another connection (another process) commits: :func:`data_version` read here is how the
window tells other programs' writes from its own.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from ...store import health
from ...store.cache import Cache
from ...store.errors import StoreError

log = logging.getLogger(__name__)


class WriterClosedError(StoreError):
    """A write offered after the window began closing; nothing was written."""


def data_version(cache: Cache) -> int:
    """A writer job: the writer connection's change counter (moves only for other connections)."""
    return cache.data_version()


class Writer:
    """One thread, one connection, one queue of jobs ``fn(cache, *args, **kwargs)``."""

    def __init__(self, path: Path | str | None) -> None:
        self.path = path
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closing = False
        self._cancel_pending = False
        self._cache: Cache | None = None  # touched on the writer thread only

    @property
    def closing(self) -> bool:
        return self._closing

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        """Queue ``fn(cache, *args, **kwargs)``; a closed writer gives a failed Future."""
        future: Future = Future()
        with self._lock:
            if self._closing:
                future.set_exception(WriterClosedError(
                    "the window is closing; this change was not written"))
                return future
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="qnai-writer", daemon=True)
                self._thread.start()
            self._jobs.put((future, fn, args, kwargs))
        return future

    def is_writer_thread(self) -> bool:
        return self._thread is not None and threading.current_thread() is self._thread

    def shutdown(self, timeout_s: float = 10.0, *, cancel_pending: bool = False) -> bool:
        """Stop taking jobs, let the queued ones run (or cancel those not started), close the
        connection on its thread. True when the thread ended within ``timeout_s``."""
        with self._lock:
            if not self._closing:
                self._closing = True
                self._jobs.put(None)
            self._cancel_pending = self._cancel_pending or cancel_pending
            thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(max(0.0, timeout_s))
        if thread.is_alive():
            log.warning("the cache writer is still busy after %.1f s; leaving it", timeout_s)
            return False
        return True

    # -- the writer thread ---------------------------------------------------------------
    def _loop(self) -> None:
        try:
            while True:
                item = self._jobs.get()
                if item is None:
                    break
                future, fn, args, kwargs = item
                if self._cancel_pending:
                    future.cancel()
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    result = fn(self._open(), *args, **kwargs)
                except BaseException as exc:  # handed to whoever waits; the writer goes on
                    if isinstance(exc, sqlite3.Error):  # a sentence (damage heard by the window)
                        exc = health.classify(exc, self.path)
                    future.set_exception(exc)
                else:
                    future.set_result(result)
                del item, future, fn, args, kwargs  # results are not kept alive by this frame
        finally:
            self._close()

    def _open(self) -> Cache:
        if self._cache is None:
            self._cache = Cache.open(self.path)
        return self._cache

    def _close(self) -> None:
        if self._cache is not None:
            try:
                self._cache.close()
            finally:
                self._cache = None
