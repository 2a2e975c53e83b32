"""SEC EDGAR (keyless): shares outstanding, quarterly capex and revenue from XBRL company facts.

``GET https://www.sec.gov/files/company_tickers.json`` → ``{"0": {"cik_str", "ticker",
"title"}, …}`` maps tickers to CIKs (never hard-coded); then for each name
``GET https://data.sec.gov/api/xbrl/companyfacts/CIK##########.json``. ``QNAI_SEC_BASE_URL``
replaces both hosts (``{base}/files/company_tickers.json`` and ``{base}/api/xbrl/…``), which is
how tests point it at a replay server. Company facts are several MB for the largest filers;
each refresh reads them whole (the XBRL frames API would miss fiscal quarters off the calendar).

SEC's fair-access policy: a User-Agent naming the user with a contact e-mail (the setting
``sec.user_agent`` or ``QNAI_SEC_USER_AGENT``; without one the source is unavailable and says
how to set it) and at most 10 requests per second (paced by :class:`~.throttle.Throttle`).
A 403 means SEC refused the agent or the pace, and the message says so. 429/5xx are retried by
the shared HTTP client, honouring Retry-After.

``fetch`` returns the capex series and keeps the dated values (shares, TTM capex and revenue)
for :meth:`SecEdgar.write_values`, which the refresh runs in the same transaction as the
series, followed by the live market-cap/PER recompute. Any malformed document fails the whole
source before anything is written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from ...core.changes import ChangeSet
from ...core.series import SeriesBundle
from ...store.cache import Cache
from ..providers.base import FetchContext, Provider
from ..providers.errors import HttpStatusError, ProviderError, SchemaError
from . import live
from .capex import CapexHistory, capex_bundles
from .concepts import CAPEX_GROUP, REVENUE, SHARES, capex_concepts
from .throttle import Throttle
from .xbrl import Fact, XbrlError, choose, latest_filed, latest_instant, quarters, read_concept, ttm

UA_ENV = "QNAI_SEC_USER_AGENT"
UA_SETTING = "sec.user_agent"
TICKERS_PATH = "/files/company_tickers.json"
FACTS_PATH = "/api/xbrl/companyfacts/CIK{cik:010d}.json"
DEFAULT_TICKERS_HOST = "https://www.sec.gov"
UA_HINT = (f"set a User-Agent with your name and e-mail, e.g. `qnai-desktop fundamentals "
           f"set-user-agent \"Jane Analyst jane@example.com\"` or {UA_ENV}")


@dataclass
class CompanyFacts:
    """What one company's facts gave: each part None when the filer has no such concept."""

    ticker: str
    cik: int
    shares: tuple[Fact, str] | None = None
    capex: CapexHistory | None = None
    revenue: tuple[str, list] | None = None
    missing: list[str] = field(default_factory=list)


class SecEdgar(Provider):
    name = "sec"
    env = "SEC"
    default_base_url = "https://data.sec.gov"
    title_ko = "SEC EDGAR 공시 (주식수·Capex·매출)"
    title_en = "SEC EDGAR filings (shares, capex, revenue)"
    terms = "Public domain — U.S. SEC EDGAR; fair access: declared User-Agent, ≤ 10 requests/s"

    def __init__(self, tickers: list[str], *, user_agent: str | None = None,
                 base_url: str | None = None, group: tuple[str, ...] = CAPEX_GROUP,
                 throttle: Throttle | None = None) -> None:
        super().__init__(base_url)
        overridden = self.base_url != self.default_base_url
        self.tickers_url = (self.base_url if overridden else DEFAULT_TICKERS_HOST) + TICKERS_PATH
        self.tickers = [t.strip().upper() for t in tickers if t.strip()]
        self.group = group
        self._setting_ua = (user_agent or "").strip()
        self.throttle = throttle or Throttle(10.0)
        self.pending: list[dict] = []
        self.warnings: list[str] = []

    @property
    def user_agent(self) -> str:
        return os.environ.get(UA_ENV, "").strip() or self._setting_ua

    def series_ids(self) -> list[str]:
        ids = []
        for t in (x.lower() for x in self.tickers):
            ids += [f"capex.{t}.quarterly", f"capex.{t}.ttm"]
        return ids + [f"capex.share.{t.lower()}" for t in self.group if t in self.tickers]

    def unavailable(self) -> str | None:
        if not self.user_agent:
            return f"SEC EDGAR needs a User-Agent naming you (SEC fair-access policy): {UA_HINT}"
        if not self.tickers:
            return "no tickers in the watchlist"
        return None

    # -- network ---------------------------------------------------------------------------
    def _get(self, ctx: FetchContext, url: str, *, ok_404: bool = False):
        self.throttle.wait()
        try:
            return ctx.http.get(url, headers={"User-Agent": self.user_agent}, ok_404=ok_404)
        except HttpStatusError as exc:
            if exc.status == 403:
                raise ProviderError(
                    f"SEC EDGAR refused the request (HTTP 403) from {url}: SEC blocks requests "
                    f"without a descriptive User-Agent (now {self.user_agent!r}) or faster than "
                    f"10/s — {UA_HINT}") from None
            raise

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        self.pending, self.warnings = [], []
        reason = self.unavailable()
        if reason:
            raise ProviderError(reason)
        total = len(self.tickers) + 1
        ctx.progress(0, total, "company_tickers.json")
        ciks = parse_tickers(_json(self._get(ctx, self.tickers_url).content, self.tickers_url))
        found: list[CompanyFacts] = []
        for i, ticker in enumerate(self.tickers, start=1):
            ctx.check()
            ctx.progress(i, total, ticker)
            cik = ciks.get(ticker.replace(".", "-"))
            if cik is None:
                self.warnings.append(f"{ticker}: not in SEC's ticker file (not an SEC filer?)")
                continue
            url = self.base_url + FACTS_PATH.format(cik=cik)
            resp = self._get(ctx, url, ok_404=True)
            if resp.status_code == 404:
                self.warnings.append(f"{ticker}: SEC has no XBRL company facts for CIK {cik}")
                continue
            try:
                found.append(read_company(ticker, cik, _json(resp.content, url)))
            except XbrlError as exc:
                raise SchemaError(f"SEC EDGAR {ticker} (CIK {cik}): {exc} — from {url}") from None
        ctx.progress(total, total, "")
        for c in found:
            self.warnings += [f"{c.ticker}: no {what} concept in its filings" for what in c.missing]
        self.pending = value_rows(found)
        return capex_bundles([c.capex for c in found if c.capex], self.group)

    def write_values(self, cache: Cache) -> ChangeSet:
        """Store the fetched dated values and recompute the live figures (caller's transaction)."""
        with cache.transaction():
            change = cache.watchlist.set_values(self.pending, how="fetch", origin=self.base_url)
            change.merge(live.recompute(cache, how="fetch"))
        return change


