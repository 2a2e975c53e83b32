"""``qnai-desktop alerts list|add|ack|delete|enable|disable``: alert rules and their events.

``alerts add`` takes a rule as JSON (any kind, incl. ``all_of``) or as flags for one condition:
``--series ID`` with one of ``--above X``, ``--below X``, ``--rise X --days N``, ``--fall X --days N``
(``--pct``/``--diff``; default: bp spreads as differences, prices in %), ``--z K`` (``--direction``)
or ``--stale-days N``. An invalid rule exits 2 naming the field.
"""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

from ._common import fail, open_cache, print_json

NAME = "alerts"
HELP = "list, add, acknowledge or delete alert rules and events"
_CONDITIONS = ("above", "below", "rise", "fall", "z", "stale_days")
_FLAGS = {"series": "--series", "threshold": "--above/--below/--rise/--fall", "n_days": "--days",
          "k": "--z"}


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="alerts_command", required=True)
    ls = sub.add_parser("list", help="rules and alert events (newest first)")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--unacked", action="store_true", help="only unacknowledged events")
    add = sub.add_parser("add", help="add a rule (JSON or flags)")
    add.add_argument("--name", default="", help="short name shown with the alert")
    add.add_argument("--rule", help='rule as JSON, e.g. \'{"kind": "level_above", "series": '
                                    '"cds.oracle_5y", "threshold": 300}\'')
    add.add_argument("--series", help="series id the condition watches")
    group = add.add_mutually_exclusive_group()
    group.add_argument("--above", metavar="X", help="last value above X (series unit)")
    group.add_argument("--below", metavar="X", help="last value below X")
    group.add_argument("--rise", metavar="X", help="rises X or more within --days")
    group.add_argument("--fall", metavar="X", help="falls X or more within --days")
    group.add_argument("--z", metavar="K", help="1-year z-score beyond K (see --direction)")
    group.add_argument("--stale-days", metavar="N", help="no new data for more than N days")
    add.add_argument("--days", metavar="N", help="window of --rise/--fall in days")
    measure = add.add_mutually_exclusive_group()
    measure.add_argument("--pct", dest="measure", action="store_const", const="pct",
                         help="--rise/--fall in percent")
    measure.add_argument("--diff", dest="measure", action="store_const", const="diff",
                         help="--rise/--fall in the series unit (bp for spreads)")
    add.add_argument("--direction", choices=["up", "down", "both"], default="both",
                     help="side of --z (default both)")
    add.add_argument("--disabled", action="store_true", help="store the rule switched off")
    add.add_argument("--json", action="store_true")
    ack = sub.add_parser("ack", help="acknowledge alert events (or --undo)")
    ack.add_argument("ids", nargs="*", type=int, metavar="ID")
    ack.add_argument("--undo", action="store_true", help="mark as unacknowledged again")
    ack.add_argument("--all", action="store_true", help="every unacknowledged event")
    delete = sub.add_parser("delete", help="delete a rule with its events")
    delete.add_argument("id", type=int)
    for name in ("enable", "disable"):
        toggle = sub.add_parser(name, help=f"{name} a rule")
        toggle.add_argument("id", type=int)
    for p in sub.choices.values():
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _number(text: str | None) -> Any:
    """A float if the text is one; otherwise the text, so validation names the field."""
    if text is None:
        return None
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return text
    return value if math.isfinite(value) else text


