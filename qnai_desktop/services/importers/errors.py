"""The one error an import raises: it names the file, the row, the column and the value.

It subclasses the dataset parsers' ``DatasetError`` so callers catch one type for every file the
app reads. ``row`` is the spreadsheet row number the analyst sees in Excel (header = its row).
Text quoted from the file (a 5,000-digit number, a 400-character header) is cut to 60 characters
by :func:`shorten`, so a refusal stays a message, not a dump of the cell.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..datasets import DatasetError


class ImportFileError(DatasetError):
    """A file that cannot be imported; nothing was written."""

    def __init__(self, path: Path | str, message: str, *, row: int | None = None,
                 column: str | None = None, value: object = None) -> None:
        self.value = value
        if value is not None:
            message = f"{message} (value {_show(value)})"
        super().__init__(path, shorten(message), row=row,
                         column=None if column is None else _cut(column, 60))


_QUOTED = re.compile(r"'([^'\n]{61,})'|\"([^\"\n]{61,})\"")
_RUN = re.compile(r"\S{81,}")


def shorten(text: str, tail: str = "") -> str:
    """``text`` with quoted pieces over 60 characters and unbroken runs over 80 cut with '…';
    a ``tail`` ending it (the file's path) is kept whole."""
    keep = tail if tail and text.endswith(tail) else ""
    body = _QUOTED.sub(lambda m: repr(_cut(m[1] if m[1] is not None else m[2], 60)),
                       text[: len(text) - len(keep)])
    return _RUN.sub(lambda m: _cut(m[0], 80), body) + keep


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
