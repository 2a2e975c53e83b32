"""``qnai-desktop series list|show``: cached series and their observations."""

from __future__ import annotations

import argparse
import sys

from ._common import fail, open_cache

NAME = "series"
HELP = "list or show cached series"


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="series_command", required=True)
    sl = sub.add_parser("list", help="every series with points, dates, source")
    sl.add_argument("--json", action="store_true")
    ss = sub.add_parser("show", help="one series' observations")
    ss.add_argument("id")
    ss.add_argument("--csv", action="store_true")
    for p in (sl, ss):
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    with open_cache(args) as cache:
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
            return fail(exc.args[0])
        obs = cache.observations(args.id)
    out = obs.assign(date=obs["date"].dt.strftime("%Y-%m-%d"))
    if args.csv:
        sys.stdout.write(out.to_csv(index=False))
    else:
        print(f"{meta.id}: {meta.title_en} [{meta.unit}] — {meta.source}"
              + (" (illustrative data)" if meta.is_demo else ""))
        print(out.to_string(index=False))
    return 0
