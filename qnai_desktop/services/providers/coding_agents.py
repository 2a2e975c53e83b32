"""GitHub Coding Agent Monitor (MIT): one ``date,query,count`` CSV per day, from its repository.

``GET {base}/commit-data/YYYY-MM-DD.csv`` for each day after the newest cached
``agents.commits.total`` point up to yesterday (a 404 — not published yet, or a gap — is
skipped), at most ``MAX_DAYS`` per run, oldest first so a long absence leaves no hole (the
last 30 days when nothing is cached). Parsed by
``services.datasets.coding_agents`` (per-agent counts and shares of the total).

Only the agents of ``AGENTS`` (and the total) are written: a series id or title is never taken
from a response, so an agent the tracker adds appears once it is added to ``AGENTS``.
"""

from __future__ import annotations

from datetime import timedelta

from ...core.series import SeriesBundle
from ..datasets.coding_agents import AGENTS, parse_coding_agents
from ._files import parse_downloads
from .base import FetchContext, Provider

#: Days fetched per run, oldest first: a year and a bit, so one refresh catches up after any
#: ordinary absence (about 400 small files from GitHub's raw host, far inside its limits).
MAX_DAYS = 400
FIRST_RUN_DAYS = 30


class CodingAgentCommits(Provider):
    name = "coding_agents"
    env = "CODING_AGENTS"
    default_base_url = "https://raw.githubusercontent.com/jphme/github-coding-agent-tracker/main"
    title_ko = "코딩 에이전트 커밋"
    title_en = "Coding-agent commits"
    terms = "MIT — © 2026 Patrick DeVivo, github.com/jphme/github-coding-agent-tracker"

    def series_ids(self) -> list[str]:
        return ["agents.commits.total", *(f"agents.commits.{a}" for a in AGENTS)]

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        end = ctx.today - timedelta(days=1)
        last = ctx.last("agents.commits.total")
        first = last + timedelta(days=1) if last else end - timedelta(days=FIRST_RUN_DAYS - 1)
        end = min(end, first + timedelta(days=MAX_DAYS - 1))  # oldest first: the next run goes on
        days = [first + timedelta(days=i) for i in range((end - first).days + 1)]
        files = {}
        for i, day in enumerate(days):
            ctx.check()
            ctx.progress(i, len(days), f"{day}")
            url = f"{self.base_url}/commit-data/{day}.csv"
            resp = ctx.http.get(url, ok_404=True)
            if resp.status_code != 404:
                files[f"{day}.csv"] = (url, resp.content)
        ctx.progress(len(days), len(days), "")
        return [b for b in parse_downloads(files, parse_coding_agents)
                if b.meta.id == "agents.commits.total" or b.meta.extra.get("query") in AGENTS]
