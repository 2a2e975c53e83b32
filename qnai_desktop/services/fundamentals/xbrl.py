"""Reading SEC company-facts JSON into dated values: pure functions, no I/O.

Shape: ``facts → <taxonomy> → <concept> → units → <unit> → [{start?, end, val, accn, fy, fp,
form, filed, frame?}]``. The rules, each tested in ``tests/services/test_sec_provider.py``:

* Periods come from ``start``/``end``, never from ``fy``/``fp``: those describe the *filing*
  (a 10-K's prior-year comparatives carry the 10-K's fy), not the period of the fact.
* Restatements: the same period reported by several filings → the latest ``filed`` wins
  (then the larger accession number).
* 10-Q cash-flow facts are year-to-date. A fiscal year's YTD facts share one ``start``; a true
  quarter is the difference of consecutive YTD facts (Q2 = 6M − Q1, Q3 = 9M − 6M, Q4 = FY − 9M).
  A reported three-month fact is used as is unless the YTD pair behind the difference was filed
  later (a restatement). A quarter whose YTD neighbour is missing is left out — a gap, never a
  guess. Fiscal years need not end in December (Microsoft June, Oracle May, Apple's 52/53-week
  year ending late September): only durations are used (3/6/9/12 months ± a week or two).
* Quarters are dated at the end of the calendar quarter that holds their midpoint (Oracle's
  June–August quarter → 30 Sep), so companies with different fiscal calendars line up.
* Anything malformed in a concept we read (a non-number, a date that is not a date, an absurd
  magnitude) raises :class:`XbrlError`; the caller fails the whole source and writes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

FORMS = frozenset({"10-K", "10-K/A", "10-Q", "10-Q/A", "10-KT", "10-KT/A", "20-F", "20-F/A",
                   "40-F", "40-F/A", "S-1", "S-1/A"})
MAX_ABS = 1e15  # USD or shares; more than any company's figure, less than a hostile 1e308
FRESH_DAYS = 120  # a concept this close to the newest one in its chain counts as current
#: (months, lowest day count, highest day count) of the periods we use.
_SPANS = ((3, 80, 100), (6, 170, 192), (9, 260, 283), (12, 350, 380))


class XbrlError(ValueError):
    """The company-facts document is not in the expected shape (message names where)."""


@dataclass(frozen=True)
class Fact:
    """One reported value. ``start`` is None for an instant (e.g. shares outstanding)."""

    start: date | None
    end: date
    val: float
    form: str
    filed: date
    accn: str = ""

    @property
    def months(self) -> int | None:
        """3, 6, 9 or 12 for a duration fact of that length, else None."""
        if self.start is None:
            return None
        days = (self.end - self.start).days + 1
        return next((m for m, lo, hi in _SPANS if lo <= days <= hi), None)

    def newer_than(self, other: Fact) -> bool:
        return (self.filed, self.accn) > (other.filed, other.accn)


@dataclass(frozen=True)
class Quarter:
    """One fiscal quarter's flow; ``cal_end`` places it on the calendar (see the module doc)."""

    start: date
    end: date
    value: float
    filed: date
    derived: bool  # True when computed from year-to-date facts

    @property
    def cal_end(self) -> date:
        return calendar_quarter_end(self.start + (self.end - self.start) / 2)


@dataclass(frozen=True)
class Concept:
    """Which concept a value came from, with its facts (empty when the filer never used it)."""

    taxonomy: str
    name: str
    facts: tuple[Fact, ...]

    @property
    def label(self) -> str:
        return f"{self.taxonomy}:{self.name}"

    @property
    def newest(self) -> date | None:
        return max((f.end for f in self.facts), default=None)


