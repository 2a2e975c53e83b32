"""The plotted numbers of a chart to XLSX (openpyxl) or CSV, safe against formula injection.

Labels and sources can come from imported files, so any text cell starting with ``= + - @`` (or a
tab / carriage return) could run as a formula in Excel (OWASP "CSV injection"). CSV text cells get
a leading apostrophe; XLSX text cells are stored as text with Excel's quote prefix, so they show
as typed and never evaluate. Numbers stay numbers (a negative value is not text).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from qnai_desktop.core.phrases import DATA_SHEET, INFO_LABELS, INFO_SHEET
from qnai_desktop.services.export_plan import ChartJob, series_record

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _t(key: str, lang: str) -> str:
    return INFO_LABELS[key].pick(lang)


def is_dangerous(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def escape_csv_text(text: str) -> str:
    """``=1+1`` -> ``'=1+1``; harmless text unchanged."""
    return "'" + text if is_dangerous(text) else text


def _csv_value(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float):
        return repr(float(value)) if isinstance(value, float) and not value.is_integer() else (
            str(int(value)))
    return escape_csv_text(str(value))


def _table(job: ChartJob, lang: str) -> pd.DataFrame:
    table = job.prepared.table_for(lang)
    return table.reset_index()


def write_csv(path: Path | str, job: ChartJob, lang: str = "ko") -> Path:
    """Header row of labels, then one row per x; UTF-8 with BOM so Excel reads Hangul."""
    path = Path(path)
    table = _table(job, lang)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([escape_csv_text(str(c)) for c in table.columns])
        for row in table.itertuples(index=False):
            writer.writerow([_csv_value(v) for v in row])
    return path


def _put_text(ws, row: int, col: int, text: str):
    cell = ws.cell(row=row, column=col)
    cell.value = text
    cell.data_type = "s"  # never "f", even for "=…" (openpyxl would otherwise write a formula)
    if is_dangerous(text):
        cell.quotePrefix = True
    return cell


def _put(ws, row: int, col: int, value: object):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ws.cell(row=row, column=col)
    if isinstance(value, pd.Timestamp):
        cell = ws.cell(row=row, column=col, value=value.to_pydatetime())
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, int | float) and not isinstance(value, bool):
        return ws.cell(row=row, column=col, value=float(value))
    return _put_text(ws, row, col, str(value))


def write_xlsx(path: Path | str, job: ChartJob, lang: str = "ko") -> Path:
    """Sheet 1: the plotted numbers; sheet 2: title, unit, source/note lines and series details."""
    path = Path(path)
    wb = Workbook()
    data = wb.active
    data.title = DATA_SHEET.pick(lang)
    table = _table(job, lang)
    bold = Font(bold=True)
    for c, name in enumerate(table.columns, start=1):
        _put_text(data, 1, c, str(name)).font = bold
    for r, row in enumerate(table.itertuples(index=False), start=2):
        for c, value in enumerate(row, start=1):
            _put(data, r, c, value)
    data.freeze_panes = "B2"
    data.column_dimensions["A"].width = 12

    info = wb.create_sheet(INFO_SHEET.pick(lang))
    p = job.prepared
    rows = [("chart", job.chart_id), ("title", p.title(lang)), ("unit", p.unit(lang)),
            ("source", p.source(lang)), ("note", p.note(lang)),
            ("as_of", job.as_of.isoformat() if job.as_of else ""),
            ("demo", _t("yes" if p.is_demo else "no", lang))]
    for r, (key, value) in enumerate(rows, start=1):
        _put_text(info, r, 1, _t(key, lang)).font = bold
        _put_text(info, r, 2, value)
    head = ["series", "label", "source", "demo", "first", "as_of", "points", "licence"]
    start = len(rows) + 2
    for c, key in enumerate(head, start=1):
        _put_text(info, start, c, _t(key, lang)).font = bold
    for r, s in enumerate(p.series, start=start + 1):
        rec = series_record(job, s.series_id, lang)
        values = [rec["id"], rec["label"], rec["source"], _t("yes" if rec["is_demo"] else "no", lang),
                  rec["first"] or "", rec["as_of"] or "", rec["points"], rec["licence"]]
        for c, value in enumerate(values, start=1):
            _put(info, r, c, value)
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 40
    wb.save(path)
    return path
