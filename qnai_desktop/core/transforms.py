"""Pure series transforms used by charts, monitors and exports.

Every function takes an observation frame (columns ``date``, ``value`` and optionally ``n``; see
``core/series.py``) or a float Series indexed by date, and returns the same kind of object with
dates as ``datetime64[s]``. The ``n`` column is dropped: after a transform it no longer counts
the quotes behind a value. Functions never mutate their input. No Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from qnai_desktop.core.series import UNITS

Obs = pd.DataFrame | pd.Series

#: Units whose values are flows over time (summed when resampled); shares are averaged;
#: everything else is a level observed at a point in time (last value of the period).
FLOW_UNITS = frozenset({"count", "tokens_bn"})
MEAN_UNITS = frozenset({"pct"})
AGGREGATIONS = ("sum", "last", "mean", "first", "max", "min")

#: pandas rule for each resample target (period-end labels; weeks end on Sunday).
RESAMPLE_RULES = {"D": "D", "W": "W-SUN", "M": "ME", "Q": "QE", "A": "YE"}

#: How far before ``date - 365d`` a YoY base may lie, by frequency of the series.
YOY_TOLERANCE_DAYS = {"D": 7, "W": 7, "M": 31, "Q": 92, "A": 366}

_DAY = np.timedelta64(1, "D")


@dataclass(frozen=True)
class Rebased:
    """Result of a rebasing transform: frame (date, days, value) or empty with a reason."""

    frame: pd.DataFrame
    base_date: pd.Timestamp | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.base_date is not None


# --- conversion helpers ----------------------------------------------------------------------


def to_series(obs: Obs) -> pd.Series:
    """A float Series indexed by ``datetime64[s]`` dates, sorted, duplicates resolved last-wins."""
    if isinstance(obs, pd.Series):
        values = obs.to_numpy(dtype="float64", na_value=np.nan)
        dates = obs.index
    else:
        values = obs["value"].to_numpy(dtype="float64", na_value=np.nan)
        dates = obs["date"]
    index = pd.DatetimeIndex(pd.to_datetime(dates)).astype("datetime64[s]")
    s = pd.Series(values, index=index, name="value")
    s.index.name = "date"
    s = s[~s.index.duplicated(keep="last")]
    return s.sort_index()


def _like(obs: Obs, s: pd.Series) -> Obs:
    """Return ``s`` in the shape of ``obs``: a Series stays a Series, a frame becomes a frame."""
    if isinstance(obs, pd.Series):
        out = s.copy()
        out.name = obs.name
        return out
    return pd.DataFrame({"date": s.index.to_numpy(), "value": s.to_numpy(dtype="float64")})


def _empty_rebased() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.Series([], dtype="datetime64[s]"),
            "days": pd.Series([], dtype="float64"),
            "value": pd.Series([], dtype="float64"),
        }
    )


def _rebased_frame(plotted: pd.Series, base_date: pd.Timestamp, base: float) -> pd.DataFrame:
    after = plotted.loc[base_date:]
    days = (after.index.to_numpy() - np.datetime64(base_date, "s")) / _DAY
    return pd.DataFrame(
        {
            "date": after.index.to_numpy(),
            "days": days.astype("float64"),
            "value": after.to_numpy() / base * 100.0,
        }
    )


# --- aggregation rules ------------------------------------------------------------------------


def aggregation_for_unit(unit: str) -> str:
    """How a period aggregates a unit: ``sum`` for flows, ``mean`` for shares, else ``last``."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    if unit in FLOW_UNITS:
        return "sum"
    if unit in MEAN_UNITS:
        return "mean"
    return "last"


def infer_frequency(dates: pd.Index | pd.Series) -> str:
    """Nearest of D/W/M/Q/A from the median spacing of the dates (``D`` for < 2 points)."""
    values = np.sort(pd.DatetimeIndex(dates).astype("datetime64[s]").to_numpy())
    if len(values) < 2:
        return "D"
    median_days = float(np.median(np.diff(values) / _DAY))
    for freq, upper in (("D", 3.5), ("W", 14.0), ("M", 45.0), ("Q", 135.0)):
        if median_days <= upper:
            return freq
    return "A"


# --- rebasing ---------------------------------------------------------------------------------


def rebase_at_threshold(
    obs: Obs,
    threshold: float = 1_000_000,
    cumulative: bool = False,
    rebase_level: bool = False,
) -> Rebased:
    """Rebase to 100 on the first date the level (or cumulative sum) reached ``threshold``.

    ``days`` counts days since that date; rows before it are dropped. With ``cumulative`` the
    cumulative sum is what is rebased (its base is never one noisy day) unless ``rebase_level``
    asks for the daily level to be rebased instead.
    """
    if not threshold > 0:
        raise ValueError("threshold must be positive")
    s = to_series(obs)
    if s.dropna().empty:
        return Rebased(_empty_rebased(), None, "no observations")
    measured = s.cumsum() if cumulative else s
    hit = measured[measured >= threshold]
    if hit.empty:
        what = "cumulative sum" if cumulative else "level"
        return Rebased(
            _empty_rebased(),
            None,
            f"{what} never reached {threshold:,.0f} (max {measured.max():,.2f})",
        )
    base_date = hit.index[0]
    plotted = s if (rebase_level or not cumulative) else measured
    base = float(plotted.loc[base_date])
    if not np.isfinite(base) or base == 0:
        return Rebased(_empty_rebased(), None, f"value on {base_date.date()} is zero or missing")
    return Rebased(_rebased_frame(plotted, base_date, base), base_date)


