"""What python-calamine does not say about an .xlsx: formula cells and Excel error cells.

Calamine gives a formula cell's *cached* value, which is what Excel saved — and nothing at all
when none was saved (a workbook written by a program that does not calculate, such as openpyxl
or Bloomberg's template generator), and a blank for an Excel error (``#NAME?``, ``#DIV/0!``). A
Bloomberg sheet saved without the add-in therefore read as "no values": the importer could not
say why. :func:`scan_cells` reads the sheets' XML for exactly those cells, so the reader can put
each error's text back into its cell (and the value parser refuses it where a number belongs)
and the importer can refuse a formula with no saved value, naming sheet, cell and formula.

Only sheets whose XML holds a formula or an error are parsed, so a plain data sheet costs a
substring search.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from html import unescape
from xml.etree import ElementTree

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_TYPE = re.compile(rb'\bt="(\w+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?v>)", re.S)
#: Bloomberg's Excel add-in functions (BDH history, BDP point, BDS bulk, BQL queries)
BLOOMBERG_FUNCTIONS = re.compile(r"^\s*=?\s*(?:_xll\.)?(BDH|BDP|BDS|BQL|BEQS|BSRCH)\s*\(", re.I)


@dataclass(frozen=True)
class FormulaCell:
    """A formula cell with no usable saved value: ``cached`` is its error text, or ''."""

    sheet: str
    ref: str  # A1-style
    row: int  # 0-based
    col: int  # 0-based
    formula: str  # with its leading '=', '' for a shared formula whose text is elsewhere
    cached: str = ""

    @property
    def bloomberg(self) -> bool:
        return bool(BLOOMBERG_FUNCTIONS.match(self.formula))


@dataclass
class SheetCells:
    """One sheet's formula cells without a saved value and its error cells (by 0-based cell)."""

    unsaved: list[FormulaCell] = field(default_factory=list)
    failed: list[FormulaCell] = field(default_factory=list)  # formulas whose saved value is an error
    errors: dict[tuple[int, int], str] = field(default_factory=dict)


def scan_cells(data: bytes) -> dict[str, SheetCells]:
    """Sheet name → its formula and error cells, for an .xlsx given as bytes (empty for anything
    this cannot read: the workbook reader reports those)."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        paths = _sheet_paths(book)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError):
        return {}
    out: dict[str, SheetCells] = {}
    for name, member in paths.items():
        try:
            xml = book.read(member)
        except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
            continue  # a damaged member: the workbook reader reports the file
        if b"<f" not in xml and b":f" not in xml and b't="e"' not in xml:
            continue
        cells = _scan_sheet(name, xml)
        if cells.unsaved or cells.failed or cells.errors:
            out[name] = cells
    return out


def _sheet_paths(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML member, from xl/workbook.xml and its relationships."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    out = {}
    for sheet in workbook.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        if not target:
            continue
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        out[sheet.get("name", "")] = member
    return out


def _scan_sheet(name: str, xml: bytes) -> SheetCells:
    cells = SheetCells()
    for m in _CELL.finditer(xml):
        attrs, body = m.group(1), m.group(2) or b""
        kind = _TYPE.search(attrs)
        is_error = kind is not None and kind.group(1) == b"e"
        formula = _FORMULA.search(body)
        if formula is None and not is_error:
            continue
        ref = _REF.search(attrs)
        if ref is None:
            continue
        col, row = _col_index(ref.group(1).decode()), int(ref.group(2)) - 1
        value = _VALUE.search(body)
        cached = unescape((value.group(1) or b"").decode("utf-8", "replace")) if value else None
        if is_error and cached:
            cells.errors[(row, col)] = cached.strip()
        if formula is None:
            continue
        text = unescape((formula.group(1) or b"").decode("utf-8", "replace"))
        cell = FormulaCell(name, f"{ref.group(1).decode()}{row + 1}", row, col,
                           f"={text}" if text else "", cached.strip() if is_error and cached else "")
        if is_error and cached:
            cells.failed.append(cell)
        elif cached is None or (cached == "" and (kind is None or kind.group(1) != b"str")):
            cells.unsaved.append(cell)  # an empty <v> of a string result is a saved ""
    return cells


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1
