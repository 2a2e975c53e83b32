"""SEC EDGAR provider: XBRL rules on real-shaped company facts, and a replay server for the wire."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from werkzeug import Request, Response

from qnai_desktop.services.fundamentals.sec import SecEdgar, parse_tickers, read_company
from qnai_desktop.services.fundamentals.throttle import Throttle
from qnai_desktop.services.fundamentals.xbrl import (
    Fact,
    XbrlError,
    calendar_quarter_end,
    choose,
    quarters,
    read_concept,
    ttm,
)
from qnai_desktop.services.providers import HttpClient, SchemaError
from qnai_desktop.services.refresh import run_refresh
from qnai_desktop.store.cache import Cache

SEC = Path(__file__).resolve().parents[1] / "fixtures" / "sec"
CIKS = {"NVDA": 1045810, "GOOGL": 1652044, "AAPL": 320193, "MSFT": 789019, "AMZN": 1018724,
        "META": 1326801, "ORCL": 1341439, "CRWV": 1769628}
UA = "Jane Analyst jane@example.com"
TODAY = date(2026, 1, 15)
CAPEX = "PaymentsToAcquirePropertyPlantAndEquipment"


def doc(ticker: str) -> dict:
    return json.loads((SEC / f"CIK{CIKS[ticker]:010d}.json").read_text())


def by_end(qs) -> dict[str, float]:
    return {str(q.end): round(q.value / 1e9, 3) for q in qs}


def fact(start: str | None, end: str, val: float, filed: str, form: str = "10-Q") -> Fact:
    return Fact(date.fromisoformat(start) if start else None, date.fromisoformat(end), val * 1e9,
                form, date.fromisoformat(filed))


# -- XBRL rules ------------------------------------------------------------------------------
def test_year_to_date_cash_flows_become_true_quarters() -> None:
    qs = quarters(read_concept(doc("GOOGL"), "us-gaap", CAPEX, "USD").facts)
    got = by_end(qs)
    assert got["2025-03-31"] == 17.197  # Q1 = the 3-month YTD fact
    assert got["2025-06-30"] == 22.446  # Q2 = 6M − Q1
    assert got["2025-09-30"] == 23.953  # Q3 = 9M − 6M
    assert got["2024-12-31"] == 14.276  # Q4 = FY − 9M
    assert [q.derived for q in qs if str(q.end) == "2025-03-31"] == [False]


def test_fy_and_fp_are_ignored_comparatives_are_dated_by_their_period() -> None:
    rows = doc("GOOGL")["facts"]["us-gaap"][CAPEX]["units"]["USD"]
    comparative = next(r for r in rows if r["end"] == "2024-06-30" and r["fy"] == 2025)
    assert comparative["fp"] == "Q2"  # the 2025 filing's labels on a 2024 period
    assert by_end(quarters(read_concept(doc("GOOGL"), "us-gaap", CAPEX, "USD").facts))[
        "2024-06-30"] == 13.186


def test_a_restatement_in_a_later_filing_wins() -> None:
    facts = read_concept(doc("META"), "us-gaap", CAPEX, "USD").facts
    originals = [f.val / 1e9 for f in facts if str(f.end) == "2024-03-31"]
    assert sorted(originals) == [6.4, 6.72]
    got = by_end(quarters(facts))
    assert got["2024-03-31"] == 6.72 and got["2024-06-30"] == 8.173 and got["2024-12-31"] == 14.425


def test_a_reported_quarter_gives_way_to_a_later_filed_ytd_pair() -> None:
    facts = [fact("2025-01-01", "2025-03-31", 10, "2025-04-30"),
             fact("2025-04-01", "2025-06-30", 11, "2025-07-30"),  # reported 3M
             fact("2025-01-01", "2025-06-30", 21, "2025-07-30"),
             fact("2025-01-01", "2025-06-30", 22, "2026-07-30")]  # 6M restated a year later
    (q1, q2) = quarters(facts)
    assert (q1.value / 1e9, q2.value / 1e9, q2.derived) == (10, 12, True)


def test_a_missing_ytd_fact_leaves_a_gap_not_a_guess() -> None:
    facts = [fact("2025-01-01", "2025-03-31", 10, "2025-04-30"),
             fact("2025-01-01", "2025-09-30", 33, "2025-10-30"),  # no 6M
             fact("2025-01-01", "2025-12-31", 45, "2026-02-01", "10-K")]
    assert by_end(quarters(facts)) == {"2025-03-31": 10.0, "2025-12-31": 12.0}
    assert ttm(quarters(facts)) == []


def test_microsoft_fiscal_year_ends_in_june() -> None:
    qs = quarters(read_concept(doc("MSFT"), "us-gaap", CAPEX, "USD").facts)
    got = {str(q.end): (round(q.value / 1e9, 3), q.derived) for q in qs}
    assert got["2025-06-30"] == (17.079, True)  # Q4 FY25 = FY − 9M: no 3-month fact in a 10-K
    assert got["2025-09-30"] == (19.394, False)  # Q1 FY26 reported
    sums = {str(q.cal_end): round(v / 1e9, 3) for q, v in ttm(qs)}
    assert sums["2025-06-30"] == 64.551  # = FY2025


def test_oracle_may_year_lands_on_calendar_quarters() -> None:
    qs = quarters(read_concept(doc("ORCL"), "us-gaap", CAPEX, "USD").facts)
    placed = {str(q.end): (str(q.cal_end), round(q.value / 1e9, 3)) for q in qs}
    assert placed["2025-08-31"] == ("2025-09-30", 8.502)  # Jun–Aug → Q3
    assert placed["2025-11-30"] == ("2025-12-31", 12.0)  # 6M − Q1
    assert placed["2025-05-31"] == ("2025-06-30", 9.08)  # FY25 − 9M


def test_apple_52_53_week_year_with_a_14_week_quarter() -> None:
    qs = quarters(read_concept(doc("AAPL"), "us-gaap", CAPEX, "USD").facts)
    got = {str(q.end): round(q.value / 1e9, 3) for q in qs}
    assert got["2022-12-31"] == 3.787  # 98-day Q1 of the 53-week FY2023
    assert got["2023-09-30"] == 2.163  # FY2023 (371 days) − 9M
    assert got["2024-09-28"] == 2.956
    assert calendar_quarter_end(date(2024, 11, 12)) == date(2024, 12, 31)
    revenue = read_company("AAPL", CIKS["AAPL"], doc("AAPL")).revenue
    assert revenue is not None and round(ttm(revenue[1])[-1][1] / 1e9, 3) == 416.161


def test_missing_and_fallback_concepts_are_reported() -> None:
    nvda = read_company("NVDA", CIKS["NVDA"], doc("NVDA"))
    assert nvda.capex is None and nvda.missing == ["capital-expenditure"]
    crwv = read_company("CRWV", CIKS["CRWV"], doc("CRWV"))
    assert crwv.capex.concept == "us-gaap:PaymentsToAcquireProductiveAssets"
    googl = read_company("GOOGL", CIKS["GOOGL"], doc("GOOGL"))  # cover page last used in 2015
    fact_, label = googl.shares
    assert label == "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"
    assert (str(fact_.end), fact_.val) == ("2025-09-30", 12_134_000_000)


def test_a_filer_that_switched_tags_is_followed() -> None:
    old = read_concept({"facts": {"us-gaap": {}}}, "us-gaap", "X", "USD")
    assert choose([old]) is None
    stale = type(old)("us-gaap", "A", (fact("2019-01-01", "2019-03-31", 1, "2019-04-30"),))
    fresh = type(old)("us-gaap", "B", (fact("2025-01-01", "2025-03-31", 2, "2025-04-30"),))
    assert choose([stale, fresh]).name == "B"


@pytest.mark.parametrize("row, needle", [
    ({"end": "2025-03-31", "val": "12", "form": "10-Q", "filed": "2025-04-30"}, "val"),
    ({"end": "2025-03-31", "val": 1e308, "form": "10-Q", "filed": "2025-04-30"}, "val"),
    ({"end": "2025-03-31", "val": float("nan"), "form": "10-Q", "filed": "2025-04-30"}, "val"),
    ({"end": "yesterday", "val": 1, "form": "10-Q", "filed": "2025-04-30"}, "end"),
    ({"start": "2025-06-01", "end": "2025-03-31", "val": 1, "form": "10-Q",
      "filed": "2025-04-30"}, "start"),
    ("not an object", "not an object"),
])
def test_hostile_facts_are_refused_with_where(row: object, needle: str) -> None:
    bad = {"cik": 1, "facts": {"us-gaap": {CAPEX: {"units": {"USD": [row]}}}}}
    with pytest.raises(XbrlError, match=needle):
        read_concept(bad, "us-gaap", CAPEX, "USD")


def test_the_ticker_file_maps_tickers_to_ciks() -> None:
    ciks = parse_tickers(json.loads((SEC / "company_tickers.json").read_text()))
    assert ciks["META"] == 1326801 and ciks["GOOG"] == ciks["GOOGL"] == 1652044
    assert ciks["BRK-B"] == 1067983
    with pytest.raises(SchemaError):
        parse_tickers({"0": {"cik_str": True, "ticker": "X"}})
    with pytest.raises(SchemaError):
        parse_tickers(["AAPL"])


def test_throttle_keeps_to_ten_requests_a_second() -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(s: float) -> None:
        waits.append(s)
        now[0] += s
    t = Throttle(10.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(11):
        t.wait()
    assert now[0] == pytest.approx(1.0) and len(waits) == 10


# -- against a replay server -----------------------------------------------------------------
class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def serve_sec(httpserver, *, bodies: dict[str, bytes] | None = None, seen: list | None = None):
    """company_tickers.json and every company's facts; 403 like SEC for an undeclared agent."""
    bodies = bodies or {}

    def handler(request: Request) -> Response:
        agent = request.headers.get("User-Agent", "")
        if seen is not None:
            seen.append((request.path, agent))
        if "@" not in agent:
            return Response("<h1>Your Request Originates from an Undeclared Automated Tool</h1>",
                            403, content_type="text/html")
        name = request.path.rsplit("/", 1)[-1]
        if name in bodies:
            return Response(bodies[name], content_type="application/json")
        path = SEC / name
        if not path.is_file():
            return Response('{"message": "Not Found"}', 404, content_type="application/json")
        return Response(path.read_bytes(), content_type="application/json")
    for path in ["/files/company_tickers.json",
                 *(f"/api/xbrl/companyfacts/CIK{c:010d}.json" for c in CIKS.values()),
                 "/api/xbrl/companyfacts/CIK0001067983.json"]:
        httpserver.expect_request(path).respond_with_handler(handler)
    return httpserver.url_for("")


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def provider(base: str, tickers=None, ua: str = UA) -> SecEdgar:
    return SecEdgar(list(tickers or CIKS), user_agent=ua, base_url=base.rstrip("/"),
                    throttle=Throttle(1000.0))