def calendar_quarter_end(day: date) -> date:
    month = (day.month - 1) // 3 * 3 + 3
    nxt = date(day.year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


# -- reading -----------------------------------------------------------------------------------
def read_concept(doc: object, taxonomy: str, name: str, unit: str) -> Concept:
    """The facts of one concept in one unit; an absent concept gives no facts."""
    facts = doc.get("facts") if isinstance(doc, dict) else None
    if not isinstance(facts, dict):
        raise XbrlError("no 'facts' object (not a company-facts document)")
    tax = facts.get(taxonomy, {})
    if not isinstance(tax, dict):
        raise XbrlError(f"facts.{taxonomy} is not an object")
    node = tax.get(name)
    if node is None:
        return Concept(taxonomy, name, ())
    units = node.get("units") if isinstance(node, dict) else None
    if not isinstance(units, dict):
        raise XbrlError(f"{taxonomy}:{name} has no 'units' object")
    rows = units.get(unit, [])
    if not isinstance(rows, list):
        raise XbrlError(f"{taxonomy}:{name} units.{unit} is not a list")
    where = f"{taxonomy}:{name} units.{unit}"
    return Concept(taxonomy, name, tuple(f for i, row in enumerate(rows)
                                         if (f := _fact(row, f"{where}[{i}]")) is not None))


def _fact(row: object, where: str) -> Fact | None:
    if not isinstance(row, dict):
        raise XbrlError(f"{where} is not an object")
    form = row.get("form")
    if not isinstance(form, str):
        raise XbrlError(f"{where}.form is not text")
    if form not in FORMS:
        return None  # 8-K exhibits and the like: not a financial statement
    val = row.get("val")
    if isinstance(val, bool) or not isinstance(val, int | float) or not math.isfinite(val) \
            or abs(val) > MAX_ABS:
        raise XbrlError(f"{where}.val is not a plausible number: {val!r:.40}")
    start = _day(row, "start", where) if "start" in row else None
    end, filed = _day(row, "end", where), _day(row, "filed", where)
    if start is not None and start > end:
        raise XbrlError(f"{where}: start {start} after end {end}")
    accn = row.get("accn", "")
    return Fact(start, end, float(val), form, filed, accn if isinstance(accn, str) else "")


def _day(row: dict, key: str, where: str) -> date:
    text = row.get(key)
    try:
        return date.fromisoformat(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise XbrlError(f"{where}.{key} is not a date: {text!r:.40}") from None


# -- choosing a concept --------------------------------------------------------------------------
def choose(concepts: Iterable[Concept]) -> Concept | None:
    """The first concept (in the company's order) whose newest fact is within FRESH_DAYS of the
    newest across all of them: a filer that switched tags is followed to the new one."""
    used = [c for c in concepts if c.facts]
    if not used:
        return None
    newest = max(c.newest for c in used)  # type: ignore[type-var]
    return next(c for c in used if (newest - c.newest).days <= FRESH_DAYS)  # type: ignore[operator]


# -- restatements, instants, quarters ----------------------------------------------------------
def latest_filed(facts: Iterable[Fact]) -> dict[tuple[date | None, date], Fact]:
    """One fact per period: the latest filing wins (a restatement replaces the original)."""
    out: dict[tuple[date | None, date], Fact] = {}
    for f in facts:
        key = (f.start, f.end)
        if key not in out or f.newer_than(out[key]):
            out[key] = f
    return out


def latest_instant(facts: Iterable[Fact]) -> Fact | None:
    """The newest instant fact (e.g. cover-page shares), latest filing for that date."""
    instants = [f for f in latest_filed(facts).values() if f.start is None]
    return max(instants, key=lambda f: (f.end, f.filed), default=None)


def quarters(facts: Iterable[Fact]) -> list[Quarter]:
    """True quarterly flows from reported 3-month and year-to-date facts, oldest first."""
    periods = [f for f in latest_filed(facts).values() if f.months is not None]
    best: dict[date, Quarter] = {}

    def offer(q: Quarter) -> None:
        old = best.get(q.end)
        if old is None or q.filed > old.filed:
            best[q.end] = q

    for f in periods:
        if f.months == 3:
            offer(Quarter(f.start, f.end, f.val, f.filed, derived=False))  # type: ignore[arg-type]
    by_start: dict[date, list[Fact]] = {}
    for f in periods:
        by_start.setdefault(f.start, []).append(f)  # type: ignore[arg-type]
    for ytd in by_start.values():
        ytd.sort(key=lambda f: f.end)
        for prev, cur in pairwise(ytd):
            if cur.months - prev.months == 3:  # type: ignore[operator]
                offer(Quarter(prev.end + timedelta(days=1), cur.end, cur.val - prev.val,
                              max(prev.filed, cur.filed), derived=True))
    return sorted(best.values(), key=lambda q: q.end)


def ttm(qs: list[Quarter]) -> list[tuple[Quarter, float]]:
    """Trailing-four-quarter sums where four contiguous quarters exist (no gap > 7 days)."""
    out = []
    for i in range(3, len(qs)):
        window = qs[i - 3:i + 1]
        if all(abs((b.start - a.end).days - 1) <= 7 for a, b in pairwise(window)):
            out.append((qs[i], sum(q.value for q in window)))
    return out
