"""Opening a table file — CSV text or an Excel workbook — the one way every reader does it.

The importers and the watchlist's file import both call :func:`read_table`; it says what the file
is, its encoding and delimiter, and gives its cells as a grid of rows per sheet.

Encodings are detected, never guessed silently: a UTF-8/UTF-16 BOM wins; then strict UTF-8; then
strict CP949 (Korean Excel's "CSV" encoding, a superset of EUC-KR; reported as EUC-KR when the
bytes are plain EUC-KR). A file whose lines mix UTF-8 and CP949 is refused with the first line
that differs, because decoding it either way would silently garble Korean names. The delimiter
is the one of ``,`` tab ``;`` ``|`` that gives the most rows the same width. A workbook is
recognised by its bytes (so an .xlsx renamed .csv still opens) and read with python-calamine
(cached values of formula cells; openpyxl is only used to write); other binary data (NUL bytes,
PNG/PDF/GZIP signatures) is refused. Text cells come back with the formula escaping of our own
exports undone (:func:`core.spreadsheet_safety.unescape_formula`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..core.spreadsheet_safety import unescape_formula
from ..store import health

SAMPLE_ROWS = 200
_SIGNATURES = {b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"\x1f\x8b": "a GZIP archive",
               b"\xff\xd8\xff": "a JPEG image", b"SQLite format 3": "an SQLite database"}
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class TableFileError(ValueError):
    """A file that cannot be read as a table: ``reason`` and, where known, the 1-based ``row``."""

    def __init__(self, path: Path, reason: str, row: int | None = None) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path, self.reason, self.row = path, reason, row


@dataclass
class Sheet:
    """One table of cells: ``rows`` padded to equal width; cells are str (CSV) or typed (Excel)."""

    name: str
    rows: list[list[object]]

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


@dataclass
class TableFile:
    """A file opened as a table (the whole text is kept for the importers' fast long-CSV path)."""

    path: Path
    data: bytes
    kind: str  # "csv" or "excel"
    encoding: str = ""
    delimiter: str = ","
    text: str = ""
    sheets: list[Sheet] = field(default_factory=list)


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column index (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def read_table(path: Path | str, *, sample: bool = False) -> TableFile:
    """Read and decode ``path``; ``sample`` keeps only the first rows of a CSV grid."""
    path = Path(path)
    if health.open_cache_among(path) is not None:  # reading it would drop our own locks on it
        raise TableFileError(path, "this is the open Q&AI cache file, not a table")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TableFileError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if not data or data.isspace():
        raise TableFileError(path, "the file is empty")
    if data.startswith((_ZIP, _OLE)):
        return _open_workbook(path, data)
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            raise TableFileError(path, f"this is {what}, not a CSV or Excel file")
    text, encoding = decode(path, data)
    if "\x00" in text[:65536]:
        raise TableFileError(path, "binary data (NUL bytes), not a CSV or Excel file")
    table = TableFile(path, data, "csv", encoding, sniff_delimiter(text), text)
    table.sheets = [Sheet(path.stem, csv_rows(path, text, table.delimiter,
                                              limit=SAMPLE_ROWS if sample else None))]
    return table


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """``(text, encoding label)``; raises TableFileError for mixed or unknown encodings."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(path, data[3:], "utf-8", "UTF-8 (BOM)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(path, data, "utf-16", "UTF-16")
    if b"\x00" in data[:65536]:
        raise TableFileError(path, "binary data (NUL bytes), not a CSV or Excel file")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    _refuse_mixed(path, data)
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TableFileError(
            path, f"not UTF-8 or CP949/EUC-KR text (byte 0x{data[exc.start]:02x} on line {line}); "
                  "save it from Excel as 'CSV UTF-8'") from None
    try:
        data.decode("euc_kr")
        return text, "EUC-KR (CP949)"
    except UnicodeDecodeError:
        return text, "CP949"


def _strict(path: Path, data: bytes, codec: str, label: str) -> tuple[str, str]:
    try:
        return data.decode(codec).lstrip("\ufeff"), label
    except UnicodeDecodeError as exc:
        raise TableFileError(path, f"declares {label} but byte {exc.start} is not {label}") from None


def _refuse_mixed(path: Path, data: bytes) -> None:
    """Raise if some non-ASCII lines are UTF-8 and others are not."""
    utf8_line = other_line = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_line = utf8_line or number
        except UnicodeDecodeError:
            other_line = other_line or number
        if utf8_line and other_line:
            raise TableFileError(
                path, f"mixed text encodings: line {utf8_line} is UTF-8 but line {other_line} is "
                      "not (CP949/EUC-KR?); re-save the whole file in one encoding", row=other_line)


def sniff_delimiter(text: str) -> str:
    """The delimiter (',', tab, ';', '|') giving the most rows the same number (>1) of cells."""
    head = text[:65536].splitlines()[:50]
    best, best_score = ",", (0.0, 0)
    for delim in (",", "\t", ";", "|"):
        try:
            counts = [len(r) for r in csv.reader(head, delimiter=delim) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode) / len(counts), mode) if mode > 1 else (0.0, 0)
        if score > best_score:
            best, best_score = delim, score
    return best


def csv_rows(path: Path, text: str, delimiter: str, limit: int | None = None) -> list[list[object]]:
    """The CSV's rows (padded to one width, text unescaped), or the first ``limit`` rows."""
    rows: list[list[object]] = []
    head = text if limit is None else _head(text, limit)
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            if any(c[:1] == "'" for c in cells):
                cells = [unescape_formula(c) for c in cells]
            rows.append(cells)
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as exc:
        raise TableFileError(path, f"not a readable CSV file ({exc})", row=reader.line_num) from None
    return _pad(rows)


def _head(text: str, lines: int) -> str:
    """Roughly the first ``lines`` lines (extra lines allow for quoted line breaks)."""
    end, count = 0, 0
    while count < 2 * lines + 10:
        end = text.find("\n", end) + 1
        if end == 0:
            return text
        count += 1
    return text[:end]


def _pad(rows: list[list[object]]) -> list[list[object]]:
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    return rows


def _open_workbook(path: Path, data: bytes) -> TableFile:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            rows = [[_cell(c) for c in r] for r in rows]
            if any(any(c != "" for c in r) for r in rows):
                sheets.append(Sheet(name, _pad(rows)))
    except (CalamineError, ValueError, OSError) as exc:
        raise TableFileError(path, f"not a readable Excel workbook ({exc})") from None
    if not sheets:
        raise TableFileError(path, "the workbook has no cells")
    kind = "Excel (.xlsx)" if data.startswith(_ZIP) else "Excel 97-2003 (.xls)"
    return TableFile(path, data, "excel", encoding=kind, sheets=sheets)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return unescape_formula(value.strip())
    return value
