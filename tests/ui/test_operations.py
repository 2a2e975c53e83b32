"""The one operation path: every write of the window runs on the writer thread, is announced once
with who asked for it, and a failure ends in a sentence (or the restore offer), never a traceback —
with the event loop free while SQLite waits for another program."""

from __future__ import annotations

import itertools
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from waiting import ops_landed, wait_until

from qnai_desktop.core.changes import ChangeSet
from qnai_desktop.core.watchlist import VIEW_COLUMNS
from qnai_desktop.store import health
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common.app_context import EXTERNAL, AppContext
from qnai_desktop.ui.common.error_dialog import ErrorDialog
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.common.operations import run_op
from qnai_desktop.ui.common.writer import Writer, WriterClosedError
from qnai_desktop.ui.watchlist.tab import WatchlistTab

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
conn.close()
"""


@pytest.fixture
def ctx(qapp, db_path: Path):
    set_language("ko")
    cache = Cache.open(db_path)
    context = AppContext(cache, poll_ms=3_600_000)  # the tests look by hand
    yield context
    context.stop()
    cache.close()


def hold_write_lock(db_path: Path, seconds: float) -> subprocess.Popen:
    """Another program: takes SQLite's write lock, keeps it ``seconds``, then commits."""
    other = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path), str(seconds)],
                             stdout=subprocess.PIPE, text=True)
    assert other.stdout is not None and other.stdout.readline().strip() == "locked"
    return other


def stored_per(db_path: Path, ticker: str) -> float:
    with Cache.open(db_path) as c:
        return c.watchlist.company(ticker)["per_12mf"]


def type_into(tab: WatchlistTab, ticker: str, col: str, text: str) -> bool:
    index = tab.model.index(tab.model.row_of(ticker), VIEW_COLUMNS.index(col))
    return tab.model.setData(index, text, Qt.ItemDataRole.EditRole)


def error_dialogs() -> list[str]:
    return [w.summary.text() for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()]


def close_error_dialogs() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, ErrorDialog):
            w.close()


# -- the writer ------------------------------------------------------------------------------------
def test_writes_run_in_order_on_one_thread_with_its_own_connection(db_path: Path) -> None:
    writer = Writer(db_path)
    seen: list[tuple[int, int]] = []
    futures = [writer.submit(lambda cache, i=i: seen.append((i, threading.get_ident()))
                             or id(cache)) for i in range(20)]
    caches = {f.result(10) for f in futures}
    assert [i for i, _ in seen] == list(range(20))
    assert len({t for _, t in seen}) == 1 and seen[0][1] != threading.get_ident()
    assert len(caches) == 1  # one connection, opened on the writer thread
    assert health.open_connections(db_path) == 1
    assert writer.shutdown(5)
    assert health.open_connections(db_path) == 0  # closed on its thread
    with pytest.raises(WriterClosedError):
        writer.submit(lambda cache: None).result(1)


# -- an operation, as the tabs run it ------------------------------------------------------------
def test_an_operation_is_announced_once_with_its_initiator_and_never_as_external(ctx, qtbot,
                                                                                 db_path) -> None:
    heard: list[ChangeSet] = []
    ctx.sig_cache_changed.connect(heard.append)
    gui = threading.get_ident()
    ran_on: list[int] = []

    def rename(cache: Cache, text: str) -> ChangeSet:
        ran_on.append(threading.get_ident())
        return cache.settings.set("note.title", text)

    results = []
    run_op(ctx, ctx, rename, "AI 인프라").on_success(results.append).run()
    assert heard == [] and results == []  # run() returns at once; the write lands later
    ops_landed()
    assert ran_on and ran_on[0] != gui
    assert [c.tables for c in heard] == [{"settings"}] and heard[0].initiator is ctx
    assert results == heard
    assert ctx.cache.settings.get("note.title") == "AI 인프라"
    assert not ctx.check_external_change()  # our own write is not another program's
    with Cache.open(db_path) as other:
        other.settings.set("note.title", "from the CLI")
    assert ctx.check_external_change()
    assert [c.tables for c in heard] == [{"settings"}, {EXTERNAL}]


