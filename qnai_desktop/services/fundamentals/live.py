"""Live watchlist figures: market cap = last close × shares outstanding, 12MF PER = market cap ÷
the analyst's 12-month-forward earnings estimate — each dated and sourced.

Before SEC share counts arrive, a price history that covers the note's as-of date moves the
figures with the price at once: market cap = the note's cap × P_new ÷ P_as-of (``close_at_note_usd``
holds the close on the note's as-of date, from a price import), and PER follows from it and the
estimate. Share counts, once there, take over.

Inputs live in ``company_values`` (one row per name and field): ``close_usd`` (quotes or a price
import), ``shares_outstanding`` (SEC EDGAR), ``earnings_12mf_usd_bn`` (the analyst's estimate;
until one is entered it is the note's own: note market cap ÷ note PER, source ``note``, dated
the note's as-of). :func:`recompute` writes ``market_cap_usd_bn`` and ``per_12mf`` there and
updates the displayed ``companies`` row (as-of = the close's date) through
``upsert_companies``, whose history snapshots keep the note's original figures. A name with no
close or no share count is left as it is; a non-positive estimate gives PER n/a (like CoreWeave).
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from ...core.changes import ChangeSet
from ...core.watchlist import DEFAULT_STALE_DAYS, STALE_SETTING
from ...store.cache import Cache

CLOSE, SHARES, EARNINGS = "close_usd", "shares_outstanding", "earnings_12mf_usd_bn"
BASE_CLOSE = "close_at_note_usd"  # the close on the note's as-of date (price imports)
#: what a market cap / PER rests on (``value_table``'s ``basis``; the window translates it)
SHARES_BASIS, PRICE_BASIS, EARNINGS_BASIS = "shares", "price_move", "earnings"
MARKET_CAP, PER = "market_cap_usd_bn", "per_12mf"
NOTE, ANALYST = "note", "analyst"
NOTE_HOWS = ("seed", "migration")
#: Days after which a value is stale, by kind; prices follow the watchlist's own setting.
FILING_STALE_DAYS = 150  # a 10-Q comes every ~91 days plus up to 45 days to file it
ESTIMATE_STALE_DAYS = 90
KIND = {CLOSE: "price", BASE_CLOSE: "reference", MARKET_CAP: "price", PER: "price", SHARES: "filing",
        "capex_ttm_usd_bn": "filing", "revenue_ttm_usd_bn": "filing", EARNINGS: "estimate"}


def note_figures(cache: Cache, ticker: str) -> tuple[float | None, float | None, str | None] | None:
    """The note's (market cap, PER, as-of) for ``ticker``: its first seeded history snapshot."""
    hist = cache.watchlist.history(ticker)
    seeded = hist[hist["how"].isin(NOTE_HOWS)]
    if seeded.empty:
        return None
    row = seeded.iloc[0]
    return _num(row["market_cap_usd_bn"]), _num(row["per_12mf"]), row["as_of"] or None


def _num(v: object) -> float | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v)  # type: ignore[arg-type]


def _values(cache: Cache, tickers: list[str] | None = None) -> dict[str, dict[str, dict]]:
    """Stored values by ticker and field (only ``tickers``' when a few are asked for: the
    detail pane reads one name each time the selection moves)."""
    out: dict[str, dict[str, dict]] = {}
    frames = [cache.watchlist.values(t) for t in tickers] if tickers is not None \
        and len(tickers) <= 8 else [cache.watchlist.values()]
    for frame in frames:
        for r in frame.to_dict("records"):
            out.setdefault(r["ticker"], {})[r["field"]] = r
    return out


def default_earnings(cache: Cache, tickers: list[str] | None = None) -> list[dict]:
    """Earnings rows (source ``note``) for names that have none yet: note cap ÷ note PER."""
    have = _values(cache, tickers)
    rows = []
    for ticker in tickers if tickers is not None else cache.watchlist.companies()["ticker"]:
        if EARNINGS in have.get(ticker, {}):
            continue
        note = note_figures(cache, ticker)
        if note is None or note[0] is None or not note[1] or note[1] <= 0:
            continue
        rows.append({"ticker": ticker, "field": EARNINGS, "value": note[0] / note[1],
                     "as_of": note[2], "source": NOTE})
    return rows


