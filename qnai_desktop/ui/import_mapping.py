"""The import dialog's mapping editor: one row per detected column → target series (id, title,
unit, frequency, source), edited in place. Its strings are registered by ``ui.import_dialog``,
the only place it is used."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..core.series import FREQUENCIES, UNITS, SeriesMeta
from ..services.importers import REPLACES_DEMO, MappingRow, retarget
from .app_context import AppContext
from .i18n import tr

COLS = ["include", "column", "series", "status", "title", "unit", "freq", "source", "rows", "span"]
ERROR_RED = QColor("#c0392b")


class MappingTable(QTableWidget):
    """Edits a list of MappingRow in place; emits ``sig_mapping_edited`` after each change."""

    sig_mapping_edited = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLS), parent)
        self.ctx = ctx
        self.rows: list[MappingRow] = []
        self.existing: dict[str, SeriesMeta] = {}
        self._loading = False
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        for col, width in ((2, 190), (5, 120), (6, 56)):  # combo boxes: fixed, narrow
            self.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        self.itemChanged.connect(self._on_item_changed)

    def set_rows(self, rows: list[MappingRow], existing: dict[str, SeriesMeta]) -> None:
        self._loading = True
        self.rows, self.existing = rows, existing
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self._fill(r, row)
        self._loading = False
        self.retranslate()

    def _fill(self, r: int, row: MappingRow) -> None:
        lang = self.ctx.lang
        include = QTableWidgetItem()
        include.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        include.setCheckState(Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked)
        self.setItem(r, 0, include)
        self._text(r, 1, row.label, editable=False)
        ids = QComboBox(editable=row.editable, enabled=row.editable)
        ids.addItems(sorted(self.existing))
        ids.setCurrentText(row.series_id)
        ids.currentTextChanged.connect(lambda text, r=r: self._set_id(r, text))
        self.setCellWidget(r, 2, ids)
        status = self._text(r, 3, tr(f"import.status.{row.status}", lang), editable=False)
        if row.status == REPLACES_DEMO:
            status.setForeground(QBrush(QColor("#b9770e")))
        self._text(r, 4, row.title_ko if lang == "ko" else row.title_en, editable=row.editable)
        for c, options, value, fld in ((5, UNITS, row.unit, "unit"),
                                       (6, FREQUENCIES, row.frequency, "frequency")):
            box = QComboBox(enabled=row.editable)
            box.addItems(list(options))
            box.setCurrentText(value)
            box.currentTextChanged.connect(lambda text, r=r, fld=fld: self._set(r, **{fld: text}))
            self.setCellWidget(r, c, box)
        self._text(r, 7, row.source, editable=row.editable)
        self._text(r, 8, f"{row.rows:,}", editable=False)
        self._text(r, 9, f"{row.first} … {row.last}" if row.first else "", editable=False)

    def _text(self, r: int, c: int, text: str, *, editable: bool) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.setItem(r, c, item)
        return item

    def _set_id(self, r: int, series_id: str) -> None:
        if self._loading or r >= len(self.rows):
            return
        self.rows[r] = retarget(self.rows[r], series_id, self.existing)
        self._loading = True
        self._fill(r, self.rows[r])
        self._loading = False
        self.sig_mapping_edited.emit()

    def _set(self, r: int, **changes: object) -> None:
        if self._loading or r >= len(self.rows):
            return
        self.rows[r] = replace(self.rows[r], **changes)
        self.sig_mapping_edited.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        if self._loading or r >= len(self.rows):
            return
        if c == 0:
            self._set(r, include=item.checkState() == Qt.CheckState.Checked)
        elif c == 4:
            self._set(r, **{"title_ko" if self.ctx.lang == "ko" else "title_en": item.text()})
        elif c == 7:
            self._set(r, source=item.text())

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([tr(f"import.col.{c}", self.ctx.lang) for c in COLS])
