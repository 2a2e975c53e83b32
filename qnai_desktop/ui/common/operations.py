"""The one way the window writes: an operation, run on the writer thread, announced once.

In the spirit of Anki's ``CollectionOp`` (``qt/aqt/operations``)::

    run_op(ctx, self, cases_svc.save_case, model_id, name, params) \\
        .on_success(lambda change: ...).on_failure(lambda exc: ...).run()

* the write is a plain function ``fn(cache, *args, **kwargs)`` from ``services/`` returning a
  ChangeSet, or a result carrying one as ``.change`` (ImportResult, AlertRun, Publication …);
* it runs on ``ctx.writer`` — one thread with its own connection (``writer.py``), so the event
  loop never waits for SQLite, for another program's write lock or for a long import;
* back on the GUI thread, the ChangeSet is announced ONCE on ``ctx.sig_cache_changed`` with
  ``change.initiator`` set to the object that started it (a view that initiated may skip its
  redraw), then the success callbacks run;
* a failure runs the failure callbacks, then is reported: damage goes to
  ``store.health.mark_damaged`` (the window's CacheGuard offers the restore), a ``StoreError``
  shows its sentence in the error dialog, anything else the "unexpected" sentence with the
  traceback under "details". Errors the initiator shows itself (a bad case name, a rule that does
  not parse) are declared with ``expecting(ScenarioError, …)`` and get no dialog.

Operations queue in order; ``run()`` never blocks. Reads that take long (file previews, pack
planning) use ``tasks.Task`` on the pool instead: they need no order and no writer.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ...core.changes import ChangeSet
from ...store import health
from ...store.errors import CorruptCacheError, StoreError
from .app_context import AppContext
from .error_dialog import ErrorDialog

log = logging.getLogger(__name__)
_RUNNING: set[CacheOp] = set()


def change_of(result: Any) -> ChangeSet | None:
    """The ChangeSet an operation's result carries (itself, or its ``.change``)."""
    if isinstance(result, ChangeSet):
        return result
    change = getattr(result, "change", None)
    return change if isinstance(change, ChangeSet) else None


def running_ops() -> int:
    """Operations started and not yet finished on the GUI thread (tests, benchmarks)."""
    return len(_RUNNING)


class CacheOp(QObject):
    """One write on the writer thread; build it, add callbacks, then :meth:`run`."""

    _sig_future_done = Signal(object)  # emitted on the writer thread, handled on the GUI thread

    def __init__(self, ctx: AppContext, initiator: QObject | None, fn: Callable[..., Any],
                 *args: Any, **kwargs: Any) -> None:
        super().__init__()  # no Qt parent: kept alive in _RUNNING until it finished
        self.ctx, self.initiator = ctx, initiator
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.name = getattr(fn, "__name__", "operation")
        self._success: list[Callable[[Any], None]] = []
        self._failure: list[Callable[[BaseException], None]] = []
        self._expected: tuple[type[BaseException], ...] = ()
        self.future: Future | None = None
        self.error_dialog: ErrorDialog | None = None
        self._sig_future_done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def on_success(self, callback: Callable[[Any], None]) -> CacheOp:
        """``callback(result)`` after the change was announced."""
        self._success.append(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> CacheOp:
        """``callback(exc)`` when the write failed (nothing was written)."""
        self._failure.append(callback)
        return self

    def expecting(self, *types: type[BaseException]) -> CacheOp:
        """Errors of these types are shown by the initiator (a failure callback): no dialog."""
        self._expected += types
        return self

    def run(self) -> CacheOp:
        _RUNNING.add(self)
        self.future = self.ctx.writer.submit(self.fn, *self.args, **self.kwargs)
        self.future.add_done_callback(self._sig_future_done.emit)
        return self

    # -- back on the GUI thread -------------------------------------------------------------
    def _alive(self) -> bool:
        return self.initiator is None or not isinstance(self.initiator, QObject) \
            or shiboken6.isValid(self.initiator)

    def _finish(self, future: Future) -> None:
        _RUNNING.discard(self)
        if future.cancelled():
            log.info("operation %s cancelled before it started (the window closed)", self.name)
            return
        exc = future.exception()
        if exc is None:
            result = future.result()
            change = change_of(result)
            if change is not None and (change.tables or not change.is_empty) \
                    and not self.ctx.stopped:
                self.ctx.notify(change, initiator=self.initiator)
            for callback in self._success:
                if self._alive():
                    callback(result)
            return
        expected = isinstance(exc, self._expected)
        (log.info if expected else log.warning)("operation %s failed: %s", self.name, exc)
        for callback in self._failure:
            if self._alive():
                callback(exc)
        self._report(exc)

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, CorruptCacheError) or health.is_damage(exc):
            health.mark_damaged(self.ctx.cache.path or "", str(exc))  # CacheGuard offers restore
            return
        if isinstance(exc, self._expected) or self.ctx.stopped:
            return
        if isinstance(exc, StoreError):
            summary, details = str(exc), ""
        else:
            summary = QCoreApplication.translate(
                "ErrorDialog", "Something unexpected went wrong. Your cached data is safe.")
            details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.error_dialog = show_error_later(summary, details, self._window())

    def _window(self) -> QWidget | None:
        if isinstance(self.initiator, QWidget) and shiboken6.isValid(self.initiator):
            return self.initiator.window()
        return QApplication.activeWindow()


def show_error_later(summary: str, details: str, parent: QWidget | None) -> ErrorDialog:
    """The error dialog, window-modal and not blocking (the operation already finished)."""
    log.error("%s\n%s", summary, details)
    dialog = ErrorDialog(summary, details, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def run_op(ctx: AppContext, initiator: QObject | None, fn: Callable[..., Any], *args: Any,
           **kwargs: Any) -> CacheOp:
    """``CacheOp(ctx, initiator, fn, *args, **kwargs)``: add callbacks, then ``.run()``."""
    return CacheOp(ctx, initiator, fn, *args, **kwargs)


def stop_background_work(ctx: AppContext, timeout_s: float = 10.0) -> bool:
    """Quit: cancel every task and wait for the pool (a task may still hand the writer a job),
    then let queued writes land and close the writer's connection — all within ``timeout_s``.
    True when everything ended in time. The window's own connection is the caller's to close."""
    from . import tasks

    deadline = time.monotonic() + timeout_s
    tasks_done = tasks.shutdown(int(timeout_s * 1000))
    writer_done = ctx.stop(max(0.5, deadline - time.monotonic()))
    return tasks_done and writer_done
