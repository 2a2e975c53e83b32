"""What an importer finds in a file before anything is written: candidate series and their rows.

A candidate is one column (wide), one series id (long), one security × field (Bloomberg) or one
series a dataset parser produced. ``to_candidate`` builds the observation frame and refuses
duplicate dates, naming both rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...core.series import SeriesMeta
from .errors import ImportFileError


@dataclass
class Candidate:
    """One series found in a file; ``fixed`` holds a dataset parser's metadata (not editable)."""

    key: str
    label: str
    frame: pd.DataFrame
    unit_hint: str | None = None
    source_hint: str = ""
    fixed: SeriesMeta | None = None
    extra: dict = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return len(self.frame)


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column index (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


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
    frame = pd.DataFrame({"date": dates.astype("datetime64[s]"), "value": values.astype("float64"),
                          "n": pd.array([pd.NA] * len(dates), dtype="Int64")})
    return Candidate(key, label, frame, unit_hint, source_hint, extra=extra or {})
