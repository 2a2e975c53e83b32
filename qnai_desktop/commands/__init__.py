"""CLI subcommands, one module each. A module defines ``NAME``, ``HELP``,
``register(parser: argparse.ArgumentParser) -> None`` (add its arguments to its own subparser)
and ``run(args: argparse.Namespace) -> int``. ``qnai_desktop.cli`` discovers them with pkgutil,
so adding a command never edits a shared file. Commands import no Qt at module level.
"""
