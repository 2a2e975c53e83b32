"""What a prepared chart becomes natively: python-pptx chart data, chart type and fixed scales.

The numbers are the prepared chart's (``PreparedChart.table_for(lang)`` for charts over dates,
each series' own x for charts over days or a model input), embedded in the chart's workbook so
PowerPoint's "Edit Data" shows them. Kinds map as the catalogue means them:

=============  ==================================  =====================================
kind           over dates                          over days / a model input
=============  ==================================  =====================================
line           line chart, date axis               XY scatter with lines
log            line chart, log value axis          XY scatter, log value axis
area_stacked   stacked area, date axis             stacked area, numbered categories
area_pct       stacked area of shares, 0–100%      the same
bar            clustered column ("2Q26" labels)    clustered column
dual_axis      line chart + a second line plot     a picture (see native_problem)
               on a right value axis (combo)
=============  ==================================  =====================================
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.enum.chart import XL_CHART_TYPE

from ...core.charts import PreparedChart
from ...core.deck.axes import DateTicks, Scale, date_ticks, log_scale, nice_step, period_labels, value_scale

XL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (1900 date system, what python-pptx writes)
MAX_POINTS = 20_000  # per series; a chart this dense is slow to open in PowerPoint
PERCENT_SCALE = Scale(0.0, 100.0, 25.0, '0"%"')  # shares of a total


def excel_serial(day: date) -> float:
    return float((day - XL_EPOCH).days)


@dataclass(frozen=True)
class NativeData:
    """Everything needed to create — or refill — one native chart."""

    chart_type: XL_CHART_TYPE
    data: CategoryChartData | XyChartData
    x: str  # date | category (bars over dates) | numbers (areas, bars over numbers) | xy
    y: Scale
    y2: Scale | None
    tick_skip: int | None  # charts over numbers: a label every this many categories
    ticks: DateTicks | None  # date charts
    x_days: tuple[date, ...]  # the category dates (date and category charts over dates)
    names: tuple[str, ...]
    colors: tuple[str, ...]
    right: tuple[int, ...]  # indices of the series on the right value axis
    stacked: str = ""  # "" | "stacked" | "percent"
    x_scale: Scale | None = None  # XY charts

    @property
    def x_lo(self) -> float:
        return excel_serial(self.x_days[0]) if self.x == "date" and self.x_days else 0.0

    @property
    def x_hi(self) -> float:
        return excel_serial(self.x_days[-1]) if self.x == "date" and self.x_days else 0.0

    @property
    def line_like(self) -> bool:
        return self.chart_type in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS)


def native_problem(p: PreparedChart) -> str | None:
    """Why this chart cannot be a native chart (it becomes a picture), or None."""
    if p.is_empty:
        return "no data to plot"
    if p.spec.kind == "dual_axis" and p.x_mode != "date":
        return ("a dual-axis chart over days or a model input: the deck's combo is a line chart "
                "over dates, so this chart is a picture")
    if any(len(s) > MAX_POINTS for s in p.series):
        return f"more than {MAX_POINTS:,} points in a series: too heavy for a native chart"
    return None


def _finite(values) -> list[float | None]:
    return [float(v) if v is not None and math.isfinite(v) else None for v in values]


def _bounds(columns: list[list[float | None]], *, stacked: bool) -> tuple[float, float]:
    if stacked:
        rows = list(zip(*columns, strict=True)) if columns else []
        sums = [sum(v for v in row if v is not None and v > 0) for row in rows]
        lows = [sum(v for v in row if v is not None and v < 0) for row in rows]
        return min(lows, default=0.0), max(sums, default=1.0)
    flat = [v for col in columns for v in col if v is not None]
    return min(flat, default=0.0), max(flat, default=1.0)


def _scale(kind: str, columns: list[list[float | None]], *, stacked: bool) -> Scale:
    if kind == "log":
        flat = [v for col in columns for v in col if v is not None and v > 0]
        return log_scale(min(flat, default=1.0), max(flat, default=10.0))
    lo, hi = _bounds(columns, stacked=stacked)
    return value_scale(lo, hi, zero=kind in ("bar", "area_stacked", "area_pct"))


def build_native(p: PreparedChart, lang: str) -> NativeData:
    """The chart data and scales of ``p`` in ``lang`` (series names are its labels)."""
    kind = p.spec.kind
    names = tuple(str(c) for c in p.table_for(lang).columns)
    colors = tuple(s.color for s in p.series)
    right = tuple(i for i, s in enumerate(p.series) if s.axis == "right") if kind == "dual_axis" else ()
    if p.x_mode == "date":
        return _over_dates(p, lang, kind, names, colors, right)
    return _over_numbers(p, lang, kind, names, colors, right)


def _columns(table: pd.DataFrame, log: bool) -> list[list[float | None]]:
    cols = []
    for name in table.columns:
        values = _finite(table[name].to_numpy(dtype="float64"))
        cols.append([v if v is None or not log or v > 0 else None for v in values])
    return cols


def _over_dates(p: PreparedChart, lang: str, kind: str, names, colors, right) -> NativeData:
    table = p.table_for(lang)
    days = tuple(pd.Timestamp(t).date() for t in table.index)
    columns = _columns(table, kind == "log")
    if kind == "bar":
        data = CategoryChartData(number_format="#,##0.0#")
        data.categories = period_labels(list(days))
        chart_type, x = XL_CHART_TYPE.COLUMN_CLUSTERED, "category"
    else:
        data = CategoryChartData(number_format="#,##0.0#")
        data.categories = list(days)
        # shares already sum to 100: a plain stacked area on 0–100 (a 100% chart's axis runs
        # 0–1 in PowerPoint but 0–100 in LibreOffice)
        chart_type = XL_CHART_TYPE.AREA_STACKED if kind in ("area_stacked", "area_pct") \
            else XL_CHART_TYPE.LINE
        x = "date"
    data.categories.number_format = "yyyy-mm-dd"
    for name, col in zip(names, columns, strict=True):
        data.add_series(name, col)
    left_cols = [c for i, c in enumerate(columns) if i not in right]
    right_cols = [c for i, c in enumerate(columns) if i in right]
    stacked = {"area_stacked": "stacked", "area_pct": "percent"}.get(kind, "")
    y = PERCENT_SCALE if stacked == "percent" else _scale(kind, left_cols or columns,
                                                           stacked=bool(stacked))
    y2 = _scale("line", right_cols, stacked=False) if right_cols else None
    span = (days[-1] - days[0]).days if days else 0
    return NativeData(chart_type, data, x, y, y2, None, date_ticks(span) if x == "date" else None,
                      days, names, colors, right, stacked)


def _over_numbers(p: PreparedChart, lang: str, kind: str, names, colors, right) -> NativeData:
    """Days since a base date or a model input: lines are XY scatter lines (each series its own
    x), areas and bars numbered categories with a label every ``tick_skip``."""
    if kind in ("area_stacked", "area_pct", "bar"):
        return _numbered_categories(p, lang, kind, names, colors)
    data = XyChartData(number_format="#,##0.0#")
    log = kind == "log"
    longest = max(len(s) for s in p.series)
    columns, xs = [], []
    for name, s in zip(names, p.series, strict=True):
        ser = data.add_series(name)
        ok = np.isfinite(s.y) & np.isfinite(s.x) & ((s.y > 0) if log else True)
        for xv, yv in zip(s.x[ok], s.y[ok], strict=True):
            ser.add_data_point(float(xv), float(yv))
        # every series as long as the longest: LibreOffice 7.4 drops the series before the
        # longest one when lengths differ (python-pptx stacks them in one pair of columns)
        for _ in range(longest - int(ok.sum())):
            ser.add_data_point(None, None)
        columns.append([float(v) for v in s.y[ok]])
        xs += [float(v) for v in s.x[ok]]
    y = _scale("log" if log else "line", columns, stacked=False)
    x_scale = value_scale(min(xs, default=0.0), max(xs, default=1.0), headroom=False)
    return NativeData(XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS, data, "xy", y, None, None, None, (),
                      names, colors, (), x_scale=x_scale)


def _numbered_categories(p: PreparedChart, lang: str, kind: str, names, colors) -> NativeData:
    table = p.table_for(lang)
    data = CategoryChartData(number_format="#,##0.0#")
    if p.categories:  # a category chart: each column named (table_for's rows are the names)
        xs = np.arange(1.0, len(table) + 1.0)
        data.categories = [str(x) for x in table.index]
    else:
        xs = table.index.to_numpy(dtype="float64")
        data.categories = [float(x) for x in xs]
        data.categories.number_format = "#,##0.##"
    columns = _columns(table, False)
    for name, col in zip(names, columns, strict=True):
        data.add_series(name, col)
    chart_type = XL_CHART_TYPE.COLUMN_CLUSTERED if kind == "bar" else XL_CHART_TYPE.AREA_STACKED
    stacked = {"area_stacked": "stacked", "area_pct": "percent"}.get(kind, "")
    y = PERCENT_SCALE if stacked == "percent" else _scale(kind, columns, stacked=bool(stacked))
    step = nice_step(float(xs[-1] - xs[0]) if len(xs) > 1 else 1.0, 5)
    per = float(np.median(np.diff(xs))) if len(xs) > 1 else 1.0
    # PowerPoint labels every tick_skip-th category; LibreOffice 7.4 ignores c:tickLblSkip
    skip = max(1, round(step / per)) if per > 0 and not p.categories else 1
    return NativeData(chart_type, data, "numbers", y, None, skip, None, (), names, colors, (), stacked)
