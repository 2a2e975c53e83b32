"""The refresh panel: one progress bar per source, Refresh / Cancel, when each last succeeded.

The run itself is ``services.refresh.run_refresh`` on a worker (``ui.tasks.Task``): it fetches
there, reading the worker's own Cache, and hands each source's transaction to the window's writer
thread (``work.write``), so its writes queue with the window's others. The panel only renders
progress and results, then announces the written change once with ``ctx.notify`` so open charts
redraw, and a one-line summary on the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.localized import Localized
from ...services.providers import PROVIDERS, Provider, make_providers
from ...services.refresh import CANCELLED, FAILED, OK, SKIPPED, RefreshResult, last_success, run_refresh
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.tasks import Task, Work
from ..common.theme import set_tone

STATE_TONE = {FAILED: "error", SKIPPED: "muted", CANCELLED: "muted"}


class RefreshPanel(QWidget):
    """Per-source progress with cancel; ``start()`` runs the selected sources on a worker."""

    sig_refresh_finished = Signal(object)  # RefreshResult

    def __init__(self, ctx: AppContext, sources: list[str] | None = None,
                 providers: Callable[[list[str]], list[Provider]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sources = list(sources or PROVIDERS)
        self._providers = providers or (lambda names: make_providers(names))
        self.task: Task | None = None
        self.result: RefreshResult | None = None
        self._title = QLabel()
        self._bars: dict[str, QProgressBar] = {}
        self._states: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, name in enumerate(self.sources):
            self._names[name] = QLabel()
            bar = self._bars[name] = QProgressBar()
            bar.setRange(0, 1)
            bar.setValue(0)
            bar.setTextVisible(False)
            bar.setFixedWidth(160)
            self._states[name] = QLabel()  # one line; the full reason is its tooltip
            self._states[name].setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(self._names[name], row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(self._states[name], row, 2)
        grid.setColumnStretch(2, 1)
        self.btn_start, self.btn_cancel = QPushButton(), QPushButton()
        self.btn_start.clicked.connect(lambda: self.start())
        self.btn_cancel.clicked.connect(self.cancel)
        self.btn_cancel.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.btn_start)
        buttons.addWidget(self.btn_cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        self.retranslate()

    # -- actions -------------------------------------------------------------------------------
    def start(self, sources: list[str] | None = None) -> Task | None:
        """Refresh ``sources`` (all of the panel's when None); no-op while a run is going."""
        if self.task is not None and self.task.running:
            return None
        names = list(sources or self.sources)
        explicit = sources is not None
        providers = self._providers(names)

        def work(w: Work) -> RefreshResult:
            return run_refresh(w.cache, providers, explicit=explicit, cancelled=w.cancelled,
                               progress=lambda *p: w.progress(p), write=w.write)

        for name in names:
            set_tone(self._states[name], "")
            self._bars[name].setRange(0, 0)  # busy until the source reports a total
            self._states[name].setText(self.tr("fetching…"))
        self.task = Task(work, db_path=self.ctx.cache.path, name="refresh", writer=self.ctx.writer)
        self.task.sig_progress_reported.connect(self._on_progress)
        self.task.sig_task_succeeded.connect(self._on_finished)
        self.task.sig_task_failed.connect(self._on_failed)
        self.task.sig_task_done.connect(self._on_done)
        self.btn_start.setEnabled(False)
        self.btn_cancel.setEnabled(True)
        return self.task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    # -- slots: render what the worker reported -----------------------------------------------
    def _on_progress(self, payload: tuple) -> None:
        source, done, total, message = payload
        if source in self._bars:
            self._bars[source].setRange(0, max(total, 1))
            self._bars[source].setValue(min(done, max(total, 1)))
            text = message or self.tr("fetching…")
            self._states[source].setText(text if len(text) <= 90 else text[:89] + "…")

    def _on_finished(self, result: RefreshResult) -> None:
        self.result = result
        for s in result.sources:
            if s.source in self._states:
                self._bars[s.source].setRange(0, 1)
                self._bars[s.source].setValue(1 if s.status == OK else 0)
                text = self._state_text(s.status, self._counts(s.change), s.error)
                self._states[s.source].setText(text if len(text) <= 90 else text[:89] + "…")
                self._states[s.source].setToolTip(text)
                set_tone(self._states[s.source], STATE_TONE.get(s.status, ""))
        if not result.change.is_empty:
            self.ctx.notify(result.change, initiator=self)
        ok = sum(s.status == OK for s in result.sources)
        self.ctx.sig_status_message.emit(self.tr("Refresh: {ok} ok, {failed} failed — {summary}").format(
            ok=ok, failed=len(result.failed), summary=self._counts(result.change)))
        self.sig_refresh_finished.emit(result)

    def _on_failed(self, message: str) -> None:
        for name in self.sources:
            self._bars[name].setRange(0, 1)
            self._states[name].setText(self.tr("failed: {error}").format(error=message))

    def _on_done(self) -> None:
        self.btn_start.setEnabled(True)
        self.btn_cancel.setEnabled(False)
        self._show_last_success()

    # -- text ----------------------------------------------------------------------------------
    def _counts(self, change) -> str:
        return self.tr("{added:,} added, {changed:,} changed, {unchanged:,} unchanged").format(
            added=change.added, changed=change.changed, unchanged=change.unchanged)

    def _state_text(self, status: str, summary: str, error: str) -> str:
        if status == OK:
            return self.tr("done: {summary}").format(summary=summary)
        if status == FAILED:
            return self.tr("failed: {error}").format(error=error)
        if status == SKIPPED:
            return self.tr("skipped: {error}").format(error=error)
        return self.tr("cancelled")

    def last_success_text(self) -> str:
        """One line for the status bar: when each source last succeeded."""
        stamps = last_success(self.ctx.cache, self.sources)
        return " · ".join(f"{name} {when.replace('T', ' ')[:16] if when else '—'}"
                          for name, when in stamps.items())

    def _show_last_success(self) -> None:
        for name, when in last_success(self.ctx.cache, self.sources).items():
            text = self.tr("last success {when}").format(when=when.replace("T", " ")[:16]) if when else \
                self.tr("never succeeded")
            self._names[name].setToolTip(text)
            if self.task is None:
                self._states[name].setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self.ctx.stopped:  # see MainWindow
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        title = self.tr("Refresh data")
        self._title.setText(f"<b>{title}</b>")
        self.btn_start.setText(self.tr("Refresh"))
        self.btn_cancel.setText(self.tr("Cancel"))
        lang = current_language()
        for name in self.sources:
            cls = PROVIDERS.get(name)
            self._names[name].setText(Localized(cls.title_ko, cls.title_en).pick(lang) if cls else name)
        self._show_last_success()
