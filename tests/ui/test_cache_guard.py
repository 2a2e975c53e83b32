"""The window and a damaged or busy cache: damage SQLite reports (at start-up or later, on any
thread) ends in one restore offer; accepting it restores and reopens; waits are shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from cache_files import checkpointed, damage_middle
from PySide6.QtWidgets import QMessageBox

from qnai_desktop import app as app_module
from qnai_desktop.app import build_window, offer_restore
from qnai_desktop.services.backups import backups_of
from qnai_desktop.store import health
from qnai_desktop.store.cache import Cache
from qnai_desktop.store.db import backup_file
from qnai_desktop.store.errors import CorruptCacheError


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """Every question the app asks, answered Yes; information boxes just recorded."""
    questions: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(
        lambda _p, _t, text, *a, **k: questions.append(text)))
    return questions


def test_damage_met_while_opening_the_window_is_a_sentence(db_path: Path) -> None:
    checkpointed(db_path)
    data = bytearray(db_path.read_bytes())
    data[:16] = b"not sqlite here!"  # SQLite's header gone: the first read fails
    db_path.write_bytes(bytes(data))
    with pytest.raises(CorruptCacheError, match="damaged"):
        build_window(db_path, lang="en")
    assert health.open_connections(db_path) == 0  # closed, so a restore may replace the file


def test_damage_found_by_the_start_up_check_offers_a_restore(qtbot, db_path: Path, asked) -> None:
    backup_file(db_path, "auto")
    window = build_window(db_path, lang="en")
    qtbot.addWidget(window)
    window.show()
    # damage appears after the window was built (another program, the disk): only SQLite's
    # quick_check on the worker can tell
    data = bytearray(db_path.read_bytes())
    data[len(data) // 2: len(data) // 2 + 8192] = b"\xde\xad" * 4096
    db_path.write_bytes(bytes(data))
    window.cache_guard.start_check(keep_backups=5)  # a worker: it may finish at once
    qtbot.waitUntil(lambda: window.restore_requested, timeout=15_000)
    assert len(asked) == 1 and "damaged" in asked[0] and "Restore" in asked[0]
    assert not window.isVisible()  # the window closed so every connection can be closed
    assert len(backups_of(db_path)) == 1  # the damaged file was not backed up
    window.ctx.cache.close()
    assert offer_restore(db_path, RuntimeError("damaged"), ask=False)
    with Cache.open(db_path) as c:
        assert len(c.watchlist.companies()) == 8
    assert list(db_path.parent.glob("cache.sqlite.damaged-*"))


def test_damage_heard_on_a_worker_thread_offers_once(qtbot, db_path: Path, asked) -> None:
    backup_file(db_path, "auto")
    window = build_window(db_path, lang="ko")
    qtbot.addWidget(window)
    window.show()
    import threading

    for _ in range(3):  # three failing reads: one offer
        t = threading.Thread(target=health.mark_damaged, args=(db_path, "malformed"))
        t.start()
        t.join()
        health.forget(db_path)
    qtbot.waitUntil(lambda: window.restore_requested, timeout=5_000)
    assert len(asked) == 1 and "손상" in asked[0]
    window.ctx.cache.close()


def test_a_healthy_start_takes_the_daily_backup_off_the_gui_thread(qtbot, db_path: Path,
                                                                  asked) -> None:
    window = build_window(db_path, lang="en")
    qtbot.addWidget(window)
    window.cache_guard.start_check(keep_backups=5)  # a worker: it may finish at once
    qtbot.waitUntil(lambda: len(backups_of(db_path)) == 1, timeout=15_000)
    assert not asked and not window.restore_requested
    window.ctx.stop()


def test_a_wait_for_another_writer_shows_in_the_status_bar(qtbot, db_path: Path) -> None:
    window = build_window(db_path, lang="en")
    qtbot.addWidget(window)
    window.cache_guard._heard_busy(True)
    qtbot.waitUntil(lambda: "Waiting for another program" in window.statusBar().currentMessage())
    window.cache_guard._heard_busy(False)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")
    window.ctx.stop()


def test_run_gui_restores_and_opens_on_the_backup(qtbot, db_path: Path, asked,
                                                 monkeypatch) -> None:
    """The whole start-up: the window opens on what is readable, the check off the GUI thread
    finds the damage → Yes → every connection closed, restore, a new window on the backup."""
    backup_file(db_path, "auto")
    damage_middle(db_path)
    windows = []
    real_start = app_module._start_window

    def start(window):
        from PySide6.QtCore import QTimer

        windows.append(window)
        real_start(window)
        if len(windows) == 2:
            QTimer.singleShot(300, window.close)  # the restored window: she looks, then quits

    monkeypatch.setattr(app_module, "_start_window", start)
    from qnai_desktop.ui.common.settings import make_settings

    make_settings().setValue("welcome/shown", True)
    make_settings().setValue("refresh/on_start", False)
    assert app_module.run_gui(db_path, "en") == 0
    assert len(asked) == 1 and "damaged" in asked[0]
    assert len(windows) == 2 and windows[0].restore_requested and not windows[1].restore_requested
    kept = [p for p in db_path.parent.glob("cache.sqlite.damaged-*")
            if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    assert health.open_connections(db_path) == 0  # quitting closed the window's connection
    with Cache.open(db_path) as c:
        assert c.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
