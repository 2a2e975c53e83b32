"""``qnai-desktop export (--all | --chart ID...) --out DIR``: the chart pack, headless (cron).

Writes ``<chart-id>.<ext>`` per chart and format (the same names every run; the as-of date is
on the image and in the manifest), one deck ``pack.pptx`` for ``pptx``, and ``manifest.json``;
a chart with no data is held back (listed with how to fill it), never written as an empty
picture; prints the pre-export warnings (stale series, illustrative data, …). Exit 0 when
written (1 with ``--strict`` if there were warnings or held-back charts), 2 on a usage, name or
folder error, or when every chosen chart is empty —
in which case nothing was written. A folder problem is one line naming the path and the reason
(``error: cannot write /x/pack: the folder is read-only``); a missing folder is created.
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
    parser.add_argument("--out", type=Path, required=True, help="output folder (created if needed)")
    parser.add_argument("--format", default="png",
                        help="comma-separated: png,svg,pdf,pptx,xlsx,csv (default: png)")
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
    formats = tuple(f.strip().lower() for f in args.format.split(",") if f.strip())
    return ExportOptions(formats=formats, width=width, height=height, scale=args.scale,
                         lang=getattr(args, "lang", None) or "ko", transparent=args.transparent,
                         style=str(args.style))


def run(args: argparse.Namespace) -> int:
    from ..services.export_plan import (
        ExportError,
        StagedFolder,
        gather_jobs,
        hold_back,
        plan_export,
    )
    from ..services.output_paths import output_error

    try:
        options = _options(args)
        with StagedFolder(args.out):  # fail fast (before Qt starts) on an unwritable folder
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
        plan_export(jobs, options)  # unsafe or clashing file names: refuse before any work
    except KeyError as exc:
        return fail(exc.args[0])
    except ExportError as exc:
        return fail(str(exc))
    finally:
        cache.close()

    # Headless whatever the session: a cron job may inherit a DISPLAY that is gone.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        style = args.window.load_house_style(options.style)
    except OSError as exc:
        return fail(f"cannot read the style {options.style}: {exc.strerror or exc}")
    except ValueError as exc:
        return fail(str(exc))
    try:
        result = args.window.render_pack(jobs, options, args.out, style, held)
    except (ExportError, ValueError) as exc:
        return fail(str(exc))
    except OSError as exc:  # one without an errno (e.g. Qt could not encode an image)
        return fail(str(output_error(args.out, exc)))
    lang = options.lang
    if args.json:
        print_json({"out": str(result.out_dir), "files": [p.name for p in result.files],
                    "seconds": round(result.seconds, 3),
                    "warnings": [w.to_dict() for w in result.warnings],
                    "held_back": [h.to_dict() for h in held]})
    else:
        print(f"{len(result.files)} files in {result.out_dir} ({result.seconds:.1f} s)")
        for h in held:
            print(f"held back: {h.line(lang)}", file=sys.stdout)
        for w in result.warnings:
            print(f"warning: {w.chart_id}: {w.message(lang)}", file=sys.stdout)
    return 1 if args.strict and (result.warnings or held) else 0
