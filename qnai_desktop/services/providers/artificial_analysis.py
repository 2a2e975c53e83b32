"""Artificial Analysis free Data API, keyed: today's model snapshot → inference cost by intelligence tier.

``GET {base}/api/v2/data/llms/models`` with header ``x-api-key`` → ``{"status": 200,
"prompt_options": {…}, "data": [{"id", "name", "slug", "release_date", "model_creator": {"id",
"name", "slug"}, "evaluations": {"artificial_analysis_intelligence_index", …}, "pricing":
{"price_1m_blended_3_to_1", "price_1m_input_tokens", "price_1m_output_tokens"}, …}]}`` (USD per
1M tokens). Free tier: 1,000 requests a day; attribution to https://artificialanalysis.ai/ is
required for any use.

The API has no history, so each day is one snapshot: a run on a day already cached asks nothing.
For each tier of ``TIERS`` (a fixed threshold on the Intelligence Index) the value of the day is
the cheapest blended (3 input : 1 output) price among models scoring AT OR ABOVE the threshold —
what it cost that day to buy at least that much intelligence — and ``n`` how many priced models
qualified. It is written to ``aa.inference_cost.<tier>``, replacing the illustrative series;
``extra.basis`` names the model that set the day's price. The thresholds are on the index's
v4 scale (top models ≈ 55–60 in mid-2026): a re-based index (v5) needs new thresholds.

The day's whole table (id, name, creator, index, prices, release date for every model with an
index and a price) is kept as provenance in the ``extra`` of ``aa.snapshot.models`` (value: how
many models it holds); only names, a UUID and numbers are read from it, as short plain text.
Models without an index or a positive price are left out (not benchmarked, or no paid API).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ...core.series import SeriesBundle, SeriesMeta
from ..datasets._common import frame
from ..text_fields import iso_stamp, plain_text, token
from . import keys
from .base import FetchContext, Provider
from .errors import ProviderError, SchemaError

KEY_NAME = "artificial_analysis"
PATH = "/api/v2/data/llms/models"
#: tier → minimum Artificial Analysis Intelligence Index (v4 scale), most demanding first.
TIERS: dict[str, float] = {"frontier": 55.0, "near_frontier": 45.0, "mid": 35.0, "small": 25.0}
TIER_NAMES = {"frontier": ("최선단", "Frontier"), "near_frontier": ("차선단", "Near-frontier"),
              "mid": ("중간", "Mid"), "small": ("소형", "Small")}
MAX_PRICE = 10_000.0  # USD per 1M tokens: more is a broken number, not a price
SNAPSHOT_ID = "aa.snapshot.models"


class ArtificialAnalysis(Provider):
    name = "artificial_analysis"
    env = "ARTIFICIAL_ANALYSIS"
    default_base_url = "https://artificialanalysis.ai"
    title_ko = "Artificial Analysis (지능 수준별 추론 비용)"
    title_en = "Artificial Analysis (inference cost by intelligence tier)"
    terms = ("Attribution required — data from Artificial Analysis (https://artificialanalysis.ai/), "
             "free Data API under your own key")

    def __init__(self, base_url: str | None = None,
                 key_getter: Callable[[], str | None] | None = None,
                 tiers: dict[str, float] | None = None) -> None:
        super().__init__(base_url)
        self._key = key_getter or keys.key_getter(KEY_NAME)
        self.tiers = dict(tiers or TIERS)

    def series_ids(self) -> list[str]:
        return [*(f"aa.inference_cost.{t}" for t in self.tiers), SNAPSHOT_ID]

    def unavailable(self) -> str | None:
        if self._key():
            return None
        return (f"no Artificial Analysis API key: set {keys.env_name(KEY_NAME)} or store it in the OS "
                f"keyring (service 'qnai-desktop', name {KEY_NAME!r})")

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        key = self._key()
        if not key:
            raise ProviderError(self.unavailable() or "no key")
        if all(ctx.last(sid) == ctx.today for sid in self.series_ids()):
            return []  # today's snapshot is cached: one per day, and the free quota is kept
        ctx.check()
        ctx.progress(0, 1, "models")
        url = f"{self.base_url}{PATH}"
        models = read_models(ctx.http.get_json(url, headers={"x-api-key": key}), url)
        ctx.progress(1, 1, "")
        out = []
        for tier, threshold in self.tiers.items():
            able = [m for m in models if m["index"] >= threshold]
            if able:
                best = min(able, key=lambda m: (m["blended"], -m["index"], m["name"]))
                out.append(SeriesBundle(self._tier_meta(tier, threshold, best, ctx),
                                        frame([ctx.today], [best["blended"]], [len(able)])))
        out.append(SeriesBundle(self._snapshot_meta(models, ctx),
                                frame([ctx.today], [float(len(models))], [len(models)])))
        return out

    def _tier_meta(self, tier: str, threshold: float, best: dict, ctx: FetchContext) -> SeriesMeta:
        ko, en = TIER_NAMES.get(tier, (tier, tier))
        return SeriesMeta(
            id=f"aa.inference_cost.{tier}",
            title_ko=f"지능 수준별 LLM 추론 비용: {ko} (지수 {threshold:g} 이상 최저가)",
            title_en=f"LLM inference cost by intelligence tier: {en} (cheapest at index ≥ {threshold:g})",
            unit="usd_per_m_tokens", frequency="D", source="Artificial Analysis",
            source_ko="Artificial Analysis",
            note_ko=f"Artificial Analysis 지능 지수(v4) {threshold:g} 이상 모델 중 입력 3 : 출력 1 가중 "
                    "백만 토큰당 최저 가격, 일별 스냅샷; n = 해당 모델 수.",
            note_en=f"Cheapest 3:1 blended price per 1M tokens among models scoring at least "
                    f"{threshold:g} on the Artificial Analysis Intelligence Index (v4), daily "
                    "snapshot; n = models that qualified.",
            is_demo=False, licence=self.terms,
            extra={"threshold": threshold, "index_scale": "Artificial Analysis Intelligence Index v4",
                   "basis": {"as_of": str(ctx.today), **{k: best[k] for k in (
                       "id", "name", "creator", "index", "blended")}}})

    def _snapshot_meta(self, models: list[dict], ctx: FetchContext) -> SeriesMeta:
        return SeriesMeta(
            id=SNAPSHOT_ID, title_ko="Artificial Analysis 모델 스냅샷 (지수·가격 보유 모델 수)",
            title_en="Artificial Analysis model snapshot (models with an index and a price)",
            unit="count", frequency="D", source="Artificial Analysis", source_ko="Artificial Analysis",
            note_ko="그날 받은 모델별 지수·가격 표는 extra.models (최신 스냅샷만 보관).",
            note_en="The day's per-model index and price table is in extra.models (latest snapshot "
                    "only).",
            is_demo=False, licence=self.terms,
            extra={"as_of": str(ctx.today), "tiers": dict(self.tiers),
                   "models": sorted(models, key=lambda m: (-m["index"], m["blended"], m["name"]))})


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def read_models(doc: object, url: str) -> list[dict]:
    """The models with an index and a positive blended price, as plain validated dicts."""
    rows = doc.get("data") if isinstance(doc, dict) else None
    if not isinstance(rows, list) or not rows:
        keys = ", ".join(sorted(map(str, doc)))[:80] if isinstance(doc, dict) else type(doc).__name__
        raise SchemaError(f"Artificial Analysis: expected a non-empty 'data' list of models ({keys}): "
                          f"{url}")
    out, broken = [], 0
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            broken += 1
            continue
        evals, pricing = row.get("evaluations"), row.get("pricing")
        if not isinstance(evals, dict) or not isinstance(pricing, dict):
            broken += 1
            continue
        raw_index = evals.get("artificial_analysis_intelligence_index")
        raw_price = pricing.get("price_1m_blended_3_to_1")
        index, price = _number(raw_index), _number(raw_price)
        if raw_index is None or raw_price is None or price == 0:
            continue  # not benchmarked yet, or no paid API: documented as left out
        if index is None or price is None or not 0 <= index <= 100 or not 0 < price <= MAX_PRICE:
            broken += 1  # a string, NaN, 1e999, a negative price: not a number we can rank
            continue
        creator = row.get("model_creator")
        release = row.get("release_date")
        out.append({
            "id": token(str(row.get("id", "")).casefold(), 40),
            "name": plain_text(row["name"], 80),
            "creator": plain_text(creator.get("name") if isinstance(creator, dict) else "", 60),
            "index": index, "blended": price,
            "input": _price(pricing.get("price_1m_input_tokens")),
            "output": _price(pricing.get("price_1m_output_tokens")),
            "release_date": iso_stamp(release) or (release if isinstance(release, str) and
                                                   _is_month(release) else ""),
        })
    if broken > len(rows) / 2:
        raise SchemaError(f"Artificial Analysis: {broken} of {len(rows)} models have no readable "
                          f"name, evaluations or pricing (schema changed?): {url}")
    if not out:
        raise SchemaError(f"Artificial Analysis: none of {len(rows)} models has both an "
                          f"intelligence index and a blended price (schema changed?): {url}")
    return out


def _price(value: object) -> float | None:
    price = _number(value)
    return price if price is not None and 0 <= price <= MAX_PRICE else None


def _is_month(text: str) -> bool:
    return len(text) == 7 and bool(iso_stamp(text + "-01"))
