"""``qnai-desktop import PATH... [--series ID] [--replace] [--dry-run] [--json]``: files or datasets → cache.

Every file is read completely first; if any cannot be read, the error (file, row, column,
value) is printed and NOTHING is imported (exit 2). The same header in two files of one import
gives two series (the later one ``…_2``), never one merged series. If the import would
overwrite stored values that came from another file, source or title, or a dataset would change
more than 2% of the stored values it overlaps, each case is printed naming both sides and
nothing is imported (exit 2) unless ``--replace`` is given. Otherwise all files are written in
one transaction and the counts printed ("312 added, 0 changed, 0 unchanged"); ``--dry-run``
prints the same counts (and the same refusals) and writes nothing.
"""

from __future__ import annotations

import argparse
import sys

from ._common import fail, open_cache, print_json

NAME = "import"
HELP = "import CSV / Excel / Bloomberg BDH files or the shared datasets into the cache"
HINT = ("nothing was imported: give --replace to overwrite these stored values, or import the "
        "file into a new series with --series NEW_ID")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or dataset folders")
    parser.add_argument("--series", metavar="ID",
                        help="put the file's only series into this series id")
    parser.add_argument("--replace", action="store_true",
                        help="overwrite stored values that came from another file, source or title")
    parser.add_argument("--dry-run", action="store_true", help="show the counts, write nothing")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from ..services.datasets import DatasetError
    from ..services.importers import (
        ImportConflictError,
        commit_imports,
        keep_apart,
        preview_file,
        remembered_mappings,
        retarget,
    )

    result = None
    with open_cache(args) as cache:
        existing, remembered = cache.series.metas(), remembered_mappings(cache)
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
        keep_apart([p.mapping for p in previews], existing)
        if not errors:
            try:
                result = commit_imports(cache, previews, dry_run=args.dry_run,
                                        replace=args.replace)
            except ImportConflictError as exc:
                return _refused(args, exc.review)
            except DatasetError as exc:
                errors.append(str(exc))
    if errors or result is None:
        if args.json:
            print_json({"ok": False, "errors": errors, "imported": False})
        for message in errors:
            print(f"error: {message}", file=sys.stderr)
        return fail("nothing was imported")
    if result.review.pending:  # a dry run that the real import would refuse
        return _refused(args, result.review, dry_run=True)
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
    replaced = f"; {result.replaced} stored series replaced" if result.replaced else ""
    print(result.total.summary() + replaced
          + (" (dry run: nothing written)" if args.dry_run else ""))
    return 0


def _refused(args: argparse.Namespace, review, *, dry_run: bool = False) -> int:
    """One line per overwrite that needs --replace, then the hint; exit 2."""
    if args.json:
        print_json({"ok": False, "imported": False, "dry_run": dry_run, **review.to_dict()})
    for case in review.pending:
        print(f"conflict: {case.describe()}", file=sys.stderr)
    return fail(HINT)
