"""The shipped Bloomberg template as Excel saves it after the add-in loaded (imported by tests).

This machine has no Bloomberg. :func:`save_as_excel_would` writes what a saved workbook holds
after a refresh: each ``=BDH(…)`` cell keeps its formula WITH its saved value (the first date —
openpyxl cannot write that, so the sheet XML is patched), and the cells the formula spilled into
hold plain dates and numbers. ``values`` overrides single cells, as she would edit one.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "resources" / "templates" / "bloomberg_note_series.xlsx"
DAYS = 40  # business days filled per block
LAST_DAY = date(2026, 11, 30)
#: plausible levels per security (first field, second field)
LEVELS = {"SDH100RT Index": (2.2,), "ORCL CDS USD SR 5Y D14 Corp": (135.0,),
          "CRWV CDS USD SR 5Y D14 Corp": (690.0,), "NVDA US Equity": (19.0, 4.736e12),
          "GOOGL US Equity": (29.0, 4.463e12), "AAPL US Equity": (34.0, 4.592e12),
          "MSFT US Equity": (20.0, 2.872e12), "AMZN US Equity": (29.0, 2.626e12),
          "META US Equity": (18.0, 1.523e12), "ORCL US Equity": (17.0, 4.14e11),
          "CRWV US Equity": (-40.0, 4.7e10)}


def business_days(n: int = DAYS, last: date = LAST_DAY) -> list[date]:
    out, d = [], last
    while len(out) < n:
        if d.weekday() < 5:
            out.append(d)
        d -= timedelta(days=1)
    return out[::-1]


def formula_cells(path: Path = TEMPLATE) -> dict[str, list[tuple[int, int, str, list[str]]]]:
    """Sheet → [(row, col, security, fields)] of each BDH cell (1-based)."""
    wb = load_workbook(path)
    out: dict[str, list[tuple[int, int, str, list[str]]]] = {}
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=BDH("):
                    security = ws.cell(cell.row - 2, cell.column).value
                    fields, c = [], cell.column + 1
                    while ws.cell(cell.row - 1, c).value:
                        fields.append(ws.cell(cell.row - 1, c).value)
                        c += 1
                    out.setdefault(ws.title, []).append((cell.row, cell.column, security, fields))
    return out


def series_values(security: str, fields: list[str], days: list[date]) -> list[list[float]]:
    """Deterministic plausible values: a gentle walk around the security's level."""
    rng = np.random.default_rng(sum(map(ord, security)))  # hash() is salted per process
    out = []
    for level in LEVELS[security][: len(fields)]:
        walk = np.cumsum(rng.normal(0, 0.004, len(days))) + 1
        out.append([round(float(level * w), 4 if abs(level) < 1e6 else -6) for w in walk])
    return out


def save_as_excel_would(out: Path, values: dict[tuple[str, str], float] | None = None,
                        template: Path = TEMPLATE, *, error: str = "") -> Path:
    """The template filled as Excel saves it after Bloomberg loaded; ``values`` overrides cells
    by (sheet, "B7"); ``error`` makes every BDH cell save that Excel error instead (no spill:
    Excel without the add-in)."""
    days = business_days()
    wb = load_workbook(template)
    cached: dict[str, dict[str, str]] = {}
    for sheet, cells in formula_cells(template).items():
        ws = wb[sheet]
        for row, col, security, fields in cells:
            ref = ws.cell(row, col).coordinate
            if error:
                cached.setdefault(sheet, {})[ref] = error
                continue
            columns = series_values(security, fields, days)
            for i, day in enumerate(days):
                if i:
                    ws.cell(row + i, col).value = datetime.combine(day, datetime.min.time())
                    ws.cell(row + i, col).number_format = "yyyy-mm-dd"
                for j, column in enumerate(columns):
                    ws.cell(row + i, col + 1 + j).value = column[i]
            cached.setdefault(sheet, {})[ref] = str((days[0] - date(1899, 12, 30)).days)
    for (sheet, ref), value in (values or {}).items():
        wb[sheet][ref].value = value
    wb.save(out)
    _patch_cached(out, cached, [ws.title for ws in wb], error=bool(error))
    return out


def _patch_cached(path: Path, cached: dict[str, dict[str, str]], order: list[str], *,
                  error: bool) -> None:
    """Give formula cells their saved value in the sheet XML (what Excel writes)."""
    patch_sheets(path, {order.index(sheet) + 1: {ref: ("e" if error else "", value)
                                                 for ref, value in cells.items()}
                        for sheet, cells in cached.items()})


def patch_sheets(path: Path, cells: dict[int, dict[str, tuple[str, str]]]) -> Path:
    """Set saved values in the XML of sheets by number (1-based): ref → (type, value); a cell's
    formula stays; type "e" is an Excel error, "str" a text result, "" a number."""
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            for ref, (kind, value) in (cells.get(int(m[1]), {}) if m else {}).items():
                data = saved_value(data, ref, kind, value)
            dst.writestr(info, data)
    return path


def saved_value(xml: bytes, ref: str, kind: str, value: str) -> bytes:
    """``xml`` with cell ``ref`` holding the saved value ``value`` of type ``kind``."""
    cell = re.compile(rb'<c r="' + ref.encode() + rb'"([^>]*?)(?: t="\w+")?>(<f>.*?</f>)?'
                      rb"(?:<v\s*/>|<v>.*?</v>)?</c>")
    t = f' t="{kind}"'.encode() if kind else b""
    start = b'<c r="' + ref.encode() + b'"'
    out, n = cell.subn(lambda m: start + m[1] + t + b">" + (m[2] or b"") + b"<v>" + value.encode()
                       + b"</v></c>", xml)
    assert n == 1, ref
    return out


def read_back(path: Path) -> dict[str, dict[str, object]]:
    """Sheet → {ref: value} of the non-empty cells (to check what the file holds)."""
    wb = load_workbook(path, data_only=True)
    return {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row
                       if c.value is not None} for ws in wb}
