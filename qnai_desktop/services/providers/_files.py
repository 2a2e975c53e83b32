"""Run a ``services/datasets`` parser on downloaded files, so live data gets the shipped rules.

The parsers read paths; the downloads are written to a private temporary folder and parsed
there. A parser's located ``DatasetError`` becomes a ``SchemaError`` naming the URL.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from ...core.series import SeriesBundle
from ..datasets import DatasetError
from ..importers.errors import shorten
from .errors import SchemaError


def parse_downloads(files: dict[str, tuple[str, bytes]],
                    parse: Callable[[Path], list[SeriesBundle]]) -> list[SeriesBundle]:
    """``files`` = {file name: (url, bytes)}; returns ``parse(folder)``."""
    if not files:
        return []
    with tempfile.TemporaryDirectory(prefix="qnai-fetch-") as tmp:
        folder = Path(tmp)
        for name, (_url, data) in files.items():
            (folder / name).write_bytes(data)
        try:
            return parse(folder)
        except DatasetError as exc:
            url = files.get(exc.path.name, ("", b""))[0]
            text = shorten(str(exc), tail=f" [{exc.path}]").replace(f" [{exc.path}]", "")
            raise SchemaError(f"{text} — from {url}") from None
        except (ValueError, RecursionError) as exc:  # json: a 4,300+ digit integer, deep nesting
            urls = ", ".join(url for url, _data in files.values())
            raise SchemaError(f"unreadable download ({type(exc).__name__}: {str(exc)[:120]}) "
                              f"from {urls}") from None
