"""``qnai-desktop publish --out DIR``: the nightly line — refresh every source, then the pack.

Each source is refreshed in its own transaction; one that fails (no network, no key, a broken
server) is reported and skipped, never fatal. The pack (PNG per chart, the note's deck with native
charts, one workbook ``pack.xlsx`` and ``manifest.json`` by default; see commands/_pack.py) is
written to ``DIR.publishing`` and swapped in for ``DIR`` at the end — last night's pack stays as
``DIR.prev``, and the file names are the same every night (the dates are on the images and in
the manifest). A chart with no data is held back and listed
with how to fill it.

Exit 0 when everything is fresh and real; 1 when the pack was made but a source failed or a
chart is stale, illustrative or held back; 2 when no pack could be made. One summary line per
source and per held-back or flagged chart. Cron: ``qnai-desktop publish --out ~/notes/pack``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ._common import fail, open_cache, print_json

NAME = "publish"
HELP = "refresh every source, then export the pack into DIR (previous pack kept as DIR.prev)"
DEFAULT_FORMATS = "png,pptx,xlsx"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="the pack's folder")
    parser.add_argument("--format", default=DEFAULT_FORMATS,
                        help=f"comma-separated: png,svg,pdf,pptx,xlsx,csv (default: {DEFAULT_FORMATS})")
    parser.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT or a preset")
    parser.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS,
                        help="language of titles and source lines (default: ko)")
    parser.add_argument("--style", default="house_default", help="house style name or JSON path")
    parser.add_argument("--no-refresh", action="store_true",
                        help="export what the cache holds, without refreshing first")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")


def run(args: argparse.Namespace) -> int:
    from ..services.deck import gather_content
    from ..services.export_plan import ExportError, ExportOptions, gather_jobs, hold_back, parse_size
    from ..services.publish import PublishOutcome, staging_dir, swap_in
    from ..services.refresh import run_refresh
    from ..services.refresh_sources import SourceConfigError, configured_providers
    from ._pack import write_pack

    lang = getattr(args, "lang", None) or "ko"
    try:
        width, height = parse_size(args.size)
        options = ExportOptions(formats=tuple(f.strip().lower() for f in args.format.split(",")
                                              if f.strip()),
                                width=width, height=height, lang=lang, style=str(args.style))
    except ValueError as exc:
        return fail(str(exc))
    out = args.out.expanduser()
    outcome = PublishOutcome()
    with open_cache(args) as cache:
        if not args.no_refresh:
            try:
                outcome.refresh = run_refresh(cache, configured_providers(cache))
            except SourceConfigError as exc:  # a bad setting stops no pack: report, go on
                print(f"error: {exc}", file=sys.stderr)
        jobs, outcome.held_back = hold_back(gather_jobs(cache))
        content = gather_content(cache, jobs, outcome.held_back, lang) \
            if jobs and "pptx" in options.formats else None
    if not jobs:
        outcome.error = "every chart is empty: nothing to publish"
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # cron: no display
        try:
            stage = staging_dir(out)
            result = write_pack(args.window, jobs, outcome.held_back, options, stage, content=content)
            outcome.warnings = list(result.warnings)
            outcome.previous = swap_in(stage, out)
            outcome.files = [out / p.name for p in result.files]
        except (ExportError, ValueError, OSError) as exc:
            outcome.error = str(exc)
    _report(args, outcome, out, lang)
    return outcome.exit_code


def _report(args: argparse.Namespace, outcome, out: Path, lang: str) -> None:
    if args.json:
        print_json({"out": str(out), "made": outcome.made, "exit": outcome.exit_code,
                    "error": outcome.error, "files": [p.name for p in outcome.files],
                    "previous": str(outcome.previous) if outcome.previous else None,
                    "sources": outcome.refresh.to_dict()["sources"] if outcome.refresh else [],
                    "held_back": [h.to_dict() for h in outcome.held_back],
                    "warnings": [w.to_dict() for w in outcome.warnings]})
        return
    for line in outcome.lines(lang):
        print(line)
    if outcome.made:
        kept = f"; last pack kept as {outcome.previous}" if outcome.previous else ""
        print(f"published {len(outcome.files)} files in {out}{kept}")
    else:
        fail(f"no pack was made: {outcome.error}")
