"""Run a plain callable off the GUI thread, with progress and cancel; results come back by signal.

``Task(fn, db_path=…)`` runs ``fn(work)`` on a small thread pool, where ``work.cache`` is a Cache
the worker opened itself (an sqlite3 connection belongs to its thread — Anki's taskman rule),
``work.progress(obj)`` reports progress and ``work.cancelled()`` says whether to stop. The
Task's signals are emitted from the worker and, being connected to GUI-thread objects, arrive
queued on the GUI thread: ``sig_progress_reported(obj)``, then ``sig_task_succeeded(result)`` or
``sig_task_failed(message)``, then always ``sig_task_done()``. Running tasks are kept alive
here until done, so a closed dialog cannot pull one out from under its worker.

Tasks read. A task that also writes (a refresh stores each source as it arrives) is given the
window's writer: ``work.write(fn, *args)`` runs ``fn(cache, *args)`` as a job of that writer
(``writer.py``) and waits for it, so every write of the window still goes through one connection.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ...store import health
from ...store.cache import Cache
from .writer import Writer

log = logging.getLogger(__name__)
_RUNNING: set[Task] = set()
_POOL: QThreadPool | None = None


def task_pool() -> QThreadPool:
    """The pool every Task uses by default: two threads (a refresh and an import at once)."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(2)
    return _POOL


def shutdown(timeout_ms: int = 5000) -> bool:
    """Cancel every running task and wait for the pool (call from the main window's close)."""
    for task in list(_RUNNING):
        task.cancel()
    return task_pool().waitForDone(timeout_ms)


@dataclass
class Work:
    """What ``fn`` receives in the worker thread."""

    cache: Cache | None
    progress: Callable[[Any], None]
    cancelled: Callable[[], bool]
    writer: Writer | None = None

    def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(cache, *args, **kwargs)`` on the window's writer (waiting for it); on the worker's
        own cache when the task was given no writer (the CLI, tests)."""
        if self.writer is None:
            assert self.cache is not None, "a task that writes needs a db_path or a writer"
            return fn(self.cache, *args, **kwargs)
        return self.writer.submit(fn, *args, **kwargs).result()


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """``fn`` as a slot that does nothing once ``owner``'s C++ object is gone.

    A task may finish after the dialog that started it was closed and deleted; a plain lambda
    would then touch deleted widgets ("Internal C++ object already deleted"). Bound methods of a
    QObject are disconnected by Qt on their own; lambdas need this guard."""

    def slot(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return slot


class Task(QObject):
    """One callable run once on the pool."""

    sig_progress_reported = Signal(object)
    sig_task_succeeded = Signal(object)
    sig_task_failed = Signal(str)
    sig_task_done = Signal()

    def __init__(self, fn: Callable[[Work], Any], *, db_path: Path | str | None = None,
                 name: str = "", writer: Writer | None = None) -> None:
        super().__init__()
        self.fn, self.db_path, self.name = fn, db_path, name or getattr(fn, "__name__", "task")
        self.writer = writer
        self._cancelled = False
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> Task:
        # Connected last, so it runs after the caller's slots: forgetting the task may delete it,
        # and Qt drops the queued calls of a deleted sender's signal.
        self.sig_task_done.connect(self._forget)
        self.running = True
        _RUNNING.add(self)
        (pool or task_pool()).start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def _forget(self) -> None:
        self.running = False
        _RUNNING.discard(self)

    def _run(self) -> None:
        """The worker side (runs on a pool thread)."""
        cache = None
        try:
            if self.db_path is not None:
                cache = Cache.open(self.db_path)
            result = self.fn(Work(cache, self.sig_progress_reported.emit, self.is_cancelled,
                                  self.writer))
        except Exception as exc:  # reported to the GUI; a worker must never die silently
            log.exception("task %s failed", self.name)
            if isinstance(exc, sqlite3.Error):  # a sentence (and damage heard by the window)
                exc = health.classify(exc, self.db_path)
            self.sig_task_failed.emit(str(exc) or type(exc).__name__)
        else:
            self.sig_task_succeeded.emit(result)
        finally:
            if cache is not None:
                cache.close()
            self.sig_task_done.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task._run()
