"""Waiting for the window's background work in tests: writes run on the writer thread and land a
moment later, the way they do for the analyst (``ui/common/operations.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication


def wait_until(condition: Callable[[], object], timeout_ms: int = 15_000) -> None:
    """Process events until ``condition()`` is true (AssertionError after ``timeout_ms``)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {timeout_ms} ms for {condition}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def ops_landed(timeout_ms: int = 15_000) -> None:
    """Every operation started so far finished and its change was announced."""
    from qnai_desktop.ui.common.operations import running_ops

    wait_until(lambda: running_ops() == 0, timeout_ms)
