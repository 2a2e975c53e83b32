"""File → Export pack… (Ctrl+E): every chart at slide size, one deck, a manifest — with a progress
bar and Cancel. Planning (reading every chosen chart's data, checking the folder) runs on a worker
(``tasks.Task``); the export then runs one chart per event-loop turn (``PackExporter.steps``),
because widgets can only be painted on the GUI thread; each turn is ~0.1–0.2 s, so the window
stays responsive and Cancel is honoured after the chart being drawn (nothing is written then)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.charts import ChartSpec
from ...services.deck import gather_content
from ...services.export_plan import (
    FORMATS,
    ExportError,
    ExportOptions,
    HeldBack,
    StagedFolder,
    all_specs,
    gather_jobs,
    hold_back,
)
from ...services.output_paths import OutputPathError
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.output_error import output_error_text, show_output_error
from ..common.settings import make_settings
from ..common.style import load_style
from ..common.tasks import Task, Work, while_alive
from .deck_update import DeckUpdate
from .options_form import OptionsForm
from .pack import ExportResult, PackExporter

DEFAULT_FORMATS = ("png", "pptx")


class PackExportDialog(QDialog):
    """Choose folder, formats, size and charts; export with progress and Cancel."""

    sig_pack_exported = Signal(object)  # ExportResult

    def __init__(self, ctx: AppContext, specs: Sequence[ChartSpec] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.specs = list(specs) if specs is not None else all_specs(ctx.cache)
        self.result: ExportResult | None = None
        self._steps: Iterator | None = None
        self._exporter: PackExporter | None = None
        self._planning: Task | None = None
        self.held_back: list[HeldBack] = []  # charts with nothing to show: listed, not exported
        settings = make_settings()

        self.folder = QLineEdit(str(settings.value("export/pack_dir", str(Path.home() / "qnai-pack"))))
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        saved = str(settings.value("export/pack_formats", ",".join(DEFAULT_FORMATS))).split(",")
        self.format_boxes: dict[str, QCheckBox] = {}
        format_row = QHBoxLayout()
        for fmt in FORMATS:
            box = QCheckBox(fmt.upper())
            box.setChecked(fmt in saved)
            self.format_boxes[fmt] = box
            format_row.addWidget(box)
        format_row.addStretch(1)
        self.form = OptionsForm()
        self.chart_list = QListWidget()
        for spec in self.specs:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(spec.id)
            self.chart_list.addItem(item)
        self.pick_all, self.pick_none = QPushButton(), QPushButton()
        self.pick_all.clicked.connect(lambda: self._check_all(True))
        self.pick_none.clicked.connect(lambda: self._check_all(False))
        picks = QHBoxLayout()
        picks.addWidget(self.pick_all)
        picks.addWidget(self.pick_none)
        picks.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.warnings = QListWidget()
        self.warnings.setVisible(False)
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton()
        self.update_button = QPushButton()  # refresh a deck exported earlier, in place
        self.update_button.clicked.connect(lambda: self.update_deck())
        self.deck_update: DeckUpdate | None = None
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.update_button)
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)

        self.folder_label, self.formats_label, self.charts_label = QLabel(), QLabel(), QLabel()
        top = QFormLayout()
        top.addRow(self.folder_label, folder_row)
        top.addRow(self.formats_label, format_row)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(self.charts_label)
        layout.addWidget(self.chart_list, 1)
        layout.addLayout(picks)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.warnings, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._step)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export chart pack"))
        self.browse_button.setText(self.tr("Browse…"))
        self.pick_all.setText(self.tr("Select all"))
        self.pick_none.setText(self.tr("Select none"))
        self.start_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.update_button.setText(self.tr("Update an existing deck…"))
        self.folder_label.setText(self.tr("Folder"))
        self.formats_label.setText(self.tr("Formats"))
        self.charts_label.setText(self.tr("Charts"))
        lang = current_language()  # chart titles are content
        for i, spec in enumerate(self.specs):
            self.chart_list.item(i).setText(spec.title(lang))

    # -- choices -------------------------------------------------------------------------
    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.chart_list.count()):
            self.chart_list.item(i).setCheckState(state)

    def chosen_charts(self) -> list[str]:
        items = (self.chart_list.item(i) for i in range(self.chart_list.count()))
        return [it.data(Qt.ItemDataRole.UserRole) for it in items
                if it.checkState() == Qt.CheckState.Checked]

    def chosen_formats(self) -> tuple[str, ...]:
        return tuple(f for f, box in self.format_boxes.items() if box.isChecked())

    @property
    def running(self) -> bool:
        return self._steps is not None or self._planning is not None or self.deck_update is not None

    # -- running -------------------------------------------------------------------------
    def start(self) -> bool:
        """Validate the choices and begin planning on a worker; False (with the reason shown) if
        the choices cannot start. A folder that cannot be written is said when planning ends."""
        folder, charts, formats = self.folder.text().strip(), self.chosen_charts(), self.chosen_formats()
        problem = (not folder and self.tr("Choose a folder")) or (
            not charts and self.tr("Choose at least one chart")) or (
            not formats and self.tr("Choose at least one format"))
        if problem:
            self.status.setText(problem)
            return False
        try:
            options = self.form.options(formats)
        except ValueError as exc:
            self.status.setText(self.tr("Export failed: {error}").format(error=str(exc)))
            return False
        specs = self.specs

        def plan(work: Work) -> tuple | Exception:
            try:
                with StagedFolder(Path(folder)):  # an unwritable folder: say so now, not at the end
                    pass
                # the CLI's pre-flight: an empty chart is held back with how to fill it
                jobs, held = hold_back(gather_jobs(work.cache, charts, specs=specs))
                # the deck is the note's, as `export`/`publish` write it (its content read here)
                content = gather_content(work.cache, jobs, held, options.lang) \
                    if "pptx" in formats and jobs else None
                return jobs, held, content
            except (OutputPathError, ExportError, ValueError, KeyError) as exc:
                return exc

        task = self._planning = Task(plan, db_path=self.ctx.cache.path, name="pack planning")
        task.sig_task_succeeded.connect(while_alive(
            self, lambda outcome: self._planned(task, outcome, options, folder, formats)))
        task.sig_task_failed.connect(while_alive(
            self, lambda message: self._planned(task, ValueError(message), options, folder, formats)))
        self.status.setText("")
        self._set_running(True)
        task.start()
        return True

    def _planned(self, task: Task, outcome: tuple | Exception, options: ExportOptions, folder: str,
                 formats: tuple[str, ...]) -> None:
        """Planning ended: begin the export, or say why it cannot (nothing was written)."""
        if task is not self._planning:
            return  # cancelled (or closed) meanwhile
        self._planning = None
        try:
            if isinstance(outcome, Exception):
                raise outcome
            jobs, self.held_back, content = outcome
            if not jobs:
                self._set_running(False)
                self.status.setText(self.tr("Nothing exported: every chosen chart is held back"))
                self._list_findings([])
                return
            self._exporter = PackExporter(jobs, options, Path(folder),
                                          style=load_style(options.style), held_back=self.held_back,
                                          deck_content=content)
        except OutputPathError as exc:  # a read-only folder, a name too long, …: one sentence
            self._set_running(False)
            self._show_output_error(exc)
            return
        except (ExportError, ValueError, KeyError) as exc:
            self._set_running(False)
            self.status.setText(self.tr("Export failed: {error}").format(error=str(exc)))
            return
        self.form.save()
        settings = make_settings()
        settings.setValue("export/pack_dir", folder)
        settings.setValue("export/pack_formats", ",".join(formats))
        self.result = None
        self._steps = self._exporter.steps(sliced=True)  # the event loop turns between slices
        self.progress.setRange(0, self._exporter.total_steps)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.warnings.clear()
        self.warnings.setVisible(False)
        self._set_running(True)
        self._timer.start()
        return True

    def _step(self) -> None:
        assert self._steps is not None and self._exporter is not None
        try:
            done, total, what = next(self._steps)
        except StopIteration:
            self._finish(self._exporter.result)
            return
        except OutputPathError as exc:
            self._stop()
            self._show_output_error(exc)
            return
        except (ExportError, OSError, ValueError) as exc:
            self._stop()
            self.status.setText(self.tr("Export failed: {error}").format(error=str(exc)))
            return
        self.progress.setValue(done)
        self.status.setText(self.tr("{done}/{total} {what}").format(done=done, total=total,
                                                                     what=what))

    def _show_output_error(self, exc: OutputPathError) -> None:
        self.status.setText(output_error_text(exc))
        show_output_error(self, exc)

    def cancel(self) -> None:
        """Stop after the current chart; the staging folder is removed, nothing is written."""
        if self._planning is not None:
            self._planning.cancel()
            self._planning = None
            self._set_running(False)
        elif self._steps is None:
            return
        self._stop()
        self.result = ExportResult(Path(self.folder.text()), cancelled=True)
        self.status.setText(self.tr("Cancelled; no files were written."))

    def _stop(self) -> None:
        self._timer.stop()
        if self._steps is not None:
            self._steps.close()  # GeneratorExit inside the staging block: cleans up
        self._steps = None
        self.progress.setVisible(False)
        self._set_running(False)

    def _finish(self, result: ExportResult) -> None:
        self._timer.stop()
        self._steps = None
        self._set_running(False)
        self.result = result
        msg = self.tr("{n} files written to {folder} ({sec:.1f} s)").format(
            n=len(result.files), folder=str(result.out_dir), sec=result.seconds)
        self.status.setText(msg)
        self.ctx.sig_status_message.emit(msg)
        self._list_findings(result.warnings)
        self.sig_pack_exported.emit(result)

    def _list_findings(self, warnings) -> None:
        """Held-back charts first (title — reason; how to fill it), then each chart's warnings."""
        lang = current_language()
        self.warnings.clear()
        self.warnings.setVisible(True)
        for held in self.held_back:
            self.warnings.addItem(self.tr("Held back: {line}").format(line=held.line(lang)))
        for w in warnings:
            self.warnings.addItem(f"{w.chart_id}: {w.message(lang)}")
        if not warnings and not self.held_back:
            self.warnings.addItem(self.tr("No warnings"))

    def update_deck(self, deck: str | None = None) -> bool:
        """Refresh a deck exported earlier with the chosen charts (the CLI's ``--update``)."""
        deck = deck or QFileDialog.getOpenFileName(self, self.tr("Update an existing deck…"),
                                                   self.folder.text(), "PowerPoint (*.pptx)")[0]
        if not deck or self.running or not self.chosen_charts():
            return False
        try:
            options = self.form.options(("pptx",))
        except ValueError as exc:
            self.status.setText(self.tr("Deck not updated: {error}").format(error=str(exc)))
            return False
        run = self.deck_update = DeckUpdate(self.ctx, deck, self.chosen_charts(), self.specs, options, self)
        run.sig_update_finished.connect(lambda report: self._deck_updated(run.report_text(report)))
        run.sig_update_failed.connect(lambda error: self._deck_updated(
            self.tr("Deck not updated: {error}").format(error=error)))
        self.status.setText(self.tr("Updating {deck}…").format(deck=deck))
        self._set_running(True)
        run.start()
        return True

    def _deck_updated(self, message: str) -> None:
        self.deck_update = None
        self._set_running(False)
        self.status.setText(message)
        self.ctx.sig_status_message.emit(message.splitlines()[0])

    def _set_running(self, on: bool) -> None:
        self.update_button.setEnabled(not on)
        self.start_button.setEnabled(not on)
        self.cancel_button.setEnabled(on)
        self.close_button.setEnabled(not on)
        self.form.setEnabled(not on)
        self.chart_list.setEnabled(not on)

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()
