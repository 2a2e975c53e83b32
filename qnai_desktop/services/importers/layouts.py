"""Which table layout a sheet has, and the candidates each layout yields.

* **long** — a header row naming a series column (series / id / query / 시리즈 …), a date
  column and a value column (value / 값 / close / px_last / count …), optionally ``n``.
* **bloomberg** — Bloomberg Excel add-in (BDH) output: a header row with ``Date`` and field
  mnemonics (``PX_LAST``, ``CDS_SPREAD_MID`` …); securities side by side in blocks separated by
  a blank column, each with its own date column; the security name in the cell(s) above its
  block; metadata rows (Security, Start Date, Periodicity …) above the header are read as notes.
* **wide** — a header row, a date column (named date / 날짜 / 일자 …, or the first column whose
  cells below are dates) and one column per series.

Rule for every layout: a row whose value cells are all blank is skipped (a note row such as
"자료: Bloomberg" is fine); a row with a value but a missing or unreadable date is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...core.cell_values import CellProblem, looks_like_date, parse_date, to_dates, to_numbers
from ..table_files import column_letter
from .candidates import Candidate, bulk_facts, to_candidate
from .errors import ImportFileError
from .source import Sheet, SourceFile

SERIES_NAMES = {"series", "series_id", "series id", "seriesid", "id", "query", "시리즈", "시리즈id",
                "시리즈 id", "ticker", "티커", "code", "코드"}
DATE_NAMES = {"date", "dates", "날짜", "일자", "기준일", "일시", "날짜/시간", "as of", "as_of",
              "period", "기간", "time"}
VALUE_NAMES = {"value", "values", "값", "수치", "close", "px_last", "price", "level", "count", "종가",
               "지표"}
META_KEYS = {"security", "securities", "ticker", "start date", "end date", "periodicity",
             "fields", "field", "currency", "days", "fill", "dates", "period", "override"}
_FIELD = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
HEADER_SCAN = 30


@dataclass
class Layout:
    """A detected layout: its name, the header row (0-based) and column roles."""

    name: str
    header: int
    date_col: int = 0
    series_col: int = -1
    value_col: int = -1
    n_col: int = -1
    notes: list[str] = field(default_factory=list)


def norm(cell: object) -> str:
    return re.sub(r"\s+", " ", str(cell)).strip().casefold() if isinstance(cell, str) else ""


def detect(src: SourceFile, sheet: Sheet) -> Layout:
    """The sheet's layout; raises ImportFileError naming what was looked for."""
    rows = sheet.rows[:HEADER_SCAN]
    for r, row in enumerate(rows):
        names = [norm(c) for c in row]
        roles = {k: _first(names, s) for k, s in
                 (("s", SERIES_NAMES), ("d", DATE_NAMES), ("v", VALUE_NAMES))}
        if all(i >= 0 for i in roles.values()) and len(set(roles.values())) == 3:
            return Layout("long", r, roles["d"], roles["s"], roles["v"], _first(names, {"n"}))
        dates = [i for i, n in enumerate(names) if n in DATE_NAMES]
        fields = [c for c in row if isinstance(c, str) and _FIELD.fullmatch(c.strip())]
        if dates and (fields or (len(dates) > 1 and _blank_between(names, dates))):
            return Layout("bloomberg", r, dates[0])
    for r in range(min(len(sheet.rows) - 1, HEADER_SCAN)):
        col = _date_column(sheet, r)
        if col >= 0:
            return Layout("wide", r, col)
    raise src.error("no table found: expected a long table (series, date, value), a wide table "
                    "(a date column and one column per series) or a Bloomberg BDH sheet "
                    "(Date + field columns such as PX_LAST)"
                    + (f" in sheet {sheet.name!r}" if src.kind == "excel" else ""))


def _first(names: list[str], wanted: set[str]) -> int:
    return next((i for i, n in enumerate(names) if n in wanted), -1)


def _blank_between(names: list[str], dates: list[int]) -> bool:
    return any(not names[i - 1] for i in dates[1:] if i > 0)


