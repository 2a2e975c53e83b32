"""One workbook for a pack: an info sheet, then one sheet per chart with its numbers and a native
Excel chart of them (openpyxl), so the analyst restyles in Excel what she sees in the deck.

The info sheet lists every chart with its sheet, source, as-of date and flags — illustrative,
stale, held back (those have no sheet: there is nothing to put on it). Cells are written through
``export_data``'s helpers, so formula injection is escaped the same way and illustrative rows
carry the same flag column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import AreaChart, BarChart, LineChart, Reference
from openpyxl.styles import Font

from ..core.export_checks import ExportWarning
from ..core.phrases import ILLUSTRATIVE_FLAG
from .export_data import _csv_value, _put, _put_text, _table
from .export_plan import ChartJob, HeldBack

MAX_SHEET = 31
_BAD = re.compile(r"[\[\]:*?/\\]")
DATA_ROW = 5  # header row of a chart sheet's table (title, source and flags above it)

_LABELS = {
    "info": ("정보", "Info"), "chart": ("차트", "Chart"), "sheet": ("시트", "Sheet"),
    "title": ("제목", "Title"), "unit": ("단위", "Unit"), "source": ("자료", "Source"),
    "as_of": ("기준일", "As of"), "demo": ("예시 데이터", "Illustrative"),
    "stale": ("오래된 데이터", "Stale"), "held": ("보류 (데이터 없음)", "Held back (no data)"),
    "yes": ("예", "yes"), "no": ("아니오", "no"), "flag": ("예시 데이터", "illustrative"),
}


def _t(key: str, lang: str) -> str:
    ko, en = _LABELS[key]
    return ko if lang == "ko" else en


def sheet_names(chart_ids: Sequence[str], reserved: Sequence[str] = ()) -> dict[str, str]:
    """A sheet name per chart: the id without Excel's forbidden characters, at most 31
    characters, unique (case-insensitively, as Excel compares them)."""
    taken = {r.casefold() for r in reserved}
    out: dict[str, str] = {}
    for cid in chart_ids:
        base = _BAD.sub("_", cid).strip("'") or "chart"
        name, n = base[:MAX_SHEET], 1
        while name.casefold() in taken:
            n += 1
            tail = f"~{n}"
            name = base[:MAX_SHEET - len(tail)] + tail
        taken.add(name.casefold())
        out[cid] = name
    return out


def _chart_for(job: ChartJob, lang: str):
    kind = job.spec.kind
    if kind == "bar":
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "clustered"
    elif kind in ("area_stacked", "area_pct"):
        chart = AreaChart()
        chart.grouping = "stacked"
    else:
        chart = LineChart()
        chart.display_blanks = "span"  # sparse dates (funding rounds) still draw as lines
    if kind == "log":
        chart.y_axis.scaling.logBase = 10
    chart.title = job.prepared.title(lang)
    chart.y_axis.title = job.prepared.unit(lang) or None
    chart.height, chart.width = 9, 18
    return chart


def _add_chart(ws, job: ChartJob, lang: str, n_rows: int, n_series: int) -> None:
    chart = _chart_for(job, lang)
    data = Reference(ws, min_col=2, max_col=1 + n_series, min_row=DATA_ROW, max_row=DATA_ROW + n_rows)
    cats = Reference(ws, min_col=1, min_row=DATA_ROW + 1, max_row=DATA_ROW + n_rows)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    for series, plotted in zip(chart.series, job.prepared.series, strict=False):
        colour = plotted.color.lstrip("#")[:6]
        if isinstance(chart, LineChart):
            series.graphicalProperties.line.solidFill = colour
            series.graphicalProperties.line.width = 19050  # 1.5 pt
            series.smooth = False
            series.marker.symbol = "none"
        else:
            series.graphicalProperties.solidFill = colour
            series.graphicalProperties.line.noFill = True
    if job.prepared.x_is_date:
        chart.x_axis.number_format = "yy.mm"
    ws.add_chart(chart, ws.cell(row=DATA_ROW, column=n_series + 4).coordinate)


def _chart_sheet(wb, name: str, job: ChartJob, lang: str, flags: list[str]) -> None:
    ws = wb.create_sheet(name)
    p = job.prepared
    bold = Font(bold=True)
    _put_text(ws, 1, 1, p.title(lang)).font = Font(bold=True, size=13)
    _put_text(ws, 2, 1, " · ".join(t for t in (p.note(lang), p.source(lang)) if t))
    as_of = (("기준: " if lang == "ko" else "As of ") + job.as_of.isoformat()) if job.as_of else ""
    _put_text(ws, 3, 1, " · ".join(t for t in (as_of, *flags) if t))
    table = _table(job, lang)
    for c, col in enumerate(table.columns, start=1):
        _put_text(ws, DATA_ROW, c, str(col)).font = bold
    demo_cols = [s.label(lang) for s in p.series if s.is_demo]
    flag_at = len(table.columns) + 1
    if demo_cols:
        _put_text(ws, DATA_ROW, flag_at, _t("flag", lang)).font = bold
    cols = list(table.columns)
    for r, row in enumerate(table.itertuples(index=False), start=DATA_ROW + 1):
        for c, value in enumerate(row, start=1):
            cell = _put(ws, r, c, value)
            if c == 1 and not p.x_is_date:
                cell.number_format = "#,##0.##"
        if demo_cols:
            values = dict(zip(cols, row, strict=True))
            here = any(_csv_value(values.get(col)) != "" for col in demo_cols)
            _put_text(ws, r, flag_at, _t("yes" if here else "no", lang))
    ws.freeze_panes = ws.cell(row=DATA_ROW + 1, column=2)
    ws.column_dimensions["A"].width = 12
    if len(table) and len(p.series):
        _add_chart(ws, job, lang, len(table), len(p.series))


def write_workbook(path: Path | str, jobs: Sequence[ChartJob], lang: str = "ko", *,
                   warnings: Mapping[str, Sequence[ExportWarning]] | None = None,
                   held: Sequence[HeldBack] = ()) -> Path:
    """The pack's workbook at ``path``: the info sheet first, then a sheet per chart."""
    path = Path(path)
    warnings = warnings or {}
    wb = Workbook()
    info = wb.active
    info.title = _t("info", lang)
    names = sheet_names([j.chart_id for j in jobs], reserved=[info.title])
    head = ["chart", "sheet", "title", "unit", "source", "as_of", "demo", "stale", "held"]
    bold = Font(bold=True)
    for c, key in enumerate(head, start=1):
        _put_text(info, 1, c, _t(key, lang)).font = bold
    row = 2
    for job in jobs:
        p = job.prepared
        stale = next((w for w in warnings.get(job.chart_id, ()) if w.kind == "stale"), None)
        flags = []
        if p.is_demo:
            flags.append(ILLUSTRATIVE_FLAG.pick(lang))
        if stale is not None:
            flags.append(stale.message(lang))
        values = [job.chart_id, names[job.chart_id], p.title(lang), p.unit(lang), p.source(lang),
                  job.as_of.isoformat() if job.as_of else "",
                  ILLUSTRATIVE_FLAG.pick(lang) if p.is_demo else _t("no", lang),
                  stale.message(lang) if stale else _t("no", lang), _t("no", lang)]
        for c, value in enumerate(values, start=1):
            _put_text(info, row, c, value)
        info.cell(row=row, column=2).hyperlink = f"#'{names[job.chart_id]}'!A1"
        _chart_sheet(wb, names[job.chart_id], job, lang, flags)
        row += 1
    for h in held:
        values = [h.chart_id, "", h.title(lang), "", "", "", _t("no", lang), _t("no", lang),
                  f"{_t('held', lang)}: {h.reason(lang)}; " + "; ".join(h.actions(lang))]
        for c, value in enumerate(values, start=1):
            _put_text(info, row, c, value)
        row += 1
    for col, width in zip("ABCDEFGHI", (30, 24, 40, 16, 36, 12, 28, 40, 50), strict=True):
        info.column_dimensions[col].width = width
    info.freeze_panes = "A2"
    wb.save(path)
    return path
