"""Linked workbooks stay live while the window is open: a file watcher notices she saved a linked
file and, ~500 ms after the last change, re-reads it with ``services.links.reread_link`` as an
operation (writer thread, one transaction, the change announced so the views redraw).

Editors save by writing a new file and renaming it over the old one (Excel, LibreOffice, most
text editors); the watcher then forgets the path (Qt documents this), so the path is added back
after each change, and the folder is watched too so a file that reappears is picked up. A read
that fails (moved, unreadable, conflicting) says so in her language, naming the file; the
service's own sentence is under "details"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QWidget

from ...core.changes import ChangeSet
from ...services.links import list_links, reread_link
from ..common.app_context import AppContext
from ..common.operations import run_op, show_error_later

DEBOUNCE_MS = 500


class LinkWatcher(QObject):
    """Watches every linked file of ``ctx.cache``; follows links added or removed."""

    def __init__(self, ctx: AppContext, window: QWidget | None = None,
                 debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.debounce_ms = debounce_ms
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_changed)
        self.watcher.directoryChanged.connect(self._on_folder_changed)
        self.links: dict[str, int] = {}  # path → link id
        self._timers: dict[str, QTimer] = {}
        self.reads: list = []  # LinkRead of each re-read, newest last (tests, status)
        self.dialog = None
        ctx.sig_cache_changed.connect(self._on_cache_changed)
        self.sync()

    def sync(self) -> None:
        """Watch exactly the linked files (and their folders)."""
        self.links = {info.path: info.id for info in list_links(self.ctx.cache)}
        files, dirs = set(self.watcher.files()), set(self.watcher.directories())
        want_dirs = {str(Path(p).parent) for p in self.links}
        if stale := [f for f in files if f not in self.links] + [d for d in dirs if d not in want_dirs]:
            self.watcher.removePaths(stale)
        for path in self.links:
            if path not in files and Path(path).is_file():
                self.watcher.addPath(path)
        for folder in want_dirs - dirs:
            if Path(folder).is_dir():
                self.watcher.addPath(folder)

    def _on_cache_changed(self, change: ChangeSet) -> None:
        if "linked_files" in change.tables and not self.ctx.stopped:
            self.sync()

    def _on_changed(self, path: str) -> None:
        if path not in self.links:
            return
        timer = self._timers.get(path)
        if timer is None:
            timer = self._timers[path] = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda path=path: self._reread(path))
        timer.start(self.debounce_ms)  # a save is several writes: read once, after the last

    def _on_folder_changed(self, _folder: str) -> None:
        watched = set(self.watcher.files())
        for path in self.links:
            if path not in watched and Path(path).is_file():
                self._on_changed(path)  # replaced by rename, or back after a move

    def _reread(self, path: str) -> None:
        if self.ctx.stopped or path not in self.links:
            return
        if Path(path).is_file() and path not in self.watcher.files():
            self.watcher.addPath(path)  # the editor replaced the file: watch the new one
        run_op(self.ctx, self.window, reread_link, self.links[path]) \
            .on_success(self._on_read).run()

    def _on_read(self, read) -> None:
        self.reads.append(read)
        name = Path(read.path).name
        if read.failed:
            summaries = {
                "moved": self.tr("The linked file {file} is not there any more (moved, renamed "
                                 "or deleted); nothing was updated."),
                "conflict": self.tr("The linked file {file} would overwrite values from another "
                                    "source; nothing was updated."),
            }
            summary = summaries.get(read.state, self.tr(
                "The linked file {file} could not be read; nothing was updated."))
            self.dialog = show_error_later(summary.format(file=name), read.message, self.window)
        elif read.state == "ok":
            self.ctx.sig_status_message.emit(self.tr(
                "Linked file {file} re-read: {added} added, {changed} changed").format(
                    file=name, added=read.change.added, changed=read.change.changed))
