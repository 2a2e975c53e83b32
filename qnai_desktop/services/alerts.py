"""Alert rules over the cache: validate and store them, evaluate with the core, record crossings.

The store keys rules by integer id; the core by text id. This module is the one place that
converts (``str(row.id)`` in, ``int(rule.id)`` out). Evaluation writes only when an event fired or
a rule's armed/active state changed, so a process that re-evaluates on every change notification
(the app polls ``PRAGMA data_version``) never starts a write → notify → evaluate ping-pong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pandas as pd

from ..core.changes import ChangeSet
from ..core.localized import Localized
from ..core.monitors import WATCH_RULES, FrameCache, Rule, RuleError, describe, evaluate_rules, parse_rule
from ..core.series import SeriesMeta
from ..store.cache import Cache
from ..store.errors import ValidationError
from .monitor_table import known_metas, series_frames

EVENT_TABLES = frozenset({"alert_events"})  # what recording alerts announces; never re-evaluate it
#: What an evaluation reads (rules, series and their observations, the rules' state): a change to
#: anything else (a watchlist cell, a scenario, a chart note) cannot start or end an alert.
INPUT_TABLES = frozenset({"alert_rules", "alert_state", "series", "observations"})
_COLUMNS = ("id", "name", "enabled")  # kept in their own columns, not in the spec
REASON = "reason"  # {"ko", "en"} in the stored spec: the note's sentence the rule tests


@dataclass(frozen=True)
class StoredRule:
    """A rule row of the cache; ``rule`` is None (and ``problem`` says why) if it no longer parses."""

    id: int
    name: str
    spec: dict
    enabled: bool
    active: bool
    rule: Rule | None
    problem: str = ""
    reason: Localized | None = None  # the note's sentence this rule watches (seeded rules)


@dataclass
class AlertRun:
    """What one evaluation did: the change it wrote (empty if nothing) and the new events."""

    change: ChangeSet = field(default_factory=ChangeSet)
    events: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    wrote: bool = False
    unacknowledged: int = -1  # events not yet acknowledged, after this run (-1: not counted)


# -- validation -----------------------------------------------------------------------------------
def _check_series(rule: Rule, metas: dict[str, SeriesMeta], path: str = "") -> None:
    if rule.kind == "all_of":
        for i, sub in enumerate(rule.rules):
            _check_series(sub, metas, f"{path}rules[{i}].")
    elif rule.series not in metas:
        raise RuleError(path + "series", f"no series {rule.series!r} in the cache")


def validate_spec(spec: dict[str, Any], metas: dict[str, SeriesMeta]) -> Rule:
    """A rule from a spec (no id needed); RuleError names the first bad field, incl. unknown series."""
    rule = parse_rule({"id": "new", **{k: v for k, v in spec.items() if k != "id"}})
    _check_series(rule, metas)
    return rule


def stored_spec(rule: Rule) -> dict:
    """What goes in the ``spec`` column: the condition without id, name and enabled (columns)."""
    return {k: v for k, v in rule.to_dict().items() if k not in ("id", "name", "enabled")}


# -- rules ----------------------------------------------------------------------------------------
def load_rules(cache: Cache) -> list[StoredRule]:
    state = cache.alerts.state()
    out = []
    for row in cache.alerts.rules().itertuples():
        rid = int(row.id)
        enabled = bool(row.enabled)
        base = {k: v for k, v in dict(row.spec).items() if k not in (*_COLUMNS, REASON)}
        data = {**base, "id": str(rid), "name": row.name, "enabled": enabled}
        try:
            rule, problem = parse_rule(data), ""
        except RuleError as exc:
            rule, problem = None, str(exc)
        out.append(StoredRule(rid, row.name, dict(row.spec), enabled, state.get(rid, False),
                              rule, problem, _reason(row.spec.get(REASON))))
    return out


def _reason(stored: object) -> Localized | None:
    if isinstance(stored, dict) and isinstance(stored.get("ko"), str):
        return Localized(stored["ko"], str(stored.get("en") or stored["ko"]))
    return None


def add_rule(cache: Cache, spec: dict[str, Any], name: str = "", enabled: bool = True,
             reason: Localized | None = None, *, how: str = "edit") -> tuple[int, ChangeSet]:
    """Validate (RuleError on a bad field) and store a rule (provenance ``how``); returns its id
    and the change."""
    rule = validate_spec(spec, known_metas(cache))
    name = (name or spec.get("name") or "").strip()
    stored = stored_spec(rule)
    if reason is not None:
        stored[REASON] = {"ko": reason.ko, "en": reason.en}
    rule_id = cache.alerts.add_rule(name, stored, enabled, how=how)
    return rule_id, ChangeSet(added=1, tables={"alert_rules"})


def seed_watch_rules(cache: Cache, lang: str = "ko") -> ChangeSet:
    """The note's watch points as enabled rules (a new cache's), named in ``lang``; a rule whose
    series the cache does not hold is left out rather than stored broken."""
    change = ChangeSet(tables={"alert_rules"})
    metas = known_metas(cache)
    for watch in WATCH_RULES:
        if watch.spec["series"] in metas:
            change.merge(add_rule(cache, watch.spec, watch.name.pick(lang), True, watch.reason,
                                  how="seed")[1])
    return change


def add_rule_op(cache: Cache, spec: dict[str, Any], name: str = "") -> ChangeSet:
    """:func:`add_rule` as an operation of the window: the change (the new rule is in the list)."""
    return add_rule(cache, spec, name)[1]


def delete_rule(cache: Cache, rule_id: int) -> ChangeSet:
    """Delete a rule with its events and state (one transaction)."""
    change = cache.alerts.delete_rule(rule_id)
    if not change.changed:
        raise ValidationError(f"rule {rule_id}: no such rule")
    return change


def set_rule_enabled(cache: Cache, rule_id: int, enabled: bool) -> ChangeSet:
    """Switch a rule on or off; a disabled rule is false, so re-enabling it can fire again."""
    return cache.alerts.set_rule_enabled(rule_id, enabled)


def describe_rule(stored: StoredRule, metas: dict[str, SeriesMeta], lang: str = "ko") -> str:
    if stored.rule is None:
        return stored.problem
    return describe(replace(stored.rule, name=""), metas, lang)


# -- evaluation -----------------------------------------------------------------------------------
def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _differs(previous: dict[str, bool], state: dict[str, bool]) -> bool:
    return any(previous.get(k, False) != v for k, v in state.items())


def evaluate_and_record(cache: Cache, today: date, lang: str = "ko") -> AlertRun:
    """Run every rule on the cache; log each false → true crossing once, in one transaction.

    Returns the new events (``rule_id`` int, ``rule`` name, ``series_id``, ``value``, ``level``,
    ``message``, ``observed`` date, ``at`` time) and the ChangeSet written (tables
    ``{'alert_events'}``), or an empty run when nothing changed — then nothing is written.
    """
    stored = load_rules(cache)
    rules = [s.rule for s in stored if s.rule is not None]
    run = AlertRun(problems=[f"rule {s.id}: {s.problem}" for s in stored if s.rule is None])
    if not rules:
        return run
    names = {str(s.id): s.name for s in stored}
    metas = known_metas(cache)
    ids = list(dict.fromkeys(sid for r in rules if r.enabled for sid in r.series_ids()))
    frames = FrameCache(series_frames(cache, ids, metas))
    previous = {str(k): v for k, v in cache.alerts.state().items()}
    events, state = evaluate_rules(rules, frames, metas, today, previous, lang)
    if not events and not _differs(previous, state):
        return run
    # Re-read the state under the write lock: a second process evaluating the same change at the
    # same moment must not log the crossing twice.
    with cache.transaction():
        latest = {str(k): v for k, v in cache.alerts.state().items()}
        if latest != previous:
            events, state = evaluate_rules(rules, frames, metas, today, latest, lang)
        if not events and not _differs(latest, state):
            return run
        at = _now()
        rows = [{"rule_id": int(ev.rule_id), "rule": names.get(ev.rule_id, ""),
                 "series_id": ev.series_id, "value": ev.value, "level": ev.level,
                 "message": ev.message, "observed": ev.at.isoformat(), "at": at} for ev in events]
        run.change = cache.alerts.record(rows, {int(k): v for k, v in state.items()})
    run.events, run.wrote = rows, True
    return run


def evaluate_and_count(cache: Cache, today: date, lang: str = "ko") -> AlertRun:
    """:func:`evaluate_and_record`, then how many events wait to be acknowledged (the badge)."""
    run = evaluate_and_record(cache, today, lang)
    run.unacknowledged = unacknowledged_count(cache)
    return run


# -- events ---------------------------------------------------------------------------------------
_OBSERVED = re.compile(r"\((\d{4}-\d\d-\d\d)\)\s*$")


@dataclass(frozen=True)
class AlertWindow:
    """What an alert looked at: its series, the days its rule compared (``start`` → ``end``, the
    crossing) and the rule's name."""

    series_id: str
    start: date
    end: date
    rule: str


