"""Helpers shared by the CLI subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..store.cache import Cache


def open_cache(args: argparse.Namespace) -> Cache:
    """The cache named by ``--db`` (or ``$QNAI_DB`` / the default), seeded when new."""
    from ..services.seed import open_cache as _open

    return _open(getattr(args, "db", None))


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def fail(message: str, code: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code
