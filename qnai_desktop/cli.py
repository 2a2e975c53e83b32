"""The headless command line over the same core as the GUI.

``qnai-desktop`` with no subcommand opens the window; every subcommand takes ``--db PATH``.
Subcommands live in ``qnai_desktop/commands/`` (one module each, discovered here).
Exit codes: 0 ok, 1 findings (e.g. a check found issues), 2 usage or data error.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

from . import __version__, commands
from .store.errors import CorruptCacheError, StoreError


def command_modules() -> list[ModuleType]:
    mods = []
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            mods.append(importlib.import_module(f"{commands.__name__}.{info.name}"))
    return mods


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                    help="cache file (default: $QNAI_DB or the user data dir)")
    parser = argparse.ArgumentParser(prog="qnai-desktop", parents=[db],
                                     description="Q&AI Desktop — AI-infrastructure analyst workstation")
    parser.add_argument("--version", action="version", version=f"qnai-desktop {__version__}")
    parser.add_argument("--lang", choices=["ko", "en"], default=None, help="UI language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in command_modules():
        p = sub.add_parser(mod.NAME, parents=[db], help=mod.HELP, description=mod.HELP)
        mod.register(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in == ["--version"]:  # fast path: no command discovery (which imports pandas)
        print(f"qnai-desktop {__version__}")
        return 0
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from .app import run_gui

            return run_gui(getattr(args, "db", None), args.lang)
        return int(args._run(args))
    except CorruptCacheError as exc:
        print(f"error: {exc}\nhint: `qnai-desktop cache restore` puts the newest usable backup"
              " in its place (the damaged file is kept).", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
