"""Live watchlist figures: close × shares, cap ÷ the analyst's earnings, dates, sources, staleness;
end-of-day quotes from a replay server and price-file imports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from werkzeug import Request, Response

from qnai_desktop.services.fundamentals import import_prices, recompute, set_earnings
from qnai_desktop.services.fundamentals.live import default_earnings, note_figures, value_table
from qnai_desktop.services.fundamentals.quotes import EodQuotes, ticker_of
from qnai_desktop.services.importers import ImportFileError
from qnai_desktop.services.providers import HttpClient
from qnai_desktop.services.refresh import run_refresh
from qnai_desktop.store.cache import Cache

TODAY = date(2026, 11, 24)
KEY = "tiingo-secret-0123456789"


def put(cache: Cache, ticker: str, field: str, value: float, as_of: str, source: str) -> None:
    cache.watchlist.set_values([{"ticker": ticker, "field": field, "value": value, "as_of": as_of,
                               "source": source}], how="fetch")


def test_the_notes_earnings_are_the_starting_point(cache: Cache) -> None:
    assert note_figures(cache, "META") == (1523.0, 18.0, "2026-07-06")
    rows = {r["ticker"]: r for r in default_earnings(cache)}
    assert rows["META"]["value"] == pytest.approx(1523 / 18)
    assert (rows["META"]["source"], rows["META"]["as_of"]) == ("note", "2026-07-06")
    assert "CRWV" not in rows  # PER n/a in the note: no earnings to infer


def test_market_cap_is_close_times_shares_and_per_follows(cache: Cache) -> None:
    put(cache, "META", "shares_outstanding", 2_516_000_000, "2025-09-30", "SEC EDGAR dei")
    put(cache, "META", "close_usd", 700.0, "2026-11-20", "Tiingo EOD close")
    change = recompute(cache)
    assert "companies" in change.tables
    row = cache.watchlist.company("META")
    cap = 700.0 * 2.516
    assert row["market_cap_usd_bn"] == pytest.approx(round(cap, 2))
    assert row["per_12mf"] == pytest.approx(round(round(cap, 2) / (1523 / 18), 2))
    assert row["as_of"] == "2026-11-20"
    values = value_table(cache, TODAY)["META"]
    assert values["market_cap_usd_bn"]["as_of"] == "2026-11-20"
    src = values["market_cap_usd_bn"]["source"]
    assert "Tiingo EOD close, 2026-11-20" in src and "SEC EDGAR dei, 2025-09-30" in src
    assert values["earnings_12mf_usd_bn"]["source"] == "note"
    assert "note, 2026-07-06" in values["per_12mf"]["source"]
    hist = cache.watchlist.history("META")
    assert (hist.iloc[0]["market_cap_usd_bn"], hist.iloc[0]["per_12mf"], hist.iloc[0]["how"]) == \
        (1523.0, 18.0, "seed")  # the note's figures stay in the history
    assert hist.iloc[-1]["how"] == "fetch"
    untouched = cache.watchlist.company("NVDA")
    assert (untouched["market_cap_usd_bn"], untouched["as_of"]) == (4736.0, "2026-07-06")


def test_the_analysts_estimate_moves_the_per_at_once(cache: Cache) -> None:
    set_earnings(cache, "meta", 101.5, "2026-11-24")
    row = cache.watchlist.company("META")
    assert row["market_cap_usd_bn"] == 1523.0  # no live price yet: the shown cap
    assert row["per_12mf"] == pytest.approx(round(1523 / 101.5, 2))
    v = value_table(cache, TODAY)["META"]
    assert (v["earnings_12mf_usd_bn"]["source"], v["earnings_12mf_usd_bn"]["as_of"]) == \
        ("analyst", "2026-11-24")
    assert v["per_12mf"]["as_of"] == "2026-07-06"  # of the market cap it divides
    with pytest.raises(KeyError, match="TSM"):
        set_earnings(cache, "TSM", 10, "2026-11-24")


def test_a_loss_estimate_gives_per_na(cache: Cache) -> None:
    put(cache, "CRWV", "shares_outstanding", 489_000_000, "2025-11-03", "SEC")
    put(cache, "CRWV", "close_usd", 80.0, "2026-11-20", "Tiingo EOD close")
    set_earnings(cache, "CRWV", -1.2, "2026-11-24")
    row = cache.watchlist.company("CRWV")
    assert row["market_cap_usd_bn"] == pytest.approx(39.12) and row["per_12mf"] is None
    assert value_table(cache, TODAY)["CRWV"]["per_12mf"]["value"] is None


def test_stale_values_are_marked_by_kind(cache: Cache) -> None:
    put(cache, "MSFT", "shares_outstanding", 7.43e9, "2026-07-20", "SEC")
    put(cache, "MSFT", "close_usd", 500.0, "2026-10-01", "Tiingo EOD close")
    recompute(cache)
    v = value_table(cache, TODAY)["MSFT"]
    assert v["close_usd"]["stale"] and v["market_cap_usd_bn"]["stale"]  # 54 days > 30
    assert not v["shares_outstanding"]["stale"]  # 127 days ≤ 150 for a filing
    cache.settings.set("watchlist.stale_days", "60")
    assert not value_table(cache, TODAY)["MSFT"]["close_usd"]["stale"]
    assert value_table(cache, TODAY)["NVDA"]["market_cap_usd_bn"] == {
        "value": 4736.0, "as_of": "2026-07-06", "source": "note", "stale": True}


def test_a_figure_typed_after_the_refresh_reports_itself(cache: Cache) -> None:
    put(cache, "META", "shares_outstanding", 2.516e9, "2025-09-30", "SEC")
    put(cache, "META", "close_usd", 700.0, "2026-11-20", "Tiingo EOD close")
    recompute(cache)
    row = {**cache.watchlist.company("META"), "market_cap_usd_bn": 1800.0, "as_of": "2026-11-23"}
    cache.watchlist.upsert_companies([row], how="edit")
    assert value_table(cache, TODAY)["META"]["market_cap_usd_bn"] == {
        "value": 1800.0, "as_of": "2026-11-23", "source": "edit", "stale": False}


# -- quotes ------------------------------------------------------------------------------------
def tiingo(httpserver, seen: list) -> str:
    prices = {"meta": [("2026-11-19", 690.5), ("2026-11-20", 700.25)], "msft": [("2026-11-20", 512.0)]}

    def handler(request: Request) -> Response:
        seen.append((request.path, dict(request.args), request.headers.get("Authorization")))
        if request.headers.get("Authorization") != f"Token {KEY}":
            return Response('{"detail": "Invalid token."}', 401, content_type="application/json")
        symbol = request.path.split("/")[3]
        if symbol not in prices:
            return Response('{"detail": "Error: Ticker \'x\' not found"}', 404,
                            content_type="application/json")
        rows = [{"date": f"{d}T00:00:00.000Z", "close": c, "high": c, "low": c, "open": c,
                 "volume": 1, "adjClose": c * 0.99} for d, c in prices[symbol]]
        return Response(json.dumps(rows), content_type="application/json")
    for t in ("meta", "msft", "nvda"):
        httpserver.expect_request(f"/tiingo/daily/{t}/prices").respond_with_handler(handler)
    return httpserver.url_for("").rstrip("/")


def run_quotes(cache: Cache, prov: EodQuotes):
    return run_refresh(cache, [prov], explicit=True, today=TODAY,
                       http_factory=lambda cancel: HttpClient(sleep=lambda s: None, cancelled=cancel))


def test_quotes_fill_closes_with_the_key_in_the_header_only(httpserver, cache: Cache) -> None:
    seen: list = []
    prov = EodQuotes(["META", "MSFT", "NVDA"], key_getter=lambda: KEY,
                     base_url=tiingo(httpserver, seen))
    (res,) = run_quotes(cache, prov).sources
    assert res.status == "ok", res.error
    assert all(auth == f"Token {KEY}" and KEY not in json.dumps(args) for _p, args, auth in seen)
    assert seen[0][1] == {"startDate": "2026-11-14"}
    closes = cache.watchlist.values()
    closes = closes[closes["field"] == "close_usd"].set_index("ticker")
    assert closes.loc["META", "value"] == 700.25 and closes.loc["META", "as_of"] == "2026-11-20"
    assert prov.warnings == ["NVDA: no price from Tiingo"]
    assert KEY not in cache.provenance(5).to_json()


def test_quotes_without_a_key_are_unavailable_and_say_how(cache: Cache) -> None:
    prov = EodQuotes(["META"], key_getter=lambda: None, base_url="http://127.0.0.1:9")
    (res,) = run_quotes(cache, prov).sources
    assert res.status == "failed" and "fundamentals set-key" in res.error
    assert res.requests == 0


def test_a_rejected_key_fails_without_leaking_it(httpserver, cache: Cache) -> None:
    prov = EodQuotes(["META"], key_getter=lambda: "wrong-key-abcdef",
                     base_url=tiingo(httpserver, []))
    (res,) = run_quotes(cache, prov).sources
    assert res.status == "failed" and "401" in res.error and "wrong-key" not in res.error
    assert cache.watchlist.values().empty


# -- price files -------------------------------------------------------------------------------
def test_bloomberg_and_wide_price_exports(tmp_path: Path, cache: Cache) -> None:
    put(cache, "META", "shares_outstanding", 2.516e9, "2025-09-30", "SEC")
    bbg = tmp_path / "px.csv"
    bbg.write_text("Start Date,46024,,,\nEnd Date,46247,,,\nPeriodicity,DAILY,,,\n,,,,\n"
                   "META US Equity,,,MSFT US Equity,\nDate,PX_LAST,,Date,PX_LAST\n"
                   "46345,690.0,,46345,505.0\n46346,701.5,,46346,510.5\n", encoding="utf-8")
    res = import_prices(cache, bbg)
    assert res.closes == {"META": ("2026-11-20", 701.5), "MSFT": ("2026-11-20", 510.5)}
    assert cache.watchlist.company("META")["market_cap_usd_bn"] == pytest.approx(round(701.5 * 2.516, 2))
    assert value_table(cache, TODAY)["META"]["close_usd"]["source"] == "import: px.csv"
    wide = tmp_path / "wide.csv"
    wide.write_text("Date,META,PE_RATIO META,TSM\n2026-11-21,705,20,190\n", encoding="utf-8")
    res = import_prices(cache, wide, dry_run=True)
    assert res.closes == {"META": ("2026-11-21", 705.0)}
    assert res.unmatched == ["PE_RATIO META", "TSM"]
    assert value_table(cache, TODAY)["META"]["close_usd"]["value"] == 701.5  # dry run


def test_a_broken_price_file_imports_nothing(tmp_path: Path, cache: Cache) -> None:
    before = cache.watchlist.values().to_json()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(ImportFileError):
        import_prices(cache, bad)
    assert cache.watchlist.values().to_json() == before


@pytest.mark.parametrize("label, want", [("META US Equity PX_LAST", "META"), ("META", "META"),
                                         ("meta close", "META"), ("GOOGL UW Equity", "GOOGL"),
                                         ("META PE_RATIO", None), ("TSM", None), ("", None)])
def test_price_columns_are_matched_to_watched_tickers(label: str, want: str | None) -> None:
    assert ticker_of(label, {"META", "GOOGL"}) == want


def test_a_price_history_covering_the_note_date_moves_cap_and_per_at_once(tmp_path: Path,
                                                                           cache: Cache) -> None:
    """No share count yet: cap = note cap × P_new / P_as-of, PER from it; shares take over later."""
    px = tmp_path / "nvda.csv"
    px.write_text("Date,NVDA,ORCL\n2026-07-02,160,200\n2026-07-03,170,210\n2026-11-20,187,168\n",
                  encoding="utf-8")  # the note is as of 2026-07-06 (a Monday): 07-03 is its close
    res = import_prices(cache, px)
    assert res.at_note == {"NVDA": ("2026-07-03", 170.0), "ORCL": ("2026-07-03", 210.0)}
    nvda = cache.watchlist.company("NVDA")
    assert nvda["market_cap_usd_bn"] == pytest.approx(round(4736.0 * 187 / 170, 2))
    assert nvda["per_12mf"] == pytest.approx(round(19.0 * 187 / 170, 2), abs=0.01)
    assert nvda["as_of"] == "2026-11-20"
    cap = value_table(cache, TODAY)["NVDA"]["market_cap_usd_bn"]
    assert cap["basis"] == "price_move" and "÷ close 170.00 on 2026-07-03" in cap["source"]
    assert value_table(cache, TODAY)["NVDA"]["per_12mf"]["basis"] == "earnings"
    # her estimate: PER = the moved cap ÷ her earnings
    set_earnings(cache, "NVDA", 250.0, "2026-11-21")
    assert cache.watchlist.company("NVDA")["per_12mf"] == pytest.approx(
        round(round(4736.0 * 187 / 170, 2) / 250.0, 2))
    # SEC share counts arrive: close × shares from then on
    put(cache, "NVDA", "shares_outstanding", 24.3e9, "2026-10-26", "SEC")
    recompute(cache)
    assert cache.watchlist.company("NVDA")["market_cap_usd_bn"] == pytest.approx(round(187 * 24.3, 2))
    assert value_table(cache, TODAY)["NVDA"]["market_cap_usd_bn"]["basis"] == "shares"


def test_a_history_that_starts_after_the_note_date_moves_nothing(tmp_path: Path, cache: Cache) -> None:
    px = tmp_path / "late.csv"
    px.write_text("Date,NVDA\n2026-11-19,180\n2026-11-20,187\n", encoding="utf-8")
    res = import_prices(cache, px)
    assert res.at_note == {} and cache.watchlist.company("NVDA")["market_cap_usd_bn"] == 4736.0
