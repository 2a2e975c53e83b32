"""Date-range presets (1M, 3M, 6M, YTD, 1Y, All) as x ranges, counted back from the last point.

Pure functions (no Qt): the Charts tab calls them with the chart's data bounds in epoch seconds.
"""

from __future__ import annotations

import pandas as pd

PRESETS = ("1M", "3M", "6M", "YTD", "1Y", "All")
_MONTHS = {"1M": 1, "3M": 3, "6M": 6, "1Y": 12}


def preset_range(preset: str, first: float, last: float) -> tuple[float, float] | None:
    """(start, end) in epoch seconds for ``preset`` ending at ``last``; None means show all.

    The start never goes before ``first`` (a 1Y window on 3 months of data shows the 3 months).
    YTD starts on 1 January of the last point's year.
    """
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; expected one of {PRESETS}")
    if preset == "All":
        return None
    end = pd.Timestamp(last, unit="s")
    if preset == "YTD":
        start = pd.Timestamp(year=end.year, month=1, day=1)
    else:
        start = end - pd.DateOffset(months=_MONTHS[preset])
    lo = max(float(start.timestamp()), float(first))
    hi = float(last)
    if hi <= lo:  # one point, or YTD on 1 January: a day either side
        return lo - 86_400.0, hi + 86_400.0
    return lo, hi