# -- parsing ---------------------------------------------------------------------------------
def _json(data: bytes, url: str) -> object:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise SchemaError(f"invalid JSON from {url} (truncated or not JSON: {exc})") from None


def parse_tickers(doc: object) -> dict[str, int]:
    """``{TICKER: cik}`` from SEC's ticker file; the first listing of a ticker wins."""
    rows = doc.values() if isinstance(doc, dict) else None
    if rows is None:
        raise SchemaError("company_tickers.json: expected an object of {cik_str, ticker, title}")
    out: dict[str, int] = {}
    for row in rows:
        cik = row.get("cik_str") if isinstance(row, dict) else None
        ticker = row.get("ticker") if isinstance(row, dict) else None
        if isinstance(cik, str) and cik.isdigit():
            cik = int(cik)
        if isinstance(cik, bool) or not isinstance(cik, int) or not 0 < cik < 10**10 \
                or not isinstance(ticker, str):
            raise SchemaError(f"company_tickers.json: a row is not {{cik_str, ticker}}: {row!r:.80}")
        out.setdefault(ticker.strip().upper(), cik)
    return out


def read_company(ticker: str, cik: int, doc: object) -> CompanyFacts:
    """Shares, capex quarters and revenue quarters of one company-facts document."""
    got = doc.get("cik") if isinstance(doc, dict) else None
    try:
        same = int(got) == cik  # type: ignore[arg-type]
    except (TypeError, ValueError):
        same = False
    if not same:
        raise XbrlError(f"document is for CIK {got!r}, not {cik}")
    out = CompanyFacts(ticker, cik)
    durations = {f"{tax}:{name}": dur for tax, name, _unit, dur in SHARES}
    picked = choose(read_concept(doc, tax, name, unit) for tax, name, unit, _dur in SHARES)
    if picked is not None:
        fact = (_latest_duration if durations[picked.label] else latest_instant)(picked.facts)
        if fact is not None and fact.val > 0:
            out.shares = (fact, picked.label)
    if out.shares is None:
        out.missing.append("shares-outstanding")
    capex = choose(read_concept(doc, "us-gaap", n, "USD") for n in capex_concepts(ticker))
    if capex is not None:
        qs = quarters(capex.facts)
        out.capex = CapexHistory(ticker, capex.label, tuple(qs), cik)
    else:
        out.missing.append("capital-expenditure")
    revenue = choose(read_concept(doc, "us-gaap", n, "USD") for n in REVENUE)
    if revenue is not None:
        out.revenue = (revenue.label, quarters(revenue.facts))
    else:
        out.missing.append("revenue")
    return out


def _latest_duration(facts: tuple[Fact, ...]) -> Fact | None:
    periods = [f for f in latest_filed(facts).values() if f.months == 3]
    return max(periods, key=lambda f: (f.end, f.filed), default=None)


def _concept_source(label: str, fact: Fact) -> str:
    return f"SEC EDGAR {label}, {fact.form} filed {fact.filed}"


def value_rows(found: list[CompanyFacts]) -> list[dict]:
    """company_values rows: shares, and TTM capex / revenue in USD bn, each dated and sourced."""
    rows: list[dict] = []
    for c in found:
        if c.shares is not None:
            fact, label = c.shares
            rows.append({"ticker": c.ticker, "field": "shares_outstanding", "value": fact.val,
                         "as_of": fact.end.isoformat(), "source": _concept_source(label, fact)})
        series = [("capex_ttm_usd_bn", c.capex.concept, list(c.capex.quarters))] if c.capex else []
        if c.revenue is not None:
            series.append(("revenue_ttm_usd_bn", c.revenue[0], c.revenue[1]))
        for name, label, qs in series:
            sums = ttm(qs)
            if sums:
                last, value = sums[-1]
                rows.append({"ticker": c.ticker, "field": name, "value": value / 1e9,
                             "as_of": last.end.isoformat(),
                             "source": f"SEC EDGAR {label}, four quarters to {last.end} "
                                       f"(filed by {last.filed})"})
    return rows
