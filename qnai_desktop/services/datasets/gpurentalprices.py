"""gpurentalprices.com daily snapshots → daily median rent per GPU model (USD per GPU-hour).

GPU id grouping (ids are lower-cased, spaces/underscores read as hyphens):

* Headline series ``gpu_rent.<model>.median`` for h100, h200, b200 take every offer whose id's
  *first hyphen token* is exactly the model: ``h100``, ``h100-sxm``, ``h100-pcie``, ``h100-nvl``
  → H100; ``h200``, ``h200-nvl`` → H200; ``b200`` → B200. Tokens are compared whole, so
  ``gh200`` (Grace Hopper superchip) is not H200 and ``gb200``/``b300`` are not B200.
* For "all models" (``daily_medians``) a model is the id with interconnect/form-factor tokens
  removed (sxm, sxm2, sxm4, sxm5, pcie, nvl): ``a100-sxm-80`` and ``a100-pcie-80`` → ``a100-80``,
  ``h200-nvl`` → ``h200``. Memory tokens stay (40 GB and 80 GB A100s price differently);
  ``by="id"`` keeps the publisher's ids instead.

Offer rules:

* Kinds: on-demand, secure and community are included (all are bookable at the listed price
  without interruption); spot (pre-emptible, auction-like) and serverless (per-request,
  scale-to-zero) are excluded by default because they price a different product. Pass
  ``kinds=None`` to include every kind.
* Offers with a missing, null, empty, non-finite or non-positive ``usd_hr`` are ignored; a price
  that is present but not a number raises ``DatasetError``.
* Every listed offer counts once, including a provider's several prices for one GPU, and offers
  of providers the snapshot marks stale (they are the publisher's current listing that day).
* The day is the snapshot's ``date`` field (the file name if it is absent); ``n`` = offer count.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from statistics import median
from typing import Literal

import pandas as pd

from ...core.series import SeriesBundle, SeriesMeta
from ..text_fields import token
from ._common import DatasetError, files_in, frame, parse_iso_date

SOURCE = "gpurentalprices.com"
LICENCE = ('CC BY 4.0 — "GPU rental price data by gpurentalprices.com '
           '(https://gpurentalprices.com), licensed under CC BY 4.0." (see LICENSE, CITATION.cff)')
HEADLINE_MODELS: dict[str, str] = {"h100": "H100", "h200": "H200", "b200": "B200"}
DEFAULT_KINDS: frozenset[str] = frozenset({"on-demand", "secure", "community"})
_FORM_FACTOR = {"sxm", "sxm2", "sxm4", "sxm5", "pcie", "nvl"}


@dataclass(frozen=True)
class Offer:
    """One priced offer of one snapshot day."""

    day: date
    gpu: str
    kind: str
    provider: str
    usd_hr: float


def normalize_gpu_id(gpu_id: str) -> str:
    """Lower-case, hyphen-separated form of a publisher GPU id."""
    return re.sub(r"[\s_]+", "-", gpu_id.strip().casefold())


def headline_model(gpu_id: str) -> str | None:
    """``h100``/``h200``/``b200`` when the id's first token is exactly one of them, else None."""
    first = normalize_gpu_id(gpu_id).split("-", 1)[0]
    return first if first in HEADLINE_MODELS else None


def model_family(gpu_id: str) -> str:
    """The id without interconnect/form-factor tokens (``a100-sxm-80`` → ``a100-80``)."""
    tokens = [t for t in normalize_gpu_id(gpu_id).split("-") if t and t not in _FORM_FACTOR]
    return "-".join(tokens) or normalize_gpu_id(gpu_id)


def read_offers(path: Path | str, kinds: Collection[str] | None = DEFAULT_KINDS) -> list[Offer]:
    """Every usable offer of the snapshot file(s) at ``path`` (a folder or one JSON file)."""
    wanted = None if kinds is None else {k.casefold() for k in kinds}
    seen: dict[date, Path] = {}
    offers: list[Offer] = []
    for file in files_in(path, "*.json"):
        day, rows = _read_snapshot(file)
        if day in seen:
            raise DatasetError(file, f"snapshot date {day} also in {seen[day].name}",
                               column="date")
        seen[day] = file
        offers.extend(o for o in rows if wanted is None or o.kind in wanted)
    return offers


