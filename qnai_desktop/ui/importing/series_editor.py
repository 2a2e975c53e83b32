"""Type or paste (tab-separated, from Excel) the values of one series, e.g. Meta's ad impressions YoY.

The table holds ``date | value`` rows; Ctrl+V pastes a block copied from Excel at the current
cell. Cells are read like any import (``2Q26``, ``+11%``, ``2026.06.30`` …) by
``services.importers.frame_from_rows``; a bad cell is selected and named. Save writes on the
writer thread in one transaction (how='edit', ``operations.run_op``); an illustrative series
starts empty and is replaced, which clears its flag — after she says yes to replacing its stored
history (a stored series of her own is appended to or changed point by point: nothing is
replaced). The picker lists titles with the id after them; typing a new id makes a new series
with its titles, unit, frequency and source here.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import ChangeSet
from ...core.param_axis import dated_only, is_param_series
from ...core.series import FREQUENCIES, UNITS, SeriesBundle, SeriesMeta
from ...services.importers import PasteError, frame_from_rows, split_pasted, write_replacing_demo
from ...services.importers.mapping import ID_RE
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.operations import CacheOp, run_op
from ..common.theme import set_tone

BLANK_ROWS = 12


class SeriesEditor(QDialog):
    """Values of one series as an editable two-column table."""

    sig_series_saved = Signal(object)  # ChangeSet

    def __init__(self, ctx: AppContext, series_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.metas = ctx.cache.series.metas()
        self.op: CacheOp | None = None
        self.series = QComboBox(editable=True)
        self.series.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        lang = current_language()  # titles are content; the id follows as the secondary text
        for sid in sorted(dated_only(self.metas)):  # scenario curves are not dated
            self.series.addItem(f"{self.metas[sid].title(lang)}  ({sid})", sid)
        self.question: QMessageBox | None = None  # the replace question while it is open
        self.title_ko, self.title_en, self.source = QLineEdit(), QLineEdit(), QLineEdit()
        self.unit, self.freq = QComboBox(), QComboBox()
        self.unit.addItems(list(UNITS))
        self.freq.addItems(list(FREQUENCIES))
        self.form = QFormLayout()
        self._labels = {k: QLabel() for k in ("series", "title_ko", "title_en", "unit", "freq", "source")}
        for key, widget in (("series", self.series), ("title_ko", self.title_ko),
                            ("title_en", self.title_en), ("unit", self.unit), ("freq", self.freq),
                            ("source", self.source)):
            self.form.addRow(self._labels[key], widget)
        self.demo_note = QLabel(wordWrap=True)
        set_tone(self.demo_note, "warn")
        self.hint = QLabel(wordWrap=True)
        set_tone(self.hint, "muted")
        self.table = QTableWidget(0, 2)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 140)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.table)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(lambda: self.paste_text(QGuiApplication.clipboard().text()))
        self.status = QLabel(wordWrap=True)
        self.btn_add, self.btn_save, self.btn_close = QPushButton(), QPushButton(), QPushButton()
        self.btn_add.clicked.connect(lambda: self.add_rows(BLANK_ROWS))
        self.btn_save.clicked.connect(self.save)
        self.btn_close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_add)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_save)
        buttons.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for w in (self.demo_note, self.hint, self.table, self.status):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.series.currentTextChanged.connect(lambda _t: self.load(self.series_id()))
        self.resize(560, 640)
        self.retranslate()
        found = self.series.findData(series_id) if series_id else -1
        if found >= 0:
            self.series.setCurrentIndex(found)
        else:
            self.series.setCurrentText(series_id or "")
        self.load(self.series_id())

    def series_id(self) -> str:
        """The picked series' id, or the id typed for a new one."""
        text = self.series.currentText().strip()
        i = self.series.currentIndex()
        if i >= 0 and self.series.itemText(i).strip() == text:
            return str(self.series.itemData(i))
        found = self.series.findText(text)
        return str(self.series.itemData(found)) if found >= 0 else text

    # -- table ---------------------------------------------------------------------------------
    def load(self, series_id: str) -> None:
        """Fill the form and the table from the cache (illustrative series start empty)."""
        meta = self.metas.get(series_id.strip())
        self.demo_note.setVisible(bool(meta and meta.is_demo))
        if meta is not None:
            self.title_ko.setText(meta.title_ko)
            self.title_en.setText(meta.title_en)
            self.unit.setCurrentText(meta.unit)
            self.freq.setCurrentText(meta.frequency)
            self.source.setText(meta.source)
        obs = self.ctx.cache.series.observations(series_id) if meta and not meta.is_demo else None
        rows = [] if obs is None else [(d.strftime("%Y-%m-%d"), f"{v:.10g}")
                                       for d, v in zip(obs["date"], obs["value"], strict=True)]
        self.table.setRowCount(0)
        self.add_rows(len(rows) + BLANK_ROWS)
        for r, (day, value) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(day))
            self.table.setItem(r, 1, QTableWidgetItem(value))
        self.status.setText("")

    def add_rows(self, n: int) -> None:
        self.table.setRowCount(self.table.rowCount() + n)

    def paste_text(self, text: str) -> None:
        """Paste tab-separated text at the current cell, growing the table as needed."""
        block = split_pasted(text)
        r0, c0 = max(self.table.currentRow(), 0), max(self.table.currentColumn(), 0)
        if r0 + len(block) > self.table.rowCount():
            self.add_rows(r0 + len(block) - self.table.rowCount())
        for dr, cells in enumerate(block):
            for dc, cell in enumerate(cells[: 2 - c0]):
                self.table.setItem(r0 + dr, c0 + dc, QTableWidgetItem(cell.strip()))

    def cells(self) -> list[list[str]]:
        out = []
        for r in range(self.table.rowCount()):
            out.append([(it.text() if (it := self.table.item(r, c)) else "") for c in (0, 1)])
        return out

    # -- save ----------------------------------------------------------------------------------
    def save(self) -> None:
        sid = self.series_id()
        if not ID_RE.fullmatch(sid):
            self._error(self.tr("A series id is letters, digits, '.', '_' or '-'"))
            return
        if is_param_series(self.metas.get(sid)):  # its days are placeholders: republish instead
            self._error(self.tr("A scenario curve is not a dated series and cannot be edited here "
                                "(publish it again from the Scenarios tab)"))
            return
        try:
            frame = frame_from_rows(self.cells())
        except PasteError as exc:
            self.table.setCurrentCell(exc.row - 1, exc.column)
            self._error(str(exc))
            return
        if not self._replace_allowed(sid, len(frame)):
            self._error(self.tr("Not saved: the stored history is kept"))
            return
        bundle = SeriesBundle(self._meta(sid), frame)
        self.btn_save.setEnabled(False)
        self.op = run_op(self.ctx, self, write_replacing_demo, [bundle], how="edit",
                         origin="series editor") \
            .on_success(self._saved).on_failure(self._refused).run()

    def _replace_allowed(self, sid: str, typed: int) -> bool:
        """An illustrative series is replaced whole by what is typed: ask first, naming what goes."""
        meta = self.metas.get(sid)
        if meta is None or not meta.is_demo:
            return True  # new, or her own: points are added or changed, none removed
        stored = self.ctx.cache.series.observations(sid)
        if stored.empty:
            return True
        self.question = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Replace the stored history?"),
            self.tr("“{title}” holds {n} illustrative points ({first} – {last}). Saving replaces "
                    "them with the {typed} typed here.").format(
                title=meta.title(current_language()), n=len(stored),
                first=stored["date"].iloc[0].date().isoformat(),
                last=stored["date"].iloc[-1].date().isoformat(), typed=typed),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.question.setDefaultButton(QMessageBox.StandardButton.No)
        self.question.button(QMessageBox.StandardButton.Yes).setText(self.tr("Replace"))
        try:
            return self.question.exec() == QMessageBox.StandardButton.Yes
        finally:
            self.question.deleteLater()
            self.question = None

    def _refused(self, exc: BaseException) -> None:
        """Nothing was written: the sentence here too (the error dialog shows it as well)."""
        self._error(str(exc))
        self.btn_save.setEnabled(True)

    def _meta(self, sid: str) -> SeriesMeta:
        old = self.metas.get(sid)
        fields = {"title_ko": self.title_ko.text().strip() or sid,
                  "title_en": self.title_en.text().strip() or sid, "unit": self.unit.currentText(),
                  "frequency": self.freq.currentText(),
                  "source": self.source.text().strip() or "analyst input", "is_demo": False}
        if old is not None and not old.is_demo:
            return dataclasses.replace(old, **fields)
        return SeriesMeta(id=sid, source_ko=fields["source"], extra={"entered_in": "series editor"},
                          **fields)

    def _saved(self, change: ChangeSet) -> None:
        self.btn_save.setEnabled(True)
        self.metas = self.ctx.cache.series.metas()
        self.demo_note.setVisible(False)
        self.status.setStyleSheet("")
        set_tone(self.status, "ok")
        self.status.setText(self.tr("Saved: {added} added, {changed} changed, {unchanged} unchanged").format(
            added=change.added, changed=change.changed, unchanged=change.unchanged))
        self.sig_series_saved.emit(change)

    def _error(self, message: str) -> None:
        self.status.setStyleSheet("font-weight: bold;")
        set_tone(self.status, "error")
        self.status.setText(message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enter series values"))
        labels = {"series": self.tr("Series"), "title_ko": self.tr("Title (Korean)"),
                  "title_en": self.tr("Title (English)"), "unit": self.tr("Unit"),
                  "freq": self.tr("Frequency"), "source": self.tr("Source")}
        for key, label in self._labels.items():
            label.setText(labels[key])
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Value")])
        self.demo_note.setText(self.tr("Illustrative data: saving replaces it"))
        self.hint.setText(self.tr("Paste a 'date⇥value' block copied from Excel with Ctrl+V (e.g. 2Q26 ⇥ "
                                  "+11%)"))
        self.btn_add.setText(self.tr("Add rows"))
        self.btn_save.setText(self.tr("Save"))
        self.btn_close.setText(self.tr("Close"))
