"""StatCounter Global Stats, AI-chatbot market share (CC BY-SA 3.0): the chart's CSV download.

``GET {base}/ai-chatbot-market-share/chart.php?…&granularity=monthly&fromMonthYear=YYYY-MM&
toMonthYear=YYYY-MM&csv=1`` → ``"Date","ChatGPT","Perplexity","Microsoft Copilot",…`` then one
``"YYYY-MM"`` row per month, each bot's share in percent (worldwide, all devices). A range of
one month comes back transposed (bots as rows), so at least two months are always asked for.

StatCounter counts page views *referred by* each chatbot to the ~1.5M sites it tracks: a
referral share, not the visit share (SimilarWeb) the note quotes; every title and the source
line say so. Incremental: from the month before the newest cached real point (StatCounter
revises a recent month for a week) to the last complete month; the current month is partial and
left out. First run: from ``HISTORY_START``; months whose shares are all zero (before tracking
began) are dropped. Known bots get ``statcounter.share.<bot>``; any other column (and
"Other") is added into ``statcounter.share.others`` — ids never come from a response.
"""

from __future__ import annotations

import csv
import io
import math
import re
from datetime import date

from ...core.series import SeriesBundle, SeriesMeta
from ..datasets._common import frame
from .base import FetchContext, Provider
from .errors import SchemaError

HISTORY_START = date(2025, 1, 1)
PATH = "/ai-chatbot-market-share/chart.php"
#: StatCounter column (case-folded) → series key; anything else goes into "others".
BOTS = {"chatgpt": "chatgpt", "perplexity": "perplexity", "microsoft copilot": "copilot",
        "copilot": "copilot", "google gemini": "gemini", "gemini": "gemini", "claude": "claude",
        "deepseek": "deepseek", "grok": "grok", "meta ai": "meta_ai", "other": "others"}
NAMES = {"chatgpt": "ChatGPT", "perplexity": "Perplexity", "copilot": "Microsoft Copilot",
         "gemini": "Google Gemini", "claude": "Claude", "deepseek": "DeepSeek", "grok": "Grok",
         "meta_ai": "Meta AI", "others": "Other"}
SUM_TOLERANCE = 1.5  # shares are rounded to 2 decimals; a month must add up to 100 ± this
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _month_add(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class StatCounterChatbots(Provider):
    name = "statcounter"
    env = "STATCOUNTER"
    default_base_url = "https://gs.statcounter.com"
    title_ko = "StatCounter AI 챗봇 점유율 (유입 기준)"
    title_en = "StatCounter AI-chatbot share (referral share)"
    terms = ("CC BY-SA 3.0 — Source: StatCounter Global Stats, AI Chatbot Market Share "
             "(gs.statcounter.com)")

    def series_ids(self) -> list[str]:
        return [f"statcounter.share.{k}" for k in NAMES]

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        known = [d for sid in self.series_ids() if (d := ctx.last(sid))]
        last_complete = _month_add(ctx.today.replace(day=1), -1)
        start = _month_add(max(known).replace(day=1), -1) if known else HISTORY_START
        start = min(start, _month_add(last_complete, -1))  # two months at least: never transposed
        ctx.check()
        ctx.progress(0, 1, f"{start:%Y-%m}…{last_complete:%Y-%m}")
        url = f"{self.base_url}{PATH}"
        text = ctx.http.get_text(url, params=_query(start, last_complete))
        months = parse_chart_csv(text, url)
        ctx.progress(1, 1, "")
        months = {m: shares for m, shares in months.items() if start <= m <= last_complete}
        days = sorted(m for m, shares in months.items() if any(shares.values()))
        if not days:
            return []
        keys = [k for k in NAMES if any(k in months[d] for d in days)]
        return [SeriesBundle(self._meta(k), frame(days, [months[d].get(k, 0.0) for d in days]))
                for k in keys]

    def _meta(self, key: str) -> SeriesMeta:
        name = NAMES[key]
        return SeriesMeta(
            id=f"statcounter.share.{key}",
            title_ko=f"AI 챗봇 점유율 (StatCounter, 유입 기준): {name}",
            title_en=f"AI-chatbot share (StatCounter, referral share): {name}",
            unit="pct", frequency="M", source="StatCounter (referral share)",
            source_ko="StatCounter (유입 기준 점유율)",
            note_ko="StatCounter 추적 사이트로 각 챗봇이 보낸 유입(페이지뷰) 비중, 전 세계·전 기기, "
                    "월별. SimilarWeb 방문 점유율과 다른 지표.",
            note_en="Share of page views each chatbot referred to the sites StatCounter tracks, "
                    "worldwide, all devices, monthly; a different measure from SimilarWeb's visits.",
            is_demo=False, licence=self.terms,
            extra={"statcounter_column": name if key != "others" else "Other + untracked bots"})


def _query(start: date, end: date) -> dict[str, str]:
    """The chart's own CSV query (as its "Download Data" link builds it), worldwide, all devices."""
    return {"device": "Desktop & Mobile & Tablet & Console",
            "device_hidden": "desktop+mobile+tablet+console", "multi-device": "true",
            "statType_hidden": "ai_chatbot", "region_hidden": "ww", "granularity": "monthly",
            "statType": "AI Chatbot", "region": "Worldwide",
            "fromInt": f"{start:%Y%m}", "toInt": f"{end:%Y%m}",
            "fromMonthYear": f"{start:%Y-%m}", "toMonthYear": f"{end:%Y-%m}", "csv": "1"}


def parse_chart_csv(text: str, url: str) -> dict[date, dict[str, float]]:
    """``{first day of month: {bot key: percent}}``; unknown columns summed into ``others``."""
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise SchemaError(f"StatCounter: unreadable CSV ({exc}): {url}") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows or [c.strip() for c in rows[0][:1]] != ["Date"] or len(rows[0]) < 2:
        first = ",".join(rows[0])[:60] if rows else ""
        raise SchemaError(f"StatCounter: expected a header \"Date\",<bots>…, got {first!r} (an error "
                          f"page, or a one-month range that came back transposed?): {url}")
    keys = [BOTS.get(" ".join(c.split()).casefold(), "others") for c in rows[0][1:]]
    out: dict[date, dict[str, float]] = {}
    for n, row in enumerate(rows[1:], start=2):
        m = _MONTH.fullmatch(row[0].strip())
        if m is None or not 1 <= int(m[2]) <= 12 or len(row) != len(keys) + 1:
            raise SchemaError(f"StatCounter: row {n} is not \"YYYY-MM\" and {len(keys)} shares: {url}")
        shares: dict[str, float] = {}
        for key, cell in zip(keys, row[1:], strict=True):
            try:
                value = float(cell) if cell.strip() else 0.0
            except ValueError:
                raise SchemaError(f"StatCounter: row {n} has a share that is not a number "
                                  f"({cell[:20]!r}): {url}") from None
            if not math.isfinite(value) or not 0 <= value <= 100:
                raise SchemaError(f"StatCounter: row {n} has a share outside 0–100 % "
                                  f"({cell[:20]!r}): {url}")
            shares[key] = shares.get(key, 0.0) + value
        total = sum(shares.values())
        if total and abs(total - 100) > SUM_TOLERANCE:
            raise SchemaError(f"StatCounter: the shares of {row[0]} add up to {total:.2f} %, "
                              f"not 100: {url}")
        out[date(int(m[1]), int(m[2]), 1)] = shares
    return out
