"""The plotted numbers of a chart to XLSX (openpyxl) or CSV, safe against formula injection.

Labels and sources can come from imported files, so any text cell starting with ``= + - @`` (or a
tab / carriage return) could run as a formula in Excel (OWASP "CSV injection"). Text cells, in CSV
and XLSX alike, are escaped by :mod:`core.spreadsheet_safety` (a leading apostrophe, whose exact
inverse the importers apply) and XLSX text cells are also typed as text, so they never evaluate.
Numbers stay numbers (a negative value is not text).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from qnai_desktop.core.phrases import (
    CSV_AS_OF,
    DATA_SHEET,
    ILLUSTRATIVE_COLUMN,
    ILLUSTRATIVE_FLAG,
    INFO_LABELS,
    INFO_SHEET,
    UNDATED,
)
from qnai_desktop.core.spreadsheet_safety import escape_formula
from qnai_desktop.services.export_plan import ChartJob, series_record


def _t(key: str, lang: str) -> str:
    return INFO_LABELS[key].pick(lang)


def _csv_value(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float):
        return repr(float(value)) if isinstance(value, float) and not value.is_integer() else (
            str(int(value)))
    return escape_formula(str(value))


def _table(job: ChartJob, lang: str) -> pd.DataFrame:
    table = job.prepared.table_for(lang)
    return table.reset_index()


def csv_comments(job: ChartJob, lang: str) -> list[str]:
    """The lines above the table: title, as-of date, source, and — when any plotted series is
    illustrative — the flag naming those series (a crop of the numbers cannot drop it)."""
    p = job.prepared
    lines = [p.title(lang), CSV_AS_OF.pick(lang) + (
        job.as_of.isoformat() if job.as_of else UNDATED.pick(lang)), p.source(lang)]
    demo = [s.label(lang) for s in p.series if s.is_demo]
    if demo:
        lines.append(f"{ILLUSTRATIVE_FLAG.pick(lang)}: {', '.join(demo)}")
    return [f"# {escape_formula(line)}" for line in lines if line]


def write_csv(path: Path | str, job: ChartJob, lang: str = "ko") -> Path:
    """``#`` comment lines (title, as-of, source, the illustrative flag), the header row of
    labels, then one row per x; a last column says whether the row holds illustrative values.
    UTF-8 with BOM so Excel reads Hangul."""
    path = Path(path)
    table = _table(job, lang)
    demo_cols = [s.label(lang) for s in job.prepared.series if s.is_demo]
    flag_col = ILLUSTRATIVE_COLUMN.pick(lang)
    yes, no = _t("yes", lang), _t("no", lang)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        for line in csv_comments(job, lang):
            fh.write(line + "\r\n")
        writer = csv.writer(fh)
        writer.writerow([escape_formula(str(c)) for c in table.columns] + [flag_col])
        cols = list(table.columns)
        for row in table.itertuples(index=False):
            values = dict(zip(cols, row, strict=True))
            demo_here = any(_csv_value(values.get(c)) != "" for c in demo_cols)
            writer.writerow([_csv_value(v) for v in row] + [yes if demo_here else no])
    return path


def _put_text(ws, row: int, col: int, text: str):
    cell = ws.cell(row=row, column=col)
    cell.value = escape_formula(text)
    cell.data_type = "s"  # never "f", even for "=…" (openpyxl would otherwise write a formula)
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
    demo_cols = [s.label(lang) for s in job.prepared.series if s.is_demo]
    flag_at = len(table.columns) + 1
    if demo_cols:  # the same flag as the CSV's last column, on the sheet people copy from
        _put_text(data, 1, flag_at, ILLUSTRATIVE_COLUMN.pick(lang)).font = bold
    cols = list(table.columns)
    for r, row in enumerate(table.itertuples(index=False), start=2):
        for c, value in enumerate(row, start=1):
            _put(data, r, c, value)
        if demo_cols:
            values = dict(zip(cols, row, strict=True))
            here = any(_csv_value(values.get(c)) != "" for c in demo_cols)
            _put_text(data, r, flag_at, _t("yes" if here else "no", lang))
    data.freeze_panes = "B2"
    data.column_dimensions["A"].width = 12

    info = wb.create_sheet(INFO_SHEET.pick(lang))
    p = job.prepared
    rows = [("chart", job.chart_id), ("title", p.title(lang)), ("unit", p.unit(lang)),
            ("source", p.source(lang)), ("note", p.note(lang)),
            ("as_of", job.as_of.isoformat() if job.as_of else ""),
            ("demo", ILLUSTRATIVE_FLAG.pick(lang) if p.is_demo else _t("no", lang))]
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
