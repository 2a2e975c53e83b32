"""``preview_file(path)``: read a file completely, without writing, and say what an import would do.

The preview carries the detected layout and encoding, the first rows as read (for the preview
table), every candidate series with its parsed observations, and the suggested mapping. A file
that cannot be read raises ``ImportFileError``/``DatasetError`` naming file, row, column and
value; nothing has been written at that point, so a rejected file changes nothing.

A workbook whose formulas have no saved value (saved by a program that does not calculate, or a
Bloomberg template never opened with the add-in) or whose Bloomberg formulas saved an error
(``#NAME?``: Excel without the add-in) is refused naming the sheet, the cell and the formula —
never read as "no values", never as zeros. ``sheet=`` reads one sheet of a workbook (a linked
file names its sheet).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ...core.series import SeriesBundle, SeriesMeta
from ...store import health
from ..table_files import column_letter
from .candidates import Candidate
from .dataset_files import detect_dataset, read_dataset
from .errors import ImportFileError
from .layouts import (
    Layout,
    detect,
    extract_bloomberg,
    extract_long,
    extract_wide,
)
from .long_csv import read_body, text_is_spare
from .mapping import MappingRow, plan_bundles, suggest
from .source import Sheet, SourceFile, open_source, read_rows
from .wide_csv import wide_body

PREVIEW_ROWS = 50
LAYOUT_LABELS = {
    "long": ("긴 형식 CSV (series, date, value)", "Long table (series, date, value)"),
    "wide": ("넓은 형식 (날짜 + 시리즈별 열)", "Wide table (date + one column per series)"),
    "bloomberg": ("Bloomberg BDH 시트", "Bloomberg BDH sheet"),
    "epoch": ("Epoch AI 기업 데이터", "Epoch AI companies data"),
    "gpurentalprices": ("gpurentalprices.com 일별 스냅샷", "gpurentalprices.com daily snapshots"),
    "coding_agents": ("GitHub 코딩 에이전트 커밋", "GitHub coding-agent commits"),
    "shared_data": ("공개 데이터셋 3종", "The three shared datasets"),
}


@dataclass
class ImportPreview:
    """Everything the dialog shows before commit; ``mapping`` is edited in place."""

    path: Path
    layout: str
    encoding: str
    delimiter: str
    sheets: list[str]
    table: pd.DataFrame
    candidates: list[Candidate]
    mapping: list[MappingRow]
    content_hash: str  # SHA-256 of the file's bytes (of names and bytes for a folder)
    notes: list[str] = field(default_factory=list)
    #: the linked file this read is for (its resolved path): written into each series'
    #: ``extra["linked_from"]`` so another link or a plain import over it is a conflict
    linked_from: str = ""

    @property
    def rows(self) -> int:
        """Observations the included mapping rows would write."""
        return sum(m.rows for m in self.mapping if m.include)

    @property
    def series_found(self) -> int:
        return len(self.candidates)

    def layout_label(self, lang: str = "en") -> str:
        ko, en = LAYOUT_LABELS.get(self.layout, (self.layout, self.layout))
        return ko if lang == "ko" else en

    def bundles(self, existing: dict[str, SeriesMeta]) -> list[SeriesBundle]:
        return [b for _row, b in self.planned(existing)]

    def planned(self, existing: dict[str, SeriesMeta]) -> list[tuple[MappingRow, SeriesBundle]]:
        """Each included mapping row with the bundle it writes (raises for an invalid mapping)."""
        return plan_bundles(self.path, self.candidates, self.mapping, existing,
                            linked_from=self.linked_from)

    def summary(self) -> dict:
        return {"path": str(self.path), "layout": self.layout, "encoding": self.encoding,
                "sheets": self.sheets, "series_found": self.series_found, "rows": self.rows,
                "notes": self.notes,
                "series": [{"label": m.label, "series_id": m.series_id, "rows": m.rows,
                            "first": str(m.first or ""), "last": str(m.last or ""),
                            "status": m.status, "include": m.include} for m in self.mapping]}


def preview_file(path: Path | str, existing: dict[str, SeriesMeta] | None = None,
                 remembered: dict[str, str] | None = None, *, sheet: str = "") -> ImportPreview:
    """Read ``path`` (a file or a dataset folder; only its sheet ``sheet`` when given) and
    suggest a mapping onto ``existing``."""
    path = Path(path)
    existing = existing or {}
    if not path.exists():
        raise ImportFileError(path, "no such file or folder")
    cache_file = health.open_cache_among(path)
    if cache_file is not None:  # reading it here would drop our own locks on the cache
        raise ImportFileError(path, f"this is (or holds) the open Q&AI cache file {cache_file.name}; "
                              "it cannot be imported into itself")
    dataset = detect_dataset(path)
    if dataset is not None and not sheet:
        return _dataset_preview(path, dataset, existing)
    if path.is_dir():
        raise ImportFileError(path, "a folder that is not one of the shared datasets; "
                              "choose the files inside it")
    src = open_source(path, sample=True)
    digest = hashlib.sha256(src.data).hexdigest()  # now: a wide CSV drops its text once read
    if sheet:
        _only_sheet(src, sheet)
    _refuse_unsaved_formulas(src)
    candidates: list[Candidate] = []
    layouts: list[str] = []
    notes: list[str] = [] if src.kind == "excel" else [f"delimiter {src.delimiter!r}"]
    first_error: ImportFileError | None = None
    for sheet in src.sheets:
        try:
            layout = detect(src, sheet)
        except ImportFileError as exc:
            if len(src.sheets) == 1:
                raise
            first_error = first_error or exc
            notes.append(f"sheet {sheet.name!r} skipped: no table")
            continue
        candidates += _extract(src, sheet, layout)
        layouts.append(layout.name)
        notes += layout.notes
        if layout.header:
            notes.append(f"{layout.header} row(s) above the header read as notes")
    if not layouts and first_error is not None:
        raise first_error
    if any(c.extra.get("dayfirst") for c in candidates):
        notes.append("NN/NN/YYYY dates read day-first (a first part is above 12)")
    empty = [c.label for c in candidates if not c.rows]
    candidates = [c for c in candidates if c.rows]
    notes += [f"{label!r}: no values (blank or #N/A), skipped" for label in empty]
    if not candidates:
        raise src.error("no values found (every value cell is blank or #N/A)")
    return ImportPreview(path, "+".join(dict.fromkeys(layouts)), src.encoding, src.delimiter,
                         [s.name for s in src.sheets], _table(src.sheets[0]), candidates,
                         suggest(candidates, existing, remembered),
                         digest, notes)


def _only_sheet(src: SourceFile, name: str) -> None:
    """Keep only sheet ``name`` of a workbook (refused for a CSV, or a sheet it does not have)."""
    if src.kind != "excel":
        raise src.error(f"a sheet was named ({name!r}) but this is a {src.encoding} CSV file, "
                        "which has no sheets")
    chosen = [s for s in src.sheets if s.name == name]
    if not chosen:
        names = ", ".join(repr(s.name) for s in src.sheets)
        raise src.error(f"the workbook has no sheet {name!r} with cells (sheets with cells: {names})")
    src.sheets = chosen
    src.formulas = [f for f in src.formulas if f.sheet == name]


def _refuse_unsaved_formulas(src: SourceFile) -> None:
    """A formula with no saved value, or a Bloomberg formula that saved an error, is data Excel
    never computed: reading its cell as blank would import a hole (or nothing) without saying
    why. Refused naming sheet, cell and formula, with how to fix the file."""
    unsaved = [f for f in src.formulas if not f.cached]
    failed = [f for f in src.formulas if f.cached and f.bloomberg]
    if not unsaved and not failed:
        return
    first = (unsaved or failed)[0]
    more = len(unsaved or failed) - 1
    tail = f" ({more} more cell(s) like it)" if more else ""
    formula = first.formula or "a shared formula"
    if unsaved:
        fix = ("open it in Excel with the Bloomberg add-in, let the data load, save, then read it "
               "again" if first.bloomberg else "open it in Excel, let it calculate, save, then read "
               "it again")
        raise src.error(f"sheet {first.sheet!r} cell {first.ref} holds {formula} but no saved "
                        f"value{tail}: the workbook was saved without calculating it; {fix}")
    raise src.error(f"sheet {first.sheet!r} cell {first.ref}: {formula} saved the error "
                    f"{first.cached}{tail}: Excel could not run the Bloomberg function (the add-in "
                    "was not loaded when the workbook was saved); open it on a Bloomberg terminal "
                    "with the add-in, let the data load, save, then read it again")


def _extract(src: SourceFile, sheet: Sheet, layout: Layout) -> list[Candidate]:
    if layout.name == "long":
        header = sheet.rows[layout.header]
        names = {i: str(h).strip() or column_letter(i) for i, h in enumerate(header)}
        if src.kind == "csv":  # cells beyond the header's last name are refused unless empty
            width = max(i for i, h in enumerate(header) if str(h).strip()) + 1
            # handed over, not kept here: extract_long frees the parsed file once it has its arrays
            return extract_long(src, _long_body(src, layout, width), layout, names)
        # columns named even when no row is below the header (else body[col] is a KeyError)
        body = pd.DataFrame(sheet.rows[layout.header + 1:], columns=range(sheet.width), dtype=object)
        return extract_long(src, body, layout, names)
    if src.kind == "csv" and layout.name == "wide" and len(sheet.rows) > layout.header + 1:
        body = wide_body(src, sheet, layout.header)  # numbers by the C parser, when it applies
        if body is not None:
            src.text, src.data = "", b""  # read: 2 × the file's size freed before the series
            return extract_wide(src, sheet, layout, body)
    if src.kind == "csv":  # the detection grid was a sample; wide/BDH files are read whole
        sheet = Sheet(sheet.name, read_rows(src))
    if len(sheet.rows) <= layout.header + 1:  # a BDH header with no rows below: no candidates
        return []
    if layout.name == "bloomberg":
        return extract_bloomberg(src, sheet, layout)
    return extract_wide(src, sheet, layout)


def _long_body(src: SourceFile, layout: Layout, width: int) -> pd.DataFrame:
    """A long CSV's rows by pandas' C reader; the file's text and bytes (each as big as the
    file) are released as soon as they are not needed: the text before the parse when pandas
    reads the bytes, the bytes once parsed."""
    if text_is_spare(src):
        src.text = ""
    body = read_body(src, layout, width)
    src.text, src.data = "", b""
    return body


def _table(sheet: Sheet) -> pd.DataFrame:
    rows = sheet.rows[:PREVIEW_ROWS]
    cols = [column_letter(i) for i in range(sheet.width)]
    return pd.DataFrame([[_text(c) for c in r] for r in rows], columns=cols, dtype=object)


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # Excel stores every number as a float: 46024.0 reads as 46024
    if hasattr(cell, "isoformat"):
        return cell.isoformat()[:10] if not hasattr(cell, "hour") or not cell.hour else str(cell)
    return "" if cell is None else str(cell)


def _dataset_preview(path: Path, layout: str, existing: dict[str, SeriesMeta]) -> ImportPreview:
    bundles = read_dataset(path, layout)
    candidates = [Candidate(b.meta.id, b.meta.title_en, b.frame, b.meta.unit, b.meta.source,
                            fixed=b.meta) for b in bundles if len(b.frame)]
    if not candidates:
        raise ImportFileError(path, "the dataset has no observations")
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    if path.is_dir():
        digest = hashlib.sha256()
        for f in files:
            digest.update(f.name.encode() + f.read_bytes())
    else:  # one file: the SHA-256 of its bytes, as for any file (a linked file compares it)
        digest = hashlib.sha256(path.read_bytes())
    table = pd.DataFrame([{"series": c.key, "points": c.rows,
                           "first": str(c.frame["date"].iat[0].date()),
                           "last": str(c.frame["date"].iat[-1].date()),
                           "last value": f"{c.frame['value'].iat[-1]:.6g}"} for c in candidates])
    return ImportPreview(path, layout, "UTF-8", ",", [], table, candidates,
                         suggest(candidates, existing), digest.hexdigest(),
                         [f"{len(files)} file(s)"])
