"""What an importer finds in a file before anything is written: candidate series and their rows.

A candidate is one column (wide), one series id (long), one security × field (Bloomberg) or one
series a dataset parser produced. ``to_candidate`` builds the observation frame and refuses
duplicate dates, naming both rows. ``SeriesFacts`` (first/last day, guessed frequency) are
computed from numpy day arrays — in bulk for a long table's thousand series.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from ...core.series import SeriesMeta
from .errors import ImportFileError

#: Frequency by the median gap in days between points (at most this many days: that frequency).
FREQUENCY_GAPS = (("D", 3.5), ("W", 10), ("M", 45), ("Q", 120))


@dataclass(frozen=True)
class SeriesFacts:
    """What the mapping shows about a candidate's dates: first and last day, frequency."""

    first: date | None
    last: date | None
    frequency: str


def frequency_of_gap(gap: float) -> str:
    """``D``/``W``/``M``/``Q``/``A`` for a median gap of ``gap`` days."""
    return next((freq for freq, limit in FREQUENCY_GAPS if gap <= limit), "A")


def facts_of(dates: np.ndarray) -> SeriesFacts:
    """Facts of one sorted date array (any datetime64 unit)."""
    days = dates.astype("datetime64[D]")
    if not len(days):
        return SeriesFacts(None, None, "D")
    gap = float(np.median(np.diff(days.astype("int64")))) if len(days) >= 2 else 0.0
    return SeriesFacts(days[0].item(), days[-1].item(), frequency_of_gap(gap))


def bulk_facts(dates: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[SeriesFacts]:
    """Facts of every series of a table sorted by (series, date); series k is
    ``dates[starts[k]:ends[k]]``. One pass of numpy over all gaps: a series whose gaps are all
    equal (most are) needs no median; only irregular ones take ``np.median`` of their slice."""
    if not len(starts):
        return []
    days = dates.astype("datetime64[D]").view("int64")
    first = days[starts].astype("datetime64[D]").tolist()
    last = days[ends - 1].astype("datetime64[D]").tolist()
    gaps = np.diff(days)
    del days  # one array of the table's length at a time besides ``dates`` (3M rows: 24 MB each)
    sizes = ends - starts
    # gaps inside series k are gaps[starts[k]:ends[k]-1]; reduceat needs non-empty segments
    multi = sizes >= 2
    lo_gap = np.zeros(len(starts), dtype="int64")
    hi_gap = np.zeros(len(starts), dtype="int64")
    if multi.any():
        seg = starts[multi]
        edges = np.maximum(ends[:-1] - 1, 0)  # the gap from one series into the next
        # masked in place, not in two masked copies: the medians below read only the gaps
        # inside a series, never these
        gaps[edges] = np.iinfo("int64").max
        lo_gap[multi] = np.minimum.reduceat(gaps, seg)
        gaps[edges] = np.iinfo("int64").min
        hi_gap[multi] = np.maximum.reduceat(gaps, seg)
    out = []
    for k in range(len(starts)):
        if not multi[k]:
            gap = 0.0
        elif lo_gap[k] == hi_gap[k]:
            gap = float(lo_gap[k])
        else:
            gap = float(np.median(gaps[starts[k]:ends[k] - 1]))
        out.append(SeriesFacts(first[k], last[k], frequency_of_gap(gap)))
    return out


@dataclass
class Candidate:
    """One series found in a file; ``fixed`` holds a dataset parser's metadata (not editable).

    ``facts`` may be given by an extractor that computed them in bulk; else they are computed
    from the frame on first use."""

    key: str
    label: str
    frame: pd.DataFrame
    unit_hint: str | None = None
    source_hint: str = ""
    fixed: SeriesMeta | None = None
    extra: dict = field(default_factory=dict)
    facts: SeriesFacts | None = field(default=None, repr=False, compare=False)

    @property
    def rows(self) -> int:
        return len(self.frame)

    def series_facts(self) -> SeriesFacts:
        if self.facts is None:
            self.facts = facts_of(self.frame["date"].to_numpy())
        return self.facts


def to_candidate(path, key: str, label: str, dates: np.ndarray, values: np.ndarray,
                 rows: np.ndarray, *, column: str, unit_hint: str | None = None,
                 source_hint: str = "", extra: dict | None = None) -> Candidate:
    """A candidate from parallel arrays (NaN values dropped); duplicate dates raise."""
    keep = ~np.isnan(values)
    dates, values, rows = dates[keep], values[keep], rows[keep]
    order = np.argsort(dates, kind="stable")
    dates, values, rows = dates[order], values[order], rows[order]
    dup = np.flatnonzero(dates[1:] == dates[:-1])
    if len(dup):
        i = dup[0]
        day = str(dates[i])[:10]
        first, second = sorted((int(rows[i]), int(rows[i + 1])))
        raise ImportFileError(path, f"date {day} appears twice for {label!r} (rows {first} and "
                              f"{second})", row=second, column=column, value=day)
    # no "n" column: a file has no counts (the writer binds NULL for a frame without one)
    frame = pd.DataFrame({"date": dates.astype("datetime64[s]"), "value": values.astype("float64")})
    return Candidate(key, label, frame, unit_hint, source_hint, extra=extra or {})
