"""The fast path for big long CSVs: pandas' C reader instead of a Python grid.

The value column is first read straight to float64 (the common case: plain numbers, with blank
and n/a cells such as ``#N/A N/A`` read as NaN); if any cell needs the careful reader
(``1,234``, ``12%``, ``#REF!``, an n/a spelled otherwise) the column is re-read as text (3M
cells as Python strings: ~200 MB more at the peak). Every other column is read as
``category``: the C reader hashes each distinct id and date once, so the extractor gets codes
instead of a million Python strings to factorize again (a million-row file has ~1k ids and ~1k
dates). UTF-8 files are parsed from their bytes (no second, decoded copy of the text: the
caller may drop ``src.text`` before the read, see ``text_is_spare``; the careful path decodes
it again if it needs it). Rows with more cells than the header are allowed only when the extra
cells are empty (Excel writes trailing commas); otherwise the first such row is named.
"""

from __future__ import annotations

import csv
import io
import re
import warnings

import numpy as np
import pandas as pd

from ...core.cell_values import NA_TOKENS, is_missing
from ...core.spreadsheet_safety import unescape_formula
from .errors import ImportFileError
from .layouts import Layout
from .source import SourceFile, utf8_stream

#: Exact spellings the C reader reads as a blank value: each is blank to the careful reader too
#: (``is_missing``), so a Bloomberg export's ``#N/A N/A`` fills keep the fast path; any other
#: spelling (" n/a", "#N/A Requesting Data...") still goes the careful way.
FAST_BLANKS = sorted({v for t in (*NA_TOKENS, "#n/a n/a", "#n/a n.a.", "#n/a field not applicable",
                                  "#n/a invalid security", "#n/a history", "NaN")
                      for v in (t, t.upper(), t.title()) if is_missing(v)})


def read_body(src: SourceFile, layout: Layout, width: int) -> pd.DataFrame:
    """The data rows below the header as a frame with columns 0..width-1 (text; value float)."""
    try:
        body = _read(src, layout, width, fast=True)
    except (ValueError, pd.errors.ParserWarning) as exc:  # not plain numbers, or too many cells
        wide = isinstance(exc, pd.errors.ParserError | pd.errors.ParserWarning)
        try:
            body = _read(src, layout, _true_width(src, layout, width) if wide else width, fast=False)
        except pd.errors.ParserError as err:  # e.g. an unclosed quote, which Python's csv reads on
            raise _unreadable(src, err) from None
    extra = body.columns[width:]
    for col in extra:  # one spare column catches a row with one cell too many
        spare = body[col]
        if isinstance(spare.dtype, pd.CategoricalDtype) and set(spare.cat.categories) <= {""}:
            continue  # every spare cell empty: decided on the distinct values, not 1M cells
        filled = np.flatnonzero(spare.astype(object).fillna("").to_numpy(dtype=str) != "")
        if len(filled):
            i = int(filled[0])
            raise src.error(f"more cells than the header's {width}", row=layout.header + 2 + i,
                            value=body[col].iat[i])
    return _unescaped(body[list(range(width))])


def _unescaped(body: pd.DataFrame) -> pd.DataFrame:
    """Text cells with our exports' formula escaping undone, as the grid reader does (looked for
    in the distinct values of each column, so a million plain cells cost nothing)."""
    for c in body.columns:
        col = body[c]
        if isinstance(col.dtype, pd.CategoricalDtype):
            cats = [str(x) for x in col.cat.categories]
            if any(x[:1] == "'" for x in cats):
                new = [unescape_formula(x) for x in cats]
                body[c] = col.cat.rename_categories(new) if len(set(new)) == len(new) else \
                    col.astype(object).map(unescape_formula).astype("category")
        elif pd.api.types.is_string_dtype(col.dtype):
            marked = col.str.startswith("'", na=False)
            if marked.any():
                body[c] = col.where(~marked, col[marked].map(unescape_formula))
    return body


