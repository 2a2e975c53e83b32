"""Shared plumbing for the dataset parsers: located errors, CSV records, value parsing.

Errors are ``DatasetError`` (a ``ValueError``) that name the file, the data row and the column,
so a failing import tells the analyst exactly which cell to look at.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ...core.series import normalize_frame


class DatasetError(ValueError):
    """A dataset file that cannot be read; ``str()`` names file, row and column."""

    def __init__(self, path: Path | str, message: str, *, row: int | None = None,
                 line: int | None = None, column: str | None = None) -> None:
        self.path = Path(path)
        self.row = row
        self.line = line
        self.column = column
        where = [f"file {self.path.name}"]
        if row is not None:
            where.append(f"row {row}" + (f" (line {line})" if line is not None else ""))
        elif line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message} [{self.path}]")


@dataclass(frozen=True)
class Record:
    """One CSV data row: ``row`` counts data rows from 1, ``line`` is its first physical line."""

    row: int
    line: int
    cells: list[str]


def _header_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("\ufeff", "")).strip().casefold()


class CsvTable:
    """A CSV file read with the csv module, with columns looked up by header name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                reader = csv.reader(fh)
                self.header = next(reader, [])
                records: list[Record] = []
                start = reader.line_num + 1
                for i, cells in enumerate(reader, start=1):
                    if any(c.strip() for c in cells):
                        records.append(Record(i, start, cells))
                    start = reader.line_num + 1
        except (UnicodeDecodeError, csv.Error) as exc:
            raise DatasetError(path, f"not a readable UTF-8 CSV file ({exc})") from exc
        if not self.header:
            raise DatasetError(path, "empty file (no header row)")
        self.records = records
        self._index = {}
        for i, name in enumerate(self.header):
            self._index.setdefault(_header_key(name), i)

    def column(self, *names: str, required: bool = True) -> int | None:
        """Index of the first header matching one of ``names`` (case/space-insensitive)."""
        for name in names:
            idx = self._index.get(_header_key(name))
            if idx is not None:
                return idx
        if required:
            raise DatasetError(self.path, f"required column {names[0]!r} is missing "
                               f"(header: {', '.join(self.header)})", column=names[0])
        return None

    def cell(self, rec: Record, idx: int | None) -> str:
        if idx is None or idx >= len(rec.cells):
            return ""
        return rec.cells[idx].strip()

    def error(self, rec: Record, column: int | str, message: str) -> DatasetError:
        name = self.header[column] if isinstance(column, int) else column
        return DatasetError(self.path, message, row=rec.row, line=rec.line, column=name)

    def float_cell(self, rec: Record, idx: int) -> float | None:
        """The cell as a finite float, ``None`` when empty; thousands separators allowed."""
        text = self.cell(rec, idx).replace(",", "").replace("$", "")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            raise self.error(rec, idx, f"cannot read {self.cell(rec, idx)!r} as a number") from None
        if not math.isfinite(value):
            raise self.error(rec, idx, f"{text!r} is not a finite number")
        return value

    def date_cell(self, rec: Record, idx: int) -> date | None:
        """The cell as an ISO date (a time part is dropped), ``None`` when empty."""
        text = self.cell(rec, idx)
        if not text:
            return None
        return parse_iso_date(text, lambda msg: self.error(rec, idx, msg))


def parse_iso_date(text: str, fail: Callable[[str], Exception]) -> date:
    """``YYYY-MM-DD`` (an ISO time part is allowed and dropped); ``fail(message)`` otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise fail(f"cannot read {text!r} as a date (YYYY-MM-DD)") from None


def one_file(path: Path | str, name: str) -> Path:
    """``path`` if it is a file, else ``path / name`` (which must exist)."""
    path = Path(path)
    target = path if path.is_file() else path / name
    if not target.is_file():
        raise FileNotFoundError(f"no {name} at {path}")
    return target


def files_in(path: Path | str, pattern: str) -> list[Path]:
    """``path`` itself if it is a file, else the sorted files matching ``pattern`` in it."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"no such file or folder: {path}")
    return sorted(p for p in path.glob(pattern) if p.is_file())


def frame(dates: Sequence[date], values: Sequence[float],
          counts: Sequence[int | None] | None = None) -> pd.DataFrame:
    """An observation frame (the ``normalize_frame`` contract) from parallel lists."""
    data: dict = {"date": pd.to_datetime(pd.Series(list(dates), dtype="object")),
                  "value": pd.Series(list(values), dtype="float64")}
    if counts is not None:
        data["n"] = pd.array(list(counts), dtype="Int64")
    return normalize_frame(pd.DataFrame(data))
