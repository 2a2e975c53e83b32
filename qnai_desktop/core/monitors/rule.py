"""Alert rules as plain data: one frozen record whose ``kind`` says which fields matter."""

from __future__ import annotations

from dataclasses import dataclass

# Fields each kind uses, in the order they are written to JSON.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "level_above": ("series", "threshold"),
    "level_below": ("series", "threshold"),
    "change_over": ("series", "n_days", "measure", "direction", "threshold"),
    "zscore_beyond": ("series", "k", "direction"),
    "stale_older_than": ("series", "n_days"),
    "all_of": ("rules",),
}
RULE_KINDS = tuple(KIND_FIELDS)


@dataclass(frozen=True)
class Rule:
    """An alert condition on the cache.

    - ``level_above`` / ``level_below``: last value > / < ``threshold`` (series unit).
    - ``change_over``: last value vs the value at or before ``n_days`` earlier moves by at least
      ``threshold`` in ``direction`` ('up'/'down'); ``measure`` 'diff' (series unit, bp for
      spreads) or 'pct' (percent change).
    - ``zscore_beyond``: 1-year z-score of the last value ≥ ``k`` ('up'), ≤ −k ('down') or
      |z| ≥ k ('both').
    - ``stale_older_than``: the last point is more than ``n_days`` older than today (or no data).
    - ``all_of``: every rule in ``rules`` holds (e.g. a thesis break).
    """

    id: str
    kind: str
    series: str = ""
    threshold: float | None = None
    n_days: int | None = None
    measure: str | None = None
    direction: str | None = None
    k: float | None = None
    rules: tuple[Rule, ...] = ()
    name: str = ""
    enabled: bool = True

    def to_dict(self) -> dict:
        """JSON-ready dict that ``parse_rule`` turns back into an equal rule."""
        out: dict = {"id": self.id} if self.id else {}
        out["kind"] = self.kind
        for key in KIND_FIELDS[self.kind]:
            value = getattr(self, key)
            out[key] = [sub.to_dict() for sub in value] if key == "rules" else value
        if self.name:
            out["name"] = self.name
        if not self.enabled:
            out["enabled"] = False
        return out

    def series_ids(self) -> tuple[str, ...]:
        """Every series the rule reads, in order, without repeats."""
        if self.kind != "all_of":
            return (self.series,)
        seen: dict[str, None] = {}
        for sub in self.rules:
            seen.update(dict.fromkeys(sub.series_ids()))
        return tuple(seen)
