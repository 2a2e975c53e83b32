"""The import dialog's mapping editor: one row per detected column → target series (id, title,
unit, frequency, source), edited in place. A row whose target holds stored values from another
file, source or title (``services.importers.conflicts``) gets a choice — new series (the
default), replace, skip. Used by ``ui.import_dialog`` only; :func:`review_lines` words the dry
run's review for it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ...core.localized import Localized
from ...core.series import FREQUENCIES, UNITS, SeriesMeta
from ...services.importers import (
    NEW_SERIES,
    REPLACE,
    REPLACES_DEMO,
    SKIP,
    MappingRow,
    MassChange,
    Review,
    choose,
    retarget,
)
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.theme import qcolor

COLS = ["include", "column", "series", "status", "choice", "title", "unit", "freq", "source",
        "rows", "span"]
C = {name: i for i, name in enumerate(COLS)}
CHOICES = (NEW_SERIES, REPLACE, SKIP)
COLUMN_TITLES = {"include": QT_TRANSLATE_NOOP("MappingTable", "Use"),
                 "column": QT_TRANSLATE_NOOP("MappingTable", "Column in file"),
                 "series": QT_TRANSLATE_NOOP("MappingTable", "Series id"),
                 "status": QT_TRANSLATE_NOOP("MappingTable", "Status"),
                 "choice": QT_TRANSLATE_NOOP("MappingTable", "If values differ"),
                 "title": QT_TRANSLATE_NOOP("MappingTable", "Title"),
                 "unit": QT_TRANSLATE_NOOP("MappingTable", "Unit"),
                 "freq": QT_TRANSLATE_NOOP("MappingTable", "Freq."),
                 "source": QT_TRANSLATE_NOOP("MappingTable", "Source"),
                 "rows": QT_TRANSLATE_NOOP("MappingTable", "Rows"),
                 "span": QT_TRANSLATE_NOOP("MappingTable", "Dates")}


def review_lines(review: Review | None) -> list[str]:
    """One line per stored series the import would overwrite, and per dataset mass change."""
    if review is None:
        return []
    lang = current_language()  # the stored series' title is content
    text = QCoreApplication.translate(
        "MappingTable", "{file} column '{column}' → {series} “{title}” (from {origin}): would change "
        "{changed:,} of {stored:,} stored values")
    lines = [text.format(file=Path(c.path).name, column=c.label, series=c.series_id,
                         title=Localized(c.title_ko, c.title_en).pick(lang), origin=c.origin,
                         changed=c.changed, stored=c.stored) for c in review.conflicts]
    return lines + mass_lines(review.mass_changes)


def decided_lines(rows: list) -> list[str]:
    """What became of each conflict she has not overridden: kept apart, or skipped."""
    out = []
    for row in rows:
        if row.choice == NEW_SERIES and row.conflict_with:
            text = QCoreApplication.translate(
                "MappingTable", "'{column}' already exists as {stored} (another file, source or title): "
                "it is imported as the new series {series}, not over it. Choose '{replace}' to overwrite")
            replace_ = QCoreApplication.translate("MappingTable", "replace {series}").format(
                series=row.conflict_with)
            out.append(text.format(column=row.label, stored=row.conflict_with, series=row.series_id,
                                   replace=replace_))
        elif row.choice == SKIP and row.conflict_with:
            text = QCoreApplication.translate(
                "MappingTable", "'{column}' would overwrite the stored {stored}: skipped")
            out.append(text.format(column=row.label, stored=row.conflict_with))
    return out


def mass_lines(mass: list[MassChange]) -> list[str]:
    """'file: would change 1,705 of 8,000 stored values of agents.commits.* (21.3%)'."""
    text = QCoreApplication.translate(
        "MappingTable", "{file}: would change {changed:,} of {stored:,} stored values of {group} "
        "({share:.1%})")
    return [text.format(file=Path(m.path).name, group=m.group, changed=m.changed, stored=m.stored,
                        share=m.share) for m in mass]


class MappingTable(QTableWidget):
    """Edits a list of MappingRow in place; emits ``sig_mapping_edited`` after each change."""

    sig_mapping_edited = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLS), parent)
        self.ctx = ctx
        self.rows: list[MappingRow] = []
        self.existing: dict[str, SeriesMeta] = {}
        self.taken: set[str] = set()
        self._loading = False
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        for col, width in ((C["series"], 190), (C["unit"], 120), (C["freq"], 56)):  # combo boxes
            self.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        self.itemChanged.connect(self._on_item_changed)
        self._set_headers()

    def set_rows(self, rows: list[MappingRow], existing: dict[str, SeriesMeta],
                 taken: Collection[str] = ()) -> None:
        """Show ``rows``; ``taken`` = ids the other files of this import write."""
        self._loading = True
        self.rows, self.existing, self.taken = rows, existing, set(taken)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self._fill(r, row)
        self._loading = False
        self._set_headers()

    def _fill(self, r: int, row: MappingRow) -> None:
        lang = current_language()  # the title column edits the title in the language on screen
        include = QTableWidgetItem()
        include.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        include.setCheckState(Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked)
        self.setItem(r, C["include"], include)
        self._text(r, C["column"], row.label, editable=False)
        ids = QComboBox(editable=row.editable, enabled=row.editable)
        ids.addItems(sorted(self.existing))
        ids.setCurrentText(row.series_id)
        ids.currentTextChanged.connect(lambda text, r=r: self._set_id(r, text))
        self.setCellWidget(r, C["series"], ids)
        status = self._text(r, C["status"], self._status_text(row.status), editable=False)
        if row.status == REPLACES_DEMO or row.conflict_with:
            status.setForeground(QBrush(qcolor("warn")))
        self._fill_choice(r, row)
        self._text(r, C["title"], Localized(row.title_ko, row.title_en).pick(lang),
                   editable=row.editable)
        for c, options, value, fld in ((C["unit"], UNITS, row.unit, "unit"),
                                       (C["freq"], FREQUENCIES, row.frequency, "frequency")):
            box = QComboBox(enabled=row.editable)
            box.addItems(list(options))
            box.setCurrentText(value)
            box.currentTextChanged.connect(lambda text, r=r, fld=fld: self._set(r, **{fld: text}))
            self.setCellWidget(r, c, box)
        self._text(r, C["source"], row.source, editable=row.editable)
        self._text(r, C["rows"], f"{row.rows:,}", editable=False)
        self._text(r, C["span"], f"{row.first} … {row.last}" if row.first else "", editable=False)

    def _fill_choice(self, r: int, row: MappingRow) -> None:
        """A replace / new series / skip box for a row that conflicts, nothing otherwise."""
        self.removeCellWidget(r, C["choice"])
        self._text(r, C["choice"], "", editable=False)
        if not row.conflict_with:
            return
        choices = CHOICES if row.editable else (SKIP, REPLACE)  # a dataset's id cannot move
        box = QComboBox()
        for choice in choices:
            box.addItem(self._choice_text(choice).format(series=row.conflict_with), choice)
        box.setCurrentIndex(choices.index(row.choice) if row.choice in choices else 0)
        box.currentIndexChanged.connect(lambda i, r=r: self.set_choice(r, choices[i]))
        self.setCellWidget(r, C["choice"], box)

    def _status_text(self, status: str) -> str:
        return {"new": self.tr("new series", "status of a row"), "existing": self.tr("existing"),
                "replaces_demo": self.tr("replaces illustrative")}.get(status, status)

    def _choice_text(self, choice: str) -> str:
        return {NEW_SERIES: self.tr("new series", "choice for a conflict"),
                REPLACE: self.tr("replace {series}"), SKIP: self.tr("skip")}[choice]

    def _text(self, r: int, c: int, text: str, *, editable: bool) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.setItem(r, c, item)
        return item

    def _refill(self, r: int) -> None:
        self._loading = True
        self._fill(r, self.rows[r])
        self._loading = False
        self.sig_mapping_edited.emit()

    def _set_id(self, r: int, series_id: str) -> None:
        if self._loading or r >= len(self.rows):
            return
        fresh = replace(self.rows[r], conflict_with="", choice="")  # her own target now
        self.rows[r] = retarget(fresh, series_id, self.existing)
        self._refill(r)

    def set_choice(self, r: int, choice: str) -> None:
        """Apply her replace / new series / skip choice to row ``r``."""
        if self._loading or r >= len(self.rows):
            return
        others = self.taken | {row.series_id for i, row in enumerate(self.rows) if i != r}
        self.rows[r] = choose(self.rows[r], choice, self.existing, others)
        self._refill(r)

    def _set(self, r: int, **changes: object) -> None:
        if self._loading or r >= len(self.rows):
            return
        self.rows[r] = replace(self.rows[r], **changes)
        self.sig_mapping_edited.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        if self._loading or r >= len(self.rows):
            return
        if c == C["include"]:
            self._set(r, include=item.checkState() == Qt.CheckState.Checked)
        elif c == C["title"]:
            self._set(r, **{f"title_{current_language()}": item.text()})
        elif c == C["source"]:
            self._set(r, source=item.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Column titles, and the rows again (statuses, choices and titles follow the language)."""
        self._loading = True
        for r, row in enumerate(self.rows):
            self._fill(r, row)
        self._loading = False
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr(COLUMN_TITLES[c]) for c in COLS])
