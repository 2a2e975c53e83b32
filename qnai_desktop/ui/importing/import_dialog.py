"""File → Import… (Ctrl+I) and files dropped on the window: preview, mapping, counts, commit.

Each file is read on a worker (``services.importers.preview_file``): the dialog shows its layout,
encoding and first rows, and a mapping table (include, series id — existing or new —, title,
unit, frequency, source) that edits the preview's ``MappingRow`` data. After every change a dry
run (same writes, rolled back) shows the exact counts ("312 added, 0 changed"); Import writes all
files in one transaction. Both run on the window's writer thread (``operations.run_op``): a dry
run takes the write lock too, and on the writer it waits its turn instead of making the window's
other writes wait for it. A file that cannot be read is marked with its
error (file, row, column, value) and nothing is imported until it is removed.
The same header in two dropped files gives two series. A row that would overwrite stored values
from another file, source or title gets a choice (new series by default, replace, skip) and the
counts say how many stored series would be replaced; a dataset changing more than 2% of the
stored values it overlaps asks before it writes. "Keep linked" imports through
``services.links.add_links`` instead: the same write, and the files are re-read when saved.
``MappingTable`` lives here because only this dialog edits a mapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.series import SeriesMeta
from ...services.datasets import DatasetError
from ...services.importers import (
    ImportPreview,
    ImportResult,
    MassChange,
    commit_imports,
    default_choices,
    keep_apart,
    preview_file,
    remembered_mappings,
)
from ...services.links import add_links
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.operations import CacheOp, run_op
from ..common.pandas_model import PandasTableModel
from ..common.tasks import Task, while_alive
from ..common.theme import qcolor, set_tone
from .mapping_table import MappingTable, decided_lines, mass_lines, review_lines
from .note_text import note_text
from .reasons import describe_error, summary


def read_preview(path: Path, existing: dict[str, SeriesMeta],
                 remembered: dict[str, str]) -> ImportPreview | DatasetError:
    """Worker side: the preview, or the located error as a value (the dialog shows it)."""
    try:
        return preview_file(path, existing, remembered)
    except DatasetError as exc:
        return exc


@dataclass
class FileEntry:
    path: Path
    preview: ImportPreview | None = None
    error: str = ""
    apart: bool = False  # its ids were kept apart from the files before it (keep_apart)


class ImportDialog(QDialog):
    """Preview → mapping → counts → Import; ``add_files(paths)`` is the drop/menu entry point."""

    sig_import_committed = Signal(object)  # ImportResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files: list[FileEntry] = []
        self.result: ImportResult | None = None
        self.committed: ImportResult | None = None
        self._generation = 0
        self._busy: set[Task | CacheOp] = set()
        self.setAcceptDrops(True)
        self.drop_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setStyleSheet("QLabel { border-radius: 6px; padding: 10px; }")
        set_tone(self.drop_label, "drop")
        self.btn_add, self.btn_remove = QPushButton(), QPushButton()
        self.btn_add.clicked.connect(self._choose_files)
        self.btn_remove.clicked.connect(self.remove_current)
        self.file_list = QListWidget()
        self.file_list.setMaximumHeight(90)
        self.file_list.currentRowChanged.connect(self._show_current)
        self.info = QLabel(wordWrap=True)
        self.notes = QLabel(wordWrap=True)
        set_tone(self.notes, "muted")
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("font-weight: bold;")
        set_tone(self.error, "error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setVisible(False)
        self.warning = QLabel(wordWrap=True)
        set_tone(self.warning, "warn")
        self.warning.setVisible(False)
        self.preview_model = PandasTableModel()
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # column widths from the first rows, not all 50: measuring every cell (Python data() per
        # role) made showing a preview ~60 ms of the event loop
        self.preview.horizontalHeader().setResizeContentsPrecision(12)
        self.preview.verticalHeader().setResizeContentsPrecision(12)
        self.preview.horizontalHeader().setMaximumSectionSize(260)
        self.mapping = MappingTable(ctx)
        self.mapping.sig_mapping_edited.connect(self.schedule_dry_run)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.preview)
        split.addWidget(self.mapping)
        split.setSizes([260, 200])
        self.counts = QLabel()
        self.counts.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.btn_commit, self.btn_close = QPushButton(), QPushButton()
        self.btn_commit.setDefault(True)
        self.btn_commit.clicked.connect(self.commit)
        self.btn_close.clicked.connect(self.reject)
        self.keep_linked = QCheckBox()  # link the files: re-read when she saves them (links)
        top = QHBoxLayout()
        top.addWidget(self.drop_label, 1)
        top.addWidget(self.btn_add)
        top.addWidget(self.btn_remove)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.keep_linked)
        bottom.addWidget(self.btn_commit)
        bottom.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        for part in (top, self.file_list, self.info, self.notes, self.error, self.warning, split,
                     bottom):
            (layout.addLayout if isinstance(part, QHBoxLayout) else layout.addWidget)(part)
        self._dry_timer = QTimer(self, singleShot=True, interval=250)
        self._dry_timer.timeout.connect(self.dry_run)
        self.resize(1040, 720)
        self.retranslate()
        self._update_state()

    # -- files ---------------------------------------------------------------------------------
    def add_files(self, paths: list[str | Path]) -> None:
        """Read each path on a worker; the list shows it at once as 'reading…'."""
        existing, remembered = self.ctx.cache.series.metas(), remembered_mappings(self.ctx.cache)
        for raw in paths:
            entry = FileEntry(Path(raw))
            self.files.append(entry)
            self.file_list.addItem(f"{entry.path.name} — " + self.tr("reading…"))
            task = Task(lambda _w, p=entry.path: read_preview(p, existing, remembered), name="preview")
            task.sig_task_succeeded.connect(while_alive(self, lambda res, e=entry: self._previewed(e, res)))
            task.sig_task_failed.connect(while_alive(self, lambda msg, e=entry: self._previewed(e, msg)))
            self._track(task).start()
        if self.file_list.currentRow() < 0 and self.files:
            self.file_list.setCurrentRow(0)
        self.committed = None
        self._update_state()

    def remove_current(self) -> None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.files):
            del self.files[row]
            self.file_list.takeItem(row)
            self._show_current(self.file_list.currentRow())
            self.schedule_dry_run()

    def _previewed(self, entry: FileEntry, outcome: ImportPreview | DatasetError | str) -> None:
        if entry not in self.files:
            return
        preview = outcome if isinstance(outcome, ImportPreview) else None
        error = "" if preview else describe_error(outcome)
        entry.preview, entry.error = preview, error
        row = self.files.index(entry)
        item = self.file_list.item(row)
        item.setText(f"{'✗' if error else '✓'} {entry.path.name}" + (f" — {error}" if error else ""))
        item.setForeground(QBrush(qcolor("error")) if error else QBrush())
        if all(f.preview or f.error for f in self.files):
            self._keep_apart()
        if row == self.file_list.currentRow():
            self._show_current(row, later=True)
        self.schedule_dry_run()

    def _keep_apart(self) -> None:
        """Files read since the last call get ids of their own (same header → two series)."""
        done = {m.series_id for f in self.files if f.apart and f.preview for m in f.preview.mapping
                if m.include}
        fresh = [f for f in self.files if f.preview and not f.apart]
        keep_apart([f.preview.mapping for f in fresh], self.ctx.cache.series.metas(), done)
        for f in fresh:
            f.apart = True

    def _show_current(self, row: int, later: bool = False) -> None:
        """The file's preview now, its mapping rows now or (``later``: a file just read, the
        dry run is 250 ms away anyway) in the next turn of the event loop — each ~20–40 ms."""
        entry = self.files[row] if 0 <= row < len(self.files) else None
        p = entry.preview if entry else None
        self._show_info(p)
        self.notes.setText(" · ".join(note_text(n) for n in p.notes) if p else "")
        self._set_error(entry.error if entry else "")
        self.preview_model.set_frame(p.table if p else PandasTableModel().frame)
        if later:
            QTimer.singleShot(0, self, lambda: self._show_mapping(row, entry))
        else:
            self._show_mapping(row, entry)

    def _show_mapping(self, row: int, entry: FileEntry | None) -> None:
        if row != self.file_list.currentRow() or (entry is not None and entry not in self.files):
            return  # another file was chosen (or this one removed) meanwhile
        p = entry.preview if entry else None
        taken = {m.series_id for f in self.files if f is not entry and f.preview
                 for m in f.preview.mapping}
        self.mapping.set_rows(p.mapping if p else [], self.ctx.cache.series.metas() if p else {}, taken)

    def _show_info(self, p: ImportPreview | None) -> None:
        info = self.tr("{layout} · {encoding} · {series} series · {rows} rows")
        self.info.setText(info.format(layout=p.layout_label(current_language()), encoding=p.encoding,
                                      series=p.series_found, rows=f"{p.rows:,}") if p else "")

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import data"), "",
                                                "CSV / Excel (*.csv *.txt *.xlsx *.xls *.json);;* (*)")
        if paths:
            self.add_files(paths)

    # -- dry run and commit --------------------------------------------------------------------
    def _ready(self) -> list[ImportPreview]:
        return [f.preview for f in self.files if f.preview is not None]

    def schedule_dry_run(self) -> None:
        self.result = None
        self._generation += 1
        self._update_state()
        self._dry_timer.start()

    def dry_run(self) -> None:
        previews = self._ready()
        if not previews or any(f.error for f in self.files) or len(previews) < len(self.files):
            return
        gen = self._generation
        op = run_op(self.ctx, self, commit_imports, previews, dry_run=True) \
            .expecting(Exception) \
            .on_success(lambda r: self._counted(gen, r, "")) \
            .on_failure(lambda exc: self._counted(gen, None, str(exc)))
        self._track_op(op).run()
        self._update_state()

    def _counted(self, gen: int, result: ImportResult | None, error: str) -> None:
        if gen != self._generation:
            return
        mappings = {str(f.path): f.preview.mapping for f in self.files if f.preview}
        if result and default_choices(mappings, result.review, self.ctx.cache.series.metas()):
            self._show_current(self.file_list.currentRow())  # conflicts → new series, recount
            self.schedule_dry_run()
            return
        self.result = result
        self._set_error(error)
        lines = review_lines(result.review if result else None) + decided_lines(
            [row for rows in mappings.values() for row in rows])
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        for path, change in result.files if result else []:
            row = next((i for i, f in enumerate(self.files) if str(f.path) == path), -1)
            if row >= 0:
                self.file_list.item(row).setText(f"✓ {self.files[row].path.name} — "
                                                 f"{summary(change)}")
        self._update_state()

    def _set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def commit(self) -> None:
        if not self._can_commit():
            return
        previews = self._ready()
        mass = [m for m in self.result.review.mass_changes if not m.approved]
        if mass and not self._confirm(mass):
            return
        approved = {sid for m in mass for sid in m.series}
        write = add_links if self.keep_linked.isChecked() else commit_imports
        op = run_op(self.ctx, self, write, previews, replace=approved) \
            .expecting(DatasetError).on_success(self._committed) \
            .on_failure(lambda exc: self._set_error(str(exc)))
        self._track_op(op).run()
        self._update_state()

    def _confirm(self, mass: list[MassChange]) -> bool:
        """Asks before a dataset import changes many stored values (more than 2%)."""
        answer = QMessageBox.question(self, self.tr("Many stored values change"),
                                      self.tr("{lines}\n\nImport anyway?").format(
                                          lines="\n".join(mass_lines(mass))),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _committed(self, result: ImportResult) -> None:
        self.committed, self.result = result, None
        self.sig_import_committed.emit(result)
        self._update_state()

    # -- state ---------------------------------------------------------------------------------
    def _track(self, task: Task) -> Task:
        self._busy.add(task)
        task.sig_task_done.connect(
            while_alive(self, lambda t=task: (self._busy.discard(t), self._update_state())))
        return task

    def _track_op(self, op: CacheOp) -> CacheOp:
        """Busy until the operation finished (its own callbacks run first)."""
        self._busy.add(op)

        def done(_outcome: object, op: CacheOp = op) -> None:
            self._busy.discard(op)
            self._update_state()

        return op.on_success(done).on_failure(done)

    def _can_commit(self) -> bool:
        return (self.result is not None and not self._busy and self.committed is None
                and bool(self._ready()) and not any(f.error for f in self.files)
                and not any(not c.approved for c in self.result.review.conflicts))

    def _update_state(self) -> None:
        broken = sum(bool(f.error) for f in self.files)
        if self.committed is not None:
            text = self.tr("Imported: {summary}").format(summary=summary(self.committed.total))
        elif broken:
            text = self.tr("{n} file(s) with errors: remove them to import the others").format(n=broken)
        elif self.result is not None:
            text = self.tr("Import will give: {summary}").format(summary=summary(self.result.total))
            if self.result.replaced:
                text += self.tr(" · replaces {n} stored series").format(n=self.result.replaced)
        elif self.files:
            text = self.tr("counting…") if self._ready() else self.tr("reading…")
        else:
            text = ""
        self.counts.setText(text)
        set_tone(self.counts, "error" if broken else "")
        self.btn_commit.setEnabled(self._can_commit())
        self.btn_remove.setEnabled(bool(self.files))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import data"))
        self.drop_label.setText(self.tr("Drop CSV / Excel / Bloomberg files here"))
        self.btn_add.setText(self.tr("Add files…"))
        self.btn_remove.setText(self.tr("Remove"))
        self.btn_commit.setText(self.tr("Import"))
        self.btn_close.setText(self.tr("Close"))
        self.keep_linked.setText(self.tr("Keep linked"))
        self.keep_linked.setToolTip(self.tr("Re-read the file whenever it is saved (e.g. a Bloomberg "
                                            "workbook refreshed in Excel) and on every refresh"))
        row = self.file_list.currentRow()
        self._show_info(self.files[row].preview if 0 <= row < len(self.files) else None)
        self._update_state()

    # -- drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()

    def done(self, result: int) -> None:
        for task in list(self._busy):
            if isinstance(task, Task):  # file previews stop; a write on its way lands
                task.cancel()
        super().done(result)