def recompute(cache: Cache, *, how: str = "fetch", tickers: list[str] | None = None) -> ChangeSet:
    """Market cap and PER of every name with a close and a share count (or of ``tickers``
    even without them: PER from the displayed market cap). One transaction."""
    change = ChangeSet()
    with cache.transaction():
        if rows := default_earnings(cache):
            change.merge(cache.watchlist.set_values(rows, how=how, origin="note: cap ÷ PER"))
        values = _values(cache)
        forced = {t.upper() for t in tickers or []}
        value_rows, company_rows = [], []
        for company in cache.watchlist.companies().to_dict("records"):
            ticker = company["ticker"]
            got = values.get(ticker, {})
            note = note_figures(cache, ticker) if BASE_CLOSE in got else None
            figures = _figures(company, got, force=ticker in forced, note=note)
            if figures is None:
                continue
            value_rows += figures[0]
            company_rows.append(figures[1])
        if value_rows:
            change.merge(cache.watchlist.set_values(value_rows, how=how, origin="live"))
        if company_rows:
            change.merge(cache.watchlist.upsert_companies(company_rows, how=how,
                                                origin="live: close × shares, cap ÷ earnings"))
    return change


def _figures(company: dict, got: dict[str, dict], *, force: bool,
             note: tuple[float | None, float | None, str | None] | None = None,
             ) -> tuple[list[dict], dict] | None:
    ticker = company["ticker"]
    close, shares, earn = got.get(CLOSE), got.get(SHARES), got.get(EARNINGS)
    base = got.get(BASE_CLOSE)
    live = close is not None and shares is not None and close["value"] and shares["value"]
    moved = (not live and close is not None and base is not None and bool(close["value"])
             and bool(base["value"]) and note is not None and note[0] is not None
             and str(close["as_of"]) >= str(base["as_of"]))
    if not live and not moved and not force:
        return None
    rows = []
    if live:
        cap = round(close["value"] * shares["value"] / 1e9, 2)
        cap_as_of = close["as_of"]
        cap_source = (f"close {close['value']:,.2f} ({close['source']}, {close['as_of']}) × shares "
                      f"{shares['value']:,.0f} ({shares['source']}, {shares['as_of']})")
        rows.append({"ticker": ticker, "field": MARKET_CAP, "value": cap, "as_of": cap_as_of,
                     "source": cap_source})
    elif moved:
        cap = round(note[0] * close["value"] / base["value"], 2)
        cap_as_of = close["as_of"]
        rows.append({"ticker": ticker, "field": MARKET_CAP, "value": cap, "as_of": cap_as_of,
                     "source": f"note market cap {note[0]:,.1f} ({note[2]}) × close "
                               f"{close['value']:,.2f} ({close['source']}, {close['as_of']}) ÷ close "
                               f"{base['value']:,.2f} on {base['as_of']} (price move; no share "
                               f"count yet)"})
    else:
        cap, cap_as_of = _num(company["market_cap_usd_bn"]), company["as_of"]
    per = None
    if cap is not None and earn is not None and earn["value"] and earn["value"] > 0:
        per = round(cap / earn["value"], 2)
        rows.append({"ticker": ticker, "field": PER, "value": per, "as_of": cap_as_of,
                     "source": f"market cap ÷ 12MF earnings {earn['value']:,.1f} "
                               f"({earn['source']}, {earn['as_of']})"})
    elif earn is not None:
        rows.append({"ticker": ticker, "field": PER, "value": None, "as_of": cap_as_of,
                     "source": "n/a: 12MF earnings estimate ≤ 0"})
    else:
        per = _num(company["per_12mf"])  # no estimate at all: keep the shown PER
    return rows, {**_clean(company), "market_cap_usd_bn": cap, "per_12mf": per,
                  "as_of": cap_as_of}


def _clean(row: dict) -> dict:
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}


