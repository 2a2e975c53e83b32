"""Reading one cell value — a number, a date or "n/a" — the one way every reader does it.

The importers (CSV, Excel, Bloomberg BDH sheets, pasted blocks), the watchlist's file import and
its in-place edits all call these functions, so a form read in one place is read in all.

Numbers: ``1,234.5``, ``4 736`` (grouped thousands), ``12.5%`` (kept as 12.5, unit hint pct),
``35bp``/``35 bps`` (hint bp), ``18x``/``17 배`` (a multiple, hint ratio), ``(1.2)`` and ``−1.2``
negatives, ``+11%``, ``- 5``, ``$``/``US$``/``₩``/``€``/``£``/``¥`` prefixes. Missing
(:data:`NA_TOKENS`): blank, ``-``, ``n/a``, ``NM``, ``n.a.``, ``#N/A N/A``, ``#N/A Field Not
Applicable`` and other ``#N/A …`` Bloomberg fills. Refused with a reason: Excel errors
(``#REF!``), ``#N/A Requesting Data…`` (sheet saved before Bloomberg loaded), ``1,5`` (a comma is
a thousands separator, never a decimal one), ``inf``/overflow, TRUE/FALSE, a date.

Dates: ``2026-07-01``, ``2026.07.01``, ``2026. 7. 1.``, ``2026/07/01``, ``20260701`` (text or an
integer cell), ``07/01/2026`` (month first, as Bloomberg and US Excel write it; a column where
some first part exceeds 12 is read day-first), ``2026년 7월 1일``, ``01-Jul-2026``, Excel serials
10000–80000 (1927–2119, 1900 system), quarters ``2026Q2``/``2Q26``/``26.2Q``/``2026년 2분기``
(quarter end, as the cache stores quarterly data), months ``2026-07``/``2026년 7월`` (first
day). A time part is dropped.

Column converters work on unique values (dates repeat; numbers take a vectorised fast path) so
a million-row file converts in well under a second. They raise :class:`CellProblem` with the
position of the first bad cell; the caller turns it into a located error.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 in Excel's 1900 system (leap-year bug)
SERIAL_RANGE = (10_000, 80_000)


class CellProblem(ValueError):
    """One cell could not be read: ``index`` within the column, the raw ``value``, the reason."""

    def __init__(self, index: int, value: object, reason: str) -> None:
        super().__init__(reason)
        self.index = index
        self.value = value
        self.reason = reason


# --- numbers -----------------------------------------------------------------------------------

#: Cell texts (case-folded, trimmed) that mean "no value"; any ``#N/A …`` fill also does.
NA_TOKENS = frozenset({"", "-", "–", "—", "n/a", "na", "nan", "null", "none", "..", "n.a.", "#n/a",
                       "nm", "n.m."})
_EXCEL_ERRORS = {"#ref!", "#value!", "#div/0!", "#name?", "#num!", "#null!", "#spill!", "#calc!"}
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_SPACED = re.compile(r"[+-]?\d{1,3}(?: \d{3})+(?:\.\d*)?")
_DIGITS = tuple("0123456789.")  # what may stand before a unit suffix ("12%", "12.%", "18x")
_CURRENCY = ("US$", "$", "₩", "€", "£", "¥")
_SUFFIXES = (("%", "pct"), ("bps", "bp"), ("bp", "bp"), ("배", "ratio"), ("x", "ratio"))


def is_missing(cell: object) -> bool:
    """True for a blank or n/a cell (None, NaN, an :data:`NA_TOKENS` text, a ``#N/A …`` fill)."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return True
    if not isinstance(cell, str):
        return False
    low = cell.strip().casefold()
    return low in NA_TOKENS or (low.startswith("#n/a") and "requesting data" not in low)


def parse_number(cell: object) -> tuple[float | None, str | None]:
    """``(value, unit hint)``; value None for a missing cell. Raises ValueError with a reason."""
    if cell is None:
        return None, None
    if isinstance(cell, bool):
        raise ValueError("a TRUE/FALSE cell is not a number")
    if isinstance(cell, int | float | np.integer | np.floating):
        value = float(cell)
        if math.isnan(value):
            return None, None
        if not math.isfinite(value):
            raise ValueError("not a finite number")
        return value, None
    if isinstance(cell, date | datetime | timedelta):
        raise ValueError("a date where a number was expected")
    text = str(cell).strip().replace("\u00a0", "").replace("\u202f", "").replace("−", "-")
    low = text.casefold()
    if low in NA_TOKENS:
        return None, None
    if low.startswith("#n/a"):
        if "requesting data" in low:
            raise ValueError("Bloomberg was still loading when the sheet was saved")
        return None, None
    if low in _EXCEL_ERRORS:
        raise ValueError(f"Excel error {text}")
    hint = None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    for suffix, unit in _SUFFIXES:
        if text.casefold().endswith(suffix) and text[: -len(suffix)].strip()[-1:] in _DIGITS:
            text, hint = text[: -len(suffix)].strip(), unit
            break
    for prefix in _CURRENCY:
        for lead in ("", "-", "+"):
            if text.startswith(lead + prefix):
                text = lead + text[len(lead) + len(prefix):].strip()
    if text[:1] in "+-" and text[1:2].isspace():  # "- 5" as typed
        text = text[0] + text[1:].strip()
    if " " in text:
        if not _SPACED.fullmatch(text):
            raise ValueError("cannot read as a number")
        text = text.replace(" ", "")
    if "," in text:
        if not _THOUSANDS.fullmatch(text):
            raise ValueError("cannot read as a number (',' is read as a thousands separator)")
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        raise ValueError("cannot read as a number")
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number too large (not finite)")
    return (-value if negative else value), hint


def to_numbers(cells: Sequence[object] | pd.Series) -> tuple[np.ndarray, set[str]]:
    """float64 array (NaN = missing) and the unit hints seen; raises CellProblem."""
    s = cells if isinstance(cells, pd.Series) else pd.Series(list(cells), dtype=object)
    s = s.reset_index(drop=True)
    if s.dtype == np.float64:  # already numbers (a CSV column the C parser read): NaN = blank
        values = s.to_numpy(dtype="float64", copy=True)
        infinite = np.flatnonzero(np.isinf(values))
        if len(infinite):
            raise CellProblem(int(infinite[0]), values[infinite[0]], "number too large (not finite)")
        return values, set()
    kind = pd.api.types.infer_dtype(s, skipna=True)
    if kind in ("string", "floating", "integer", "mixed-integer-float", "empty"):
        values = np.array(pd.to_numeric(s, errors="coerce").to_numpy(dtype="float64", na_value=np.nan))
        slow = np.flatnonzero(~np.isfinite(values))
    else:  # dates, booleans or a mix: read every cell the careful way
        values = np.full(len(s), np.nan)
        slow = np.arange(len(s))
    hints: set[str] = set()
    raw = s.iloc[slow].to_numpy(dtype=object)  # only the cells that need reading (not 1M floats)
    if kind == "string" or not len(raw):  # distinct strings once (True == 1 forbids this below)
        codes, uniques = pd.factorize(pd.Series(raw, dtype=object), use_na_sentinel=True)
        parsed = np.full(len(uniques) + 1, np.nan)
        for k, cell in enumerate(uniques):
            try:
                value, hint = parse_number(cell)
            except ValueError as exc:
                raise CellProblem(int(slow[np.argmax(codes == k)]), cell, str(exc)) from None
            hints.update([hint] if hint else [])
            parsed[k] = np.nan if value is None else value
        values[slow] = parsed[codes]
        return values, hints
    for i, cell in zip(slow, raw, strict=True):
        try:
            value, hint = parse_number(cell)
        except ValueError as exc:
            raise CellProblem(int(i), cell, str(exc)) from None
        hints.update([hint] if hint else [])
        values[i] = np.nan if value is None else value
    return values, hints


# --- dates -------------------------------------------------------------------------------------

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?"
_YMD = re.compile(r"(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?" + _TIME)
_KO = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?")
_US = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})" + _TIME)
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})\.?")
COMPACT_YEARS = (1900, 2199)  # an 8-digit text or integer in these years is YYYYMMDD
_QUARTERS = [
    (re.compile(r"(\d{4})\s*[-/ ]?\s*[Qq]([1-4])"), "yq"),
    (re.compile(r"[Qq]([1-4])\s*[-/ ]?\s*(\d{4})"), "qy"),
    (re.compile(r"([1-4])\s*[Qq]\s*(\d{4}|\d{2})"), "qy"),
    (re.compile(r"(\d{2})\s*\.\s*([1-4])\s*[Qq]"), "yq"),
    (re.compile(r"(\d{4})\s*년\s*([1-4])\s*분기"), "yq"),
]
_MONTH = [re.compile(r"(\d{4})\s*[-./]\s*(\d{1,2})\.?"), re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월")]
_LETTER = re.compile(r"[A-Za-z]")
_NAMED = ("%d-%b-%Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%d-%b-%y", "%d %B %Y", "%B %d, %Y")


def _make(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise ValueError(f"not a valid date ({exc})") from None


def _quarter_end(year: int, quarter: int) -> date:
    if year < 100:
        year += 2000
    month = quarter * 3
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def serial_to_date(serial: float) -> date:
    """An Excel 1900-system serial (time fraction dropped)."""
    lo, hi = SERIAL_RANGE
    if not lo <= serial < hi:
        raise ValueError(f"number {serial:g} is not an Excel date serial ({lo}–{hi})")
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(cell: object, *, dayfirst: bool = False) -> date | None:
    """The cell as a date (None if blank). Raises ValueError with a reason."""
    if cell is None:
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, bool):
        raise ValueError("a TRUE/FALSE cell is not a date")
    if isinstance(cell, int | float | np.integer | np.floating):
        if isinstance(cell, float | np.floating) and math.isnan(cell):
            return None
        if float(cell).is_integer() and (day := _compact(str(int(cell)))) is not None:
            return day
        return serial_to_date(float(cell))
    text = str(cell).strip()
    if not text:
        return None
    if m := _YMD.fullmatch(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _KO.fullmatch(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _US.fullmatch(text):
        a, b = int(m[1]), int(m[2])
        month, day = (b, a) if dayfirst else (a, b)
        return _make(int(m[3]), month, day)
    if (day := _compact(text)) is not None:
        return day
    if _SERIAL.fullmatch(text):
        return serial_to_date(float(text))
    for pattern, order in _QUARTERS:
        if m := pattern.fullmatch(text):
            y, q = (m[1], m[2]) if order == "yq" else (m[2], m[1])
            return _quarter_end(int(y), int(q))
    for pattern in _MONTH:
        if m := pattern.fullmatch(text):
            return _make(int(m[1]), int(m[2]), 1)
    for fmt in _NAMED if _LETTER.search(text) else ():  # month names: no letter, no strptime
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("cannot read as a date")


def _compact(text: str) -> date | None:
    """``20260701`` → 2026-07-01 when the year is plausible and the day exists, else None."""
    m = _COMPACT.fullmatch(text)
    if not m or not COMPACT_YEARS[0] <= int(m[1]) <= COMPACT_YEARS[1]:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def looks_like_date(cell: object) -> bool:
    """True if the cell reads as a date (used to find header rows and date columns)."""
    if cell is None or isinstance(cell, bool) or (isinstance(cell, str) and not cell.strip()):
        return False
    try:
        return parse_date(cell) is not None
    except ValueError:
        return False


def day_first(cells: Sequence[object]) -> bool:
    """True if the column's ``NN/NN/YYYY`` dates must be day-first (a first part above 12)."""
    firsts, seconds = [], []
    for cell in cells:
        if isinstance(cell, str) and (m := _US.fullmatch(cell.strip())):
            firsts.append(int(m[1]))
            seconds.append(int(m[2]))
    return bool(firsts) and max(firsts) > 12 and max(seconds) <= 12


def to_dates(cells: Sequence[object] | pd.Series) -> tuple[np.ndarray, bool]:
    """``datetime64[s]`` array (NaT = blank) and whether dates were read day-first.

    Converts each distinct value once; raises CellProblem at the first bad cell.
    """
    s = cells if isinstance(cells, pd.Series) else pd.Series(list(cells), dtype=object)
    codes, uniques = pd.factorize(s.reset_index(drop=True), use_na_sentinel=True)
    uniques = list(uniques)
    dayfirst = day_first(uniques)
    parsed = np.empty(len(uniques) + 1, dtype="datetime64[s]")
    parsed[-1] = np.datetime64("NaT")  # code -1 (None/NaN) indexes the last slot
    for k, cell in enumerate(uniques):  # factorize orders uniques by first appearance
        try:
            day = parse_date(cell, dayfirst=dayfirst)
        except ValueError as exc:
            raise CellProblem(int(np.argmax(codes == k)), cell, str(exc)) from None
        parsed[k] = np.datetime64("NaT") if day is None else np.datetime64(day, "s")
    return parsed[codes], dayfirst
