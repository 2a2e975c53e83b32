"""Series metadata and the observation-frame contract shared by every layer.

An observation frame is a pandas DataFrame with columns ``date`` (datetime64, day precision,
sorted, unique), ``value`` (float64, NaN allowed for "no value") and optionally ``n`` (nullable
Int64: how many quotes/offers stand behind the value, e.g. GPU offers in a daily median).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from .localized import Localized

#: Unit words (Korean, English) by unit code.
UNITS: dict[str, Localized] = {
    "usd_bn": Localized("십억달러", "USD bn"),
    "usd_per_gpu_hour": Localized("달러/GPU-시간", "USD/GPU-hr"),
    "usd_per_m_tokens": Localized("달러/백만 토큰", "USD per 1M tokens"),
    "bp": Localized("bp", "bp"),
    "pct": Localized("%", "%"),
    "index": Localized("지수", "index"),
    "count": Localized("건", "count"),
    "tokens_bn": Localized("십억 토큰", "bn tokens"),
    "ratio": Localized("배", "x"),
    "usd": Localized("달러", "USD"),
}

FREQUENCIES = {"D": 1, "W": 7, "M": 31, "Q": 92, "A": 366}  # expected days between points


@dataclass(frozen=True)
class SeriesMeta:
    """Describes one cached series. ``source`` is the publisher as printed in a source line."""

    id: str
    title_ko: str
    title_en: str
    unit: str
    frequency: str
    source: str
    source_ko: str = ""
    note_ko: str = ""
    note_en: str = ""
    is_demo: bool = False
    licence: str = ""
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"series {self.id!r}: unknown unit {self.unit!r}")
        if self.frequency not in FREQUENCIES:
            raise ValueError(f"series {self.id!r}: unknown frequency {self.frequency!r}")

    def title(self, lang: str = "ko") -> str:
        return self.title_ko if lang == "ko" else self.title_en

    def to_row(self) -> dict:
        row = asdict(self)
        row["is_demo"] = int(self.is_demo)
        return row


@dataclass
class SeriesBundle:
    """A series with its observations, as produced by importers and generators."""

    meta: SeriesMeta
    frame: pd.DataFrame


def empty_frame() -> pd.DataFrame:
    """An observation frame with no rows and the right dtypes."""
    return pd.DataFrame(
        {
            "date": pd.Series([], dtype="datetime64[s]"),
            "value": pd.Series([], dtype="float64"),
            "n": pd.Series([], dtype="Int64"),
        }
    )


def normalize_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Coerce a frame to the contract: day-precision dates, float values, sorted, last dup wins."""
    if "n" in df:
        n = pd.array(df["n"], dtype="Int64")
    else:  # all missing, built without a per-element pass (matters for 1M-row imports)
        n = pd.arrays.IntegerArray(np.zeros(len(df), dtype="int64"), np.ones(len(df), dtype=bool))
    dates = df["date"]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = pd.to_datetime(dates)
    values = df["value"]
    if values.dtype != "float64":
        values = pd.to_numeric(values, errors="raise").astype("float64")
    out = pd.DataFrame(
        {
            "date": dates.dt.normalize().astype("datetime64[s]").to_numpy(),
            "value": values.to_numpy(),
            "n": n,
        }
    )
    if not (out["date"].is_monotonic_increasing and out["date"].is_unique):
        out = out.drop_duplicates("date", keep="last").sort_values("date").reset_index(drop=True)
    return out
