"""``qnai-desktop monitor [--json]``: the monitor table, and any alerts that fire now (for cron).

Evaluating records new crossings in the cache exactly as the app does, so a crossing reported
here is not reported again by the app or the next run. Exit 0 whether or not alerts fired.
"""

from __future__ import annotations

import argparse
import unicodedata
from datetime import date

from ..core.formatting import fmt_auto
from ._common import open_cache, print_json

NAME = "monitor"
HELP = "print the monitor table and evaluate alert rules now (new alerts are recorded)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="evaluate as of this date, YYYY-MM-DD (default: today)")
    parser.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS,
                        help="language of names and alert messages (default: ko)")


def _pad(text: str, width: int) -> str:
    """Left-align for a terminal, counting Hangul and other wide characters as two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def _change(value: float | None, unit: str) -> str:
    return "-" if value is None else f"{value:+,.1f}{unit}"


def run(args: argparse.Namespace) -> int:
    from ..services import alerts
    from ..services.monitor_table import monitor_rows, rows_to_json

    today = args.today or date.today()
    lang = getattr(args, "lang", None) or "ko"
    with open_cache(args) as cache:
        alert_run = alerts.evaluate_and_record(cache, today, lang)
        rows = monitor_rows(cache, today, lang)
        unacked = alerts.unacknowledged_count(cache)
    if args.json:
        print_json({"as_of": today.isoformat(), "monitors": rows_to_json(rows),
                    "new_alerts": alert_run.events, "unacknowledged": unacked,
                    "problems": alert_run.problems})
        return 0
    print(f"{'monitor':<40} {'last':>9} {'date':>10} {'1D':>9} {'1W':>9} {'1M':>9} {'3M':>9}"
          f" {'z 1Y':>6} {'age':>5}  status")
    for r in rows:
        name = r["name"] + (" [illustrative]" if r["is_demo"] else "")
        unit = r["change_unit"]
        z = "-" if r["zscore_1y"] is None else f"{r['zscore_1y']:+.1f}"
        age = "-" if r["age_days"] is None else f"{r['age_days']}d"
        print(f"{_pad(name, 40)} {fmt_auto(r['last_value']):>9} {r['last_date'] or '-'!s:>10}"
              + "".join(f" {_change(r[f'change_{k}'], unit):>9}" for k in ("1d", "1w", "1m", "3m"))
              + f" {z:>6} {age:>5}  {r['status']}{' (stale)' if r['stale'] else ''}")
    print(f"\nnew alerts: {len(alert_run.events)}   unacknowledged: {unacked}")
    for ev in alert_run.events:
        print(f"  rule {ev['rule_id']}: {ev['message']}")
    for problem in alert_run.problems:
        print(f"  skipped {problem}")
    return 0
