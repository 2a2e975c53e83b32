"""Evaluate alert rules against the cache; report only rising edges (false → true).

Speed: every series is converted to numpy once per evaluation (``FrameCache``), z-scores are
memoised per series, and each rule is then a few scalar comparisons and one ``searchsorted``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from qnai_desktop.core.monitors.arrays import from_day, to_day
from qnai_desktop.core.monitors.describe import describe, format_amount, format_number
from qnai_desktop.core.monitors.events import AlertEvent
from qnai_desktop.core.monitors.frame_cache import FrameCache
from qnai_desktop.core.monitors.rule import Rule
from qnai_desktop.core.phrases import DAYS_OLD, MEASURED_ON, NO_DATA
from qnai_desktop.core.series import SeriesMeta

# (series id, compared value, last level, day number of the observation) when a condition holds.
Hit = tuple[str, float | None, float | None, int]

_REL_TOLERANCE = 1e-9


def check_rule(rule: Rule, cache: FrameCache, today_day: int) -> Hit | None:
    """The hit if ``rule`` holds now, else None. Missing data makes every kind false but stale."""
    if rule.kind == "all_of":
        first: Hit | None = None
        latest = -(2**62)
        for sub in rule.rules:
            hit = check_rule(sub, cache, today_day)
            if hit is None:
                return None
            first = first or hit
            latest = max(latest, hit[3])
        return None if first is None else (first[0], first[1], first[2], latest)
    arrays = cache.arrays(rule.series)
    last_day = arrays.last_day
    if rule.kind == "stale_older_than":
        age = None if last_day is None else today_day - last_day
        if age is not None and age <= (rule.n_days or 0):
            return None
        return (rule.series, None if age is None else float(age), arrays.last_value, today_day)
    if last_day is None:
        return None
    level = float(arrays.values[-1])
    value: float | None = level
    if rule.kind == "level_above":
        holds = level > (rule.threshold or 0.0)
    elif rule.kind == "level_below":
        holds = level < (rule.threshold or 0.0)
    elif rule.kind == "change_over":
        value = arrays.change_since(last_day - (rule.n_days or 0), rule.measure or "pct")
        # Tolerance so "down 10%" fires on 2.0 → 1.8, whose float change is −9.999999999999998.
        threshold = (rule.threshold or 0.0) * (1.0 - _REL_TOLERANCE)
        holds = value is not None and (
            value >= threshold if rule.direction == "up" else value <= -threshold
        )
    elif rule.kind == "zscore_beyond":
        value = cache.zscore(rule.series)
        k = rule.k or 0.0
        if value is None:
            holds = False
        elif rule.direction == "up":
            holds = value >= k
        elif rule.direction == "down":
            holds = value <= -k
        else:
            holds = abs(value) >= k
    else:
        raise ValueError(f"unknown rule kind {rule.kind!r}")
    return (rule.series, value, level, last_day) if holds else None


def _first_leaf(rule: Rule) -> Rule:
    return _first_leaf(rule.rules[0]) if rule.kind == "all_of" else rule


def _measured(rule: Rule, hit: Hit, metas: Mapping[str, SeriesMeta], lang: str) -> str:
    leaf = _first_leaf(rule)
    series_id, value, level, day = hit
    meta = metas.get(series_id)
    unit = meta.unit if meta is not None else None
    when = from_day(day).isoformat()
    if leaf.kind == "stale_older_than":
        if value is None:
            return NO_DATA.pick(lang)
        return DAYS_OLD.pick(lang).format(days=value)
    parts = []
    if leaf.kind == "change_over" and value is not None:
        change_unit = "pct" if leaf.measure == "pct" else unit
        parts.append(format_amount(value, change_unit, lang, signed=True))
    elif leaf.kind == "zscore_beyond" and value is not None:
        parts.append(f"z = {format_number(value)}")
    if level is not None:
        parts.append(format_amount(level, unit, lang))
    text = ", ".join(parts)
    return MEASURED_ON.pick(lang).format(text=text, when=when)


def evaluate_rules(
    rules: Iterable[Rule],
    frames: Mapping[str, pd.DataFrame] | FrameCache,
    metas: Mapping[str, SeriesMeta],
    today: date,
    previous_state: Mapping[str, bool],
    lang: str = "ko",
) -> tuple[list[AlertEvent], dict[str, bool]]:
    """Events for rules that became true since ``previous_state``, and the new state.

    A rule absent from ``previous_state`` counts as previously false, so a new rule whose
    condition already holds fires once. Disabled rules are false and never fire.
    """
    cache = frames if isinstance(frames, FrameCache) else FrameCache(frames)
    today_day = to_day(today)
    events: list[AlertEvent] = []
    state: dict[str, bool] = {}
    for rule in rules:
        hit = check_rule(rule, cache, today_day) if rule.enabled else None
        state[rule.id] = hit is not None
        if hit is None or previous_state.get(rule.id, False):
            continue
        message = f"{describe(rule, metas, lang)} — {_measured(rule, hit, metas, lang)}"
        events.append(AlertEvent(rule.id, hit[0], hit[1], hit[2], message, from_day(hit[3])))
    return events, state