def _date_column(sheet: Sheet, r: int) -> int:
    """Column of header row ``r`` that heads a column of dates (-1 if none).

    Preferred: a column named like a date, then one where every cell below is a date, then the
    leftmost (a column of 5-digit counts could pass for Excel serials, so names win)."""
    header = sheet.rows[r]
    below = [row for row in sheet.rows[r + 1: r + 21] if any(c != "" for c in row)]
    if not below:
        return -1
    best, best_rank = -1, None
    filled = sum(h != "" for h in header)  # a date column needs another named column beside it
    for c, head in enumerate(header):
        if filled - (head != "") == 0 or looks_like_date(head):
            continue
        named = norm(head) in DATE_NAMES
        hits = 0
        for row in below:  # an unnamed column must be all dates: stop at its first non-date
            if looks_like_date(row[c]):
                hits += 1
            elif not named:
                break
        if hits >= max(1, 0.5 * len(below)) and (named or hits == len(below)):
            rank = (named, hits == len(below), -c)
            if best_rank is None or rank > best_rank:
                best, best_rank = c, rank
    return best


# --- extraction ----------------------------------------------------------------------------------

def spreadsheet_rows(header: int, count: int) -> np.ndarray:
    """1-based spreadsheet row numbers of the data rows below a 0-based header row."""
    return np.arange(header + 2, header + 2 + count)


def located(src: SourceFile, problem: CellProblem, rows: np.ndarray, column: str) -> ImportFileError:
    return src.error(problem.reason, row=int(rows[problem.index]), column=column,
                     value=problem.value)


def read_block(src: SourceFile, frame: pd.DataFrame, rows: np.ndarray, date_col: int,
               value_cols: list[tuple[int, str, str]], *, source_hint: str,
               unit_hint: str | None = None, names: dict[int, str] | None = None) -> list[Candidate]:
    """Candidates for ``value_cols`` = [(column, key, label)] sharing the date column; ``names``
    gives the columns' names for messages (never ``frame.attrs``: pandas deep-copies attrs into
    every column it hands out, which made a 2,500-column file quadratic)."""
    values = {}
    for col, _key, label in value_cols:
        try:
            values[col] = to_numbers(frame[col])
        except CellProblem as exc:
            raise located(src, exc, rows, label) from None
    has_value = np.zeros(len(frame), dtype=bool)
    for arr, _hints in values.values():
        has_value |= ~np.isnan(arr)
    date_name = (names or {}).get(date_col) or column_letter(date_col)
    try:
        dates, dayfirst = to_dates(frame[date_col].where(has_value, ""))
    except CellProblem as exc:
        raise located(src, exc, rows, date_name) from None
    missing = np.flatnonzero(has_value & np.isnat(dates))
    if len(missing):
        i = missing[0]
        raise src.error("a value without a date", row=int(rows[i]), column=date_name)
    out = []
    for col, key, label in value_cols:
        arr, hints = values[col]
        hint = unit_hint or (next(iter(hints)) if len(hints) == 1 else None)
        out.append(to_candidate(src.path, key, label, dates, arr, rows, column=label,
                                unit_hint=hint, source_hint=source_hint,
                                extra={"dayfirst": True} if dayfirst else {}))
    return out


def extract_wide(src: SourceFile, sheet: Sheet, layout: Layout,
                 body: pd.DataFrame | None = None) -> list[Candidate]:
    """Candidates of a wide table; ``body`` is the rows below the header when already read
    (a CSV's fast read, :mod:`.wide_csv`), else they are ``sheet``'s."""
    header = sheet.rows[layout.header]
    if body is None:
        body = pd.DataFrame(sheet.rows[layout.header + 1:], dtype=object)
    rows = spreadsheet_rows(layout.header, len(body))
    names = {c: str(h).strip() or column_letter(c) for c, h in enumerate(header)}
    cols = []
    for c, head in enumerate(header):
        if c == layout.date_col:
            continue
        label = str(head).strip()
        if not label:
            filled = (body[c].notna() if body[c].dtype == np.float64 else body[c] != "").to_numpy()
            if filled.any():
                i = int(np.argmax(filled))
                raise src.error("values in a column without a header", row=int(rows[i]),
                                column=column_letter(c), value=body[c].iat[i])
            continue
        cols.append((c, f"{sheet.name}:{column_letter(c)}", label))
    if not cols:
        raise src.error("the table has a date column but no series columns")
    return read_block(src, body, rows, layout.date_col, cols, source_hint=src.path.name,
                      names=names)


