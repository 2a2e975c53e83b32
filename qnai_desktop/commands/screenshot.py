"""``qnai-desktop screenshot --tab NAME --out FILE.png``: render a tab offscreen."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "screenshot"
HELP = "render a tab of the main window offscreen to PNG"
TABS = ["watchlist", "charts", "monitors", "scenarios"]


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tab", required=True, choices=TABS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS)
    parser.add_argument("--size", default="1400x860", help="WIDTHxHEIGHT in pixels")


def run(args: argparse.Namespace) -> int:
    from ..app import screenshot

    w, h = (int(v) for v in args.size.lower().split("x"))
    print(screenshot(getattr(args, "db", None), args.tab, args.out, getattr(args, "lang", None),
                     size=(w, h)))
    return 0