def set_earnings(cache: Cache, ticker: str, value: float, as_of: str,
                 source: str = ANALYST) -> ChangeSet:
    """The analyst's 12MF earnings estimate (USD bn, dated); the PER follows at once."""
    ticker = ticker.upper()
    if cache.watchlist.company(ticker) is None:
        raise KeyError(f"{ticker} is not in the watchlist")
    if not math.isfinite(value):
        raise ValueError(f"12MF earnings of {ticker}: not a number ({value!r})")
    with cache.transaction():
        change = cache.watchlist.set_values([{"ticker": ticker, "field": EARNINGS, "value": value,
                                            "as_of": as_of, "source": source}], how="edit")
        change.merge(recompute(cache, how="edit", tickers=[ticker]))
    return change


def current_earnings(cache: Cache, ticker: str) -> dict | None:
    """The estimate the PER rests on now: the stored one, else the note's (cap ÷ PER); None for a
    name without either. What an undo of :func:`set_earnings` writes back."""
    ticker = ticker.upper()
    stored = _values(cache).get(ticker, {}).get(EARNINGS)
    if stored is None:
        stored = next(iter(default_earnings(cache, [ticker])), None)
    if stored is None:
        return None
    return {"value": float(stored["value"]), "as_of": stored["as_of"], "source": stored["source"]}


# -- what each number rests on ---------------------------------------------------------------
def stale_limits(cache: Cache) -> dict[str, int]:
    try:
        price = int(cache.settings.get(STALE_SETTING) or DEFAULT_STALE_DAYS)
    except ValueError:
        price = DEFAULT_STALE_DAYS
    # the close on the note's date is a fixed reference point: it never goes stale
    return {"price": price, "filing": FILING_STALE_DAYS, "estimate": ESTIMATE_STALE_DAYS,
            "reference": 10**6}


def value_table(cache: Cache, today: date,
                tickers: list[str] | None = None) -> dict[str, dict[str, dict]]:
    """``{ticker: {field: {value, as_of, source, stale}}}`` for every watchlist name.

    Market cap and PER come from ``company_values`` while the shown figure is the live one; a
    figure typed or imported since then (or the note's, before any refresh) is reported with the
    companies row's as-of and how it got there (``note``, ``edit``, ``import``)."""
    limits = stale_limits(cache)
    wanted = None if tickers is None else [t.upper() for t in tickers]
    values = _values(cache, wanted)
    companies = cache.watchlist.companies(wanted)
    for row in default_earnings(cache, companies["ticker"].tolist()):  # shown before it is stored
        values.setdefault(row["ticker"], {})[EARNINGS] = row
    out: dict[str, dict[str, dict]] = {}
    for company in companies.to_dict("records"):
        ticker = company["ticker"]
        got = dict(values.get(ticker, {}))
        how = _last_how(cache, ticker)
        for col in (MARKET_CAP, PER):
            shown = _num(company[col])
            live = got.get(col)
            if live is None or not _same(_num(live["value"]), shown):
                got[col] = {"value": shown, "as_of": company["as_of"],
                            "source": NOTE if how in NOTE_HOWS else how}
        entry = {}
        for fld, r in sorted(got.items()):
            entry[fld] = {"value": _num(r["value"]), "as_of": r["as_of"], "source": r["source"],
                          "stale": _stale(r["as_of"], limits[KIND.get(fld, "filing")], today)}
            if basis := basis_of(fld, r["source"]):  # a live cap / PER: what it rests on
                entry[fld]["basis"] = basis
        out[ticker] = entry
    return out


def basis_of(field: str, source: object) -> str:
    """What a live market cap or PER rests on, from its source line ('' for other figures)."""
    text = str(source or "")
    if field == MARKET_CAP and text.startswith("close ") and " × shares " in text:
        return SHARES_BASIS
    if field == MARKET_CAP and text.startswith("note market cap ") and "price move" in text:
        return PRICE_BASIS
    if field == PER and text.startswith("market cap ÷ 12MF earnings"):
        return EARNINGS_BASIS
    return ""


def _last_how(cache: Cache, ticker: str) -> str:
    hist = cache.watchlist.history(ticker)
    return str(hist["how"].iloc[-1]) if len(hist) else NOTE


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def _stale(as_of: object, limit: int, today: date) -> bool:
    try:
        day = pd.Timestamp(str(as_of)).date()
    except (ValueError, TypeError):
        return True
    return (today - day).days > limit
