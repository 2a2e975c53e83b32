"""Number and date formatting as an analyst expects it: thousands separators, "-" for n/a."""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd

NA = "-"


def is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def fmt_number(value: object, decimals: int = 0) -> str:
    """``4736`` → ``4,736``; ``None``/NaN → ``-``; negatives keep the sign."""
    if is_missing(value):
        return NA
    try:
        return f"{float(value):,.{decimals}f}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)


def fmt_auto(value: object) -> str:
    """Pick decimals by magnitude: 4,736 / 52.6 / 2.45 / 0.0526."""
    if is_missing(value):
        return NA
    v = abs(float(value))  # type: ignore[arg-type]
    decimals = 0 if v >= 1000 else 1 if v >= 100 else 2 if v >= 1 else 4
    return fmt_number(value, decimals)


def fmt_pct(value: object, decimals: int = 1, signed: bool = False) -> str:
    """A ratio as percent: 0.034 → ``3.4%`` (``+3.4%`` when signed)."""
    if is_missing(value):
        return NA
    sign = "+" if signed else ""
    return f"{float(value) * 100:{sign},.{decimals}f}%"  # type: ignore[arg-type]


def fmt_multiple(value: object, decimals: int = 0) -> str:
    return NA if is_missing(value) else f"{float(value):,.{decimals}f}x"  # type: ignore[arg-type]


def fmt_date(value: object) -> str:
    if is_missing(value) or value in ("", None):
        return NA
    if isinstance(value, datetime | pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]
