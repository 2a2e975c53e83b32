"""``qnai-desktop watchlist [--json]``: the coverage table."""

from __future__ import annotations

import argparse
import json

from ..core.formatting import fmt_number
from ._common import open_cache

NAME = "watchlist"
HELP = "print the coverage table"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    with open_cache(args) as cache:
        df = cache.companies()
    if args.json:
        records = json.loads(df.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for row in df.itertuples():
        print(f"{row.ticker:<6} {row.name_en:<16} {fmt_number(row.market_cap_usd_bn):>8}"
              f" {fmt_number(row.per_12mf):>5}  {row.thesis1_ko} / {row.thesis2_ko}")
    return 0
