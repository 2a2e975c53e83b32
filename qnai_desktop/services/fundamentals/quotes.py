"""End-of-day prices: a source interface, one keyed source (Tiingo), and price-file imports.

Tiingo (https://www.tiingo.com/documentation/end-of-day), keyed; free accounts allow 1,000
requests a day and 50 symbols an hour — one request per watchlist name per refresh:
``GET {base}/tiingo/daily/<ticker>/prices?startDate=<today − 10 days>`` with
``Authorization: Token <key>`` → ``[{"date": "2026-11-20T00:00:00.000Z", "close": 612.3,
"adjClose", …}, …]``; the last row's raw ``close`` is used (market cap wants the unadjusted
price). The key is read from the OS keyring (``services.secrets``, name ``tiingo``; set it with
``qnai-desktop fundamentals set-key``), sent only in the header, and never appears in a message,
setting or the cache. ``QNAI_QUOTES_BASE_URL`` points it elsewhere (tests, a proxy).

Another source implements :class:`EodSource` (``name``, ``key_name``, ``last_close``) and is
added to ``SOURCES``; the setting ``quotes.source`` picks one (default ``tiingo``).

Price exports (Bloomberg BDH sheets ``META US Equity / PX_LAST``, or a wide CSV ``Date,META,
MSFT…``) go through the importers' file reader; each column is matched to a watchlist ticker
by its first word, and its last value becomes that name's close.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from ...core.changes import ChangeSet
from ...core.series import SeriesBundle
from ...store.cache import Cache
from ..providers.base import FetchContext, Provider
from ..providers.errors import ProviderError, SchemaError
from ..providers.http import HttpClient
from . import live

SOURCE_SETTING = "quotes.source"
LOOKBACK_DAYS = 10
_PRICE_FIELDS = {"PX_LAST", "CLOSE", "PX_CLOSE", "LAST", "PRICE"}
_BLOOMBERG_WORDS = {"US", "EQUITY", "UW", "UN", "UQ"}


@dataclass(frozen=True)
class Close:
    day: date
    price: float


class EodSource:
    """One end-of-day price service."""

    name = ""
    title = ""
    key_name = ""  # OS-keyring name of its API key ("" = keyless)
    default_base_url = ""

    def last_close(self, http: HttpClient, base_url: str, ticker: str, key: str,
                   today: date) -> Close | None:
        raise NotImplementedError


class TiingoSource(EodSource):
    name = "tiingo"
    title = "Tiingo"
    key_name = "tiingo"
    default_base_url = "https://api.tiingo.com"

    def last_close(self, http: HttpClient, base_url: str, ticker: str, key: str,
                   today: date) -> Close | None:
        symbol = quote(ticker.replace(".", "-").lower(), safe="-")
        url = f"{base_url}/tiingo/daily/{symbol}/prices"
        resp = http.get(url, params={"startDate": str(today - timedelta(days=LOOKBACK_DAYS))},
                        headers={"Authorization": f"Token {key}"}, ok_404=True)
        if resp.status_code == 404:
            return None
        try:
            rows = resp.json()
        except ValueError:
            raise SchemaError(f"Tiingo: invalid JSON for {ticker} from {url}") from None
        if not isinstance(rows, list):
            raise SchemaError(f"Tiingo: expected a list of daily prices for {ticker} from {url}")
        best: Close | None = None
        for i, row in enumerate(rows):
            try:
                day = datetime.fromisoformat(str(row["date"]).replace("Z", "+00:00")).date()
                price = row["close"]
            except (KeyError, TypeError, ValueError):
                raise SchemaError(f"Tiingo: row {i} for {ticker} is not {{date, close}}") from None
            if isinstance(price, bool) or not isinstance(price, int | float) \
                    or not math.isfinite(price) or not 0 < price < 1e7:
                raise SchemaError(f"Tiingo: row {i} for {ticker} has no plausible close: {price!r}")
            if best is None or day > best.day:
                best = Close(day, float(price))
        return best


SOURCES: dict[str, type[EodSource]] = {TiingoSource.name: TiingoSource}


def keyring_getter(name: str) -> Callable[[], str | None]:
    def get() -> str | None:
        from ..secrets import get_key

        try:
            return get_key(name) or None
        except Exception:  # no keyring backend at all counts as no key
            return None
    return get


class EodQuotes(Provider):
    """``--source quotes``: the last close of each watchlist name → ``close_usd``."""

    name = "quotes"
    env = "QUOTES"
    title_ko = "종가 (시가총액·PER 갱신)"
    title_en = "End-of-day prices (market cap, PER)"

    def __init__(self, tickers: list[str], *, source: str = "tiingo",
                 key_getter: Callable[[], str | None] | None = None,
                 base_url: str | None = None) -> None:
        if source not in SOURCES:
            raise KeyError(f"unknown quote source {source!r}; known: {', '.join(SOURCES)}")
        self.source = SOURCES[source]()
        self.default_base_url = self.source.default_base_url
        self.terms = f"{self.source.title} end-of-day prices (your own API key and its terms)"
        super().__init__(base_url)
        self.tickers = [t.strip().upper() for t in tickers if t.strip()]
        self._key = key_getter or keyring_getter(self.source.key_name)
        self.pending: list[dict] = []
        self.warnings: list[str] = []

    def unavailable(self) -> str | None:
        if self.source.key_name and not self._key():
            return (f"no {self.source.title} API key in the OS keyring (name "
                    f"{self.source.key_name!r}): run `qnai-desktop fundamentals set-key`")
        return None

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        self.pending, self.warnings = [], []
        key = self._key() or ""
        if self.source.key_name and not key:
            raise ProviderError(self.unavailable() or "no key")
        for i, ticker in enumerate(self.tickers):
            ctx.check()
            ctx.progress(i, len(self.tickers), ticker)
            close = self.source.last_close(ctx.http, self.base_url, ticker, key, ctx.today)
            if close is None:
                self.warnings.append(f"{ticker}: no price from {self.source.title}")
                continue
            self.pending.append({"ticker": ticker, "field": live.CLOSE, "value": close.price,
                                 "as_of": close.day.isoformat(),
                                 "source": f"{self.source.title} EOD close"})
        ctx.progress(len(self.tickers), len(self.tickers), "")
        return []

    def write_values(self, cache: Cache) -> ChangeSet:
        with cache.transaction():
            change = cache.watchlist.set_values(self.pending, how="fetch", origin=self.base_url)
            change.merge(live.recompute(cache, how="fetch"))
        return change


# -- price files -------------------------------------------------------------------------------
@dataclass
class PriceImport:
    file: str
    closes: dict[str, tuple[str, float]] = field(default_factory=dict)  # ticker -> (date, close)
    #: ticker -> (date, close) on (or just before) the note's as-of date, when the file covers it
    at_note: dict[str, tuple[str, float]] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)
    change: ChangeSet = field(default_factory=ChangeSet)

    def to_dict(self) -> dict:
        return {"file": self.file, "closes": {t: {"as_of": d, "close": v}
                                              for t, (d, v) in self.closes.items()},
                "at_note": {t: {"as_of": d, "close": v} for t, (d, v) in self.at_note.items()},
                "unmatched": self.unmatched, "added": self.change.added,
                "changed": self.change.changed, "unchanged": self.change.unchanged}


def ticker_of(label: str, tickers: set[str]) -> str | None:
    """``META US Equity PX_LAST`` / ``META`` / ``META close`` → ``META`` when it is watched;
    a column of another field (``META PE_RATIO``) is not a price and matches nothing."""
    words = [w.upper() for w in label.split()]
    if not words or words[0] not in tickers:
        return None
    rest = [w for w in words[1:] if w not in _BLOOMBERG_WORDS]
    return words[0] if all(w in _PRICE_FIELDS for w in rest) else None


#: a price history "covers" the note's as-of date when it has a close at most this many days before
NOTE_DATE_GAP_DAYS = 7  # a long weekend plus a holiday


def close_on_note_date(cache: Cache, ticker: str, frame) -> tuple[str, float] | None:
    """The close on (or within a week before) the note's as-of date for ``ticker``, from a
    price history frame (``date``, ``value``); None when the history does not reach back."""
    import pandas as pd

    note = live.note_figures(cache, ticker)
    if note is None or not note[2]:
        return None
    as_of = pd.Timestamp(note[2])
    before = frame[frame["date"] <= as_of].dropna(subset=["value"])
    if before.empty or (as_of - before["date"].iloc[-1]).days > NOTE_DATE_GAP_DAYS:
        return None
    row = before.iloc[-1]
    return row["date"].date().isoformat(), float(row["value"])


def import_prices(cache: Cache, path: Path | str, *, dry_run: bool = False) -> PriceImport:
    """Closes from a price export → ``close_usd`` (source ``import: <file>``) + live recompute,
    in one transaction; raises ``ImportFileError`` naming the file for an unreadable one. A
    history that covers the note's as-of date also stores that day's close
    (``close_at_note_usd``), so market cap and PER move with the price before share counts
    arrive (``live.recompute``)."""
    from ..importers import preview_file

    path = Path(path)
    preview = preview_file(path)
    tickers = set(cache.watchlist.companies()["ticker"])
    result = PriceImport(path.name)
    for cand in preview.candidates:
        ticker = ticker_of(cand.label, tickers)
        if ticker is None or not cand.rows:
            result.unmatched.append(cand.label)
            continue
        last = cand.frame.iloc[-1]
        result.closes[ticker] = (last["date"].date().isoformat(), float(last["value"]))
        if (base := close_on_note_date(cache, ticker, cand.frame)) is not None:
            result.at_note[ticker] = base
    if dry_run or not result.closes:
        return result
    rows = [{"ticker": t, "field": live.CLOSE, "value": v, "as_of": d,
             "source": f"import: {path.name}"} for t, (d, v) in result.closes.items()]
    rows += [{"ticker": t, "field": live.BASE_CLOSE, "value": v, "as_of": d,
              "source": f"import: {path.name}"} for t, (d, v) in result.at_note.items()]
    with cache.transaction():
        result.change = cache.watchlist.set_values(rows, how="import", origin=str(path))
        result.change.merge(live.recompute(cache, how="import"))
    return result