def test_the_timer_tells_other_programs_writes_from_the_windows_own(qapp, db_path: Path) -> None:
    cache = Cache.open(db_path)
    ctx = AppContext(cache, poll_ms=20)
    heard: list[set[str]] = []
    ctx.sig_cache_changed.connect(lambda c: heard.append(set(c.tables)))
    try:
        for i in range(15):  # own writes while the timer looks every 20 ms
            run_op(ctx, None, lambda c, i=i: c.settings.set("k", str(i))).run()
            QApplication.processEvents()
        ops_landed()
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            QApplication.processEvents()
        assert heard == [{"settings"}] * 15
        with Cache.open(db_path) as other:
            other.settings.set("k", "cron")
        wait_until(lambda: heard[-1] == {EXTERNAL}, 5_000)
    finally:
        ctx.stop()
        cache.close()


def test_damage_reported_by_a_write_goes_to_the_restore_offer(ctx, db_path: Path) -> None:
    heard: list[str] = []

    def listener(path: str, reason: str) -> None:
        heard.append(reason)

    health.add_damage_listener(listener)

    def broken(cache: Cache) -> ChangeSet:
        raise sqlite3.DatabaseError("database disk image is malformed")

    try:
        failures: list[BaseException] = []
        run_op(ctx, None, broken).on_failure(failures.append).run()
        ops_landed()
        assert type(failures[0]).__name__ == "CorruptCacheError"
        assert health.damage_of(db_path) is not None and heard
        assert error_dialogs() == []  # the window's CacheGuard offers the restore instead
    finally:
        health.remove_damage_listener(listener)
        health.forget(db_path)


def test_an_unexpected_error_is_a_sentence_with_details_not_a_traceback(ctx) -> None:
    def buggy(cache: Cache) -> ChangeSet:
        return {}["missing"]

    op = run_op(ctx, None, buggy).run()
    ops_landed()
    try:
        assert error_dialogs() == ["예상하지 못한 오류가 발생했습니다. 작업 중이던 데이터는 안전합니다."]
        assert "KeyError" in op.error_dialog.details.toPlainText()
    finally:
        close_error_dialogs()


# -- another program holds the write lock ----------------------------------------------------------
def test_an_edit_while_another_program_writes_keeps_the_window_responsive(qtbot, db_path: Path,
                                                                           monkeypatch) -> None:
    from qnai_desktop.app import build_window

    monkeypatch.setenv("QNAI_BUSY_TIMEOUT_S", "30")
    window = build_window(db_path, lang="en")
    qtbot.addWidget(window)
    page = window.show_tab("watchlist")
    window.show()
    qtbot.waitUntil(lambda: window.alert_watcher.badge_count >= 0)
    ticks: list[float] = []
    timer = QTimer(window, interval=10, timeout=lambda: ticks.append(time.monotonic()))
    timer.start()
    other = hold_write_lock(db_path, 2.5)
    released = time.monotonic() + 2.5  # when the other program commits (at the earliest)
    try:
        assert type_into(page, "META", "per_12mf", "17")
        qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                        == "Waiting for another program writing the cache…", timeout=5_000)
        waiting_since = time.monotonic()
        assert stored_per(db_path, "META") == 18  # not yet: the other program holds the lock
        qtbot.waitUntil(lambda: not page.ops.busy, timeout=20_000)
    finally:
        other.wait(20)
    assert other.returncode == 0
    during = [t for t in ticks if waiting_since <= t <= released - 0.1]
    gaps = [b - a for a, b in itertools.pairwise(during)]
    assert len(during) > 50 and max(gaps) < 0.25  # the event loop kept turning while it waited
    assert stored_per(db_path, "META") == 17  # the edit landed after the other program committed
    assert page.proxy.index(5, VIEW_COLUMNS.index("per_12mf")).data() == "17"
    assert window.statusBar().currentMessage().startswith("Saved: META")  # no longer waiting
    window.close()
    window.ctx.cache.close()


