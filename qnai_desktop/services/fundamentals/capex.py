"""Capex series from quarterly flows: ``capex.<ticker>.quarterly``, ``.ttm`` and the group share.

All are dated at calendar quarter ends (see :mod:`.xbrl`), in USD bn, source "SEC EDGAR".
``capex.share.<ticker>`` is the company's TTM capex as a % of the group's TTM total at dates
where every group member that had begun reporting has reported; ``n`` = members counted
(CoreWeave joins once it files). The newest quarter is therefore written only once the last
member has filed it, so a share never jumps because one company reports later than another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ...core.series import SeriesBundle, SeriesMeta
from .concepts import NAMES
from .xbrl import Quarter, ttm

SOURCE = "SEC EDGAR"
LICENCE = "Public domain — U.S. SEC EDGAR XBRL company facts (data.sec.gov)"


@dataclass(frozen=True)
class CapexHistory:
    """One company's quarterly capex and where it came from."""

    ticker: str
    concept: str
    quarters: tuple[Quarter, ...]
    cik: int = 0

    def ttm_by_date(self) -> dict[date, float]:
        return {q.cal_end: v for q, v in ttm(list(self.quarters))}


def _frame(points: Mapping[date, float], counts: Mapping[date, int] | None = None) -> pd.DataFrame:
    days = sorted(points)
    return pd.DataFrame({"date": pd.to_datetime(pd.Series(days, dtype="object")).astype("datetime64[s]"),
                         "value": [float(points[d]) for d in days],
                         "n": pd.array([counts[d] if counts else pd.NA for d in days], dtype="Int64")})


def _meta(sid: str, ticker: str, kind: str, extra: dict) -> SeriesMeta:
    ko, en = NAMES.get(ticker, (ticker, ticker))
    titles = {"quarterly": (f"{ko} 분기 Capex", f"{en} quarterly capex"),
              "ttm": (f"{ko} Capex (최근 4분기 합)", f"{en} capex (trailing four quarters)"),
              "share": (f"주요 AI Capex 중 {ko} 비중 (TTM)", f"{en} share of major AI capex (TTM)")}
    notes = {"quarterly": ("현금흐름표 유형자산 취득액. 누적(YTD) 공시는 차감해 분기값으로 환산; "
                           "달력 분기말 기준.",
                           "Cash-flow purchases of property and equipment; year-to-date filings "
                           "differenced into quarters; dated at calendar quarter ends."),
             "ttm": ("연속된 최근 4개 분기의 합.", "Sum of the latest four contiguous quarters."),
             "share": ("그룹(MSFT·GOOGL·AMZN·META·ORCL·CRWV) TTM Capex 합계 대비 비중; n = 집계 기업 수.",
                       "Share of the group's (MSFT, GOOGL, AMZN, META, ORCL, CRWV) TTM capex; "
                       "n = companies counted.")}
    unit = "pct" if kind == "share" else "usd_bn"
    return SeriesMeta(id=sid, title_ko=titles[kind][0], title_en=titles[kind][1], unit=unit,
                      frequency="Q", source=SOURCE, source_ko=SOURCE, note_ko=notes[kind][0],
                      note_en=notes[kind][1], is_demo=False, licence=LICENCE, extra=extra)


def capex_bundles(histories: list[CapexHistory], group: tuple[str, ...]) -> list[SeriesBundle]:
    """Quarterly, TTM and share-of-group series for the members of ``group`` (other names'
    capex is kept as a dated value only: it is not AI capex)."""
    out: list[SeriesBundle] = []
    histories = [h for h in histories if h.ticker in group]
    for h in histories:
        t = h.ticker.lower()
        extra = {"ticker": h.ticker, "cik": h.cik, "concept": h.concept,
                 "derived_quarters": sum(q.derived for q in h.quarters)}
        quarterly = {q.cal_end: q.value / 1e9 for q in h.quarters}
        if quarterly:
            out.append(SeriesBundle(_meta(f"capex.{t}.quarterly", h.ticker, "quarterly", extra),
                                    _frame(quarterly)))
        ttm_points = {d: v / 1e9 for d, v in h.ttm_by_date().items()}
        if ttm_points:
            out.append(SeriesBundle(_meta(f"capex.{t}.ttm", h.ticker, "ttm", extra),
                                    _frame(ttm_points)))
    members = {h.ticker: h.ttm_by_date() for h in histories}
    shares, counts = group_shares(members)
    for ticker, points in shares.items():
        sid = f"capex.share.{ticker.lower()}"
        out.append(SeriesBundle(_meta(sid, ticker, "share", {"ticker": ticker,
                                                             "group": list(group)}),
                                _frame(points, counts)))
    return out


def group_shares(members: Mapping[str, Mapping[date, float]]
                 ) -> tuple[dict[str, dict[date, float]], dict[date, int]]:
    """``{ticker: {date: % of group}}`` and the member count per date (complete dates only)."""
    firsts = {t: min(p) for t, p in members.items() if p}
    dates = sorted({d for p in members.values() for d in p})
    shares: dict[str, dict[date, float]] = {t: {} for t in firsts}
    counts: dict[date, int] = {}
    for d in dates:
        expected = [t for t, first in firsts.items() if first <= d]
        if any(d not in members[t] for t in expected):
            continue  # someone has not filed this quarter (yet): no partial group
        total = sum(members[t][d] for t in expected)
        if total <= 0:
            continue
        counts[d] = len(expected)
        for t in expected:
            shares[t][d] = members[t][d] / total * 100.0
    return {t: p for t, p in shares.items() if p}, counts
