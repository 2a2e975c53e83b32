"""Alert rules evaluated after every cache change, whether or not the Monitors tab was ever opened.

The main window owns one watcher from start-up, so the badge on the Monitors tab title and the
tray notification are right on the morning check even though the tab itself is only built when
the analyst first opens it. Recording alerts announces ``{'alert_events'}`` only, and that change
is never re-evaluated: no notification loop.

Evaluation reads every watched series, so it runs as an operation on the writer thread (it may
record crossings in the same go), one at a time: changes that land while it runs ask for one more
run after it, not one each.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.changes import ChangeSet
from ...store.errors import StoreError
from ..common.app_context import EXTERNAL, AppContext
from ..common.i18n import current_language
from ..common.operations import run_op
from .notifier import TrayNotifier

if TYPE_CHECKING:
    from ...services.alerts import AlertRun


def _alerts():
    """``services.alerts`` on first use (it loads the monitors core and pandas-heavy helpers):
    not needed before the window's first paint."""
    from ...services import alerts

    return alerts

RECHECK_MS = 3_600_000  # hourly: "data older than N days" becomes true with time alone


class AlertWatcher(QObject):
    """Runs the stored rules on the cache, records new crossings, keeps the unacknowledged count."""

    sig_badge_changed = Signal(int)  # unacknowledged alerts
    sig_evaluated = Signal(object)  # AlertRun, after its change was announced

    def __init__(self, ctx: AppContext, today: Callable[[], date] = date.today,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.badge_count = -1  # -1 until the start-up evaluation ran
        self.running = False  # an evaluation is on its way
        self._again = False  # a change landed meanwhile: evaluate once more after it
        self.notifier = TrayNotifier(self)
        ctx.sig_cache_changed.connect(self._on_cache_changed)
        self._recheck = QTimer(self, interval=RECHECK_MS, timeout=self.evaluate_now)
        self._recheck.start()
        QTimer.singleShot(0, self, self._startup)  # after the owner connected the badge

    def _startup(self) -> None:
        if self.ctx.stopped:  # closed before the event loop got here
            return
        self.evaluate_now()

    def _on_cache_changed(self, change: ChangeSet) -> None:
        if self.ctx.stopped or change.initiator is self:  # our recording: counted already
            return
        alerts = _alerts()
        if change.tables and change.tables <= alerts.EVENT_TABLES:
            self.update_badge()  # an acknowledgement: nothing new to evaluate
        elif not change.tables or EXTERNAL in change.tables \
                or change.tables & alerts.INPUT_TABLES:
            self.evaluate_now()
        # else: nothing the rules read changed (a watchlist edit, a scenario): no evaluation —
        # it reads every watched series and would hold the writer for ~80 ms per keystroke

    def evaluate_now(self) -> None:
        """Run the rules on the writer thread; record, announce and badge any new crossing."""
        if self.ctx.stopped:
            self._recheck.stop()
            return
        if self.running:
            self._again = True
            return
        self.running = True
        # an alert's message is content, recorded in the language on screen
        run_op(self.ctx, self, _alerts().evaluate_and_count, self.today(), current_language()) \
            .expecting(StoreError) \
            .on_success(self._evaluated).on_failure(self._failed).run()

    def _evaluated(self, run: AlertRun) -> None:
        if run.events:
            self._announce(run.events)
        self._set_badge(run.unacknowledged, force=self.badge_count < 0)
        self._finished()
        self.sig_evaluated.emit(run)

    def _failed(self, exc: BaseException) -> None:
        self.ctx.sig_status_message.emit(self.tr("Alert evaluation failed: {error}").format(
            error=exc))
        if self.badge_count < 0:  # the start-up run failed: still show what is stored
            try:
                self.update_badge(force=True)
            except (StoreError, sqlite3.Error):
                pass
        self._finished()

    def _finished(self) -> None:
        self.running = False
        if self._again:
            self._again = False
            self.evaluate_now()

    def _announce(self, events: list[dict]) -> None:
        n = len(events)
        self.ctx.sig_status_message.emit(self.tr("{n} new alert(s): {first}").format(
            n=n, first=events[0]["message"]))
        self.notifier.notify(self.tr("Q&AI: {n} alert(s)").format(n=n),
                             "\n".join(ev["message"] for ev in events[:3]))

    def update_badge(self, force: bool = False) -> None:
        self._set_badge(_alerts().unacknowledged_count(self.ctx.cache), force)

    def _set_badge(self, count: int, force: bool = False) -> None:
        if force or count != self.badge_count:
            self.badge_count = count
            self.sig_badge_changed.emit(count)
