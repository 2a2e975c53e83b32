"""The headless command line over the same core as the GUI.

``qnai-desktop`` with no subcommand opens the window; every subcommand takes ``--db PATH``.
Exit codes: 0 ok, 1 findings (e.g. a check found issues), 2 usage or data error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .store.errors import StoreError


def _db_parent() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                   help="cache file (default: $QNAI_DB or the user data dir)")
    return p


def build_parser() -> argparse.ArgumentParser:
    db = _db_parent()
    parser = argparse.ArgumentParser(prog="qnai-desktop", parents=[db],
                                     description="Q&AI Desktop — AI-infrastructure analyst workstation")
    parser.add_argument("--version", action="version", version=f"qnai-desktop {__version__}")
    parser.add_argument("--lang", choices=["ko", "en"], default=None, help="UI language")
    sub = parser.add_subparsers(dest="command")

    wl = sub.add_parser("watchlist", parents=[db], help="print the coverage table")
    wl.add_argument("--json", action="store_true")

    series = sub.add_parser("series", parents=[db], help="list or show cached series")
    ssub = series.add_subparsers(dest="series_command", required=True)
    sl = ssub.add_parser("list", parents=[db])
    sl.add_argument("--json", action="store_true")
    ss = ssub.add_parser("show", parents=[db])
    ss.add_argument("id")
    ss.add_argument("--csv", action="store_true")

    shot = sub.add_parser("screenshot", parents=[db], help="render a tab offscreen to PNG")
    shot.add_argument("--tab", required=True, choices=["watchlist", "charts", "monitors", "scenarios"])
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS)
    return parser


def _open(args: argparse.Namespace):
    from .services.seed import open_cache

    return open_cache(getattr(args, "db", None))


def cmd_watchlist(args: argparse.Namespace) -> int:
    with _open(args) as cache:
        df = cache.companies()
    if args.json:
        records = json.loads(df.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    from .core.formatting import fmt_number

    for row in df.itertuples():
        print(f"{row.ticker:<6} {row.name_en:<16} {fmt_number(row.market_cap_usd_bn):>8}"
              f" {fmt_number(row.per_12mf):>5}  {row.thesis1_ko} / {row.thesis2_ko}")
    return 0


def cmd_series(args: argparse.Namespace) -> int:
    with _open(args) as cache:
        if args.series_command == "list":
            df = cache.series_list()
            if args.json:
                print(df.to_json(orient="records", force_ascii=False, indent=2))
            else:
                for r in df.itertuples():
                    flag = " [illustrative]" if r.is_demo else ""
                    print(f"{r.id:<32} {r.points:>6} {r.first or '-':>10} … {r.last or '-':<10}"
                          f" {r.source}{flag}")
            return 0
        try:
            meta = cache.series_meta(args.id)
        except KeyError as exc:
            print(f"error: {exc.args[0]}", file=sys.stderr)
            return 2
        obs = cache.observations(args.id)
    out = obs.assign(date=obs["date"].dt.strftime("%Y-%m-%d"))
    if args.csv:
        sys.stdout.write(out.to_csv(index=False))
    else:
        print(f"{meta.id}: {meta.title_en} [{meta.unit}] — {meta.source}"
              + (" (illustrative data)" if meta.is_demo else ""))
        print(out.to_string(index=False))
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from .app import screenshot

    out = screenshot(getattr(args, "db", None), args.tab, args.out, getattr(args, "lang", None))
    print(out)
    return 0


COMMANDS = {"watchlist": cmd_watchlist, "series": cmd_series, "screenshot": cmd_screenshot}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from .app import run_gui

            return run_gui(getattr(args, "db", None), args.lang)
        return COMMANDS[args.command](args)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
