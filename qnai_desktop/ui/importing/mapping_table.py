"""The import dialog's mapping editor: one row per detected column → target series (id, title,
unit, frequency, source), edited in place. A row whose target holds stored values from another
file, source or title (``services.importers.conflicts``) gets a choice — new series (the
default), replace, skip. Used by ``ui.import_dialog`` only; :func:`review_lines` words the dry
run's review for it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

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
from ..common.i18n import register, tr
from ..common.theme import qcolor

register({
    "import.col.include": ("포함", "Use"), "import.col.column": ("원본 열", "Column in file"),
    "import.col.series": ("시리즈 ID", "Series id"), "import.col.title": ("제목", "Title"),
    "import.col.unit": ("단위", "Unit"), "import.col.freq": ("주기", "Freq."),
    "import.col.source": ("출처", "Source"), "import.col.rows": ("행", "Rows"),
    "import.col.span": ("기간", "Dates"), "import.col.status": ("상태", "Status"),
    "import.status.new": ("새 시리즈", "new series"), "import.status.existing": ("기존 시리즈", "existing"),
    "import.status.replaces_demo": ("예시 데이터 대체", "replaces illustrative"),
    "import.col.choice": ("기존 값과 충돌 시", "If values differ"),
    "import.choice.new": ("새 시리즈로", "new series"),
    "import.choice.replace": ("{series} 값 대체", "replace {series}"),
    "import.choice.skip": ("건너뛰기", "skip"),
    "import.conflict": ("{file} '{column}' → {series} “{title}”({origin}에서 가져옴): 저장된 값 "
                        "{stored:,}개 중 {changed:,}개가 바뀝니다",
                        "{file} column '{column}' → {series} “{title}” (from {origin}): would "
                        "change {changed:,} of {stored:,} stored values"),
    "import.kept_apart": ("'{column}'은(는) 이미 {stored}에 있습니다(다른 파일·출처·제목): 덮어쓰지 "
                          "않고 새 시리즈 {series}로 가져옵니다. 덮어쓰려면 '{replace}'을 고르세요",
                          "'{column}' already exists as {stored} (another file, source or title): "
                          "it is imported as the new series {series}, not over it. Choose "
                          "'{replace}' to overwrite"),
    "import.skipped_conflict": ("'{column}'은(는) 저장된 {stored}와 겹쳐 건너뜁니다",
                                "'{column}' would overwrite the stored {stored}: skipped"),
    "import.mass": ("{file}: {group} 저장된 값 {stored:,}개 중 {changed:,}개({share:.1%})가 바뀝니다",
                    "{file}: would change {changed:,} of {stored:,} stored values of {group} "
                    "({share:.1%})"),
})

COLS = ["include", "column", "series", "status", "choice", "title", "unit", "freq", "source",
        "rows", "span"]
C = {name: i for i, name in enumerate(COLS)}
CHOICES = (NEW_SERIES, REPLACE, SKIP)


def review_lines(review: Review | None, lang: str) -> list[str]:
    """One line per stored series the import would overwrite, and per dataset mass change."""
    if review is None:
        return []
    lines = [tr("import.conflict", lang, file=Path(c.path).name, column=c.label,
                series=c.series_id, title=c.title_ko if lang == "ko" else c.title_en,
                origin=c.origin, changed=c.changed, stored=c.stored) for c in review.conflicts]
    return lines + mass_lines(review.mass_changes, lang)


def decided_lines(rows: list, lang: str) -> list[str]:
    """What became of each conflict she has not overridden: kept apart, or skipped."""
    out = []
    for row in rows:
        if row.choice == NEW_SERIES and row.conflict_with:
            out.append(tr("import.kept_apart", lang, column=row.label, stored=row.conflict_with,
                          series=row.series_id, replace=tr(f"import.choice.{REPLACE}", lang,
                                                           series=row.conflict_with)))
        elif row.choice == SKIP and row.conflict_with:
            out.append(tr("import.skipped_conflict", lang, column=row.label,
                          stored=row.conflict_with))
    return out


def mass_lines(mass: list[MassChange], lang: str) -> list[str]:
    """'file: would change 1,705 of 8,000 stored values of agents.commits.* (21.3%)'."""
    return [tr("import.mass", lang, file=Path(m.path).name, group=m.group, changed=m.changed,
               stored=m.stored, share=m.share) for m in mass]


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

    def set_rows(self, rows: list[MappingRow], existing: dict[str, SeriesMeta],
                 taken: Collection[str] = ()) -> None:
        """Show ``rows``; ``taken`` = ids the other files of this import write."""
        self._loading = True
        self.rows, self.existing, self.taken = rows, existing, set(taken)
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
        self.setItem(r, C["include"], include)
        self._text(r, C["column"], row.label, editable=False)
        ids = QComboBox(editable=row.editable, enabled=row.editable)
        ids.addItems(sorted(self.existing))
        ids.setCurrentText(row.series_id)
        ids.currentTextChanged.connect(lambda text, r=r: self._set_id(r, text))
        self.setCellWidget(r, C["series"], ids)
        status = self._text(r, C["status"], tr(f"import.status.{row.status}", lang), editable=False)
        if row.status == REPLACES_DEMO or row.conflict_with:
            status.setForeground(QBrush(qcolor("warn")))
        self._fill_choice(r, row)
        self._text(r, C["title"], row.title_ko if lang == "ko" else row.title_en,
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
            box.addItem(tr(f"import.choice.{choice}", self.ctx.lang, series=row.conflict_with),
                        choice)
        box.setCurrentIndex(choices.index(row.choice) if row.choice in choices else 0)
        box.currentIndexChanged.connect(lambda i, r=r: self.set_choice(r, choices[i]))
        self.setCellWidget(r, C["choice"], box)

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
            self._set(r, **{"title_ko" if self.ctx.lang == "ko" else "title_en": item.text()})
        elif c == C["source"]:
            self._set(r, source=item.text())

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([tr(f"import.col.{c}", self.ctx.lang) for c in COLS])
