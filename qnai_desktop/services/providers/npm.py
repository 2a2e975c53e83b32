"""npm daily downloads (api.npmjs.org range endpoint) for the coding-agent CLIs.

``GET {base}/downloads/range/{start}:{end}/{package}`` → ``{"start", "end", "package",
"downloads": [{"downloads": int, "day": "YYYY-MM-DD"}, …]}``; an unknown package is a 404 with
``{"error": "package … not found"}``. The API serves at most 18 months per request (npm/registry
docs/download-counts.md, "Limits"; a longer range is silently cut to its last 18 months), so
ranges are fetched in chunks of 540 days; the scope's slash is percent-encoded (``@scope%2Fname``).

Politeness: requests start at most once per ``pace`` seconds (default 1 s; npm asks for about
100 requests a minute and answers faster callers with 429). The pause goes through the HTTP
client's sleep, so Cancel interrupts it and tests record it instead of sleeping; a 429 is
retried by the client after the server's Retry-After.

Incremental: from three days before the newest cached real point (npm revises the latest days)
to yesterday (UTC); a series that is absent or illustrative is fetched from 2025-01-01 and its
leading zero days (before the package existed) are dropped. Writes ``npm.downloads.<key>``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from urllib.parse import quote

from ...core.series import SeriesBundle, SeriesMeta
from ..datasets._common import frame
from ..fundamentals.throttle import Throttle
from .base import FetchContext, Provider
from .errors import SchemaError

PACKAGES: dict[str, str] = {
    "claude_code": "@anthropic-ai/claude-code", "codex": "@openai/codex",
    "gemini_cli": "@google/gemini-cli", "copilot_cli": "@github/copilot",
    "opencode": "opencode-ai", "qwen_code": "@qwen-code/qwen-code", "cline": "cline",
}
HISTORY_START = date(2025, 1, 1)
CHUNK_DAYS = 540
OVERLAP_DAYS = 3
PACE_SECONDS = 1.0  # at most one request start per second


class NpmDownloads(Provider):
    name = "npm"
    env = "NPM"
    default_base_url = "https://api.npmjs.org"
    title_ko = "npm 다운로드"
    title_en = "npm downloads"
    terms = "npm public download counts (api.npmjs.org)"

    def __init__(self, base_url: str | None = None, packages: dict[str, str] | None = None, *,
                 pace: float = PACE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(base_url)
        self.packages = dict(packages or PACKAGES)
        self.pace, self.clock = pace, clock

    def series_ids(self) -> list[str]:
        return [f"npm.downloads.{key}" for key in self.packages]

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        end = ctx.today - timedelta(days=1)
        plan = []
        for key, package in self.packages.items():
            last = ctx.last(f"npm.downloads.{key}")
            start = last - timedelta(days=OVERLAP_DAYS) if last else HISTORY_START
            plan.append((key, package, last, _chunks(start, end)))
        total = sum(len(chunks) for *_rest, chunks in plan) or 1
        done, bundles = 0, []
        pacer = Throttle(1 / self.pace, clock=self.clock, sleep=ctx.http.sleep) if self.pace > 0 else None
        for key, package, last, chunks in plan:
            points: dict[date, int] = {}
            for lo, hi in chunks:
                ctx.check()
                ctx.progress(done, total, f"{package} {lo}…{hi}")
                if pacer is not None:
                    pacer.wait()
                    ctx.check()  # the pause may have used up the source's deadline
                url = f"{self.base_url}/downloads/range/{lo}:{hi}/{quote(package, safe='@')}"
                points.update(_parse(ctx.http.get_json(url), package, url))
                done += 1
            days = sorted(points)
            if last is None:  # first fetch: drop the zero days before the package existed
                days = days[next((i for i, d in enumerate(days) if points[d]), len(days)):]
            if days:
                bundles.append(SeriesBundle(self._meta(key, package),
                                            frame(days, [float(points[d]) for d in days])))
        ctx.progress(total, total, "")
        return bundles

    def _meta(self, key: str, package: str) -> SeriesMeta:
        return SeriesMeta(
            id=f"npm.downloads.{key}", title_ko=f"npm 일간 다운로드: {package}",
            title_en=f"npm daily downloads: {package}", unit="count", frequency="D",
            source="NPMjs", source_ko="NPMjs", note_ko="npm 레지스트리 일별 다운로드 수",
            note_en="Daily downloads from the npm registry", is_demo=False, licence=self.terms,
            extra={"package": package})


def _chunks(start: date, end: date) -> list[tuple[date, date]]:
    out = []
    while start <= end:
        hi = min(start + timedelta(days=CHUNK_DAYS - 1), end)
        out.append((start, hi))
        start = hi + timedelta(days=1)
    return out


def _parse(doc: object, package: str, url: str) -> dict[date, int]:
    rows = doc.get("downloads") if isinstance(doc, dict) else None
    if not isinstance(rows, list):
        keys = ", ".join(sorted(doc)) if isinstance(doc, dict) else type(doc).__name__
        raise SchemaError(f"npm: no 'downloads' list in the response for {package} ({keys}): {url}")
    if doc.get("package") not in (None, package):
        raise SchemaError(f"npm: asked for {package}, got {doc.get('package')!r}: {url}")
    out = {}
    for i, row in enumerate(rows):
        try:
            day, count = date.fromisoformat(row["day"]), row["downloads"]
        except (KeyError, TypeError, ValueError):
            raise SchemaError(f"npm: downloads[{i}] is not {{day, downloads}}: {row!r:.80}") from None
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise SchemaError(f"npm: downloads[{i}].downloads is not a count: {count!r}")
        out[day] = count
    return out
