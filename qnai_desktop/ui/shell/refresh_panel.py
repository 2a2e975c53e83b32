"""The refresh panel: one row per source (progress, a short reason in the UI language), Refresh /
Cancel, and a "Details" expander with each source's own sentence (URL, status, detail).

The sources are ``services.refresh_sources.configured_providers`` — the same list, SEC User-Agent
and linked workbooks included, that the CLI's ``refresh`` runs. The run itself is
``services.refresh.run_refresh`` on a worker (``ui.tasks.Task``): it fetches there, reading the
worker's own Cache, and hands each source's transaction to the window's writer thread
(``work.write``). The panel renders progress and results, announces the written change once with
``ctx.notify`` and reports a one-line state (``sig_state_changed``) for the status-bar item that
opens it (``refresh_status.RefreshStatusButton``): the panel itself stays hidden unless asked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.localized import Localized
from ...services.refresh import CANCELLED, FAILED, OK, SKIPPED, RefreshResult, last_success, run_refresh
from ...services.refresh_sources import configured_providers
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.tasks import Task, Work
from ..common.theme import set_tone
from .refresh_reasons import reason_text

STATE_TONE = {FAILED: "error", SKIPPED: "muted", CANCELLED: "muted"}


class RefreshPanel(QWidget):
    """Per-source progress with cancel; ``start()`` runs the selected sources on a worker."""

    sig_refresh_finished = Signal(object)  # RefreshResult
    sig_state_changed = Signal(str, str)  # one line for the status bar, its tone
    sig_sources_requested = Signal()  # "Data sources…": the coverage view

    def __init__(self, ctx: AppContext, sources: list[str] | None = None,
                 providers: Callable[[list[str]], list] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._providers = providers or (lambda names: configured_providers(ctx.cache, names))
        self._made = {p.name: p for p in self._providers(list(sources or []))}
        self.sources = list(sources or self._made)
        self.task: Task | None = None
        self.result: RefreshResult | None = None
        self._bars: dict[str, QProgressBar] = {}
        self._states: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        self._errors: dict[str, str] = {}  # source → its own sentence (the details)
        self._running: list[str] = []  # the sources of the run in progress
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        half = max(1, (len(self.sources) + 1) // 2)  # two columns of sources: half the height
        for i, name in enumerate(self.sources):
            row, col = i % half, 3 * (i // half)
            self._names[name] = QLabel()
            bar = self._bars[name] = QProgressBar()
            bar.setRange(0, 1)
            bar.setValue(0)
            bar.setTextVisible(False)
            bar.setFixedSize(90, 10)
            self._states[name] = QLabel()  # one short line; the source's own sentence is its tooltip
            self._states[name].setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(self._names[name], row, col)
            grid.addWidget(bar, row, col + 1)
            grid.addWidget(self._states[name], row, col + 2)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.details.hide()
        self.btn_start, self.btn_cancel = QPushButton(), QPushButton()
        self.btn_details, self.btn_sources = QPushButton(), QPushButton()
        self.btn_details.setCheckable(True)
        self.btn_details.toggled.connect(self.details.setVisible)
        self.btn_start.clicked.connect(lambda: self.start())
        self.btn_cancel.clicked.connect(self.cancel)
        self.btn_sources.clicked.connect(self.sig_sources_requested)
        self.btn_cancel.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_details)
        buttons.addWidget(self.btn_sources)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_start)
        buttons.addWidget(self.btn_cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(grid)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.retranslate()

    # -- actions -------------------------------------------------------------------------------
    def start(self, sources: list[str] | None = None) -> Task | None:
        """Refresh ``sources`` (all of the panel's when None); no-op while a run is going."""
        if self.task is not None and self.task.running:
            return None
        names = [n for n in (sources or self.sources) if n in self._states]
        explicit = sources is not None
        providers = self._providers(names)

        def work(w: Work) -> RefreshResult:
            return run_refresh(w.cache, providers, explicit=explicit, cancelled=w.cancelled,
                               progress=lambda *p: w.progress(p), write=w.write)

        self._errors = {}
        for name in names:
            set_tone(self._states[name], "")
            self._bars[name].setRange(0, 0)  # busy until the source reports a total
            self._states[name].setText(self.tr("waiting…"))
            self._states[name].setToolTip("")
        self._running = names
        self.task = Task(work, db_path=self.ctx.cache.path, name="refresh", writer=self.ctx.writer)
        self.task.sig_progress_reported.connect(self._on_progress)
        self.task.sig_task_succeeded.connect(self._on_finished)
        self.task.sig_task_failed.connect(self._on_failed)
        self.task.sig_task_done.connect(self._on_done)
        self.btn_start.setEnabled(False)
        self.btn_cancel.setEnabled(True)
        self.sig_state_changed.emit(self.tr("Refreshing… 0/{n}").format(n=len(names)), "")
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
            self._states[source].setText(self.tr("fetching… {done}/{total}").format(
                done=done, total=total) if total > 1 else self.tr("fetching…"))
            self._states[source].setToolTip(message)  # the source's own words, in the tooltip
            finished = sum(self._bars[n].maximum() > 0 and self._bars[n].value() >= self._bars[n]
                           .maximum() for n in self._running)
            self.sig_state_changed.emit(self.tr("Refreshing… {done}/{n}").format(
                done=finished, n=len(self._running)), "")

    def _on_finished(self, result: RefreshResult) -> None:
        self.result = result
        for s in result.sources:
            if s.source not in self._states:
                continue
            self._bars[s.source].setRange(0, 1)
            self._bars[s.source].setValue(1 if s.status == OK else 0)
            short = self._state_text(s.status, s.change, s.kind)
            self._states[s.source].setText(short)
            if s.error:
                self._errors[s.source] = s.error
            self._states[s.source].setToolTip(f"{short}\n{s.error}" if s.error else short)
            set_tone(self._states[s.source], STATE_TONE.get(s.status, ""))
        self._fill_details()
        if not result.change.is_empty:
            self.ctx.notify(result.change, initiator=self)
        ok = sum(s.status == OK for s in result.sources)
        self.ctx.sig_status_message.emit(self.tr("Refresh: {ok} ok, {failed} failed — {summary}").format(
            ok=ok, failed=len(result.failed), summary=self._counts(result.change)))
        self._emit_result_state()
        self.sig_refresh_finished.emit(result)

    def _emit_result_state(self) -> None:
        """The status-bar line of the last run (again after a language switch)."""
        if self.result is None:
            return
        ok = sum(s.status == OK for s in self.result.sources)
        failed = len(self.result.failed)
        self.sig_state_changed.emit(self.tr("Refreshed: {ok} ok, {failed} failed").format(
            ok=ok, failed=failed), "error" if failed else "")

    def _on_failed(self, message: str) -> None:
        for name in self._running:
            self._bars[name].setRange(0, 1)
            self._states[name].setText(self.tr("unexpected error"))
            self._states[name].setToolTip(message)
            self._errors[name] = message
        self._fill_details()
        self.sig_state_changed.emit(self.tr("Refresh failed"), "error")

    def _on_done(self) -> None:
        self.btn_start.setEnabled(True)
        self.btn_cancel.setEnabled(False)
        self._show_last_success()

    # -- text ----------------------------------------------------------------------------------
    def _counts(self, change) -> str:
        return self.tr("{added:,} added, {changed:,} changed, {unchanged:,} unchanged").format(
            added=change.added, changed=change.changed, unchanged=change.unchanged)

    def _state_text(self, status: str, change, kind: str) -> str:
        if status == OK:
            return self.tr("done: {summary}").format(summary=self._counts(change))
        if status == CANCELLED:
            return self.tr("cancelled")
        return reason_text(kind)

    def _fill_details(self) -> None:
        lines = [f"{self._names[n].text()} ({n}): {e}" for n, e in self._errors.items()
                 if n in self._names]
        self.details.setPlainText("\n".join(lines) or self.tr("No problems reported."))

    def last_success_text(self) -> str:
        """One line: when each source last succeeded."""
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
        self.btn_start.setText(self.tr("Refresh"))
        self.btn_cancel.setText(self.tr("Cancel"))
        self.btn_details.setText(self.tr("Details"))
        self.btn_sources.setText(self.tr("Data sources…"))
        lang = current_language()
        for name in self.sources:
            p = self._made.get(name)
            title = Localized(p.title_ko, p.title_en).pick(lang) if p is not None and p.title_en else ""
            self._names[name].setText(title or name)
        if self.result is not None:
            for s in self.result.sources:
                if s.source in self._states:
                    self._states[s.source].setText(self._state_text(s.status, s.change, s.kind))
            if self.task is None or not self.task.running:
                self._emit_result_state()
        self._show_last_success()
