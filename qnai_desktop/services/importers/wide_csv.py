"""The fast read of a wide CSV's body: pandas' C parser instead of a Python list of strings.

A wide file (a date column and one column per series — a Bloomberg dump of 2,500 tickers over
ten years) was read as ``list[list[str]]``: about 60 bytes a cell and a Python call per cell, so
a 75 MB file peaked at 1.3 GB and took most of its import time before a single value was
parsed. Here the columns that are plain numbers come out of the C parser as float64 (8 bytes a
cell) and only the others — the date column, and any column holding ``#N/A``, ``5%``, ``1,234``
or a formula-escaped cell — are read again as text for the careful cell parser
(:mod:`core.cell_values`), so every value means exactly what the careful path would make of it.

The fast read is only an optimisation: whenever the file is not the regular grid it expects
(a row wider than the first, a parse error, rows that do not line up with the sample the layout
was detected on) it returns ``None`` and the caller reads the file the careful way, which also
produces the located error message.
"""

from __future__ import annotations

import csv
import io
import warnings

import numpy as np
import pandas as pd

from ...core.spreadsheet_safety import unescape_formula
from ..table_files import Sheet
from .source import SourceFile, utf8_bytes

CHECKED_ROWS = 20  # rows compared with the detection sample to prove the read lines up


def wide_body(src: SourceFile, sample: Sheet, header: int) -> pd.DataFrame | None:
    """The body below 0-based row ``header`` with integer column labels: float64 for columns of
    plain numbers (NaN = empty cell), text (``object``, unescaped) for the rest; ``None`` when
    the fast read does not apply."""
    width = sample.width
    names = sample.rows[header]
    raw = utf8_bytes(src)  # bytes, when they are the text: StringIO would copy it at 4 B a char

    def stream() -> io.IOBase:
        return io.StringIO(src.text) if raw is None else io.BytesIO(raw)
    options = dict(sep=src.delimiter, header=None, skiprows=header + 1, keep_default_na=False,
                   na_values=[""], skip_blank_lines=False, engine="c", quotechar='"',
                   doublequote=True)
    try:  # low_memory: parsed in blocks (a column mixed across blocks is read the careful way)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.DtypeWarning)
            frame = pd.read_csv(stream(), low_memory=True, encoding="utf-8", **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error,
            OverflowError):
        return None
    if frame.shape[1] != width or frame.empty:
        return None
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
               and not pd.api.types.is_bool_dtype(frame[c])}
    reread = [c for c in frame.columns if pd.api.types.is_bool_dtype(frame[c])]  # TRUE/FALSE
    if reread:  # the careful parser must see the text, not pandas' booleans
        try:
            again = pd.read_csv(stream(), usecols=reread, encoding="utf-8", dtype=str, low_memory=False,
                                **{**options, "na_values": None})
        except (pd.errors.ParserError, ValueError, csv.Error):
            return None
        if len(again) != len(frame):
            return None
    for c in frame.columns:
        if c in numeric:
            if frame[c].dtype != np.float64:
                frame[c] = frame[c].astype(np.float64)
            if np.isinf(frame[c].to_numpy()).any():  # '1e999': the careful read names the cell
                return None
            if not str(names[c]).strip() and frame[c].notna().any():  # values under no header
                return None
            continue
        column = (again[c] if c in reread else frame[c]).astype(object)
        column = column.where(column.notna(), "")  # text columns: an empty cell is ""
        if pd.api.types.infer_dtype(column, skipna=False) not in ("string", "empty"):
            return None  # integers past int64, blocks parsed differently: the careful read
        escaped = column.str.startswith("'").fillna(False).astype(bool)
        if escaped.any():
            column = column.where(~escaped, column[escaped].map(unescape_formula))
        frame[c] = column
    return frame if _lines_up(frame, sample, header) else None


def _lines_up(frame: pd.DataFrame, sample: Sheet, header: int) -> bool:
    """The first rows equal the detection sample's (quoted line breaks, blank lines and the
    rows above the header counted the same way by both readers)."""
    rows = sample.rows[header + 1:header + 1 + CHECKED_ROWS]
    if len(frame) < len(rows):
        return False
    head = frame.iloc[:len(rows)]
    for c in frame.columns:
        want = pd.Series([row[c] for row in rows], dtype=object)
        got = head[c]
        if got.dtype == np.float64:
            text = want.astype(str).str.strip()
            numbers = pd.to_numeric(text.where(text != "", None), errors="coerce").to_numpy("float64")
            if not np.array_equal(numbers, got.to_numpy(), equal_nan=True):
                return False
        elif got.astype(str).tolist() != want.astype(str).tolist():
            return False
    return True