def test_a_refused_edit_says_why_and_leaves_the_undo_stack_as_it_was(ctx, qtbot, db_path: Path,
                                                                      monkeypatch) -> None:
    tab = WatchlistTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert type_into(tab, "META", "per_12mf", "17")
    qtbot.waitUntil(lambda: not tab.ops.busy)
    assert tab.undo_stack.count() == 1 and tab.undo_stack.index() == 1
    monkeypatch.setenv("QNAI_BUSY_TIMEOUT_S", "1")  # the store gives up after 1 s
    other = hold_write_lock(db_path, 6)
    try:
        assert type_into(tab, "ORCL", "per_12mf", "16")  # a new command: dropped when refused
        qtbot.waitUntil(lambda: not tab.ops.busy, timeout=10_000)
        [said] = error_dialogs()
        assert "another program kept the cache locked for more than 1 s; nothing was written" in said
        assert "Traceback" not in said
        close_error_dialogs()
        assert tab.undo_stack.count() == 1 and tab.undo_stack.index() == 1
        tab.act_undo.trigger()  # an undo refused: the stack steps forward again, command kept
        qtbot.waitUntil(lambda: not tab.ops.busy, timeout=10_000)
        close_error_dialogs()
        assert tab.undo_stack.count() == 1 and tab.undo_stack.index() == 1
    finally:
        other.wait(20)
    assert stored_per(db_path, "META") == 17 and stored_per(db_path, "ORCL") == 17
    shown = [tab.proxy.index(r, VIEW_COLUMNS.index("per_12mf")).data() for r in (5, 6)]
    assert shown == ["17", "17"]  # what is shown is what is stored
    tab.act_undo.trigger()  # the lock is free again: the same undo now lands
    qtbot.waitUntil(lambda: not tab.ops.busy)
    assert stored_per(db_path, "META") == 18 and tab.undo_stack.index() == 0


def test_quick_edits_of_one_row_all_land_in_order(ctx, qtbot, db_path: Path) -> None:
    tab = WatchlistTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    for col, text in (("per_12mf", "17"), ("market_cap_usd_bn", "1,600"), ("name", "메타")):
        assert type_into(tab, "META", col, text)  # no waiting between them, as she types
    qtbot.waitUntil(lambda: not tab.ops.busy)
    with Cache.open(db_path) as c:
        row = c.watchlist.company("META")
    assert (row["per_12mf"], row["market_cap_usd_bn"], row["name_ko"]) == (17, 1600, "메타")
    assert tab.undo_stack.count() == 3
    for _ in range(3):
        tab.act_undo.trigger()
    qtbot.waitUntil(lambda: not tab.ops.busy)
    with Cache.open(db_path) as c:
        row = c.watchlist.company("META")
    assert (row["per_12mf"], row["market_cap_usd_bn"], row["name_ko"]) == (18, 1523, "메타 플랫폼스")


def test_no_view_writes_the_cache_itself() -> None:
    """Every write of the window goes through ``run_op`` (or a task's ``work.write``): no module of
    ui/ calls a repository's write method or opens a transaction on a cache, nor announces a
    change except the operations runner and the refresh panel (whose writes ran on the writer)."""
    ui = Path(__file__).resolve().parents[2] / "qnai_desktop" / "ui"
    writes = re.compile(r"cache\.(series|watchlist|facts|settings|cases|charts|alerts)\."
                        r"(write\w*|delete\w*|save|set\b|set_\w+|upsert\w*|apply_patch|record|"
                        r"add_rule|update_rule|acknowledge|rename)\(|\.transaction\(")
    offenders = []
    for path in sorted(ui.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if writes.search(line) or ("ctx.notify(" in line and path.name not in (
                    "operations.py", "refresh_panel.py")):
                offenders.append(f"{path.relative_to(ui)}:{n}: {line.strip()}")
    assert offenders == []
