"""Validate rule dicts (from JSON, the cache or the rule editor) into ``Rule`` records."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from qnai_desktop.core.monitors.arrays import MEASURES
from qnai_desktop.core.monitors.errors import RuleError
from qnai_desktop.core.monitors.rule import KIND_FIELDS, RULE_KINDS, Rule

_COMMON_FIELDS = ("id", "kind", "name", "enabled")
_DIRECTIONS = {"change_over": ("up", "down"), "zscore_beyond": ("up", "down", "both")}


def _number(data: Mapping[str, Any], key: str, path: str) -> float:
    value = data.get(key)
    if value is None:
        raise RuleError(path + key, "required")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RuleError(path + key, f"must be a number, got {value!r}")
    if not math.isfinite(value):
        raise RuleError(path + key, f"must be finite, got {value!r}")
    return float(value)


def _days(data: Mapping[str, Any], path: str) -> int:
    value = data.get("n_days")
    if value is None:
        raise RuleError(path + "n_days", "required")
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise RuleError(path + "n_days", f"must be a whole number of days, got {value!r}")
    if value < 1:
        raise RuleError(path + "n_days", f"must be at least 1 day, got {value!r}")
    return int(value)


def _choice(data: Mapping[str, Any], key: str, allowed: tuple[str, ...], path: str) -> str:
    value = data.get(key)
    if value not in allowed:
        raise RuleError(path + key, f"must be one of {', '.join(allowed)}; got {value!r}")
    return value


def _parse(data: Any, path: str, top: bool) -> Rule:
    where = path.rstrip(".") or "rule"
    if not isinstance(data, Mapping):
        raise RuleError(where, f"expected an object, got {type(data).__name__}")
    kind = data.get("kind")
    if kind not in KIND_FIELDS:
        expected = ", ".join(RULE_KINDS)
        raise RuleError(path + "kind", f"unknown kind {kind!r}; expected one of {expected}")
    fields = KIND_FIELDS[kind]
    for key in data:
        if key not in fields and key not in _COMMON_FIELDS:
            raise RuleError(path + str(key), f"not a field of {kind}")
    rule_id = data.get("id", "")
    if not isinstance(rule_id, str) or (top and not rule_id.strip()):
        raise RuleError(path + "id", "required: a non-empty text id")
    name = data.get("name", "")
    if not isinstance(name, str):
        raise RuleError(path + "name", "must be text")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError(path + "enabled", "must be true or false")
    values: dict[str, Any] = {"id": rule_id, "kind": kind, "name": name, "enabled": enabled}
    if "series" in fields:
        series = data.get("series")
        if not isinstance(series, str) or not series.strip():
            raise RuleError(path + "series", "required: the id of a cached series")
        values["series"] = series
    if "threshold" in fields:
        values["threshold"] = _number(data, "threshold", path)
        if kind == "change_over" and values["threshold"] < 0:
            raise RuleError(path + "threshold", "must be ≥ 0; give the sign with direction")
    if "n_days" in fields:
        values["n_days"] = _days(data, path)
    if "measure" in fields:
        values["measure"] = _choice(data, "measure", MEASURES, path)
    if "direction" in fields:
        if kind == "zscore_beyond" and data.get("direction") is None:
            values["direction"] = "both"
        else:
            values["direction"] = _choice(data, "direction", _DIRECTIONS[kind], path)
    if "k" in fields:
        values["k"] = _number(data, "k", path)
        if values["k"] <= 0:
            raise RuleError(path + "k", f"must be greater than 0, got {values['k']!r}")
    if "rules" in fields:
        subs = data.get("rules")
        if not isinstance(subs, list | tuple) or not subs:
            raise RuleError(path + "rules", "required: a non-empty list of rules")
        values["rules"] = tuple(
            _parse(sub, f"{path}rules[{i}].", top=False) for i, sub in enumerate(subs)
        )
    return Rule(**values)


def parse_rule(data: Mapping[str, Any]) -> Rule:
    """A validated rule, or ``RuleError`` naming the first offending field."""
    return _parse(data, "", top=True)


def parse_rules(items: Iterable[Mapping[str, Any]]) -> list[Rule]:
    """Validate a rule set; ids must be unique."""
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        try:
            rule = parse_rule(item)
        except RuleError as exc:
            raise RuleError(f"[{i}].{exc.field}", exc.problem) from None
        if rule.id in seen:
            raise RuleError(f"[{i}].id", f"duplicate id {rule.id!r}")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def rules_to_json(rules: Iterable[Rule]) -> str:
    return json.dumps([rule.to_dict() for rule in rules], ensure_ascii=False, indent=2)


def rules_from_json(text: str) -> list[Rule]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleError("json", f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(items, list):
        raise RuleError("json", "expected a list of rules")
    return parse_rules(items)