def index_to(obs: Obs, date: str | pd.Timestamp) -> Rebased:
    """Rebase so the first valid observation on or after ``date`` = 100."""
    s = to_series(obs).dropna()
    later = s.loc[pd.Timestamp(date) :]
    if later.empty:
        return Rebased(_empty_rebased(), None, f"no observation on or after {date}")
    base_date = later.index[0]
    base = float(later.iloc[0])
    if base == 0:
        return Rebased(_empty_rebased(), None, f"value on {base_date.date()} is zero")
    return Rebased(_rebased_frame(to_series(obs), base_date, base), base_date)


# --- period transforms ------------------------------------------------------------------------


def yoy_pct(obs: Obs, freq: str | None = None) -> Obs:
    """Year-on-year % change against the observation at or before ``date - 365d``.

    The base may lie up to ``YOY_TOLERANCE_DAYS[freq]`` before that date (``freq`` inferred from
    the spacing when not given); no base in reach, or a zero base, gives NaN.
    """
    s = to_series(obs)
    freq = freq or infer_frequency(s.index)
    tolerance = np.timedelta64(YOY_TOLERANCE_DAYS[freq], "D")
    bases = s.dropna()
    base_dates = bases.index.to_numpy()
    targets = s.index.to_numpy() - np.timedelta64(365, "D")
    pos = np.searchsorted(base_dates, targets, side="right") - 1
    found = pos >= 0
    safe = np.where(found, pos, 0)
    if len(base_dates):
        found &= (targets - base_dates[safe]) <= tolerance
        base = np.where(found, bases.to_numpy()[safe], np.nan)
    else:
        base = np.full(len(s), np.nan)
    base = np.where(base == 0, np.nan, base)
    out = pd.Series((s.to_numpy() / base - 1.0) * 100.0, index=s.index, name="value")
    return _like(obs, out)


def moving_average(obs: Obs, window: int | str, min_periods: int | None = None) -> Obs:
    """Trailing mean over ``window`` observations (int) or a time span such as ``"7D"`` (str).

    An int window needs ``window`` valid points by default, so the first ``window - 1`` are NaN.
    """
    s = to_series(obs)
    if isinstance(window, int):
        if window < 1:
            raise ValueError("window must be >= 1")
        rolled = s.rolling(window, min_periods=min_periods or window).mean()
    else:
        rolled = s.rolling(window, min_periods=min_periods or 1).mean()
    return _like(obs, rolled)


def resample(obs: Obs, rule: str, how: str | None = None, unit: str | None = None) -> Obs:
    """Aggregate to D/W/M/Q/A periods labelled by period end; ``how`` defaults from ``unit``.

    Periods with no valid observation are NaN (a gap stays a gap, it does not become a zero).
    """
    if rule not in RESAMPLE_RULES:
        raise ValueError(f"unknown resample rule {rule!r}; expected one of {list(RESAMPLE_RULES)}")
    if how is None:
        if unit is None:
            raise ValueError("resample needs `how` or `unit`")
        how = aggregation_for_unit(unit)
    if how not in AGGREGATIONS:
        raise ValueError(f"unknown aggregation {how!r}")
    s = to_series(obs)
    if s.empty:
        return _like(obs, s)
    grouped = s.resample(RESAMPLE_RULES[rule])
    out = grouped.sum(min_count=1) if how == "sum" else getattr(grouped, how)()
    out.index = pd.DatetimeIndex(out.index).astype("datetime64[s]")
    out.index.name = "date"
    return _like(obs, out.rename("value"))


def cumulative_sum(obs: Obs) -> Obs:
    """Running total; a missing value stays NaN at its date and adds nothing to later totals."""
    return _like(obs, to_series(obs).cumsum())


# --- cross-series -----------------------------------------------------------------------------


def share_of_total(frames: Mapping[str, Obs]) -> dict[str, Obs]:
    """Each series as % of the sum of all series, aligned on the union of their dates.

    A series missing on a date contributes nothing to that date's total and has a NaN share;
    a date whose total is zero (or all missing) gives NaN, never inf.
    """
    if not frames:
        return {}
    wide = pd.concat({key: to_series(obs) for key, obs in frames.items()}, axis=1).sort_index()
    total = wide.sum(axis=1, min_count=1)
    total = total.where(total != 0)
    shares = wide.div(total, axis=0) * 100.0
    return {key: _like(obs, shares[key].rename("value")) for key, obs in frames.items()}


def merge_close_reports(values: pd.Series, days: int) -> pd.Series:
    """Point-in-time reports closer than ``days`` to the next one collapse into that next one
    (the later report wins, at its own date): a year-end ARR reported on 12-30 and restated on
    12-31 is one report, not a vertical jump. Pure; NaNs are dropped first."""
    clean = values.dropna().sort_index()
    if len(clean) < 2:
        return clean
    idx = pd.DatetimeIndex(clean.index)
    gaps = (idx[1:] - idx[:-1]) / pd.Timedelta(days=1)
    keep = np.append(gaps >= days, True)  # a report is kept unless the next comes too soon
    return clean[keep]
