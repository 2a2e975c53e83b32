"""Series computed from other series, e.g. the B200/H100 rent ratio."""

from __future__ import annotations

import numpy as np
import pandas as pd


def derived_ratio(frame_a: pd.DataFrame, frame_b: pd.DataFrame) -> pd.DataFrame:
    """``a / b`` on the dates both series have (no forward fill: a ratio of stale legs misleads).

    A zero or missing denominator gives NaN. ``n`` is unknown (NA): the legs' quote counts do
    not describe the ratio.
    """
    left = frame_a[["date", "value"]].astype({"date": "datetime64[s]"})
    right = frame_b[["date", "value"]].astype({"date": "datetime64[s]"})
    merged = left.merge(right, on="date", how="inner", suffixes=("_a", "_b")).sort_values("date")
    numerator = merged["value_a"].to_numpy(dtype=np.float64, na_value=np.nan)
    denominator = merged["value_b"].to_numpy(dtype=np.float64, na_value=np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(denominator != 0.0, numerator / denominator, np.nan)
    return pd.DataFrame(
        {
            "date": merged["date"].to_numpy(),
            "value": ratio.astype(np.float64),
            "n": pd.array([pd.NA] * len(merged), dtype="Int64"),
        }
    )
