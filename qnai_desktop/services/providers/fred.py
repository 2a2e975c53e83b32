"""FRED's keyless CSV download: ICE BofA option-adjusted spreads as credit-spread PROXIES (not CDS).

``GET {base}/graph/fredgraph.csv?id=ID[&cosd=YYYY-MM-DD]`` → ``observation_date,ID`` then one
``YYYY-MM-DD,value`` row per day, value in percent; a holiday's value is empty (older files: ``.``)
and is skipped. ``cosd`` (start date) makes the fetch incremental: from ``OVERLAP_DAYS`` before
the newest cached real point (FRED revises the latest days), everything FRED serves otherwise
(since April 2026 a rolling three-year window for ICE data).

Values are stored ×100 in bp so they sit beside the CDS series, under ids of their own
(``spread_proxy.*``), titled as proxies: an index OAS of a rating band is not a single name's CDS.
Only the numbers are read from a response; titles, ids and notes are fixed here.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import date, timedelta

from ...core.series import SeriesBundle, SeriesMeta
from ..datasets._common import frame
from .base import FetchContext, Provider
from .errors import SchemaError

OVERLAP_DAYS = 10
MAX_PERCENT = 100.0  # an OAS above 100% (10,000 bp) is a broken file, not a market


@dataclass(frozen=True)
class Proxy:
    fred_id: str
    key: str
    title_ko: str
    title_en: str
    note_ko: str
    note_en: str
    stands_for: str


PROXIES = (
    Proxy("BAMLC0A4CBBB", "us_bbb_oas",
          "미국 BBB 회사채 OAS — 신용스프레드 대용치(CDS 아님)",
          "US BBB corporate OAS — credit-spread proxy, not CDS",
          "ICE BofA BBB US Corporate Index 옵션조정스프레드(OAS). 오라클 신용등급대(BBB)의 "
          "대용치이며 오라클 CDS가 아님.",
          "ICE BofA BBB US Corporate Index option-adjusted spread: a stand-in for Oracle's "
          "rating band, not Oracle's CDS.", "Oracle (BBB band)"),
    Proxy("BAMLH0A0HYM2", "us_hy_oas",
          "미국 하이일드 OAS — 신용스프레드 대용치(CDS 아님)",
          "US high-yield OAS — credit-spread proxy, not CDS",
          "ICE BofA US High Yield Index 옵션조정스프레드(OAS). 코어위브의 대용치이며 "
          "코어위브 CDS가 아님.",
          "ICE BofA US High Yield Index option-adjusted spread: a stand-in for CoreWeave, not "
          "CoreWeave's CDS.", "CoreWeave (high yield)"),
)


class FredSpreads(Provider):
    name = "fred"
    env = "FRED"
    default_base_url = "https://fred.stlouisfed.org"
    title_ko = "FRED 신용스프레드 대용치 (ICE BofA OAS)"
    title_en = "FRED credit-spread proxies (ICE BofA OAS)"
    terms = ("ICE BofA index data © ICE Data Indices, LLC, used under license by FRED® (Federal "
             "Reserve Bank of St. Louis); copyrighted: review the series notes before sharing; "
             "provided as is, without warranty, by ICE Data and its suppliers")

    def __init__(self, base_url: str | None = None, proxies: tuple[Proxy, ...] = PROXIES) -> None:
        super().__init__(base_url)
        self.proxies = proxies

    def series_ids(self) -> list[str]:
        return [f"spread_proxy.{p.key}" for p in self.proxies]

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        bundles = []
        url = f"{self.base_url}/graph/fredgraph.csv"
        for i, proxy in enumerate(self.proxies):
            ctx.check()
            ctx.progress(i, len(self.proxies), proxy.fred_id)
            params = {"id": proxy.fred_id}
            last = ctx.last(f"spread_proxy.{proxy.key}")
            if last is not None:
                params["cosd"] = str(last - timedelta(days=OVERLAP_DAYS))
            rows = parse_fredgraph(ctx.http.get_text(url, params=params), proxy.fred_id, url)
            if rows:
                days = sorted(rows)
                bundles.append(SeriesBundle(self._meta(proxy),
                                            frame(days, [rows[d] * 100 for d in days])))
        ctx.progress(len(self.proxies), len(self.proxies), "")
        return bundles

    def _meta(self, proxy: Proxy) -> SeriesMeta:
        return SeriesMeta(
            id=f"spread_proxy.{proxy.key}", title_ko=proxy.title_ko, title_en=proxy.title_en,
            unit="bp", frequency="D", source="FRED (ICE BofA)", source_ko="FRED (ICE BofA)",
            note_ko=proxy.note_ko + " FRED 일별 %값 × 100 = bp.",
            note_en=proxy.note_en + " FRED's daily percent × 100 = bp.", is_demo=False,
            licence=self.terms,
            extra={"fred_id": proxy.fred_id, "proxy_for": proxy.stands_for, "proxy": True,
                   "scale": "percent x 100 = bp"})


def parse_fredgraph(text: str, fred_id: str, url: str) -> dict[date, float]:
    """``{day: percent}`` from a fredgraph CSV; empty or ``.`` values (holidays) are left out."""
    lines = text.splitlines()
    header = lines[0].strip() if lines else ""
    if header not in (f"observation_date,{fred_id}", f"DATE,{fred_id}"):
        raise SchemaError(f"FRED: expected the header 'observation_date,{fred_id}', got "
                          f"{header[:60]!r} (an error page or another series?): {url}")
    try:
        rows = list(csv.reader(io.StringIO("\n".join(lines[1:]))))
    except csv.Error as exc:  # e.g. a cell longer than the csv module's field limit
        raise SchemaError(f"FRED {fred_id}: unreadable CSV ({exc}): {url}") from None
    out: dict[date, float] = {}
    for n, row in enumerate(rows, start=2):
        if not row:
            continue
        if len(row) != 2:
            raise SchemaError(f"FRED {fred_id}: line {n} has {len(row)} cells, not 2: {url}")
        try:
            day = date.fromisoformat(row[0].strip())
        except ValueError:
            raise SchemaError(f"FRED {fred_id}: line {n} has no date ({row[0][:20]!r}): {url}") from None
        cell = row[1].strip()
        if cell in ("", "."):
            continue
        try:
            value = float(cell)
        except ValueError:
            raise SchemaError(f"FRED {fred_id}: line {n} is not a number ({cell[:20]!r}): {url}") from None
        if not math.isfinite(value) or not 0 <= value <= MAX_PERCENT:
            raise SchemaError(f"FRED {fred_id}: line {n} is not a spread in percent "
                              f"({cell[:20]!r}): {url}")
        out[day] = value
    return out
