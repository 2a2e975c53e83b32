"""FRED (ICE BofA OAS) against a replay server: proxies in bp beside CDS, never called CDS."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qnai_desktop.core.charts import catalogue_by_id, prepare, resolve_series
from qnai_desktop.core.monitors import DEFAULT_MONITORS
from qnai_desktop.services.monitor_table import monitor_rows
from qnai_desktop.services.providers import FetchContext, FredSpreads, HttpClient, SchemaError
from qnai_desktop.services.refresh import FAILED, OK, run_refresh

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay"
TODAY = date(2026, 7, 13)
IDS = ("BAMLC0A4CBBB", "BAMLH0A0HYM2")
ENV_KEY = "fred-ECHOED-key-8675309"


def serve_replay(httpserver) -> None:
    for fid in IDS:
        httpserver.expect_request("/graph/fredgraph.csv", query_string={"id": fid}).respond_with_data(
            (REPLAY / f"fred_{fid}.csv").read_bytes(), content_type="text/csv")


def fetch(httpserver, last: dict[str, date] | None = None):
    with HttpClient(sleep=lambda s: None, retries=1) as http:
        return {b.meta.id: b for b in FredSpreads(httpserver.url_for("")).fetch(
            FetchContext(http, last or {}, TODAY))}


def fast_http(cancel):
    return HttpClient(cancelled=cancel, sleep=lambda s: None, retries=1)


def data_dump(cache) -> list[str]:
    return [line for line in cache.db.conn.iterdump() if '"provenance"' not in line]


def test_spreads_arrive_in_bp_with_holidays_left_out(httpserver) -> None:
    serve_replay(httpserver)
    got = fetch(httpserver)
    bbb, hy = got["spread_proxy.us_bbb_oas"], got["spread_proxy.us_hy_oas"]
    days = [d.date() for d in bbb.frame["date"]]
    assert days[0] == date(2026, 6, 26) and days[-1] == date(2026, 7, 10)
    assert date(2026, 7, 3) not in days  # the empty value of a bond-market holiday
    assert bbb.frame["value"].iat[0] == pytest.approx(102.0)  # 1.02 % = 102 bp
    assert hy.frame["value"].iat[0] == pytest.approx(287.0)
    for b in (bbb, hy):
        assert (b.meta.unit, b.meta.frequency, b.meta.is_demo) == ("bp", "D", False)
        assert "CDS 아님" in b.meta.title_ko and "not CDS" in b.meta.title_en
        assert "proxy" in b.meta.title_en and b.meta.extra["proxy"] is True
        assert "ICE Data Indices" in b.meta.licence and b.meta.source == "FRED (ICE BofA)"
    assert bbb.meta.extra["fred_id"] == "BAMLC0A4CBBB" and "Oracle" in bbb.meta.extra["proxy_for"]


def test_the_fetch_is_incremental_with_a_few_days_of_overlap(httpserver) -> None:
    for fid in IDS:
        httpserver.expect_request("/graph/fredgraph.csv", query_string={"id": fid, "cosd": "2026-06-30"}
                                  ).respond_with_data((REPLAY / f"fred_{fid}.csv").read_bytes())
    got = fetch(httpserver, {"spread_proxy.us_bbb_oas": date(2026, 7, 10),
                             "spread_proxy.us_hy_oas": date(2026, 7, 10)})
    assert len(got) == 2 and len(httpserver.log) == 2


def test_the_base_url_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("QNAI_FRED_BASE_URL", "http://127.0.0.1:9/fred/")
    assert FredSpreads().base_url == "http://127.0.0.1:9/fred"


def test_a_refresh_puts_the_proxies_beside_cds_labelled_as_proxies(cache, httpserver) -> None:
    serve_replay(httpserver)
    result = run_refresh(cache, [FredSpreads(httpserver.url_for(""))], today=TODAY, http_factory=fast_http)
    assert result.ok, result.to_dict()
    spec = catalogue_by_id()["cds_oracle_coreweave"]
    ids = list(cache.series.metas())
    plotted = resolve_series(spec, ids)
    assert plotted[:2] == ["cds.coreweave_5y", "cds.oracle_5y"]  # the CDS glob takes only cds.*
    assert plotted[2:] == ["spread_proxy.us_bbb_oas", "spread_proxy.us_hy_oas"]
    metas = cache.series.metas()
    frames = {sid: cache.series.observations(sid) for sid in plotted}
    chart = prepare(spec, frames, metas)
    labels = {s.series_id: (s.label("ko"), s.label("en")) for s in chart.series}
    assert labels["spread_proxy.us_bbb_oas"] == ("BBB 회사채 OAS (대용치, CDS 아님)",
                                                 "US BBB OAS (proxy, not CDS)")
    assert all("CDS" not in lab or "not CDS" in lab or "CDS 아님" in lab
               for sid, pair in labels.items() if sid.startswith("spread_proxy.") for lab in pair)
    # the CDS lines are still illustrative: flagged; the real proxies keep their publisher
    assert chart.source_en == ("Source: Illustrative data — not a real source (Bloomberg), "
                               "FRED (ICE BofA), SK Securities")


def test_the_monitors_tab_lists_the_proxies_once_they_are_cached(cache, httpserver) -> None:
    proxies = [m for m in DEFAULT_MONITORS if m.series_id.startswith("spread_proxy.")]
    assert [m.series_id for m in proxies] == ["spread_proxy.us_bbb_oas", "spread_proxy.us_hy_oas"]
    assert all("not CDS" in m.label_en and "CDS 아님" in m.label_ko for m in proxies)
    before = {r["series_id"] for r in monitor_rows(cache, TODAY, "en")}
    assert not before & {m.series_id for m in proxies}  # nothing to show before a fetch
    serve_replay(httpserver)
    run_refresh(cache, [FredSpreads(httpserver.url_for(""))], today=TODAY, http_factory=fast_http)
    rows = {r["series_id"]: r for r in monitor_rows(cache, TODAY, "en")}
    bbb = rows["spread_proxy.us_bbb_oas"]
    assert bbb["name"] == "US BBB corporate OAS (Oracle proxy, not CDS)"
    assert bbb["source"] == "FRED (ICE BofA)" and bbb["chart_id"] == "cds_oracle_coreweave"
    assert bbb["last_value"] == pytest.approx(105.0)


# --- hostile answers --------------------------------------------------------------------------------

HOSTILE = {
    "html error page": (b"<!DOCTYPE html><html><body><h1>Series does not exist.</h1></body></html>",
                        r"expected the header 'observation_date,BAMLC0A4CBBB'"),
    "drifted header": (b"DATE,VALUE\n2026-07-01,1.01\n", r"got 'DATE,VALUE'"),
    "truncated mid-date": (b"observation_date,BAMLC0A4CBBB\n2026-07-01,1.01\n2026-07-0", r"line 3 has "),
    "huge number": (b"observation_date,BAMLC0A4CBBB\n2026-07-01,1e999\n", r"not a spread in percent"),
    "absurd spread": (b"observation_date,BAMLC0A4CBBB\n2026-07-01," + b"9" * 40 + b"\n",
                      r"not a spread in percent"),
    "negative": (b"observation_date,BAMLC0A4CBBB\n2026-07-01,-3\n", r"not a spread in percent"),
    "extra column": (b"observation_date,BAMLC0A4CBBB\n2026-07-01,1.01,7\n", r"3 cells, not 2"),
    "giant cell": (b"observation_date,BAMLC0A4CBBB\n2026-07-01," + b"7" * 140_000 + b"\n",
                   r"unreadable CSV"),  # found by the fuzzer: past the csv module's field limit
    "echoed key": (f"observation_date,BAMLC0A4CBBB\n2026-07-01,{ENV_KEY}\n".encode(), r"not a number"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_answer_fails_clearly_and_writes_nothing(cache, httpserver, monkeypatch,
                                                           case: str) -> None:
    monkeypatch.setenv("QNAI_FRED_API_KEY", ENV_KEY)  # FRED needs none; a stray one is still scrubbed
    body, reason = HOSTILE[case]
    httpserver.expect_request("/graph/fredgraph.csv").respond_with_data(body, content_type="text/csv")
    before = data_dump(cache)
    [res] = run_refresh(cache, [FredSpreads(httpserver.url_for(""))], today=TODAY,
                        http_factory=fast_http).sources
    assert res.status == FAILED and res.error.startswith("FRED"), res.error
    with pytest.raises(SchemaError, match=reason):
        with HttpClient(retries=0) as http:
            FredSpreads(httpserver.url_for("")).fetch(FetchContext(http, {}, TODAY))
    assert data_dump(cache) == before
    assert ENV_KEY not in res.error and ENV_KEY not in "\n".join(cache.db.conn.iterdump())


def test_a_header_echoing_a_key_is_masked_in_the_message(cache, httpserver, monkeypatch) -> None:
    monkeypatch.setenv("QNAI_FRED_API_KEY", ENV_KEY)
    httpserver.expect_request("/graph/fredgraph.csv").respond_with_data(f"observation_date,{ENV_KEY}\n")
    [res] = run_refresh(cache, [FredSpreads(httpserver.url_for(""))], today=TODAY,
                        http_factory=fast_http).sources
    assert res.status == FAILED and "***" in res.error and ENV_KEY not in res.error


def test_a_server_error_is_retried_then_reported(cache, httpserver) -> None:
    httpserver.expect_ordered_request("/graph/fredgraph.csv").respond_with_data("busy", 503,
                                                                                {"Retry-After": "2"})
    serve_replay(httpserver)
    seen: list[float] = []
    result = run_refresh(cache, [FredSpreads(httpserver.url_for(""))], today=TODAY,
                         http_factory=lambda c: HttpClient(cancelled=c, sleep=seen.append, retries=2))
    assert [s.status for s in result.sources] == [OK] and seen == [2.0]
