"""``qnai-desktop import PATH... [--series ID] [--dry-run] [--json]``: files or datasets → cache.

Every file is read completely first; if any cannot be read, the error (file, row, column,
value) is printed and NOTHING is imported (exit 2). Otherwise all files are written in one
transaction and the counts printed ("312 added, 0 changed, 0 unchanged"); ``--dry-run`` prints
the same counts and writes nothing.
"""

from __future__ import annotations

import argparse
import sys

from ._common import fail, open_cache, print_json

NAME = "import"
HELP = "import CSV / Excel / Bloomberg BDH files or the shared datasets into the cache"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or dataset folders")
    parser.add_argument("--series", metavar="ID",
                        help="put the file's only series into this series id")
    parser.add_argument("--dry-run", action="store_true", help="show the counts, write nothing")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from ..services.datasets import DatasetError
    from ..services.importers import commit_imports, preview_file, remembered_mappings, retarget

    with open_cache(args) as cache:
        existing, remembered = cache.metas(), remembered_mappings(cache)
        previews, errors = [], []
        for path in args.paths:
            try:
                previews.append(preview_file(path, existing, remembered))
            except DatasetError as exc:
                errors.append(str(exc))
        if not errors and args.series:
            if len(previews) != 1 or len(previews[0].mapping) != 1:
                found = sum(len(p.mapping) for p in previews)
                errors.append(f"--series needs one file holding one series (found {found})")
            else:
                previews[0].mapping[0] = retarget(previews[0].mapping[0], args.series, existing)
        if not errors:
            try:
                result = commit_imports(cache, previews, dry_run=args.dry_run)
            except DatasetError as exc:
                errors.append(str(exc))
    if errors:
        if args.json:
            print_json({"ok": False, "errors": errors, "imported": False})
        for message in errors:
            print(f"error: {message}", file=sys.stderr)
        return fail("nothing was imported")
    counts = dict(zip([str(p.path) for p in previews], [c for _p, c in result.files], strict=True))
    if args.json:
        print_json({"ok": True, **result.to_dict(),
                    "files": [{**p.summary(), "added": counts[str(p.path)].added,
                               "changed": counts[str(p.path)].changed,
                               "unchanged": counts[str(p.path)].unchanged} for p in previews]})
        return 0
    for p in previews:
        print(f"{p.path}: {p.layout_label()} · {p.encoding} · {p.series_found} series, {p.rows} rows")
        for m in p.mapping:
            span = f"{m.first}…{m.last}" if m.first else "-"
            print(f"  {m.label} → {m.series_id} [{m.status}] {m.rows} rows {span}")
        print(f"  {counts[str(p.path)].summary()}")
    print(result.total.summary() + (" (dry run: nothing written)" if args.dry_run else ""))
    return 0
