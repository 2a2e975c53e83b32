"""File → Export…: one chart to PNG/SVG/PDF/PPTX/XLSX/CSV or the clipboard, with a live preview
and the pre-export warnings. The work itself is ``pack.export_single`` (tests call it directly)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.charts import ChartSpec
from ...core.export_checks import ExportWarning
from ...services.export_plan import FORMATS, ChartJob, ExportError, gather_jobs
from ...services.output_paths import OutputPathError
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.output_error import output_error_text, show_output_error
from ..common.settings import make_settings
from ..common.style import load_style
from .clipboard import copy_image
from .options_form import OptionsForm
from .pack import check_job, export_single
from .renderer import ChartRenderer

PREVIEW_WIDTH = 480
_FILTERS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "pdf": "PDF (*.pdf)",
            "pptx": "PowerPoint (*.pptx)", "xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)"}


class ExportDialog(QDialog):
    """Export the chart ``spec`` as drawn from ``ctx.cache``."""

    sig_chart_exported = Signal(str)  # path written

    def __init__(self, ctx: AppContext, spec: ChartSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: ChartJob = gather_jobs(ctx.cache, [spec.id], specs=[spec])[0]
        self.renderer = ChartRenderer()
        self.format_box = QComboBox()
        for fmt in FORMATS:
            self.format_box.addItem(fmt.upper(), fmt)
        last = str(make_settings().value("export/format", "png"))
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(last)))
        self.form = OptionsForm()
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 // 16)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(110)
        self.status = QLabel()
        buttons = QDialogButtonBox()
        self.copy_button, self.save_button = QPushButton(), QPushButton()
        self.save_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = QPushButton()
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button.clicked.connect(self._choose_and_save)

        self.format_label, self.preview_label, self.warnings_label = QLabel(), QLabel(), QLabel()
        top = QFormLayout()
        top.addRow(self.format_label, self.format_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        # Rendering a preview takes ~0.1 s: coalesce bursts of option changes (spin boxes).
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.update_preview)
        self.form.sig_options_changed.connect(self._preview_timer.start)
        self.format_box.currentIndexChanged.connect(lambda _i: self._preview_timer.start())
        self._preview_timer.start()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        title = self.tr("Export chart")
        self.setWindowTitle(f"{title} — {self.job.prepared.title(current_language())}")
        self.copy_button.setText(self.tr("Copy image"))
        self.save_button.setText(self.tr("Save…"))
        self.close_button.setText(self.tr("Close"))
        self.format_label.setText(self.tr("Format"))
        self.preview_label.setText(self.tr("Preview"))
        self.warnings_label.setText(self.tr("Warnings"))

    @property
    def fmt(self) -> str:
        return self.format_box.currentData()

    def options(self):
        return self.form.options((self.fmt,))

    def _sync_style(self, style_name: str) -> None:
        if self.renderer.style.name != style_name:
            self.renderer.set_style(load_style(style_name))

    def update_preview(self) -> list[ExportWarning]:
        """Redraw the preview at the chosen size and list the warnings for these options."""
        opts = self.options()
        self._sync_style(opts.style)
        image = self.renderer.render_image(self.job.prepared, self.job.spec, opts.lang, opts.width,
                                           opts.height, opts.scale, transparent=opts.transparent)
        pix = QPixmap.fromImage(image).scaledToWidth(
            PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pix)
        found = check_job(self.job, opts, self.renderer, date.today())
        self.warnings.clear()
        for w in found:
            self.warnings.addItem(w.message(current_language()))
        if not found:
            self.warnings.addItem(self.tr("No warnings"))
        return found

    def default_name(self) -> str:
        return self.job.file_name(self.fmt)

    def copy_to_clipboard(self) -> None:
        opts = self.options()
        self._sync_style(opts.style)
        copy_image(self.renderer.render_image(self.job.prepared, self.job.spec, opts.lang,
                                              opts.width, opts.height, opts.scale,
                                              transparent=opts.transparent))
        self.status.setText(self.tr("Chart image copied to the clipboard"))
        self.ctx.sig_status_message.emit(self.tr("Chart image copied to the clipboard"))

    def save_to(self, path: Path | str) -> Path:
        """Write the chart to ``path`` in the chosen format; errors propagate (ExportError)."""
        opts = self.options()
        self._sync_style(opts.style)
        written, _found = export_single(self.renderer, self.job, opts, path)
        self.form.save()
        make_settings().setValue("export/format", self.fmt)
        make_settings().setValue("export/last_dir", str(written.parent))
        msg = self.tr("Saved to {path}").format(path=str(written))
        self.status.setText(msg)
        self.ctx.sig_status_message.emit(msg)
        self.sig_chart_exported.emit(str(written))
        return written

    def _choose_and_save(self) -> None:
        folder = str(make_settings().value("export/last_dir", str(Path.home())))
        try:
            start = str(Path(folder) / self.default_name())
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("Error"), str(exc))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), start,
                                              _FILTERS[self.fmt])
        if not path:
            return
        if not path.lower().endswith("." + self.fmt):
            path += "." + self.fmt
        try:
            self.save_to(path)
        except OutputPathError as exc:  # a read-only folder, a name too long, …: one sentence
            self.status.setText(output_error_text(exc))
            show_output_error(self, exc)
        except (ExportError, OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Error"),
                                self.tr("Export failed: {error}").format(error=str(exc)))

    def done(self, result: int) -> None:
        self._preview_timer.stop()
        self.renderer.close()
        super().done(result)