def _read(src: SourceFile, layout: Layout, width: int, *, fast: bool,
          text_cols: frozenset[int] = frozenset()) -> pd.DataFrame:
    dtype: dict = {c: str if c in text_cols else "category" for c in range(width + 1)}
    dtype[layout.value_col] = "float64" if fast else str
    # only a blank value cell is NaN (FAST_BLANKS); every other column keeps "" and "N/A" as
    # text, as with na_filter off
    blanks = ({"na_filter": True, "keep_default_na": False,
               "na_values": {layout.value_col: FAST_BLANKS}} if fast else {"na_filter": False})
    raw = utf8_stream(src)
    with warnings.catch_warnings():
        # pandas silently drops the cells of a too-long FIRST row (ParserWarning): make it loud
        warnings.simplefilter("error", pd.errors.ParserWarning)
        body = pd.read_csv(io.StringIO(src.text) if raw is None else raw,
                           encoding="utf-8", sep=src.delimiter, header=None,
                           skiprows=layout.header + 1, names=range(width + 1), dtype=dtype,
                           skip_blank_lines=False, index_col=False, engine="c", **blanks)
    if fast and np.isinf(body[layout.value_col].to_numpy()).any():
        raise ValueError("infinite value: let the careful reader name the cell")
    if fast and _may_hold_booleans(src, body[layout.value_col].to_numpy()):
        raise ValueError("TRUE/FALSE cells read as 1/0: let the careful reader refuse them")
    # pandas turns a categorical column whose cells all look numeric (or boolean) into numbers
    # ("005930" -> 5930, "1" and "1.0" merged): such a column is read again as text.
    converted = frozenset(c for c in range(width + 1) if isinstance(body[c].dtype, pd.CategoricalDtype)
                          and not pd.api.types.is_string_dtype(body[c].cat.categories.dtype))
    if converted:
        return _read(src, layout, width, fast=fast, text_cols=text_cols | converted)
    return body


#: What pandas' C reader turns into 1.0/0.0 in a float column (it has no switch to stop it).
_BOOLEANS = ("True", "TRUE", "true", "False", "FALSE", "false")


def _may_hold_booleans(src: SourceFile, values: np.ndarray) -> bool:
    """True when a 1.0 or 0.0 among ``values`` may have been a TRUE/FALSE cell: only a file with
    such values is searched for the words (~0.1 s per word in 100 MB)."""
    if not ((values == 1.0) | (values == 0.0)).any():
        return False
    if utf8_stream(src) is None:
        return any(w in src.text for w in _BOOLEANS)
    return any(w.encode() in src.data for w in _BOOLEANS)


def text_is_spare(src: SourceFile) -> bool:
    """True when ``read_body`` parses the file's bytes, so ``src.text`` (as big again) may be
    released before it runs."""
    return utf8_stream(src) is not None


def _text(src: SourceFile) -> str:
    """The file's text: kept, or decoded again from its bytes after ``text_is_spare``."""
    raw = utf8_stream(src)
    return src.text if src.text or raw is None else raw.read().decode("utf-8")


def _unreadable(src: SourceFile, err: Exception) -> ImportFileError:
    """pandas' tokenizer error as a refusal; its "row" is the file's 0-based line."""
    if m := re.search(r"EOF inside string starting at row (\d+)", str(err)):
        return src.error('a quoted cell is never closed (a " without its closing ")', row=int(m[1]) + 1)
    return src.error(f"not a readable CSV file ({str(err).rsplit('C error: ', 1)[-1]})")


def _true_width(src: SourceFile, layout: Layout, width: int) -> int:
    """The widest row; raises if a cell beyond the header's width has content."""
    reader = csv.reader(io.StringIO(_text(src), newline=""), delimiter=src.delimiter)
    widest = width
    for number, cells in enumerate(reader, start=1):
        if number <= layout.header + 1 or len(cells) <= width:
            continue
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            raise src.error(f"more cells than the header's {width}", row=number, value=extra[0])
        widest = max(widest, len(cells))
    return widest
