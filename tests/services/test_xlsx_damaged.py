"""A workbook whose sheet is a damaged deflate stream is refused with one sentence naming the
file (found by the importer fuzzing: ``zlib.error`` escaped the formula-cell scan)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from qnai_desktop.services.importers import ImportFileError, preview_file
from qnai_desktop.services.xlsx_cells import scan_cells


def _damaged_workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "a"])
    for day in range(1, 29):
        sheet.append([f"2026-01-{day:02d}", f"=ROUND({day}*1.5, 1)"])
    raw = io.BytesIO()
    book.save(raw)
    data = bytearray(raw.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 40, start + info.compress_size - 8, 7):  # garble the deflate stream
        data[i] ^= 0x5A
    return bytes(data)


def test_the_formula_scan_skips_a_damaged_sheet() -> None:
    assert scan_cells(_damaged_workbook()) == {}  # no zlib.error: the reader reports the file


def test_a_damaged_workbook_is_one_sentence_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(_damaged_workbook())
    with pytest.raises(ImportFileError, match=r"damaged\.xlsx"):
        preview_file(path)