def extract_bloomberg(src: SourceFile, sheet: Sheet, layout: Layout) -> list[Candidate]:
    h = layout.header
    header = [norm(c) for c in sheet.rows[h]]
    body = pd.DataFrame(sheet.rows[h + 1:], dtype=object)
    rows = spreadsheet_rows(h, len(body))
    meta = _metadata(sheet.rows[:h])
    layout.notes += [f"{k}: {v}" for k, v in meta.items()]
    blocks, start = [], None
    for c, name in enumerate([*header, ""]):
        if name and start is None:
            start = c
        elif not name and start is not None:
            blocks.append((start, c))
            start = None
    out, date_col = [], -1
    for number, (lo, hi) in enumerate(blocks, start=1):
        dates_here = [c for c in range(lo, hi) if header[c] in DATE_NAMES]
        date_col = dates_here[0] if dates_here else date_col
        if date_col < 0:
            raise src.error("a Bloomberg block without a Date column", row=h + 1,
                            column=column_letter(lo))
        security = _security(sheet.rows[:h], lo, hi) or meta.get("security") or \
            meta.get("ticker") or ""
        fields = [c for c in range(lo, hi) if c != date_col and header[c] not in DATE_NAMES]
        names = {c: " ".join(filter(None, [security, str(sheet.rows[h][c])]))
                 for c in [*range(lo, hi), date_col]}
        # the key names the column: a field twice in one block is two candidates, not one
        cols = [(c, f"{sheet.name}:{number}:{sheet.rows[h][c]}:{column_letter(c)}", names[c])
                for c in fields]
        hint = "bp" if re.search(r"\bCDS\b|SPREAD", security.upper() + " " +
                                 " ".join(str(sheet.rows[h][c]) for c in fields)) else None
        out += read_block(src, body, rows, date_col, cols, source_hint="Bloomberg", unit_hint=hint,
                          names=names)
    return out


def _metadata(rows: list[list[object]]) -> dict[str, str]:
    meta = {}
    for row in rows:
        cells = [c for c in row if c != ""]
        key = norm(cells[0]).rstrip(":") if cells else ""
        if len(cells) >= 2 and key in META_KEYS:
            value = cells[1]
            if "date" in key and looks_like_date(value):
                value = parse_date(value)
            meta[key] = str(value).strip()
    return meta


def _security(rows: list[list[object]], lo: int, hi: int) -> str:
    """Nearest non-blank text above the block that is not a metadata row."""
    for row in reversed(rows):
        first = next((c for c in row if c != ""), "")
        if norm(first).rstrip(":") in META_KEYS or str(first).startswith("="):
            continue
        for c in range(lo, hi):
            if isinstance(row[c], str) and row[c].strip():
                return row[c].strip()
    return ""