def spec_from_flags(args: argparse.Namespace, unit_of: dict[str, str]) -> dict[str, Any]:
    """The rule dict the flags describe (validated later by the service)."""
    if args.rule is not None:
        try:
            spec = json.loads(args.rule)
        except json.JSONDecodeError as exc:
            raise ValueError(f"rule: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(spec, dict):
            raise ValueError("rule: expected a JSON object")
        return spec
    chosen = [c for c in _CONDITIONS if getattr(args, c) is not None]
    if not chosen:
        raise ValueError("rule: give --rule JSON, or --series with one of --above, --below,"
                         " --rise, --fall, --z, --stale-days")
    series = args.series or ""
    kind = chosen[0]
    if kind in ("above", "below"):
        return {"kind": f"level_{kind}", "series": series, "threshold": _number(getattr(args, kind))}
    if kind in ("rise", "fall"):
        from ..core.monitors import change_measure

        default = change_measure(unit_of[series])[0] if series in unit_of else "pct"
        return {"kind": "change_over", "series": series, "n_days": _number(args.days),
                "measure": args.measure or default, "direction": "up" if kind == "rise" else "down",
                "threshold": _number(getattr(args, kind))}
    if kind == "z":
        return {"kind": "zscore_beyond", "series": series, "k": _number(args.z),
                "direction": args.direction}
    return {"kind": "stale_older_than", "series": series, "n_days": _number(args.stale_days)}


def _list(cache, args: argparse.Namespace) -> int:
    from ..services import alerts
    from ..services.monitor_table import known_metas

    metas = known_metas(cache)
    rules = alerts.load_rules(cache)
    events = alerts.events(cache, unacknowledged_only=args.unacked)
    unacked = alerts.unacknowledged_count(cache)
    if args.json:
        print_json({
            "rules": [{"id": r.id, "name": r.name, "enabled": r.enabled, "active": r.active,
                       "spec": r.spec, "description": alerts.describe_rule(r, metas, "en"),
                       "problem": r.problem} for r in rules],
            "events": json.loads(events.to_json(orient="records", force_ascii=False)),
            "unacknowledged": unacked,
        })
        return 0
    print(f"rules: {len(rules)}")
    for r in rules:
        state = "invalid" if r.rule is None else "off" if not r.enabled else \
            "holding" if r.active else "armed"
        print(f"  #{r.id:<4} {state:<8} {r.name or '-'} — {alerts.describe_rule(r, metas, 'en')}")
    print(f"alerts: {len(events)} shown, {unacked} unacknowledged")
    for ev in events.itertuples():
        flag = "NEW" if ev.acknowledged_at is None else "ack"
        print(f"  #{ev.id:<4} {flag:<4} {ev.at}  {ev.message}")
    return 0


def _add(cache, args: argparse.Namespace) -> int:
    from ..core.monitors import RuleError
    from ..services import alerts
    from ..services.monitor_table import known_metas

    metas = known_metas(cache)
    try:
        spec = spec_from_flags(args, {sid: m.unit for sid, m in metas.items()})
        rule_id, _change = alerts.add_rule(cache, spec, args.name, enabled=not args.disabled)
    except RuleError as exc:
        flag = "" if args.rule is not None else _FLAGS.get(exc.field, "")
        return fail(f"rule.{exc.field}{f' ({flag})' if flag else ''}: {exc.problem}")
    except ValueError as exc:
        return fail(str(exc))
    stored = next(r for r in alerts.load_rules(cache) if r.id == rule_id)
    description = alerts.describe_rule(stored, metas, "en")
    if args.json:
        print_json({"id": rule_id, "name": stored.name, "spec": stored.spec,
                    "description": description})
    else:
        print(f"added rule {rule_id}: {description}")
    return 0


def run(args: argparse.Namespace) -> int:
    from ..services import alerts

    with open_cache(args) as cache:
        command = args.alerts_command
        if command == "list":
            return _list(cache, args)
        if command == "add":
            return _add(cache, args)
        if command == "ack":
            if args.all:
                change = alerts.acknowledge_all(cache)
            elif args.ids:
                change = alerts.acknowledge(cache, args.ids, acknowledged=not args.undo)
            else:
                return fail("ack: give event IDs or --all")
            print(f"{'unacknowledged' if args.undo else 'acknowledged'} {change.changed} event(s);"
                  f" {alerts.unacknowledged_count(cache)} unacknowledged")
            return 0
        if command == "delete":
            alerts.delete_rule(cache, args.id)
            print(f"deleted rule {args.id}")
            return 0
        alerts.set_rule_enabled(cache, args.id, command == "enable")
        print(f"{command}d rule {args.id}")
        return 0
