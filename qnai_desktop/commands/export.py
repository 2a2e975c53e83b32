"""``qnai-desktop export (--all | --chart ID...) --out DIR``: the chart pack, headless (cron).

Writes ``<chart-id>.<ext>`` per chart for PNG/SVG/PDF/CSV (the same names every run; the as-of
date is on the image and in the manifest), one workbook ``pack.xlsx`` for ``xlsx`` (a sheet and a
native Excel chart per chart, an info sheet), one deck ``pack.pptx`` for ``pptx`` — the note's
pages with native, editable charts (``--pptx-charts picture`` puts pictures instead) — and
``manifest.json``. ``--update DECK.pptx`` refreshes a deck made earlier in place: her edits stay,
the app's charts and table get the new data, the previous file is kept as ``DECK.pptx.bak``.
A deck-only run draws nothing with Qt unless a chart must be a picture.

A chart with no data is held back (listed with how to fill it), never written as an empty
picture; prints the pre-export warnings (stale series, illustrative data, …). Exit 0 when
written (1 with ``--strict`` if there were warnings or held-back charts), 2 on a usage, name or
folder error, or when every chosen chart is empty — in which case nothing was written. A folder
problem is one line naming the path and the reason (``error: cannot write /x/pack: the folder is
read-only``); a missing folder is created.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ._common import fail, open_cache, print_json

NAME = "export"
HELP = "export charts to PNG/SVG/PDF/PPTX/XLSX/CSV with a manifest (headless)"


def register(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every chart of the catalogue")
    which.add_argument("--chart", nargs="+", action="extend", metavar="ID", help="chart id(s)")
    parser.add_argument("--out", type=Path, help="output folder (created if needed; not needed "
                        "with --update for a deck alone)")
    parser.add_argument("--format", default=None,
                        help="comma-separated: png,svg,pdf,pptx,xlsx,csv (default: png; pptx "
                             "with --update)")
    parser.add_argument("--pptx-charts", choices=["native", "picture"], default="native",
                        help="charts in the deck as native, editable charts (default) or pictures")
    parser.add_argument("--update", type=Path, metavar="DECK.pptx",
                        help="refresh this deck in place (her slides and edits stay; the previous "
                             "file is kept as DECK.pptx.bak)")
    parser.add_argument("--author", help="the cover's author line for this deck (default: the "
                                         "deck.author setting)")
    parser.add_argument("--size", default="1920x1080",
                        help="WIDTHxHEIGHT in pixels or slide_16_9, half_16_9, slide_4_3")
    parser.add_argument("--scale", type=int, default=1, choices=[1, 2, 3, 4],
                        help="pixel multiplier for PNG (crisper text)")
    parser.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS,
                        help="language of titles and source lines (default: ko)")
    parser.add_argument("--transparent", action="store_true", help="PNG/SVG without background")
    parser.add_argument("--style", default="house_default", help="house style name or JSON path")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when there are warnings")


def _options(args: argparse.Namespace):
    from ..services.export_plan import ExportOptions, parse_size

    width, height = parse_size(args.size)
    text = args.format if args.format is not None else ("pptx" if args.update else "png")
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    return ExportOptions(formats=formats, width=width, height=height, scale=args.scale,
                         lang=getattr(args, "lang", None) or "ko", transparent=args.transparent,
                         style=str(args.style))


def _check_paths(args: argparse.Namespace, options) -> str | None:
    """The sentence for an impossible combination of --out, --update and --format (or None)."""
    if args.update is not None:
        if "pptx" not in options.formats:
            return "--update refreshes a deck: add pptx to --format"
        if args.update.suffix.lower() != ".pptx":
            return f"--update {args.update}: not a .pptx deck"
        if not args.update.expanduser().is_file():
            return f"--update {args.update}: no such deck (export it first without --update)"
        others = [f for f in options.formats if f != "pptx"]
        if others and args.out is None:
            return f"--out is needed for the other formats ({', '.join(others)})"
    elif args.out is None:
        return "--out is needed: the folder to write the pack into"
    return None


def run(args: argparse.Namespace) -> int:
    from ..services.deck import DeckUpdateError, gather_content
    from ..services.export_plan import (
        ExportError,
        StagedFolder,
        gather_jobs,
        hold_back,
        plan_export,
    )
    from ..services.output_paths import output_error
    from ._pack import write_pack

    try:
        options = _options(args)
        problem = _check_paths(args, options)
        if problem:
            return fail(problem)
        if args.out is not None:
            with StagedFolder(args.out):  # fail fast (before any work) on an unwritable folder
                pass
    except (ExportError, ValueError) as exc:
        return fail(str(exc))
    cache = open_cache(args)
    try:
        jobs, held = hold_back(gather_jobs(cache, None if args.all else args.chart))
        if not jobs:
            for h in held:
                print(f"held back: {h.line(options.lang)}", file=sys.stderr)
            return fail("nothing to export: every chosen chart is empty")
        plan_export(jobs, options, workbook=True)  # unsafe or clashing names: refuse before work
        content = gather_content(cache, jobs, held, options.lang, author=args.author) \
            if "pptx" in options.formats else None
    except KeyError as exc:
        return fail(exc.args[0])
    except (ExportError, ValueError) as exc:
        return fail(str(exc))
    finally:
        cache.close()

    # Headless whatever the session: a cron job may inherit a DISPLAY that is gone.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = args.out.expanduser() if args.out is not None else None
    try:
        result = write_pack(args.window, jobs, held, options, out, content=content,
                            deck_charts=args.pptx_charts, update=args.update)
    except DeckUpdateError as exc:
        return fail(str(exc))
    except (ExportError, ValueError) as exc:
        return fail(str(exc))
    except OSError as exc:  # a full disk, a read-only deck, Qt unable to encode an image
        return fail(str(output_error(out or args.update, exc)))
    _report(args, options.lang, result, held)
    return 1 if args.strict and (result.warnings or held) else 0


def _report(args: argparse.Namespace, lang: str, result, held) -> None:
    update = result.update
    if args.json:
        print_json({"out": str(result.out_dir) if result.out_dir else None,
                    "files": [p.name for p in result.files],
                    "seconds": round(result.seconds, 3),
                    "warnings": [w.to_dict() for w in result.warnings],
                    "held_back": [h.to_dict() for h in held],
                    "deck": result.deck.to_dict() if result.deck is not None else None,
                    "update": update.to_dict() if update is not None else None})
        return
    if result.out_dir is not None:
        print(f"{len(result.files) - (1 if update else 0)} files in {result.out_dir} "
              f"({result.seconds:.1f} s)")
    if update is not None:
        for line in update.lines():
            print(line)
    deck = result.deck
    if deck is not None:
        for cid, why in deck.pictures.items():
            print(f"picture: {cid}: {why}")
    for h in held:
        print(f"held back: {h.line(lang)}", file=sys.stdout)
    for w in result.warnings:
        print(f"warning: {w.chart_id}: {w.message(lang)}", file=sys.stdout)