def daily_medians(path: Path | str, *, by: Literal["family", "id"] = "family",
                  kinds: Collection[str] | None = DEFAULT_KINDS) -> pd.DataFrame:
    """Per day and model, the median ``usd_hr`` and offer count, for every model found.

    Columns: date (datetime64[s]), model, value (float64), n (Int64); sorted by model, date.
    """
    key = model_family if by == "family" else normalize_gpu_id
    groups = _group(read_offers(path, kinds), key)
    rows = [(day, model, median(prices), len(prices))
            for (model, day), prices in sorted(groups.items())]
    return pd.DataFrame({
        "date": pd.to_datetime(pd.Series([r[0] for r in rows], dtype="object")).astype(
            "datetime64[s]"),
        "model": pd.Series([r[1] for r in rows], dtype="object"),
        "value": pd.Series([r[2] for r in rows], dtype="float64"),
        "n": pd.array([r[3] for r in rows], dtype="Int64"),
    })


def parse_gpurentalprices(path: Path | str,
                          kinds: Collection[str] | None = DEFAULT_KINDS) -> list[SeriesBundle]:
    """``gpu_rent.{h100,h200,b200}.median`` bundles from a snapshots folder or one file."""
    offers = read_offers(path, kinds)
    groups = _group(offers, lambda g: headline_model(g) or "")
    kinds_note = "all kinds" if kinds is None else ", ".join(sorted(kinds))
    bundles = []
    for model, label in HEADLINE_MODELS.items():
        days = sorted(d for (m, d) in groups if m == model)
        if not days:
            continue
        prices = [groups[model, d] for d in days]
        meta = SeriesMeta(
            id=f"gpu_rent.{model}.median",
            title_ko=f"{label} GPU 임대료 중앙값(일별)",
            title_en=f"{label} GPU rental price, daily median",
            unit="usd_per_gpu_hour", frequency="D", source=SOURCE, source_ko=SOURCE,
            note_en=f"Median USD per GPU-hour over the day's listed offers ({kinds_note}; "
                    f"all {label} variants); n = offer count.",
            note_ko=f"당일 게시된 {label} 전 변형 오퍼의 GPU-시간당 달러 가격 중앙값"
                    f"({kinds_note}); n = 오퍼 수.",
            is_demo=False, licence=LICENCE,
            extra={"kinds": sorted(kinds) if kinds is not None else None,
                   "gpu_ids": sorted({o.gpu for o in offers if headline_model(o.gpu) == model
                                      and token(o.gpu)})},  # short plain ids only
        )
        bundles.append(SeriesBundle(meta, frame(days, [median(p) for p in prices],
                                                [len(p) for p in prices])))
    return bundles


def _group(offers: Iterable[Offer],
           key: Callable[[str], str]) -> dict[tuple[str, date], list[float]]:
    groups: dict[tuple[str, date], list[float]] = {}
    for o in offers:
        model = key(o.gpu)
        if model:
            groups.setdefault((model, o.day), []).append(o.usd_hr)
    return groups


def _read_snapshot(file: Path) -> tuple[date, list[Offer]]:
    try:
        doc = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DatasetError(file, f"invalid JSON: {exc.msg}", line=exc.lineno,
                           column=f"char {exc.colno}") from None
    except UnicodeDecodeError as exc:
        raise DatasetError(file, f"not UTF-8 text ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("offers"), list):
        raise DatasetError(file, "expected an object with an 'offers' list", column="offers")
    raw_day = doc.get("date") or file.stem
    day = parse_iso_date(str(raw_day), lambda msg: DatasetError(file, msg, column="date"))
    offers = []
    for i, item in enumerate(doc["offers"]):
        where = f"offers[{i}]"
        if not isinstance(item, dict):
            raise DatasetError(file, f"{where} is not an object", column="offers")
        gpu = item.get("gpu")
        if not isinstance(gpu, str) or not gpu.strip():
            raise DatasetError(file, f"{where} has no GPU id", column=f"{where}.gpu")
        price = _price(file, where, item.get("usd_hr"))
        if price is None:
            continue
        offers.append(Offer(day, normalize_gpu_id(gpu), str(item.get("kind") or "").casefold(),
                            str(item.get("provider") or ""), price))
    return day, offers


def _price(file: Path, where: str, raw: object) -> float | None:
    """A positive finite price, None for missing/non-positive; DatasetError if not a number."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise DatasetError(file, f"{where}: usd_hr {raw!r} is not a number",
                           column=f"{where}.usd_hr")
    try:
        value = float(raw)
    except ValueError:
        raise DatasetError(file, f"{where}: usd_hr {raw!r} is not a number",
                           column=f"{where}.usd_hr") from None
    return value if math.isfinite(value) and value > 0 else None


__all__ = ["DatasetError", "daily_medians", "headline_model", "model_family",
           "parse_gpurentalprices", "read_offers"]
