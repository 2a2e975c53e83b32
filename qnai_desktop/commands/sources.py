"""``qnai-desktop sources [--json] [--lang ko|en]``: what every chart of the note stands on.

Per catalogue chart: its status (real / proxy / illustrative / missing) and the one action that
would make it real; per series: where it comes from (live source, linked file, import,
illustrative, model), real / proxy / illustrative, last date, freshness, and its own action.
Proxies say what they are not (FRED spreads are not CDS; StatCounter's referral share is not
SimilarWeb's visits). Read-only; exit 0.
"""

from __future__ import annotations

import argparse

from ._common import open_cache, print_json

NAME = "sources"
HELP = "which data every chart stands on (live, linked, imported, illustrative) and what would make it real"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--lang", choices=("ko", "en"), default="en", help="language of the text")


def run(args: argparse.Namespace) -> int:
    from ..services.coverage import coverage

    with open_cache(args) as cache:
        charts = coverage(cache)
    if args.json:
        print_json([c.to_dict() for c in charts])
        return 0
    lang = args.lang
    for chart in charts:
        stale = ", stale" if chart.stale else ""
        print(f"{chart.chart_id} — {chart.title(lang)}: {chart.status}{stale}")
        if chart.action(lang):
            print(f"  → {chart.action(lang)}")
        said = {chart.action(lang)}
        for s in chart.series:
            where = s.origin + (f" ({s.origin_detail})" if s.origin_detail else "")
            when = f"last {s.last}" if s.last else "no data"
            if s.freshness:
                when += f" ({s.freshness}, {s.age_days} d)"
            print(f"    {s.series_id:<34} {s.kind:<12} {where:<40} {when}")
            if s.note(lang):
                print(f"      {s.note(lang)}")
            if s.action(lang) and s.action(lang) not in said:
                print(f"      → {s.action(lang)}")
                said.add(s.action(lang))
    return 0
