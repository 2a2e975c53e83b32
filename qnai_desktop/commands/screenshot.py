"""``qnai-desktop screenshot --tab NAME --out FILE.png``: render a tab offscreen (``--view
settings|data-sources|refresh``: the Settings dialog, the Data sources view, or the window with
the refresh panel open).

The output path is checked before the window is built (a missing folder is created); the PNG is
written under a temporary name and renamed into place, so a failure leaves nothing behind and
prints one line naming the path and the reason (exit 2).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import fail

NAME = "screenshot"
HELP = "render a tab of the main window offscreen to PNG"
TABS = ["watchlist", "charts", "monitors", "scenarios"]
VIEWS = ["settings", "data-sources", "refresh"]


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tab", default="watchlist", choices=TABS)
    parser.add_argument("--view", choices=VIEWS, default=None,
                        help="render a dialog or panel instead of the tab")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS)
    parser.add_argument("--size", default="1400x860", help="WIDTHxHEIGHT in pixels")


def run(args: argparse.Namespace) -> int:
    from ..services.output_paths import OutputPathError, atomic_output

    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        return fail(f"--size {args.size!r}: use WIDTHxHEIGHT, e.g. 1400x860")
    try:
        with atomic_output(args.out) as tmp:
            args.window.screenshot(getattr(args, "db", None), args.tab, tmp,
                                   getattr(args, "lang", None), size=(w, h),
                                   **({"view": args.view} if args.view else {}))
    except OutputPathError as exc:
        return fail(str(exc))
    except OSError:  # Qt's QImage.save said no, without a reason
        return fail(f"cannot write {args.out}: the image could not be saved as PNG")
    print(args.out)
    return 0