def alert_window(cache: Cache, event_id: int) -> AlertWindow | None:
    """The window of a recorded alert, for showing it on its chart (None: unknown event). The
    crossing day is the one stored with the event (schema v6; older events: the day their
    message ends with), else the series' newest point; a rule without a span of days (a level)
    gives a one-day window."""
    found = cache.alerts.events()
    found = found[found["id"] == int(event_id)]
    if found.empty:
        return None
    ev = found.iloc[0]
    stored = next((r for r in load_rules(cache) if r.id == int(ev["rule_id"])), None)
    legs = [] if stored is None or stored.rule is None else (
        list(stored.rule.rules) if stored.rule.kind == "all_of" else [stored.rule])
    leg = next((r for r in legs if r.series == ev["series_id"] and r.n_days), None)
    seen = _OBSERVED.search(str(ev["message"]))
    end = _day(ev["observed"]) or _day(seen.group(1) if seen else None)
    if end is None:
        obs = cache.series.observations(str(ev["series_id"]))
        if obs.empty:
            return None
        end = obs["date"].iloc[-1].date()
    start = end - timedelta(days=int(leg.n_days)) if leg is not None else end
    return AlertWindow(str(ev["series_id"]), start, end, str(ev["rule"]))


def _day(text: object) -> date | None:
    """An ISO day, or None for anything else (a message ending "(2026-13-99)")."""
    try:
        return date.fromisoformat(text) if isinstance(text, str) and text else None
    except ValueError:
        return None


def events(cache: Cache, unacknowledged_only: bool = False) -> pd.DataFrame:
    return cache.alerts.events(unacknowledged_only=unacknowledged_only)


def unacknowledged_count(cache: Cache) -> int:
    return len(cache.alerts.events(unacknowledged_only=True))


def acknowledge(cache: Cache, event_ids: list[int], acknowledged: bool = True) -> ChangeSet:
    """Acknowledge (or undo) events in one transaction; ValidationError for an unknown id."""
    change = ChangeSet(tables=set(EVENT_TABLES))
    with cache.transaction():
        for event_id in event_ids:
            change.merge(cache.alerts.acknowledge(int(event_id), acknowledged))
    return change


def acknowledge_all(cache: Cache) -> ChangeSet:
    ids = [int(i) for i in cache.alerts.events(unacknowledged_only=True)["id"]]
    return acknowledge(cache, ids) if ids else ChangeSet(tables=set(EVENT_TABLES))
