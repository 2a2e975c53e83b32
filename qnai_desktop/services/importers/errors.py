"""The one error an import raises: it names the file, the row, the column and the value.

It subclasses the dataset parsers' ``DatasetError`` so callers catch one type for every file the
app reads. ``row`` is the spreadsheet row number the analyst sees in Excel (header = its row).
"""

from __future__ import annotations

from pathlib import Path

from ..datasets import DatasetError


class ImportFileError(DatasetError):
    """A file that cannot be imported; nothing was written."""

    def __init__(self, path: Path | str, message: str, *, row: int | None = None,
                 column: str | None = None, value: object = None) -> None:
        self.value = value
        if value is not None:
            message = f"{message} (value {_show(value)})"
        super().__init__(path, message, row=row, column=column)


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
