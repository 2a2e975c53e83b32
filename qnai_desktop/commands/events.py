"""``qnai-desktop events add|list|delete``: dated events (and callouts, difference arrows) on charts.

``events add --chart ID --date YYYY-MM-DD --label TEXT [--label-en TEXT]`` marks an event on a
chart; ``--kind callout`` (at ``--value`` or the series' value) and ``--kind arrow --to DATE``
(a difference arrow whose label, "+85%", is computed from the data when drawn) take the same
flags. They are drawn on the chart's native PPTX chart and listed in the slide notes. ``events
list [--chart ID] [--json]`` shows them, arrows with their label as of today's data; ``events
delete ID`` removes one. An error is one sentence and exit 2.
"""

from __future__ import annotations

import argparse
import math
from datetime import date

from ._common import fail, open_cache, print_json

NAME = "events"
HELP = "add, list or delete dated events, callouts and difference arrows on charts"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _number(text: str) -> float:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="events_command", required=True)
    add = sub.add_parser("add", help="mark an event (or a callout, an arrow) on a chart")
    add.add_argument("--chart", required=True, metavar="ID", help="chart id (see `charts list`)")
    add.add_argument("--date", required=True, type=_day, metavar="YYYY-MM-DD")
    add.add_argument("--label", default="", metavar="TEXT", help="label (Korean, or the only one)")
    add.add_argument("--label-en", default="", metavar="TEXT", help="English label")
    add.add_argument("--kind", choices=["event", "callout", "arrow"], default="event")
    add.add_argument("--to", type=_day, metavar="YYYY-MM-DD", help="an arrow's second date")
    add.add_argument("--series", default="", metavar="ID", help="series of a callout or arrow "
                     "(default: the chart's first)")
    add.add_argument("--value", type=_number, help="a callout's y (default: the series' value)")
    add.add_argument("--json", action="store_true")
    ls = sub.add_parser("list", help="annotations, arrows with their computed label")
    ls.add_argument("--chart", metavar="ID", help="only this chart's")
    ls.add_argument("--lang", choices=["ko", "en"], default="ko")
    ls.add_argument("--json", action="store_true")
    delete = sub.add_parser("delete", help="delete one annotation by id")
    delete.add_argument("id", type=int)
    delete.add_argument("--json", action="store_true")
    for p in sub.choices.values():
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from ..services.annotations import AnnotationError

    try:
        with open_cache(args) as cache:
            return {"add": _add, "list": _list, "delete": _delete}[args.events_command](cache, args)
    except AnnotationError as exc:
        return fail(str(exc))


def _add(cache, args: argparse.Namespace) -> int:
    from ..services.annotations import add_annotation

    if not (args.label.strip() or args.label_en.strip()) and args.kind != "arrow":
        return fail("an event or callout needs a label (--label TEXT)")
    added = add_annotation(cache, args.chart, args.kind, args.date, label_ko=args.label,
                           label_en=args.label_en, series=args.series, to=args.to, value=args.value)
    if args.json:
        print_json({"id": added.id, "chart": args.chart, "kind": args.kind,
                    "date": args.date.isoformat()})
    else:
        print(f"added {args.kind} {added.id} on {args.chart} at {args.date.isoformat()}")
    return 0


def _list(cache, args: argparse.Namespace) -> int:
    from ..services.annotations import list_annotations

    rows = list_annotations(cache, args.chart, args.lang)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("no events" + (f" on {args.chart}" if args.chart else ""))
        return 0
    for r in rows:
        label = (r["label_ko"] or r["label_en"]) if args.lang == "ko" else (r["label_en"] or r["label_ko"])
        arrow = f" [{r['arrow_label']}]" if r.get("arrow_label") else ""
        to = f"→{r['spec']['to']}" if r["kind"] == "arrow" and r["spec"].get("to") else ""
        print(f"{r['id']:>4}  {r['chart']:<28} {r['kind']:<8} {r['date']}{to}  {label}{arrow}")
    return 0


def _delete(cache, args: argparse.Namespace) -> int:
    from ..services.annotations import delete_annotation

    delete_annotation(cache, args.id)
    if args.json:
        print_json({"deleted": args.id})
    else:
        print(f"deleted annotation {args.id}")
    return 0