def refresh(cache: Cache, prov: SecEdgar, sleeps: Sleeps):
    return run_refresh(cache, [prov], explicit=True, today=TODAY,
                       http_factory=lambda cancel: HttpClient(sleep=sleeps, cancelled=cancel))


def snapshot(cache: Cache) -> tuple:
    return (cache.watchlist.companies().to_json(), cache.watchlist.values().to_json(), cache.series.ids(),
            len(cache.watchlist.history("META")))


def test_refresh_fills_shares_capex_and_the_group_share(httpserver, cache: Cache, sleeps,
                                                        monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    seen: list = []
    prov = provider(serve_sec(httpserver, seen=seen))
    (res,) = refresh(cache, prov, sleeps).sources
    assert res.status == "ok", res.error
    assert res.requests == 9 and all(agent == UA for _p, agent in seen)
    assert seen[0][0] == "/files/company_tickers.json"
    values = cache.watchlist.values()
    shares = values[values["field"] == "shares_outstanding"].set_index("ticker")
    assert set(shares.index) == set(CIKS)
    assert shares.loc["META", "as_of"] == "2025-09-30"
    assert "CommonStockSharesOutstanding" in shares.loc["META", "source"]
    obs = cache.series.observations("capex.meta.quarterly")
    assert obs["value"].round(3).tolist()[:2] == [6.72, 8.173]  # restated Q1 2024
    share = cache.series.observations("capex.share.meta").iloc[-1]
    assert str(share["date"].date()) == "2025-09-30" and share["n"] == 6
    ttms = {t: cache.series.observations(f"capex.{t}.ttm").set_index("date")["value"][share["date"]]
            for t in ("msft", "googl", "amzn", "meta", "orcl", "crwv")}
    assert ttms["meta"] == pytest.approx(62.733) and ttms["orcl"] == pytest.approx(27.411)
    assert share["value"] == pytest.approx(ttms["meta"] / sum(ttms.values()) * 100)
    assert share["value"] == pytest.approx(17.1, abs=0.05)  # beside the note's 17 %
    meta = cache.series.meta("capex.share.meta")
    assert (meta.source, meta.unit, meta.frequency, meta.is_demo) == ("SEC EDGAR", "pct", "Q", False)
    assert "capex.aapl.quarterly" not in cache.series.ids()  # not in the AI-capex group
    assert any("NVDA: no capital-expenditure" in w for w in prov.warnings)
    # Oracle's Sep–Nov quarter is filed, the others' Q4 not yet: no partial group share
    assert str(cache.series.observations("capex.orcl.ttm")["date"].iloc[-1].date()) == "2025-12-31"
    assert cache.series.observations("capex.share.orcl")["date"].max() == share["date"]


def test_user_agent_comes_from_the_environment_first(monkeypatch) -> None:
    monkeypatch.setenv("QNAI_SEC_USER_AGENT", "Env User env@example.com")
    assert SecEdgar(["META"], user_agent="Setting s@example.com").user_agent == \
        "Env User env@example.com"
    monkeypatch.setenv("QNAI_SEC_USER_AGENT", " ")
    assert SecEdgar(["META"], user_agent="Setting s@example.com").user_agent == \
        "Setting s@example.com"


def test_no_user_agent_is_a_clear_error_before_any_request(httpserver, cache: Cache, sleeps,
                                                             monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    seen: list = []
    prov = provider(serve_sec(httpserver, seen=seen), ua="")
    (res,) = refresh(cache, prov, sleeps).sources
    assert res.status == "failed" and seen == []
    assert "User-Agent" in res.error and "QNAI_SEC_USER_AGENT" in res.error
    assert "set-user-agent" in res.error


def test_403_for_an_undeclared_agent_says_what_to_do(httpserver, cache: Cache, sleeps,
                                                     monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    before = snapshot(cache)
    prov = provider(serve_sec(httpserver), ua="python-requests/2.32")
    (res,) = refresh(cache, prov, sleeps).sources
    assert res.status == "failed"
    assert "HTTP 403" in res.error and "python-requests/2.32" in res.error
    assert "e-mail" in res.error and sleeps == []  # a 403 is not retried
    assert snapshot(cache) == before


def test_429_is_retried_honouring_retry_after(httpserver, cache: Cache, sleeps,
                                              monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    meta = f"/api/xbrl/companyfacts/CIK{CIKS['META']:010d}.json"
    httpserver.expect_ordered_request("/files/company_tickers.json").respond_with_data(
        (SEC / "company_tickers.json").read_bytes(), content_type="application/json")
    httpserver.expect_ordered_request(meta).respond_with_data("Too Many Requests", 429,
                                                              {"Retry-After": "3"})
    httpserver.expect_ordered_request(meta).respond_with_data(
        (SEC / f"CIK{CIKS['META']:010d}.json").read_bytes(), content_type="application/json")
    prov = provider(httpserver.url_for(""), tickers=["META"])
    (res,) = refresh(cache, prov, sleeps).sources
    assert res.status == "ok", res.error
    assert sleeps == [3.0] and res.requests == 3
    assert not cache.series.observations("capex.meta.quarterly").empty


def test_a_ticker_sec_does_not_know_is_a_note_not_a_failure(httpserver, cache: Cache, sleeps,
                                                             monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    prov = provider(serve_sec(httpserver), tickers=["META", "TSM"])
    (res,) = refresh(cache, prov, sleeps).sources
    assert res.status == "ok" and prov.warnings == ["TSM: not in SEC's ticker file (not an SEC "
                                                    "filer?)", "META: no revenue concept in its "
                                                    "filings"]


HOSTILE = {
    "truncated": b'{"cik": 1326801, "facts": {"us-gaap": {"PaymentsTo',
    "not json": b"<html>maintenance</html>",
    "wrong company": json.dumps({**doc("AMZN")}).encode(),
    "huge value": json.dumps({"cik": 1326801, "facts": {"us-gaap": {CAPEX: {"units": {"USD": [
        {"start": "2025-01-01", "end": "2025-03-31", "val": 1e300, "form": "10-Q",
         "filed": "2025-04-30"}]}}}}}).encode(),
    "NaN value": b'{"cik": 1326801, "facts": {"us-gaap": {"PaymentsToAcquirePropertyPlantAndEquipment"'
                 b': {"units": {"USD": [{"start": "2025-01-01", "end": "2025-03-31", "val": NaN,'
                 b' "form": "10-Q", "filed": "2025-04-30"}]}}}}}',
    "facts is a list": b'{"cik": 1326801, "facts": []}',
    "units not a dict": b'{"cik": 1326801, "facts": {"dei": {"EntityCommonStockSharesOutstanding":'
                        b' {"units": "shares"}}}}',
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_json_never_touches_the_cache(httpserver, cache: Cache, sleeps, monkeypatch,
                                              kind: str) -> None:
    """META comes after four good companies: nothing of theirs may land either."""
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    before = snapshot(cache)
    bodies = {f"CIK{CIKS['META']:010d}.json": HOSTILE[kind]}
    prov = provider(serve_sec(httpserver, bodies=bodies),
                    tickers=["MSFT", "GOOGL", "AMZN", "ORCL", "META", "CRWV"])
    (res,) = refresh(cache, prov, sleeps).sources
    assert res.status == "failed"
    assert "META" in res.error or "CIK0001326801" in res.error
    assert snapshot(cache) == before
    assert cache.provenance(1).iloc[0]["detail"].startswith("refresh sec: failed")


def test_base_url_override_serves_both_files(monkeypatch) -> None:
    monkeypatch.setenv("QNAI_SEC_BASE_URL", "http://127.0.0.1:9/sec/")
    p = SecEdgar(["META"], user_agent=UA)
    assert p.tickers_url == "http://127.0.0.1:9/sec/files/company_tickers.json"
    assert p.base_url == "http://127.0.0.1:9/sec"
    monkeypatch.delenv("QNAI_SEC_BASE_URL")
    p = SecEdgar(["META"], user_agent=UA)
    assert p.tickers_url == "https://www.sec.gov/files/company_tickers.json"
    assert p.base_url == "https://data.sec.gov"
