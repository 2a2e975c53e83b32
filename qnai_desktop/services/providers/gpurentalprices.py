"""gpurentalprices.com daily snapshots (CC BY 4.0), from the publisher's GitHub data mirror.

``GET {base}/data/latest.json`` gives the newest snapshot and its ``date``; earlier days come
from ``{base}/data/snapshots/YYYY-MM-DD.json`` (a 404 means the mirror has no file that day and
is skipped: it keeps a rolling window). Days after the newest cached ``gpu_rent.*`` point are
fetched, oldest first and at most ``MAX_DAYS`` per run (the last 30 when nothing is cached).
Snapshots are parsed by ``services.datasets.gpurentalprices`` so daily medians follow the
documented grouping rules.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from ...core.series import SeriesBundle
from ..datasets.gpurentalprices import HEADLINE_MODELS, parse_gpurentalprices
from ._files import parse_downloads
from .base import FetchContext, Provider
from .errors import SchemaError

#: Days fetched per run, oldest first: a year and a bit, so one refresh catches up after any
#: ordinary absence (about 400 small files from GitHub's raw host, far inside its limits).
MAX_DAYS = 400
FIRST_RUN_DAYS = 30


class GpuRentalPrices(Provider):
    name = "gpurentalprices"
    env = "GPURENTALPRICES"
    default_base_url = "https://raw.githubusercontent.com/adriannutiu/gpu-rental-prices/main"
    title_ko = "GPU 임대료 (gpurentalprices.com)"
    title_en = "GPU rent (gpurentalprices.com)"
    terms = "CC BY 4.0 — GPU rental price data by gpurentalprices.com"

    def series_ids(self) -> list[str]:
        return [f"gpu_rent.{m}.median" for m in HEADLINE_MODELS]

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        ctx.progress(0, 1, "latest.json")
        latest_url = f"{self.base_url}/data/latest.json"
        latest = ctx.http.get(latest_url).content
        newest = _snapshot_date(latest, latest_url)
        known = [d for sid in self.series_ids() if (d := ctx.last(sid))]
        first = max(known) + timedelta(days=1) if known else newest - timedelta(FIRST_RUN_DAYS - 1)
        if first > newest:
            return []
        last = min(newest, first + timedelta(days=MAX_DAYS - 1))  # oldest first: no holes
        days = [first + timedelta(days=i) for i in range((last - first).days + 1) if
                first + timedelta(days=i) != newest]
        files = {f"{newest}.json": (latest_url, latest)} if last == newest else {}
        for i, day in enumerate(days, start=1):
            ctx.check()
            ctx.progress(i, len(days) + 1, f"{day}")
            url = f"{self.base_url}/data/snapshots/{day}.json"
            resp = ctx.http.get(url, ok_404=True)
            if resp.status_code != 404:
                files[f"{day}.json"] = (url, resp.content)
        ctx.progress(len(days) + 1, len(days) + 1, "")
        return parse_downloads(files, parse_gpurentalprices)


def _snapshot_date(data: bytes, url: str) -> date:
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: deep nesting
        raise SchemaError(f"invalid JSON from {url} (truncated, too deeply nested or not JSON: "
                          f"{type(exc).__name__}: {str(exc)[:120]})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("offers"), list):
        raise SchemaError(f"gpurentalprices: expected {{date, offers[]}} from {url}")
    try:
        return date.fromisoformat(str(doc.get("date")))
    except ValueError:
        raise SchemaError(f"gpurentalprices: no snapshot 'date' in {url}") from None
