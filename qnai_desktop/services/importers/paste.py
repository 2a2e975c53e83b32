"""Values typed or pasted (tab-separated, from Excel) into the series editor → an observation frame.

Each line is ``date<TAB>value`` (a header line such as ``date  value`` / ``날짜  값`` is skipped;
extra columns are refused). Dates and numbers are read like any import (``2Q26``, ``+11%``,
``2026.06.30`` …); errors name the row (1-based, as the editor numbers them) and the column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.cell_values import looks_like_date, parse_date, parse_number


class PasteError(ValueError):
    """A typed/pasted cell that cannot be read: ``row`` (1-based) and ``column`` (0 or 1)."""

    def __init__(self, row: int, column: int, value: str, reason: str) -> None:
        name = "date" if column == 0 else "value"
        super().__init__(f"row {row}, column {name!r}: {reason} (value {value!r})")
        self.row, self.column, self.value, self.reason = row, column, value, reason


def split_pasted(text: str) -> list[list[str]]:
    """Clipboard text from Excel as rows of cells (tabs; a single column per line also works)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.split("\t") for line in lines]


def frame_from_rows(rows: list[list[str]]) -> pd.DataFrame:
    """The observation frame of ``[[date, value], …]``; blank lines are skipped."""
    dates, values = [], []
    for number, cells in enumerate(rows, start=1):
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if number == 1 and not looks_like_date(cells[0]) and \
                (len(cells) < 2 or not _is_number(cells[1])):
            continue  # a header line such as "분기  값" / "date  value"
        if len(cells) != 2:
            raise PasteError(number, min(len(cells), 2) - 1 if cells else 0, "\t".join(cells),
                             "expected two cells: date and value")
        try:
            day = parse_date(cells[0])
        except ValueError as exc:
            raise PasteError(number, 0, cells[0], str(exc)) from None
        try:
            value, _hint = parse_number(cells[1])
        except ValueError as exc:
            raise PasteError(number, 1, cells[1], str(exc)) from None
        if day is None:
            raise PasteError(number, 0, cells[0], "a value without a date")
        if day in dates:
            raise PasteError(number, 0, cells[0], f"date {day} given twice")
        if value is not None:
            dates.append(day)
            values.append(value)
    order = np.argsort(np.array(dates, dtype="datetime64[s]"), kind="stable")
    return pd.DataFrame({"date": np.array(dates, dtype="datetime64[s]")[order],
                         "value": np.array(values, dtype="float64")[order],
                         "n": pd.array([pd.NA] * len(dates), dtype="Int64")})


def _is_number(text: str) -> bool:
    try:
        return parse_number(text)[0] is not None
    except ValueError:
        return False
