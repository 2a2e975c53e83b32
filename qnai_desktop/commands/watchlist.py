"""``qnai-desktop watchlist [--json]``: the coverage table; ``check``, ``export``, ``import``.

``--json`` gives each name's stored columns plus ``values``: every figure behind it (market
cap, PER, close, shares, 12MF earnings, TTM capex/revenue) with ``value``, ``as_of``,
``source`` and ``stale`` (see ``services.fundamentals.live``).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from ..core.formatting import fmt_number
from ._common import fail, open_cache, print_json

NAME = "watchlist"
HELP = "print the coverage table; check / export / import it"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="watchlist_command", metavar="ACTION")
    check = sub.add_parser("check", help="report check before publishing (exit 1 when issues exist)")
    check.add_argument("--stale-days", type=int, default=None,
                       help="as-of dates older than this are stale (default: setting, else 30)")
    check.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    export = sub.add_parser("export", help="write the watchlist to a .csv or .xlsx file")
    export.add_argument("--out", type=Path, required=True, help="F.csv or F.xlsx")
    imp = sub.add_parser("import", help="merge a .csv/.xlsx into the watchlist (all rows or none)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="validate and count, write nothing")
    for p in (check, export, imp):
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="machine-readable output")
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "watchlist_command", None)
    as_json = getattr(args, "json", False)
    lang = getattr(args, "lang", None) or "en"
    if action == "check":
        return _check(args, as_json, lang)
    if action == "export":
        return _export(args, as_json)
    if action == "import":
        return _import(args, as_json)
    from ..services.fundamentals.live import value_table

    with open_cache(args) as cache:
        df = cache.watchlist.companies()
        values = value_table(cache, date.today()) if as_json else {}
    if as_json:
        records = json.loads(df.to_json(orient="records", force_ascii=False))
        for r in records:
            r["values"] = values.get(r["ticker"], {})
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for row in df.itertuples():
        print(f"{row.ticker:<6} {row.name_en:<16} {fmt_number(row.market_cap_usd_bn):>8}"
              f" {fmt_number(row.per_12mf):>5}  {row.thesis1_ko} / {row.thesis2_ko}")
    return 0


def _check(args: argparse.Namespace, as_json: bool, lang: str) -> int:
    from ..core.watchlist import DEFAULT_STALE_DAYS, STALE_SETTING, Benchmarks, lint

    with open_cache(args) as cache:
        stale = args.stale_days
        if stale is None:
            stale = int(cache.settings.get(STALE_SETTING) or DEFAULT_STALE_DAYS)
        issues = lint(cache.watchlist.companies(), cache.facts.all(), today=args.today or date.today(),
                      stale_days=stale, benchmarks=Benchmarks.from_settings(cache.settings.get))
    errors = sum(i.severity == "error" for i in issues)
    if as_json:
        print_json({"count": len(issues), "errors": errors, "warnings": len(issues) - errors,
                    "stale_days": stale, "issues": [i.to_dict(lang) for i in issues]})
    else:
        print(f"{len(issues)} issue(s): {errors} error(s), {len(issues) - errors} warning(s)")
        for i in issues:
            print(f"{i.severity:<8} {i.ticker or '-':<6} {i.column:<18} {i.message(lang)}")
    return 1 if issues else 0


def _export(args: argparse.Namespace, as_json: bool) -> int:
    from ..services.output_paths import OutputPathError
    from ..services.watchlist_io import export_file

    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        return fail(f"{args.out}: choose a .csv or .xlsx file name")
    try:
        with open_cache(args) as cache:
            n = export_file(cache, args.out, lang=getattr(args, "lang", None) or "ko")
    except OutputPathError as exc:
        return fail(str(exc))
    if as_json:
        print_json({"out": str(args.out), "rows": n})
    else:
        print(f"wrote {n} names to {args.out}")
    return 0


def _import(args: argparse.Namespace, as_json: bool) -> int:
    from ..services.watchlist_io import WatchlistFileError, import_file, plan_import

    if not args.file.is_file():
        return fail(f"{args.file}: no such file")
    try:
        with open_cache(args) as cache:
            if args.dry_run:
                plan = plan_import(cache.watchlist.companies(), args.file)
            else:
                plan, _change = import_file(cache, args.file)
    except WatchlistFileError as exc:
        return fail(f"{exc} — nothing was imported")
    if as_json:
        print_json({"file": plan.file, "added": plan.added, "changed": plan.changed,
                    "unchanged": plan.unchanged, "dry_run": bool(args.dry_run)})
    else:
        print(("would import: " if args.dry_run else "imported: ") + plan.summary())
    return 0
