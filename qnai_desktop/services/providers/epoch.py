"""Epoch AI "Data on AI Companies" (CC BY 4.0): the revenue-report and funding-round CSVs.

``GET {base}/data/ai_companies_revenue_reports.csv`` and ``…_funding_rounds.csv``; both are
small (tens of KB) and carry irregular points, so they are fetched whole each run and parsed by
``services.datasets.epoch`` (closed rounds only for valuations); the store counts what changed.
"""

from __future__ import annotations

from ...core.series import SeriesBundle
from ..datasets.epoch import COMPANIES, FUNDING_FILE, REVENUE_FILE, parse_epoch
from ._files import parse_downloads
from .base import FetchContext, Provider


class EpochCompanies(Provider):
    name = "epoch"
    env = "EPOCH"
    default_base_url = "https://epoch.ai"
    title_ko = "Epoch AI 기업 데이터"
    title_en = "Epoch AI companies"
    terms = "CC BY 4.0 — Epoch AI, 'Data on AI Companies', epoch.ai/data"

    def series_ids(self) -> list[str]:
        return [f"epoch.{kind}.{sid}" for kind in ("arr", "valuation") for sid, _ in COMPANIES.values()]

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        files = {}
        for i, name in enumerate((REVENUE_FILE, FUNDING_FILE)):
            ctx.check()
            ctx.progress(i, 2, name)
            url = f"{self.base_url}/data/{name}"
            files[name] = (url, ctx.http.get(url).content)
        ctx.progress(2, 2, "")
        return parse_downloads(files, parse_epoch)
