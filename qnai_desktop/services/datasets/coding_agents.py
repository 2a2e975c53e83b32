"""GitHub Coding Agent Monitor: daily public-commit counts per coding agent, and shares of total.

Input: one CSV per day with header ``date,query,count`` (long format); ``query`` is an agent
key (claude, copilot, …) or ``total`` (all public commits that day).

* ``agents.commits.<agent>`` and ``agents.commits.total``: the count as published (0 stays 0).
* ``agents.share.<agent>``: count / total × 100 for days that have both; a day without the agent
  or without a positive total has no point (never a 0). Shares can exceed 100 when the agent's
  search matched more commits than the total (seen for junie); they are kept as published and
  counted in ``extra["days_over_100"]``.
* An agent absent from a day file has no point that day. Agents not in ``AGENTS`` still get
  series (titled by their key); an agent never seen gets none.
* The row's ``date`` cell is the day (not the file name). The same (date, query) twice, a missing
  column, or an unreadable date/count raises ``DatasetError`` naming file, row and column.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from ...core.series import SeriesBundle, SeriesMeta
from ._common import DatasetError, files_in, frame, parse_iso_date

SOURCE = "GitHub Coding Agent Monitor"
SOURCE_KO = "GitHub 코딩 에이전트 모니터"
LICENCE = ("MIT — © 2026 Patrick DeVivo (see LICENSE), "
           "github.com/jphme/github-coding-agent-tracker")
TOTAL = "total"
# Agent key -> display name, in the order of docs/SERIES.md.
AGENTS: dict[str, str] = {
    "claude": "Claude Code", "copilot": "GitHub Copilot agent", "codex": "OpenAI Codex",
    "cursor_bg": "Cursor background agent", "jules": "Google Jules", "devin": "Devin",
    "aider": "Aider", "opencode": "opencode", "amp": "Amp", "windsurf": "Windsurf",
    "junie": "JetBrains Junie", "amazonq": "Amazon Q Developer", "cursor_editor": "Cursor editor",
}


def read_counts(path: Path | str) -> dict[str, dict[date, int]]:
    """``{query: {day: count}}`` from a folder of day CSVs (or one CSV)."""
    counts: dict[str, dict[date, int]] = {}
    origin: dict[tuple[str, date], str] = {}
    day_cache: dict[str, date] = {}
    for file in files_in(path, "*.csv"):
        try:
            rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8-sig"))))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise DatasetError(file, f"not a readable UTF-8 CSV file ({exc})") from None
        if not rows:
            continue
        header = [h.strip().casefold() for h in rows[0]]
        cols = []
        for name in ("date", "query", "count"):
            if name not in header:
                raise DatasetError(file, f"required column {name!r} is missing", column=name)
            cols.append(header.index(name))
        i_date, i_query, i_count = cols
        width = max(cols)
        for row_no, cells in enumerate(rows[1:], start=1):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) <= width:
                raise DatasetError(file, f"expected {len(header)} cells, got {len(cells)}",
                                   row=row_no, line=row_no + 1, column=header[len(cells)])
            text = cells[i_date].strip()
            day = day_cache.get(text)
            if day is None:
                day = day_cache[text] = _parse_day(file, row_no, text)
            query = re.sub(r"[^0-9a-z]+", "_", cells[i_query].strip().casefold()).strip("_")
            if not query:
                raise DatasetError(file, "empty query", row=row_no, line=row_no + 1,
                                   column="query")
            raw = cells[i_count].strip()
            if not raw:
                continue
            try:
                value = float(raw)
            except ValueError:
                value = -1.0
            if value < 0 or not value.is_integer():
                raise DatasetError(file, f"count {raw!r} is not a whole number >= 0",
                                   row=row_no, line=row_no + 1, column="count")
            where = f"{file.name} row {row_no}"
            if (query, day) in origin:
                raise DatasetError(file, f"{query} on {day} already given in {origin[query, day]}",
                                   row=row_no, line=row_no + 1, column="query")
            origin[query, day] = where
            counts.setdefault(query, {})[day] = int(value)
    return counts


def _parse_day(file: Path, row_no: int, text: str) -> date:
    return parse_iso_date(
        text, lambda msg: DatasetError(file, msg, row=row_no, line=row_no + 1, column="date"))


def parse_coding_agents(path: Path | str) -> list[SeriesBundle]:
    """Commit-count, total and share bundles (see the module doc) from the day CSVs."""
    counts = read_counts(path)
    totals = counts.get(TOTAL, {})
    agents = [a for a in AGENTS if a in counts]
    agents += sorted(q for q in counts if q not in AGENTS and q != TOTAL)
    bundles = [_commits(a, counts[a]) for a in agents]
    if totals:
        bundles.append(_commits(TOTAL, totals))
    for agent in agents:
        days = sorted(d for d in counts[agent] if totals.get(d, 0) > 0)
        if days:
            bundles.append(_share(agent, days, [counts[agent][d] / totals[d] * 100 for d in days]))
    return bundles


def _meta(series_id: str, unit: str, title_ko: str, title_en: str, note_ko: str = "",
          note_en: str = "", extra: dict | None = None) -> SeriesMeta:
    return SeriesMeta(id=series_id, title_ko=title_ko, title_en=title_en, unit=unit,
                      frequency="D", source=SOURCE, source_ko=SOURCE_KO, note_ko=note_ko,
                      note_en=note_en, is_demo=False, licence=LICENCE, extra=extra or {})


def _commits(agent: str, points: dict[date, int]) -> SeriesBundle:
    days = sorted(points)
    if agent == TOTAL:
        meta = _meta("agents.commits.total", "count", "GitHub 공개 커밋 총수(일별)",
                     "All public GitHub commits (daily)")
    else:
        name = AGENTS.get(agent, agent)
        meta = _meta(f"agents.commits.{agent}", "count", f"{name} 커밋 수(GitHub 공개, 일별)",
                     f"{name} commits (public GitHub, daily)",
                     note_ko="해당 에이전트 서명이 있는 GitHub 공개 커밋 수.",
                     note_en="Public GitHub commits carrying the agent's signature.",
                     extra={"query": agent})
    return SeriesBundle(meta, frame(days, [float(points[d]) for d in days]))


def _share(agent: str, days: list[date], values: list[float]) -> SeriesBundle:
    name = AGENTS.get(agent, agent)
    over = sum(v > 100 for v in values)
    meta = _meta(f"agents.share.{agent}", "pct", f"{name} 커밋 비중(전체 공개 커밋 대비)",
                 f"{name} share of public GitHub commits",
                 note_ko="에이전트 커밋 수 ÷ 당일 전체 공개 커밋 수 × 100. 검색 특성상 100%를 "
                         "넘는 날이 있을 수 있음.",
                 note_en="Agent commits / all public commits that day × 100; can exceed 100 "
                         "when the agent's search over-matches.",
                 extra={"query": agent, "days_over_100": over} if over else {"query": agent})
    return SeriesBundle(meta, frame(days, values))


__all__ = ["AGENTS", "DatasetError", "parse_coding_agents", "read_counts"]
