"""Numpy view of one observation frame: the single home of monitor and rule arithmetic.

Days are integers since 1970-01-01 so that "value at or before a date" is one ``searchsorted``.
Rows whose value is NaN or infinite are dropped: they mean "no value", not zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

EPOCH = date(1970, 1, 1)
YEAR_DAYS = 365
MIN_ZSCORE_POINTS = 3

MEASURES = ("diff", "pct")  # difference in the series' unit, or percent change


def to_day(d: date) -> int:
    """Days since 1970-01-01."""
    return (d - EPOCH).days


def from_day(day: int) -> date:
    return date.fromordinal(EPOCH.toordinal() + int(day))


_UNITS_PER_DAY = {
    "D": 1,
    "h": 24,
    "m": 1_440,
    "s": 86_400,
    "ms": 86_400_000,
    "us": 86_400_000_000,
    "ns": 86_400_000_000_000,
}


def _day_numbers(dates: np.ndarray) -> np.ndarray:
    """Integer day numbers; a view plus one floor division for datetime64 columns."""
    if dates.dtype.kind != "M":
        dates = pd.to_datetime(dates).to_numpy()
    unit, step = np.datetime_data(dates.dtype)
    per_day = _UNITS_PER_DAY.get(unit)
    if per_day is None or step != 1:
        return dates.astype("datetime64[D]").astype(np.int64)
    return dates.view(np.int64) // per_day


def _floats(column: pd.Series) -> np.ndarray:
    if column.dtype == np.float64:
        return column.to_numpy()
    return column.to_numpy(dtype=np.float64, na_value=np.nan)


@dataclass(frozen=True, eq=False)
class SeriesArrays:
    """Sorted day numbers, finite values and quote counts (NaN when unknown) of one series."""

    days: np.ndarray
    values: np.ndarray
    counts: np.ndarray | None = None  # None when not read (rules never need it)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame | None, counts: bool = True) -> SeriesArrays:
        if frame is None or len(frame) == 0:
            return cls.empty()
        days = _day_numbers(frame["date"].to_numpy())
        values = _floats(frame["value"])
        n = _floats(frame["n"]) if counts and "n" in frame else None
        if counts and n is None:
            n = np.full(len(values), np.nan)
        keep = np.isfinite(values)
        if not keep.all():
            days, values = days[keep], values[keep]
            n = None if n is None else n[keep]
        if len(days) > 1 and not (days[1:] > days[:-1]).all():
            # The frame contract says sorted and unique; repair rather than give wrong answers.
            order = np.argsort(days, kind="stable")
            days, values = days[order], values[order]
            last_of_day = np.append(days[1:] != days[:-1], True)
            days, values = days[last_of_day], values[last_of_day]
            n = None if n is None else n[order][last_of_day]
        return cls(days, values, n)

    @classmethod
    def empty(cls) -> SeriesArrays:
        return cls(np.empty(0, np.int64), np.empty(0, np.float64), np.empty(0, np.float64))

    def __len__(self) -> int:
        return len(self.days)

    @property
    def last_day(self) -> int | None:
        return int(self.days[-1]) if len(self.days) else None

    @property
    def last_value(self) -> float | None:
        return float(self.values[-1]) if len(self.values) else None

    @property
    def last_count(self) -> int | None:
        if self.counts is None or not len(self.counts) or np.isnan(self.counts[-1]):
            return None
        return int(self.counts[-1])

    def value_at_or_before(self, day: int) -> float | None:
        i = int(np.searchsorted(self.days, day, side="right")) - 1
        return float(self.values[i]) if i >= 0 else None

    def change_since(self, base_day: int, measure: str) -> float | None:
        """Last value against the value at or before ``base_day``; None if there is none."""
        if not len(self.values):
            return None
        base = self.value_at_or_before(base_day)
        if base is None:
            return None
        last = float(self.values[-1])
        if measure == "diff":
            return last - base
        if base == 0.0:
            return None
        return (last / base - 1.0) * 100.0

    def trailing(self, n_days: int) -> np.ndarray:
        """Values dated within the last ``n_days`` calendar days: (last − n_days, last]."""
        if not len(self.days):
            return self.values
        start = int(np.searchsorted(self.days, self.days[-1] - n_days, side="right"))
        return self.values[start:]

    def covers(self, n_days: int) -> bool:
        """True when the history reaches back at least ``n_days`` before the last point."""
        return len(self.days) > 0 and int(self.days[0]) <= int(self.days[-1]) - n_days

    def zscore(self, n_days: int = YEAR_DAYS) -> float | None:
        """Last value vs mean and sample std (ddof=1) of the trailing window.

        None when the history is shorter than the window, the window holds fewer than
        ``MIN_ZSCORE_POINTS`` points, or the window is flat.
        """
        if not self.covers(n_days):
            return None
        window = self.trailing(n_days)
        if len(window) < MIN_ZSCORE_POINTS:
            return None
        std = float(window.std(ddof=1))
        if not std > 0.0:
            return None
        return (float(window[-1]) - float(window.mean())) / std