def extract_long(src: SourceFile, body: pd.DataFrame, layout: Layout,
                 names: dict[int, str]) -> list[Candidate]:
    """Candidates of a long table; ``body`` holds the data rows (columns by position).

    Vectorised end to end: ids and dates are factorized once (the fast CSV reader hands over
    categoricals, so that is a pass over small integer codes), the kept rows are sorted once by
    (series, day) — not at all when the file is already in that order — and each candidate's
    frame is a slice of that one sorted table. First/last day and frequency come from the same
    sorted days in bulk (``candidates.bulk_facts``), so the mapping step never touches a
    per-series frame.

    Memory: a 3M-row file is a few arrays of 3M numbers; each is dropped as soon as it is used
    (``body`` too, when the caller handed it over without keeping it), ids are int32 codes,
    spreadsheet row numbers are worked out only for a message, and the frames carry no ``n``
    column (a file has no counts: the writer binds NULL, as for a frame without one).
    """
    rows = range(layout.header + 2, layout.header + 2 + len(body))  # data row i's sheet row
    try:
        dates, dayfirst = to_dates(body[layout.date_col])
    except CellProblem as exc:
        raise located(src, exc, rows, names[layout.date_col]) from None
    try:
        values, hints = to_numbers(body[layout.value_col])
    except CellProblem as exc:
        raise located(src, exc, rows, names[layout.value_col]) from None
    codes, uniques, blank = _id_codes(body[layout.series_col])
    del body  # the parsed file: from here on only its three arrays
    no_id, no_value, no_date = codes == blank, np.isnan(values), np.isnat(dates)
    present = ~(no_id & no_value & no_date)  # a row with nothing in it is skipped
    for mask, what, col in ((no_id, "a row without a series id", layout.series_col),
                            (no_date, "a row without a date", layout.date_col)):
        bad = np.flatnonzero(present & mask)
        if len(bad):
            raise src.error(what, row=rows[int(bad[0])], column=names[col])
    del no_id, no_date, present
    kept = None  # the data rows with a value, when some have none (else every row: no index array)
    if no_value.any():
        kept = np.flatnonzero(~no_value)
        codes, dates, values = codes[kept], dates[kept], values[kept]
    del no_value
    days = (dates.view("int64") // 86_400).astype(np.int32)  # kept rows have dates: no NaT
    if not _in_order(codes, days):  # sort by (series, day); equal keys are duplicate dates
        key = codes.astype(np.int64)
        key <<= 24
        key += days - (int(days.min()) if len(days) else 0)
        order = np.argsort(key, kind="stable")
        key = key[order]
        dup = np.flatnonzero(key[1:] == key[:-1])
        del key, days
        if len(dup):
            a, b = int(order[dup[0]]), int(order[dup[0] + 1])
            sid, day = uniques[codes[a]], str(dates[a])[:10]
            first, second = sorted(rows[int(kept[i]) if kept is not None else i] for i in (a, b))
            raise src.error(f"date {day} appears twice for series {sid!r} (rows {first} and {second})",
                            row=second, column=names[layout.date_col], value=day)
        codes, dates, values = codes[order], dates[order], values[order]
        del order
    # one sorted table, sliced per series (a slice shares the table's arrays)
    n = len(codes)
    starts = np.r_[0, np.flatnonzero(np.diff(codes)) + 1] if n else np.array([], int)
    ends = np.r_[starts[1:], n] if n else starts
    facts = bulk_facts(dates, starts, ends)
    table = pd.DataFrame({"date": dates, "value": values}, copy=False)  # no copy of either
    del dates, values
    hint = next(iter(hints)) if len(hints) == 1 else None
    extra = {"dayfirst": True} if dayfirst else {}
    out = []
    for lo, hi, code, fact in zip(starts.tolist(), ends.tolist(), codes[starts].tolist(), facts,
                                  strict=True):
        sid = str(uniques[code])
        frame = table.iloc[lo:hi]
        frame.index = pd.RangeIndex(hi - lo)  # as reset_index(drop=True), without its copy
        out.append(Candidate(f"id:{sid}", sid, frame, hint, src.path.name, extra=dict(extra),
                             facts=fact))
    return out


def _id_codes(cells: pd.Series) -> tuple[np.ndarray, pd.Index, int]:
    """(int32 code of each row's stripped id, the ids by first appearance, the code of "").

    Factorized first, then only the distinct values are stripped (a categorical column is a
    pass over its small codes)."""
    raw_codes, raw_uniques = pd.factorize(cells.reset_index(drop=True))
    stripped = [str(u).strip() for u in raw_uniques]
    id_codes, uniques = pd.factorize(pd.Series([*stripped, ""], dtype=object))
    codes = id_codes.astype(np.int32)[raw_codes]  # raw code -1 (NaN) picks the appended ""
    return codes, uniques, int(id_codes[-1])


def _in_order(codes: np.ndarray, days: np.ndarray) -> bool:
    """True when the rows are grouped by series in ``codes`` order with strictly rising days
    (the usual export: then there is nothing to sort and no date can repeat)."""
    if len(codes) < 2:
        return True
    step = np.diff(codes)
    if (step < 0).any():
        return False
    return bool(((step > 0) | (np.diff(days) > 0)).all())
