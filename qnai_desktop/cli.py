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
from .store.errors import CorruptCacheError, NewerSchemaError, StoreError

RESTORE_HINT = ("hint: `qnai-desktop cache restore` puts the newest usable backup in its place "
                "(the damaged file is kept).")


def command_modules() -> list[ModuleType]:
    mods = []
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            mods.append(importlib.import_module(f"{commands.__name__}.{info.name}"))
    return mods


class WindowHooks:
    """``args.window`` for the commands that need Qt (``screenshot``, ``export``): the composition
    root's ``screenshot``, ``load_house_style`` and ``render_pack``, imported on first use.

    Commands sit beside ui, not above it (the import-linter layers contract in pyproject.toml), so
    they never import ``app`` or ``ui``; the root, which wires everything, hands the window in."""

    def __getattr__(self, name: str):
        from . import app

        return getattr(app, name)


def _chosen_command(argv: list[str] | None, names: set[str]) -> str | None:
    """The subcommand named on the command line, if any: the first token that is a command name
    and not the value of a global option (``--db PATH``, ``--lang ko``)."""
    tokens = list(sys.argv[1:] if argv is None else argv)
    skip = False
    for token in tokens:
        if skip:
            skip = False
        elif token in ("--db", "--lang"):
            skip = True
        elif token in names:
            return token
        elif not token.startswith("-"):
            return None
    return None


def build_parser(argv: list[str] | None = None, *, every: bool = False) -> argparse.ArgumentParser:
    """The CLI's parser. Only the chosen subcommand's arguments are registered (each ``register``
    imports what its choices need — ``refresh`` lists every provider, which pulls in the HTTP
    stack), so ``series list`` starts without loading the providers; ``every=True`` registers all
    (the tests of the help texts)."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                    help="cache file (default: $QNAI_DB or the user data dir)")
    parser = argparse.ArgumentParser(prog="qnai-desktop", parents=[db],
                                     description="Q&AI Desktop — AI-infrastructure analyst workstation")
    parser.add_argument("--version", action="version", version=f"qnai-desktop {__version__}")
    parser.add_argument("--lang", choices=["ko", "en"], default=None, help="UI language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    mods = command_modules()
    chosen = None if every else _chosen_command(argv, {m.NAME for m in mods})
    for mod in mods:
        p = sub.add_parser(mod.NAME, parents=[db], help=mod.HELP, description=mod.HELP)
        if every or mod.NAME == chosen:
            mod.register(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in == ["--version"]:  # fast path: no command discovery (which imports pandas)
        print(f"qnai-desktop {__version__}")
        return 0
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    _announce_busy_waits()
    try:
        if args.command is None:
            from .app import run_gui

            return run_gui(getattr(args, "db", None), args.lang)
        args.window = WindowHooks()
        return int(args._run(args))
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the boundary: every known failure is one sentence and exit 2
        message = failure_message(exc, getattr(args, "db", None))
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 2


def failure_message(exc: BaseException, db: Path | str | None) -> str | None:
    """The sentence (and hint) for a failure the user can act on; None for a bug."""
    import sqlite3

    from .store import health
    from .store.db import default_db_path

    if isinstance(exc, sqlite3.Error):  # raised by a read outside the store's own checks
        exc = health.classify(exc, Path(db) if db else default_db_path())
    if isinstance(exc, CorruptCacheError):
        return f"error: {exc}\n{RESTORE_HINT}"
    if isinstance(exc, (StoreError, NewerSchemaError)):
        return f"error: {exc}"
    if isinstance(exc, OSError) and (exc.filename or exc.strerror):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"error: {where}{exc.strerror or exc}"
    return None


def _print_wait(waiting: bool) -> None:
    from .store.db import WAITING_MESSAGE

    if waiting:
        print(WAITING_MESSAGE, file=sys.stderr, flush=True)


def _announce_busy_waits() -> None:
    """While a write waits for another program's lock, say so once on stderr."""
    from .store.db import add_busy_listener, remove_busy_listener

    remove_busy_listener(_print_wait)  # main() may run many times in one process (tests)
    add_busy_listener(_print_wait)


if __name__ == "__main__":
    sys.exit(main())
