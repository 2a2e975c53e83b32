"""Parameter curves: cached series whose x is a model input, not a date. Pure.

The cache keys every observation by date, so a published scenario curve (output vs. input) is
stored with placeholder days: the i-th point sits on ``anchor + i days`` and stands for
``values[i]`` of the input. ``SeriesMeta.extra["param_x"]`` carries those values with the
input's name and unit; every reader that would otherwise take the days for real dates (charts,
export checks, monitors, the status bar's newest date, the series list) asks
:func:`param_axis` / :func:`is_param_series` first. Curves published before this key existed
kept the same facts under ``extra["scenario"]`` (``x_values``, ``x_label_ko`` …) and are read too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from qnai_desktop.core.series import SeriesMeta

PARAM_X = "param_x"
DEFAULT_ANCHOR = date(2000, 1, 1)


@dataclass(frozen=True)
class ParamAxis:
    """The x of a parameter curve: one value per placeholder day, with the input's name/unit.

    ``names_ko``/``names_en`` (one per value, or empty) make it a category axis: the values are
    only positions and each is drawn and tabled by its name (``기존 방식``, ``Dspark 적용 후``).
    """

    values: tuple[float, ...]
    label_ko: str = ""
    label_en: str = ""
    unit_ko: str = ""
    unit_en: str = ""
    anchor: date = DEFAULT_ANCHOR
    names_ko: tuple[str, ...] = ()
    names_en: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for names in (self.names_ko, self.names_en):
            if names and len(names) != len(self.values):
                raise ValueError(f"{len(names)} category names for {len(self.values)} values")

    def names(self, lang: str) -> tuple[str, ...]:
        """The category name of each value ("" tuple: a numeric axis)."""
        return self.names_ko if lang == "ko" else self.names_en

    def label(self, lang: str) -> str:
        return self.label_ko if lang == "ko" else self.label_en

    def unit(self, lang: str) -> str:
        return self.unit_ko if lang == "ko" else self.unit_en

    def x_for(self, dates: pd.DatetimeIndex | np.ndarray | pd.Series) -> np.ndarray:
        """The x value of each stored day (NaN for a day that is not on the curve)."""
        xs = np.asarray(self.values, dtype="float64")
        days = np.asarray(pd.DatetimeIndex(dates).to_numpy().astype("datetime64[D]"))
        idx = (days - np.datetime64(self.anchor, "D")).astype("int64")
        ok = ~np.isnat(days) & (idx >= 0) & (idx < len(xs))
        return np.where(ok, xs[np.clip(idx, 0, max(len(xs) - 1, 0))] if len(xs) else np.nan, np.nan)

    def dates(self) -> pd.DatetimeIndex:
        """The placeholder day of each value (what the cache stores)."""
        return pd.date_range(pd.Timestamp(self.anchor), periods=len(self.values), freq="D")

    def to_dict(self) -> dict[str, Any]:
        out = {"values": list(self.values), "label_ko": self.label_ko, "label_en": self.label_en,
               "unit_ko": self.unit_ko, "unit_en": self.unit_en, "anchor": self.anchor.isoformat()}
        if self.names_ko or self.names_en:
            out.update(names_ko=list(self.names_ko), names_en=list(self.names_en))
        return out


def _from_block(block: Mapping[str, Any], prefix: str) -> ParamAxis | None:
    values = block.get(prefix + "values") if prefix else block.get("values")
    if not isinstance(values, list | tuple) or not values:
        return None
    try:
        xs = tuple(float(v) for v in values)
        anchor = date.fromisoformat(str(block.get("anchor") or DEFAULT_ANCHOR.isoformat()))
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(x) for x in xs):
        return None
    pick = (lambda k: str(block.get(prefix + k, "") or "")) if prefix else \
        (lambda k: str(block.get(k, "") or ""))
    names = [block.get(prefix + k) for k in ("names_ko", "names_en")]
    names = [tuple(str(n) for n in v) if isinstance(v, list | tuple) and len(v) == len(xs) else ()
             for v in names]
    return ParamAxis(xs, pick("label_ko"), pick("label_en"), pick("unit_ko"), pick("unit_en"),
                     anchor, names[0], names[1])


def param_axis_of(extra: Mapping[str, Any] | None) -> ParamAxis | None:
    """The parameter axis described by a series' ``extra`` (None: a dated series)."""
    if not extra:
        return None
    block = extra.get(PARAM_X)
    if isinstance(block, Mapping):
        return _from_block(block, "")
    legacy = extra.get("scenario")
    if isinstance(legacy, Mapping):  # curves published before "param_x" existed
        return _from_block(legacy, "x_")
    return None


def param_axis(meta: SeriesMeta | None) -> ParamAxis | None:
    """The series' parameter axis, or None when its dates are real dates."""
    return None if meta is None else param_axis_of(meta.extra)


def is_param_series(meta: SeriesMeta | None) -> bool:
    """True for a parameter curve: its stored days are placeholders, never real dates."""
    return param_axis(meta) is not None


def dated_only(metas: Mapping[str, SeriesMeta]) -> dict[str, SeriesMeta]:
    """``metas`` without parameter curves (what date-based features may offer)."""
    return {sid: m for sid, m in metas.items() if not is_param_series(m)}
