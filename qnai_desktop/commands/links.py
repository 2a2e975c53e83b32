"""``qnai-desktop links add PATH [--sheet S] [--replace] [--dry-run] [--json]`` / ``links list
[--json]`` / ``links remove ID``: workbooks re-read by ``refresh --source links`` when they change.

``add`` reads the file exactly as ``import`` does, prints the mapping it will keep (the same
columns go to the same series on every later read; ``--dry-run`` shows it and writes nothing),
then links the file and imports it in one transaction. A file that cannot be read, the open
cache file, or an import that would overwrite stored values from elsewhere without ``--replace``
exits 2 with a sentence and changes nothing. ``remove`` forgets the link; its data stays.
"""

from __future__ import annotations

import argparse
import sys

from ._common import fail, open_cache, print_json

NAME = "links"
HELP = "link workbooks (a Bloomberg sheet she saves every morning) so refresh re-reads them"
HINT = ("nothing was linked: give --replace to let this file overwrite these stored values, or "
        "import it into new series with qnai-desktop import")


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="links_command", required=True)
    add = sub.add_parser("add", help="link a CSV or Excel file and import it now")
    add.add_argument("path", metavar="PATH")
    add.add_argument("--sheet", default="", metavar="S", help="only this sheet of a workbook")
    add.add_argument("--replace", action="store_true",
                     help="let the file overwrite stored values that came from elsewhere")
    add.add_argument("--dry-run", action="store_true", help="show the mapping and counts, link nothing")
    add.add_argument("--json", action="store_true", help="machine-readable output")
    ls = sub.add_parser("list", help="linked files with the state of their last read")
    ls.add_argument("--json", action="store_true", help="machine-readable output")
    rm = sub.add_parser("remove", help="forget a link (the data it imported stays)")
    rm.add_argument("id", type=int, metavar="ID")
    for p in (add, ls, rm):
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    return {"add": _add, "list": _list, "remove": _remove}[args.links_command](args)


def _add(args: argparse.Namespace) -> int:
    from ..services.datasets import DatasetError
    from ..services.importers import ImportConflictError
    from ..services.links import LinkError, add_link, preview_link

    with open_cache(args) as cache:
        try:
            preview = preview_link(cache, args.path, args.sheet)
            done = add_link(cache, preview, args.sheet, dry_run=args.dry_run, replace=args.replace)
        except ImportConflictError as exc:
            return _refused(args, exc.review)
        except (DatasetError, LinkError) as exc:
            if args.json:
                print_json({"ok": False, "linked": False, "errors": [str(exc)]})
            print(f"error: {exc}", file=sys.stderr)
            return fail("nothing was linked")
    result = done.result
    if result.review.pending:  # a dry run that the real link would refuse
        return _refused(args, result.review, dry_run=True)
    if args.json:
        print_json({"ok": True, "linked": done.link_id is not None, "id": done.link_id,
                    "dry_run": args.dry_run, "sheet": args.sheet, **preview.summary(),
                    "total": result.to_dict()["total"]})
        return 0
    print(f"{preview.path}{f' [{args.sheet}]' if args.sheet else ''}: {preview.layout_label()} · "
          f"{preview.encoding} · {preview.series_found} series, {preview.rows} rows")
    for note in preview.notes:
        print(f"  note: {note}")
    for m in preview.mapping:
        span = f"{m.first}…{m.last}" if m.first else "-"
        print(f"  {m.label} → {m.series_id} [{m.status}] {m.rows} rows {span}")
    tail = " (dry run: nothing linked or written)" if args.dry_run else \
        f"; linked as #{done.link_id} — refresh --source links re-reads it when it changes"
    print(result.total.summary() + tail)
    return 0


def _refused(args: argparse.Namespace, review, *, dry_run: bool = False) -> int:
    if args.json:
        print_json({"ok": False, "linked": False, "dry_run": dry_run, **review.to_dict()})
    for case in review.pending:
        print(f"conflict: {case.describe()}", file=sys.stderr)
    return fail(HINT)


def _list(args: argparse.Namespace) -> int:
    from ..services.links import list_links

    with open_cache(args) as cache:
        links = list_links(cache)
    if args.json:
        print_json([link.to_dict() for link in links])
        return 0
    if not links:
        print("no linked files (qnai-desktop links add PATH)")
    for link in links:
        when = link.last_read_at.replace("T", " ")[:16] or "never read"
        state = link.state or "not read yet"
        print(f"#{link.id} {link.path}{f' [{link.sheet}]' if link.sheet else ''}")
        print(f"   {state} ({when}) — {len(link.series)} series"
              + (f": {link.message}" if link.message else ""))
    return 0


def _remove(args: argparse.Namespace) -> int:
    from ..services.links import LinkError, remove_link

    with open_cache(args) as cache:
        try:
            remove_link(cache, args.id)
        except LinkError as exc:
            return fail(str(exc))
    print(f"link #{args.id} removed (the data it imported stays in the cache)")
    return 0
