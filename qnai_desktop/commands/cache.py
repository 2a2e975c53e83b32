"""``qnai-desktop cache info|check|backup|restore``: look after the cache file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..services.backups import DEFAULT_KEEP, backup_file, backups_of, newest_usable_backup, restore
from ..store.db import default_db_path
from ._common import fail, open_cache, print_json

NAME = "cache"
HELP = "inspect, check, back up or restore the cache file"


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="cache_command", required=True)
    info = sub.add_parser("info", help="path, schema, size, series count, backups")
    info.add_argument("--json", action="store_true")
    sub.add_parser("check", help="PRAGMA integrity_check (exit 1 when damaged)")
    b = sub.add_parser("backup", help="take a backup now")
    b.add_argument("--keep", type=int, default=DEFAULT_KEEP)
    r = sub.add_parser("restore", help="replace a damaged cache by its newest usable backup "
                       "(the replaced file is kept)")
    r.add_argument("--from", dest="source", type=Path, default=None,
                   help="a specific backup (must be a readable Q&AI cache)")
    r.add_argument("--force", action="store_true",
                   help="restore even though the cache is healthy (it is kept beside)")
    for p in (info, b, r):
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _path(args: argparse.Namespace) -> Path:
    db = getattr(args, "db", None)
    return Path(db) if db else default_db_path()


def _check(path: Path) -> int:
    """Integrity and the kept per-series counts, read-only; 0 ok, 1 damaged."""
    from ..store.health import full_check

    if not path.is_file():
        return fail(f"{path}: no such cache file")
    result = full_check(path)
    print("\n".join(result))
    if result != ["ok"]:
        print(f"{path}: damaged. `qnai-desktop cache restore` puts the newest usable backup in "
              "its place (the damaged file is kept).", file=sys.stderr)
        return 1
    return 0


def run(args: argparse.Namespace) -> int:
    path = _path(args)
    if args.cache_command == "restore":
        source = args.source or newest_usable_backup(path)
        if source is None:
            return fail(f"{path}: no usable backup found in {path.parent / 'backups'}")
        kept = restore(path, source, force=args.force)
        print(f"restored {path} from {source}" + (
            f"; the previous file is kept as {kept}" if kept else ""))
        return 0
    if args.cache_command == "check":
        return _check(path)
    if args.cache_command == "backup":
        with open_cache(args):
            pass
        print(backup_file(path, "manual", keep=args.keep))
        return 0
    with open_cache(args) as cache:
        info = {"path": str(path), "schema": cache.schema_version,
                "bytes": path.stat().st_size, "series": len(cache.series.ids()),
                "companies": len(cache.watchlist.companies()),
                "backups": [str(p) for p in backups_of(path)]}
    if args.json:
        print_json(info)
    else:
        for k, v in info.items():
            print(f"{k}: {v}")
    return 0
