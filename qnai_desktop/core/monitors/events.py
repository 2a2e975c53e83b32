"""An alert event: one rule crossing from false to true."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date


@dataclass(frozen=True)
class AlertEvent:
    """``value`` is what the rule compared (level, change, z-score or age in days); ``level`` is
    the series' last value; ``at`` is the date of that observation (today for stale rules).
    For an ``all_of`` rule, series and values are those of its first sub-rule."""

    rule_id: str
    series_id: str
    value: float | None
    level: float | None
    message: str
    at: date

    def to_dict(self) -> dict:
        row = asdict(self)
        row["at"] = self.at.isoformat()
        return row
