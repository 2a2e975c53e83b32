"""Meta's ad impressions and average price per ad (YoY %) from its earnings releases on SEC EDGAR.

``GET https://data.sec.gov/submissions/CIK0001326801.json`` lists Meta's filings (parallel
arrays under ``filings.recent``: ``accessionNumber``, ``filingDate``, ``form``, ``items`` …,
newest first). Each Form 8-K with item 2.02 (results of operations) since ``HISTORY_START`` is an
earnings release: its folder's ``index.json`` (``{"directory": {"item": [{"name", …}]}}``) names
the Exhibit 99.1 file (``meta-12312024xexhibit991.htm``), whose sentence is read by
:mod:`.meta_release`. The figures are written, dated at the quarter end, to
``meta.ad_impressions_yoy`` and ``meta.ad_price_yoy`` (the ``meta_ads`` chart's series),
replacing the illustrative ones; ``extra.sentences`` keeps, per quarter, the sentence and the
exhibit's address.

Incremental: a run reads the submissions list only, unless a release newer than the cached
quarters is there; then it reads every release of the window again, so every point keeps its
sentence (a series has one ``extra``, rewritten on each write) — about 2 requests a quarter.
A release whose sentence does not parse is reported, never guessed: the newest one fails the
source (the analyst sees why); an older one is left out and listed in ``extra.unparsed``.

SEC's fair-access rules, as for the ``sec`` source: a User-Agent naming the user with an e-mail
(``QNAI_SEC_USER_AGENT`` or the ``sec.user_agent`` setting, passed in by the caller) and at most
10 requests a second. ``QNAI_META_ADS_BASE_URL`` replaces both SEC hosts (tests, mirrors).
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ...core.series import SeriesBundle, SeriesMeta
from ..datasets._common import frame
from ..fundamentals.throttle import Throttle
from ..text_fields import plain_text
from .base import FetchContext, Provider
from .errors import HttpStatusError, ProviderError, SchemaError
from .meta_release import Release, ReleaseProblem, quarter_before, read_release

CIK = 1326801
HISTORY_START = date(2023, 1, 1)  # releases from Q4 2022 on (the chart starts in 2023)
ARCHIVES_HOST = "https://www.sec.gov"
SERIES = {"impressions": ("meta.ad_impressions_yoy", "Meta 광고 노출량 YoY", "Meta ad impressions YoY"),
          "price": ("meta.ad_price_yoy", "Meta 광고 단가 YoY", "Meta average price per ad YoY")}
_EXHIBIT = re.compile(r"ex(?:hibit)?[-_.]?99[-_.]?0?1\.html?$", re.I)  # meta-12312024xexhibit991.htm
_ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")


@dataclass(frozen=True)
class Filing:
    accession: str
    filed: date


def _ua_rules() -> tuple[str, str]:
    """The ``sec`` source's User-Agent variable and hint (imported late: that module imports this
    package, so a top-level import would be a cycle)."""
    from ..fundamentals.sec import UA_ENV, UA_HINT

    return UA_ENV, UA_HINT


class MetaAds(Provider):
    name = "meta_ads"
    env = "META_ADS"
    default_base_url = "https://data.sec.gov"
    title_ko = "Meta 광고 노출량·단가 (실적 발표문, SEC EDGAR)"
    title_en = "Meta ad impressions and price per ad (earnings releases, SEC EDGAR)"
    terms = ("Meta Platforms quarterly earnings releases (Form 8-K, Exhibit 99.1) via U.S. SEC "
             "EDGAR, public filings; fair access: declared User-Agent, ≤ 10 requests/s")

    def __init__(self, base_url: str | None = None, *, user_agent: str | None = None,
                 rate: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(base_url)
        overridden = self.base_url != self.default_base_url
        self.archives = self.base_url if overridden else ARCHIVES_HOST
        self._setting_ua = (user_agent or "").strip()
        self.rate, self.clock = rate, clock
        self.warnings: list[str] = []

    @property
    def user_agent(self) -> str:
        return os.environ.get(_ua_rules()[0], "").strip() or self._setting_ua

    def series_ids(self) -> list[str]:
        return [sid for sid, _ko, _en in SERIES.values()]

    def unavailable(self) -> str | None:
        if self.user_agent:
            return None
        return f"SEC EDGAR needs a User-Agent naming you (SEC fair-access policy): {_ua_rules()[1]}"

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        self.warnings = []
        reason = self.unavailable()
        if reason:
            raise ProviderError(reason)
        throttle = Throttle(self.rate, clock=self.clock, sleep=ctx.http.sleep)

        def get(url: str):
            ctx.check()
            throttle.wait()
            try:
                return ctx.http.get(url, headers={"User-Agent": self.user_agent})
            except HttpStatusError as exc:
                if exc.status == 403:
                    raise ProviderError(
                        f"SEC EDGAR refused the request (HTTP 403) from {url}: SEC blocks requests "
                        f"without a descriptive User-Agent (now {self.user_agent!r}) or faster than "
                        f"10/s — {_ua_rules()[1]}") from None
                raise

        url = f"{self.base_url}/submissions/CIK{CIK:010d}.json"
        ctx.progress(0, 1, "submissions")
        filings = earnings_filings(_json(get(url), url), url)
        known = [ctx.last(sid) for sid in self.series_ids()]
        newest = None if None in known else min(d for d in known if d is not None)
        if newest is not None and not any(quarter_before(f.filed) > newest for f in filings):
            ctx.progress(1, 1, "")
            return []  # no release newer than the cached quarters
        results: list[tuple[Filing, str, Release | ReleaseProblem]] = []
        for i, filing in enumerate(filings, start=1):
            ctx.progress(i, len(filings) + 1, f"8-K filed {filing.filed}")
            folder = f"{self.archives}/Archives/edgar/data/{CIK}/{filing.accession.replace('-', '')}"
            index = f"{folder}/index.json"
            exhibit = exhibit_name(_json(get(index), index), index)
            if exhibit is None:
                results.append((filing, f"{folder}/", ReleaseProblem("no Exhibit 99.1 in the filing")))
                continue
            doc = f"{folder}/{exhibit}"
            results.append((filing, doc, read_release(_html(get(doc), doc), filing.filed)))
        ctx.progress(len(filings) + 1, len(filings) + 1, "")
        return self._bundles(results)

    def _bundles(self, results: list[tuple[Filing, str, Release | ReleaseProblem]]) -> list[SeriesBundle]:
        if not results:
            return []
        newest_filing, newest_url, newest = results[0]
        if isinstance(newest, ReleaseProblem):
            raise SchemaError(f"Meta's earnings release filed {newest_filing.filed} "
                              f"({newest_filing.accession}): {plain_text(newest.reason, 320)} — "
                              f"{newest_url}")
        releases = {r.quarter_end: (f, url, r) for f, url, r in reversed(results)
                    if isinstance(r, Release)}
        unparsed = [{"filed": str(f.filed), "accession": f.accession, "url": url, "reason": r.reason}
                    for f, url, r in results if isinstance(r, ReleaseProblem)]
        self.warnings = [f"Meta release filed {u['filed']}: {u['reason']}" for u in unparsed]
        quarters = sorted(releases)
        sentences = {str(q): {"sentence": releases[q][2].sentence, "url": releases[q][1],
                              "filed": str(releases[q][0].filed)} for q in quarters}
        out = []
        for kind, (sid, ko, en) in SERIES.items():
            values = [getattr(releases[q][2], kind) for q in quarters]
            meta = SeriesMeta(
                id=sid, title_ko=ko, title_en=en, unit="pct", frequency="Q", source="Meta",
                source_ko="Meta",
                note_ko="분기 실적 발표문(8-K 첨부 99.1)의 '전년 대비 X% 증가' 문장, 분기말 기준.",
                note_en="From the quarterly earnings release (8-K Exhibit 99.1): '… increased by X% "
                        "year-over-year', dated at the quarter end.",
                is_demo=False, licence=self.terms,
                extra={"sentences": sentences, "unparsed": unparsed, "cik": CIK})
            out.append(SeriesBundle(meta, frame(quarters, values)))
        return out


def _json(resp, url: str) -> object:
    try:
        return json.loads(resp.content)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise SchemaError(f"SEC EDGAR: invalid JSON from {url} (truncated or not JSON: "
                          f"{type(exc).__name__})") from None


def _html(resp, url: str) -> str:
    try:
        return resp.content.decode("utf-8")
    except UnicodeDecodeError:
        return resp.content.decode("latin-1")  # EDGAR's older exhibits are ASCII/Latin-1


def earnings_filings(doc: object, url: str) -> list[Filing]:
    """Form 8-K filings with item 2.02 since ``HISTORY_START``, newest first."""
    recent = doc.get("filings", {}).get("recent") if isinstance(doc, dict) and isinstance(
        doc.get("filings"), dict) else None
    if not isinstance(recent, dict):
        raise SchemaError(f"SEC EDGAR: no filings.recent in the submissions of CIK {CIK}: {url}")
    if str(doc.get("cik", CIK)).lstrip("0") != str(CIK):
        raise SchemaError(f"SEC EDGAR: the submissions are for CIK {str(doc.get('cik'))[:20]!r}, "
                          f"not {CIK}: {url}")
    cols = {k: recent.get(k) for k in ("accessionNumber", "filingDate", "form", "items")}
    lengths = {len(v) for v in cols.values() if isinstance(v, list)}
    if any(not isinstance(v, list) for v in cols.values()) or len(lengths) != 1:
        raise SchemaError(f"SEC EDGAR: filings.recent lacks equally long accessionNumber, filingDate, "
                          f"form and items lists: {url}")
    out = []
    for acc, filed, form, items in zip(*cols.values(), strict=True):
        if form != "8-K" or not isinstance(items, str) or "2.02" not in items.split(","):
            continue
        try:
            day = date.fromisoformat(str(filed))
        except ValueError:
            raise SchemaError(f"SEC EDGAR: a filing date is not a date ({str(filed)[:20]!r}): "
                              f"{url}") from None
        if not isinstance(acc, str) or not _ACCESSION.fullmatch(acc):
            raise SchemaError(f"SEC EDGAR: an accession number is malformed ({str(acc)[:30]!r}): {url}")
        if day >= HISTORY_START:
            out.append(Filing(acc, day))
    return sorted(out, key=lambda f: f.filed, reverse=True)


def exhibit_name(doc: object, url: str) -> str | None:
    """The Exhibit 99.1 file named in a filing folder's ``index.json`` (None when there is none)."""
    items = doc.get("directory", {}).get("item") if isinstance(doc, dict) and isinstance(
        doc.get("directory"), dict) else None
    if not isinstance(items, list):
        raise SchemaError(f"SEC EDGAR: the filing index has no directory.item list: {url}")
    names = [i.get("name") for i in items if isinstance(i, dict) and isinstance(i.get("name"), str)]
    found = sorted((n for n in names if _EXHIBIT.search(n) and "/" not in n), key=len)
    return found[0] if found else None
