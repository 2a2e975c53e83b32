"""OpenRouter's public model list (no key): today's prices → inference cost per capability tier.

``GET {base}/api/v1/models`` → ``{"data": [{"id": "anthropic/claude-sonnet-4", "pricing":
{"prompt": "0.000003", "completion": "0.000015", …}, …}]}`` (USD per token, as strings).
Each model is put in the first tier whose patterns match its id (``TIERS``, checked small →
frontier so ``gpt-5-mini`` is mid, not frontier); ``:free`` variants and non-positive prices
(the auto router's ``-1``) are ignored. A tier's value is the median blended price per 1M tokens
(3 input : 1 output, the Artificial Analysis convention), ``n`` its model count, dated today.
The list has no history: each run adds (or corrects) today's point of
``openrouter.price.<tier>``. These are new real series; ``aa.inference_cost.*`` (Artificial
Analysis, illustrative) is a different source and is left alone.
"""

from __future__ import annotations

import math
from fnmatch import fnmatchcase
from statistics import median

from ...core.series import SeriesBundle, SeriesMeta
from ..datasets._common import frame
from .base import FetchContext, Provider
from .errors import SchemaError

TIERS: dict[str, tuple[str, ...]] = {
    "small": ("*nano*", "*flash-lite*", "*-8b*", "*-7b*", "*-3b*", "*-1b*", "*gemma*"),
    "mid": ("*-mini*", "*haiku*", "*flash*", "deepseek/*", "qwen/*", "mistralai/*",
            "meta-llama/*"),
    "near_frontier": ("anthropic/claude-sonnet*", "openai/gpt-4.1*", "openai/gpt-4o*",
                      "x-ai/grok-3*", "moonshotai/*", "z-ai/*"),
    "frontier": ("anthropic/claude-opus*", "openai/gpt-5*", "openai/o3*", "google/gemini-*-pro*",
                 "x-ai/grok-4*"),
}
TIER_NAMES = {"small": ("소형", "Small"), "mid": ("중형", "Mid"),
              "near_frontier": ("준프런티어", "Near-frontier"), "frontier": ("프런티어", "Frontier")}


def tier_of(model_id: str, tiers: dict[str, tuple[str, ...]] = TIERS) -> str | None:
    mid = model_id.casefold()
    return next((t for t, pats in tiers.items() if any(fnmatchcase(mid, p) for p in pats)), None)


class OpenRouterModels(Provider):
    name = "openrouter_models"
    env = "OPENROUTER"
    default_base_url = "https://openrouter.ai"
    title_ko = "OpenRouter 모델 가격"
    title_en = "OpenRouter model prices"
    terms = "OpenRouter public models list (openrouter.ai/api/v1/models)"

    def __init__(self, base_url: str | None = None,
                 tiers: dict[str, tuple[str, ...]] | None = None) -> None:
        super().__init__(base_url)
        self.tiers = dict(tiers or TIERS)

    def series_ids(self) -> list[str]:
        return [f"openrouter.price.{t}" for t in self.tiers]

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        ctx.progress(0, 1, "models")
        url = f"{self.base_url}/api/v1/models"
        doc = ctx.http.get_json(url)
        models = doc.get("data") if isinstance(doc, dict) else None
        if not isinstance(models, list) or not models:
            raise SchemaError(f"openrouter: expected a non-empty 'data' list of models from {url}")
        prices: dict[str, list[float]] = {t: [] for t in self.tiers}
        unreadable = 0
        for model in models:
            if not isinstance(model, dict) or not isinstance(model.get("id"), str):
                unreadable += 1
                continue
            price = _blended(model.get("pricing"))
            if price is None:
                unreadable += not isinstance(model.get("pricing"), dict)
                continue
            tier = None if model["id"].endswith(":free") else tier_of(model["id"], self.tiers)
            if tier:
                prices[tier].append(price)
        if unreadable > len(models) / 2:
            raise SchemaError(f"openrouter: {unreadable} of {len(models)} models have no 'id'/"
                              f"'pricing' (schema changed?): {url}")
        ctx.progress(1, 1, "")
        return [SeriesBundle(self._meta(t), frame([ctx.today], [median(p)], [len(p)]))
                for t, p in prices.items() if p]

    def _meta(self, tier: str) -> SeriesMeta:
        ko, en = TIER_NAMES.get(tier, (tier, tier))
        return SeriesMeta(
            id=f"openrouter.price.{tier}", title_ko=f"OpenRouter 추론 가격: {ko} 모델(중앙값)",
            title_en=f"OpenRouter inference price: {en} models (median)", unit="usd_per_m_tokens",
            frequency="D", source="OpenRouter", source_ko="OpenRouter",
            note_ko="입력 3 : 출력 1 가중 백만 토큰당 가격의 티어 중앙값; n = 모델 수.",
            note_en="Tier median of the 3:1 input:output blended price per 1M tokens; n = models.",
            is_demo=False, licence=self.terms, extra={"patterns": list(self.tiers[tier])})


def _blended(pricing: object) -> float | None:
    if not isinstance(pricing, dict):
        return None
    try:
        prompt, completion = float(pricing["prompt"]), float(pricing["completion"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(prompt) and math.isfinite(completion)) or prompt <= 0 or completion <= 0:
        return None  # NaN/inf ("1e999") as unreadable as the auto router's -1
    return (3 * prompt + completion) / 4 * 1_000_000
