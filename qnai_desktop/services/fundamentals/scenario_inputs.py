"""Cached actuals a scenario model takes as data (the models stay pure; callers pass these in).

``meta_compute_sale`` → ``actual_meta_ttm_share``: the newest point of ``capex.share.meta``
(Meta's share of the group's trailing-four-quarter capex in SEC filings), as a fraction.
"""

from __future__ import annotations

import math

import pandas as pd

from ...store.cache import Cache

SHARE_SERIES = "capex.share.meta"


def scenario_inputs(cache: Cache, model_id: str) -> dict[str, dict]:
    """``{param: {value, as_of, source}}`` for ``model_id`` (empty when nothing is cached)."""
    if model_id != "meta_compute_sale":
        return {}
    obs = cache.series.observations(SHARE_SERIES)
    obs = obs[obs["value"].notna()]
    if obs.empty:
        return {}
    last = obs.iloc[-1]
    value = float(last["value"]) / 100.0
    if not math.isfinite(value) or not 0.0 < value <= 1.0:
        return {}
    n = last["n"]
    members = "" if pd.isna(n) else f", {int(n)} companies"
    return {"actual_meta_ttm_share": {
        "value": round(value, 6), "as_of": last["date"].date().isoformat(),
        "source": f"SEC EDGAR ({SHARE_SERIES}, trailing four quarters{members})"}}
