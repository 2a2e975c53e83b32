"""Semantic colour level of a monitor row, read at a glance.

Rules, in order:
1. ``stale`` — no data, or the data is older than twice its expected spacing.
2. ``alert`` — the last value sits ``ALERT_Z`` or more standard deviations from its 1-year mean.
3. ``warn``  — ``WARN_Z`` or more standard deviations away.
4. ``ok``    — otherwise, including when there is not a year of history for a z-score.
With ``adverse='up'`` (e.g. CDS spreads) only moves up count; with ``'down'`` (e.g. GPU rent)
only moves down; with None both directions count.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

STATUS_LEVELS = ("ok", "warn", "alert", "stale")
WARN_Z = 1.0
ALERT_Z = 2.0


def status_color(row: Mapping[str, Any], adverse: str | None = None) -> str:
    """One of ``STATUS_LEVELS`` for a row from ``monitor_row``; the UI maps levels to colours."""
    if row.get("last_value") is None or row.get("stale"):
        return "stale"
    z = row.get("zscore_1y")
    if z is None:
        return "ok"
    if adverse == "up":
        score = z
    elif adverse == "down":
        score = -z
    else:
        score = abs(z)
    if score >= ALERT_Z:
        return "alert"
    if score >= WARN_Z:
        return "warn"
    return "ok"
