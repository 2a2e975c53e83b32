"""One monitor row: where a series stands, how it moved, and whether its data is fresh."""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd

from qnai_desktop.core.monitors.arrays import YEAR_DAYS, SeriesArrays, from_day, to_day
from qnai_desktop.core.series import FREQUENCIES, SeriesMeta

SPARKLINE_POINTS = 90
WEEKEND_TOLERANCE_DAYS = 2  # a daily series last seen on Friday is not stale on Monday or Tuesday

# Change windows: calendar offset (days, months) and the nominal span used to skip windows
# shorter than the series' expected spacing (a 1D change of a monthly series means nothing).
CHANGE_WINDOWS: dict[str, tuple[int, int, int]] = {
    "1d": (1, 0, 1),
    "1w": (7, 0, 7),
    "1m": (0, 1, 31),
    "3m": (0, 3, 92),
}


def change_measure(unit: str) -> tuple[str, str]:
    """How changes of a unit are shown: bp and % levels as differences, other levels as % change."""
    if unit == "bp":
        return "diff", "bp"
    if unit == "pct":
        return "diff", "pp"
    return "pct", "%"


def shift_months(d: date, months: int) -> date:
    """Calendar month offset, clamped to the month's end (31 Mar − 1M = 28/29 Feb).

    A month end maps to a month end (30 Apr − 1M = 31 Mar), so month-end series compare with
    the previous month's point rather than skipping back two months.
    """
    month_index = d.year * 12 + d.month - 1 + months
    year, month = divmod(month_index, 12)
    month_days = calendar.monthrange(year, month + 1)[1]
    is_month_end = d.day == calendar.monthrange(d.year, d.month)[1]
    return date(year, month + 1, month_days if is_month_end else min(d.day, month_days))


def stale_after_days(frequency: str) -> int:
    """Age beyond which data counts as stale: twice the expected spacing (+ a weekend if daily)."""
    spacing = FREQUENCIES[frequency]
    return 2 * spacing + (WEEKEND_TOLERANCE_DAYS if frequency == "D" else 0)


def _changes(arrays: SeriesArrays, frequency: str, measure: str) -> dict[str, float | None]:
    out: dict[str, float | None] = {key: None for key in CHANGE_WINDOWS}
    last_day = arrays.last_day
    if last_day is None:
        return out
    last_date = from_day(last_day)
    for key, (days, months, nominal) in CHANGE_WINDOWS.items():
        if nominal < FREQUENCIES[frequency]:
            continue
        base = shift_months(last_date, -months) if months else from_day(last_day - days)
        out[key] = arrays.change_since(to_day(base), measure)
    return out


def monitor_row(meta: SeriesMeta, frame: pd.DataFrame | None, today: date) -> dict:
    """Statistics of one series for the monitor table, the CLI and status colours.

    Changes compare the last value with the value at or before (last date − offset) and are
    None when the history is shorter than the window. The 1-year z-score and 52-week high/low
    use the points dated in (last − 365 days, last]. ``age_days`` counts from the last point.
    """
    arrays = SeriesArrays.from_frame(frame)
    measure, change_unit = change_measure(meta.unit)
    year = arrays.trailing(YEAR_DAYS)
    last_day = arrays.last_day
    age = None if last_day is None else max(0, to_day(today) - last_day)
    row: dict = {
        "series_id": meta.id,
        "title_ko": meta.title_ko,
        "title_en": meta.title_en,
        "unit": meta.unit,
        "frequency": meta.frequency,
        "is_demo": meta.is_demo,
        "last_value": arrays.last_value,
        "last_date": None if last_day is None else from_day(last_day),
        "change_unit": change_unit,
    }
    changes = _changes(arrays, meta.frequency, measure)
    row.update({f"change_{key}": value for key, value in changes.items()})
    row.update(
        {
            "zscore_1y": arrays.zscore(YEAR_DAYS),
            "high_52w": float(year.max()) if len(year) else None,
            "low_52w": float(year.min()) if len(year) else None,
            "sparkline": [float(v) for v in arrays.values[-SPARKLINE_POINTS:]],
            "age_days": age,
            "expected_days": FREQUENCIES[meta.frequency],
            "stale": age is None or age > stale_after_days(meta.frequency),
            "n": arrays.last_count,
        }
    )
    return row
