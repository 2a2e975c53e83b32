"""OpenRouter Data API, keyed: daily tokens of the top models → weekly tokens per vendor.

``GET {base}/api/v1/datasets/rankings-daily?start_date=&end_date=`` with ``Authorization:
Bearer <key>`` → ``{"data": [{"date", "model_permaslug", "total_tokens": "12345678"}, …],
"meta": {"as_of", "start_date", "end_date", "version": "v1"}}``: the top 50 models per UTC day
plus an ``other`` row. Windows of 30 days (the API's default) from the week after the newest
cached real point (2025-01-06 when none or illustrative) to yesterday. Rate limits: 30/min per
key, 500/day per account; 429 answers are retried honouring Retry-After.

Vendor = the permaslug's prefix (``x-ai`` → xai); anything outside ``VENDORS`` (and ``other``)
→ others. Weekly sums (Monday-dated, complete weeks only) in billions of tokens write
``openrouter.tokens.<vendor>``, replacing the illustrative series. Licence CC BY 4.0, cited
"Source: OpenRouter (openrouter.ai/rankings), as of <meta.as_of>" — ``meta.as_of`` is the only
response text stored, and only when it is an ISO date or date-time (else it is left out).

The key comes from the OS keyring (service ``qnai-desktop``, name ``openrouter``), is held in
memory for the request header only, and never appears in a message, a setting or the cache.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

from ...core.series import SeriesBundle, SeriesMeta
from ..datasets._common import frame
from ..text_fields import iso_stamp
from .base import FetchContext, Provider
from .errors import ProviderError, SchemaError

KEYRING_SERVICE, KEYRING_NAME = "qnai-desktop", "openrouter"
VENDORS = {"anthropic": "anthropic", "google": "google", "openai": "openai",
           "deepseek": "deepseek", "x-ai": "xai", "qwen": "qwen"}
SERIES_VENDORS = [*VENDORS.values(), "others"]
HISTORY_START = date(2025, 1, 6)  # a Monday; the dataset begins 2025-01-01
WINDOW_DAYS = 30


def keyring_key() -> str | None:
    """The OpenRouter key from the OS keyring, or None (no backend counts as no key)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, KEYRING_NAME) or None
        except KeyringError:
            return None
    except ImportError:
        return None


class OpenRouterRankings(Provider):
    name = "openrouter_rankings"
    env = "OPENROUTER"
    default_base_url = "https://openrouter.ai"
    title_ko = "OpenRouter 토큰 사용량"
    title_en = "OpenRouter token usage"
    terms = "CC BY 4.0 — Source: OpenRouter (openrouter.ai/rankings)"

    def __init__(self, base_url: str | None = None,
                 key_getter: Callable[[], str | None] = keyring_key) -> None:
        super().__init__(base_url)
        self._key_getter = key_getter

    def series_ids(self) -> list[str]:
        return [f"openrouter.tokens.{v}" for v in SERIES_VENDORS]

    def unavailable(self) -> str | None:
        if self._key_getter():
            return None
        return (f"no OpenRouter API key in the OS keyring (service {KEYRING_SERVICE!r}, name "
                f"{KEYRING_NAME!r})")

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        key = self._key_getter()
        if not key:
            raise ProviderError(self.unavailable() or "no key")
        known = [d for sid in self.series_ids() if (d := ctx.last(sid))]
        start = max(known) + timedelta(days=7) if known else HISTORY_START
        end = ctx.today - timedelta(days=1)
        windows = []
        while start <= end:
            windows.append((start, min(start + timedelta(days=WINDOW_DAYS - 1), end)))
            start += timedelta(days=WINDOW_DAYS)
        daily: dict[str, dict[date, float]] = {v: {} for v in SERIES_VENDORS}
        seen_days: set[date] = set()
        as_of = ""
        url = f"{self.base_url}/api/v1/datasets/rankings-daily"
        for i, (lo, hi) in enumerate(windows):
            ctx.check()
            ctx.progress(i, len(windows), f"{lo}…{hi}")
            doc = ctx.http.get_json(url, params={"start_date": str(lo), "end_date": str(hi)},
                                    headers={"Authorization": f"Bearer {key}"})
            as_of = _read(doc, url, daily, seen_days) or as_of
        ctx.progress(len(windows), len(windows), "")
        return self._weekly(daily, seen_days, as_of)

    def _weekly(self, daily: dict[str, dict[date, float]], seen: set[date],
                as_of: str) -> list[SeriesBundle]:
        mondays = sorted({d - timedelta(days=d.weekday()) for d in seen})
        complete = [m for m in mondays if all(m + timedelta(days=k) in seen for k in range(7))]
        out = []
        for vendor in SERIES_VENDORS:
            values = [sum(daily[vendor].get(m + timedelta(days=k), 0.0) for k in range(7)) / 1e9
                      for m in complete]
            if complete:
                out.append(SeriesBundle(self._meta(vendor, as_of), frame(complete, values)))
        return out

    def _meta(self, vendor: str, as_of: str) -> SeriesMeta:
        return SeriesMeta(
            id=f"openrouter.tokens.{vendor}", title_ko=f"OpenRouter 주간 토큰 사용량: {vendor}",
            title_en=f"OpenRouter weekly tokens: {vendor}", unit="tokens_bn", frequency="W",
            source="OpenRouter", source_ko="OpenRouter",
            note_ko="일별 상위 50개 모델 토큰(입력+출력)의 주간 합계(월요일 기준), 제공사별.",
            note_en="Weekly (Monday) sums of daily top-50 model tokens (prompt + completion), "
                    "by vendor.",
            is_demo=False, licence=f"{self.terms}, as of {as_of}" if as_of else self.terms,
            extra={"as_of": as_of})


def _read(doc: object, url: str, daily: dict[str, dict[date, float]], seen: set[date]) -> str:
    rows = doc.get("data") if isinstance(doc, dict) else None
    meta = doc.get("meta") if isinstance(doc, dict) else None
    if not isinstance(rows, list) or not isinstance(meta, dict):
        raise SchemaError(f"openrouter: expected {{data: [...], meta: {{...}}}} from {url}")
    for i, row in enumerate(rows):
        try:
            day = date.fromisoformat(row["date"])
            slug = str(row["model_permaslug"])
            tokens = float(row["total_tokens"])
        except (KeyError, TypeError, ValueError):
            raise SchemaError(f"openrouter: data[{i}] is not {{date, model_permaslug, "
                              f"total_tokens}}: {url}") from None
        if not math.isfinite(tokens) or tokens < 0:  # "1e999", "NaN", "-5" would poison the sums
            raise SchemaError(f"openrouter: data[{i}].total_tokens is not a finite count >= 0: {url}")
        vendor = VENDORS.get(slug.split("/", 1)[0], "others")
        daily[vendor][day] = daily[vendor].get(day, 0.0) + tokens
        seen.add(day)
    return iso_stamp(meta.get("as_of"))  # stored in the licence line: a date-time or nothing
