"""The analyst's window, as ``qnai-desktop`` opens it: a seeded cache of her own (a fresh copy per
journey), the Korean UI, private settings, and no network but the local replay servers.

Each journey drives the real ``MainWindow`` with keys, clicks, drops and dialog buttons, and
asserts what she sees. The window is built like ``app.build_window`` builds it; the background
refresh at start-up (``app._start_window``) is left out so that a journey starts it itself, with
its sources pointed at a replay server.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from qnai_desktop.app import build_window
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.common.settings import make_settings


@pytest.fixture
def settings():
    """Her settings file (private to the test, see tests/conftest.py)."""
    s = make_settings()
    yield s
    s.sync()


@pytest.fixture
def open_window(qtbot, db_path: Path):
    """``open_window()`` → the main window on her cache, shown, in Korean (her working language)."""
    opened = []

    def open_() -> object:
        window = build_window(db_path, lang="ko")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()
        opened.append(window)
        return window

    yield open_
    for window in opened:
        if not window.ctx.stopped:
            window.close()
    set_language("en")
