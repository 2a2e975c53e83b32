"""The window's watch over the cache file: damage SQLite reports, waits for another writer, and the
start-up check (``quick_check`` then the daily backup) run off the GUI thread.

Damage can surface anywhere — a tab's read, a worker's write, the start-up check — and on any
thread; ``store.health`` tells every listener once, and this object turns that into one offer to
restore the newest usable backup (the window then closes, the app restores and reopens).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ...store import db as store_db
from ...store import health
from ..common.tasks import Task, Work

log = logging.getLogger(__name__)

class CacheGuard(QObject):
    """Listens to the store's damage and busy reports for ``path`` and runs the start-up check."""

    sig_cache_damaged = Signal(str)  # SQLite's reason
    sig_busy_changed = Signal(bool)  # True while a write waits for another program's lock
    sig_restore_requested = Signal()

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._offered = False
        health.add_damage_listener(self._heard_damage)
        store_db.add_busy_listener(self._heard_busy)
        # queued: never a modal dialog inside the stack of the read that failed
        self.sig_cache_damaged.connect(self.offer_restore, Qt.ConnectionType.QueuedConnection)

    def detach(self) -> None:
        """Stop listening (the window is closing)."""
        health.remove_damage_listener(self._heard_damage)
        store_db.remove_busy_listener(self._heard_busy)

    # --- listeners: may run on any thread; signals carry the news to the GUI thread ---------
    def _heard_damage(self, path: str, reason: str) -> None:
        if health.key_of(path) == health.key_of(self.path):
            self.sig_cache_damaged.emit(reason)

    def _heard_busy(self, waiting: bool) -> None:
        self.sig_busy_changed.emit(waiting)

    # --- start-up check ----------------------------------------------------------------------
    def start_check(self, keep_backups: int) -> Task:
        """``quick_check`` (once per process), then the daily backup, on a worker."""

        def check(work: Work) -> str | None:
            from ...services.backups import auto_backup

            assert work.cache is not None
            health.verify(work.cache.db.conn, self.path)
            made = auto_backup(self.path, keep=keep_backups)
            return str(made) if made else None

        task = Task(check, db_path=self.path, name="cache-check")
        task.sig_task_failed.connect(lambda message: log.warning("cache check: %s", message))
        return task.start()

    # --- the offer ---------------------------------------------------------------------------
    def offer_restore(self, reason: str) -> None:
        """Once per damage: ask to restore the newest usable backup and reopen."""
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        if self._offered or parent is None or not parent.isVisible():
            return  # offscreen renders (screenshot, export) report damage as an error instead
        self._offered = True
        from ...services.backups import newest_usable_backup

        backup = newest_usable_backup(self.path)
        if backup is None:
            QMessageBox.critical(parent, self.tr("Q&AI Desktop"), self.tr(
                "The cache file is damaged (SQLite: {reason}).\n{path}\n\nNo usable backup exists. "
                "Every write is stopped. Keep a copy of the file and run `qnai-desktop cache check`."
            ).format(reason=reason, path=str(self.path)))
            return
        answer = QMessageBox.question(parent, self.tr("Q&AI Desktop"), self.tr(
            "The cache file is damaged (SQLite: {reason}).\n{path}\n\nRestore the newest usable "
            "backup ({backup}) and reopen? The damaged file is kept beside it, not deleted."
        ).format(reason=reason, path=str(self.path), backup=backup.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.sig_restore_requested.emit()
