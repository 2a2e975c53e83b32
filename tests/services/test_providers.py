"""Providers against a local replay server: real response shapes, errors, retries, no key leaks."""

from __future__ import annotations

import json
import re
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from werkzeug import Request, Response

from qnai_desktop.services.providers import (
    CodingAgentCommits,
    EpochCompanies,
    FetchContext,
    GpuRentalPrices,
    HttpClient,
    HttpStatusError,
    NpmDownloads,
    OpenRouterModels,
    OpenRouterRankings,
    ProviderError,
    SchemaError,
)
from qnai_desktop.services.providers.http import USER_AGENT, retry_after

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay"
TODAY = date(2026, 8, 24)


def replay(name: str) -> bytes:
    return (REPLAY / name).read_bytes()


class Sleeps(list):
    """Records the waits instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def http(sleeps: Sleeps):
    with HttpClient(sleep=sleeps, retries=3) as client:
        yield client


def ctx(http: HttpClient, **last: date) -> FetchContext:
    return FetchContext(http, {k.replace("__", "."): v for k, v in last.items()}, TODAY)


def npm_handler(seen: list[str], start_zero: str = "2025-02-24"):
    """Answers any range request in npm's shape: deterministic counts, zeros before launch."""
    def handle(request: Request) -> Response:
        seen.append(request.environ["RAW_URI"])
        m = re.match(r"/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)", request.path)
        lo, hi, package = date.fromisoformat(m[1]), date.fromisoformat(m[2]), m[3]
        days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
        rows = [{"downloads": 0 if str(d) < start_zero else 1000 + d.toordinal() % 97, "day": str(d)}
                for d in days]
        body = {"start": str(lo), "end": str(hi), "package": package, "downloads": rows}
        return Response(json.dumps(body), content_type="application/json")
    return handle


# --- the HTTP client -----------------------------------------------------------------------------

def test_429_with_retry_after_is_honoured(httpserver, http, sleeps) -> None:
    httpserver.expect_ordered_request("/x").respond_with_data("slow down", 429, {"Retry-After": "2"})
    httpserver.expect_ordered_request("/x").respond_with_json({"ok": 1})
    assert http.get_json(httpserver.url_for("/x")) == {"ok": 1}
    assert sleeps == [2.0] and http.requests == 2


def test_5xx_backs_off_exponentially_then_gives_up(httpserver, http, sleeps) -> None:
    httpserver.expect_request("/x").respond_with_data("oops", 500)
    with pytest.raises(ProviderError, match=r"HTTP 500 .*gave up after 4 tries"):
        http.get(httpserver.url_for("/x"))
    assert sleeps == [1.0, 2.0, 4.0]


def test_a_long_retry_after_fails_at_once_instead_of_hanging(httpserver, http, sleeps) -> None:
    httpserver.expect_request("/x").respond_with_data("", 429, {"Retry-After": "3600"})
    with pytest.raises(ProviderError, match="asks to wait 3600 s"):
        http.get(httpserver.url_for("/x"))
    assert sleeps == []


def test_retry_after_as_http_date() -> None:
    import httpx

    resp = httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:30 GMT"})
    assert retry_after(resp, now=lambda: 1445412480.0) == 30.0


def test_404_is_not_retried_and_names_the_reason(httpserver, http, sleeps) -> None:
    httpserver.expect_request("/x").respond_with_data(replay("npm_404.json"), 404,
                                                      content_type="application/json")
    reason = r"HTTP 404 \(package @nope/nothing not found\) from http"
    with pytest.raises(HttpStatusError, match=reason) as info:
        http.get(httpserver.url_for("/x"))
    assert info.value.status == 404 and sleeps == []


def test_timeout_is_retried_then_reported(httpserver, sleeps) -> None:
    import httpx

    def slow(_request: Request) -> Response:
        time.sleep(0.6)
        return Response("{}")
    httpserver.expect_request("/slow").respond_with_handler(slow)
    with HttpClient(sleep=sleeps, retries=1, timeout=httpx.Timeout(0.2)) as client, \
            pytest.raises(ProviderError, match=r"timed out after 0.2 s.*gave up after 2 tries"):
        client.get(httpserver.url_for("/slow"))
    assert sleeps == [1.0]


def test_truncated_json_is_a_clear_schema_error(httpserver, http) -> None:
    httpserver.expect_request("/x").respond_with_data(replay("npm_range_claude_code.json")[:120],
                                                      content_type="application/json")
    with pytest.raises(SchemaError, match=r"invalid JSON .*truncated"):
        http.get_json(httpserver.url_for("/x"))


def test_user_agent_and_tls_verification(httpserver, http) -> None:
    httpserver.expect_request("/x", headers={"User-Agent": USER_AGENT}).respond_with_json({})
    http.get_json(httpserver.url_for("/x"))
    assert http.verify is True and USER_AGENT.startswith("qnai-desktop/")


# --- npm -----------------------------------------------------------------------------------------

def test_npm_fetches_full_history_in_18_month_chunks_with_encoded_scopes(httpserver, http) -> None:
    seen: list[str] = []
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(npm_handler(seen))
    npm = NpmDownloads(httpserver.url_for(""), packages={"claude_code": "@anthropic-ai/claude-code"})
    [bundle] = npm.fetch(ctx(http))
    assert seen == ["/downloads/range/2025-01-01:2026-06-24/@anthropic-ai%2Fclaude-code",
                    "/downloads/range/2026-06-25:2026-08-23/@anthropic-ai%2Fclaude-code"]
    df = bundle.frame
    assert df["date"].iat[0].date() == date(2025, 2, 24)  # zero days before launch dropped
    assert df["date"].iat[-1].date() == date(2026, 8, 23) and bundle.meta.is_demo is False


def test_npm_is_incremental_from_the_last_cached_day(httpserver, http) -> None:
    seen: list[str] = []
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(npm_handler(seen))
    npm = NpmDownloads(httpserver.url_for(""), packages={"cline": "cline"})
    [bundle] = npm.fetch(ctx(http, npm__downloads__cline=date(2026, 8, 20)))
    assert seen == ["/downloads/range/2026-08-17:2026-08-23/cline"]  # 3 days of overlap
    assert len(bundle.frame) == 7


def test_npm_base_url_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("QNAI_NPM_BASE_URL", "http://127.0.0.1:9/npm/")
    assert NpmDownloads().base_url == "http://127.0.0.1:9/npm"


def test_npm_schema_drift_is_refused(httpserver, http) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_data(
        replay("npm_schema_drift.json"), content_type="application/json")
    npm = NpmDownloads(httpserver.url_for(""), packages={"claude_code": "@anthropic-ai/claude-code"})
    with pytest.raises(SchemaError, match=r"no 'downloads' list .*counts"):
        npm.fetch(ctx(http, npm__downloads__claude_code=date(2026, 8, 20)))


def test_npm_replayed_week_parses(httpserver, http) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_data(
        replay("npm_range_claude_code.json"), content_type="application/json")
    npm = NpmDownloads(httpserver.url_for(""), packages={"claude_code": "@anthropic-ai/claude-code"})
    [bundle] = npm.fetch(FetchContext(http, {"npm.downloads.claude_code": date(2026, 7, 4)},
                                      date(2026, 7, 8)))
    assert list(bundle.frame["value"])[:2] == [410000.0, 411000.0]


# --- gpurentalprices, Epoch, coding agents -------------------------------------------------------

def snapshot(day: date) -> bytes:
    doc = json.loads(replay("gpurentalprices_snapshot.json"))
    doc["date"] = str(day)
    return json.dumps(doc).encode()


def test_gpurentalprices_fetches_days_after_the_cache_and_skips_gaps(httpserver, http) -> None:
    httpserver.expect_request("/data/latest.json").respond_with_data(snapshot(date(2026, 8, 3)))
    httpserver.expect_request("/data/snapshots/2026-08-01.json").respond_with_data(snapshot(date(2026, 8, 1)))
    httpserver.expect_request("/data/snapshots/2026-08-02.json").respond_with_data("", 404)
    gpu = GpuRentalPrices(httpserver.url_for(""))
    bundles = {b.meta.id: b for b in gpu.fetch(ctx(http, gpu_rent__h100__median=date(2026, 7, 31)))}
    h100 = bundles["gpu_rent.h100.median"].frame
    assert [d.date() for d in h100["date"]] == [date(2026, 8, 1), date(2026, 8, 3)]
    # h100-sxm 2.69, 3.49, h100-pcie 2.39, lambda 2.99, hyperstack h100 2.40; spot excluded
    assert h100["value"].iat[0] == pytest.approx(2.69) and int(h100["n"].iat[0]) == 5


def test_gpurentalprices_up_to_date_cache_fetches_only_latest(httpserver, http) -> None:
    httpserver.expect_request("/data/latest.json").respond_with_data(snapshot(date(2026, 8, 3)))
    gpu = GpuRentalPrices(httpserver.url_for(""))
    assert gpu.fetch(ctx(http, gpu_rent__h100__median=date(2026, 8, 3))) == []
    assert http.requests == 1


def test_gpurentalprices_schema_drift(httpserver, http) -> None:
    httpserver.expect_request("/data/latest.json").respond_with_json({"date": "2026-08-03", "items": []})
    with pytest.raises(SchemaError, match=r"expected \{date, offers"):
        GpuRentalPrices(httpserver.url_for("")).fetch(ctx(http))


def test_epoch_csvs_closed_rounds_only(httpserver, http) -> None:
    httpserver.expect_request("/data/ai_companies_revenue_reports.csv").respond_with_data(
        replay("epoch_revenue_reports.csv"))
    httpserver.expect_request("/data/ai_companies_funding_rounds.csv").respond_with_data(
        replay("epoch_funding_rounds.csv"))
    got = {b.meta.id: list(b.frame["value"]) for b in EpochCompanies(httpserver.url_for("")).fetch(ctx(http))}
    assert got == {"epoch.arr.openai": [20.0], "epoch.arr.anthropic": [9.0],
                   "epoch.valuation.openai": [300.0], "epoch.valuation.anthropic": [183.0]}


def test_epoch_missing_column_names_the_url(httpserver, http) -> None:
    httpserver.expect_request("/data/ai_companies_revenue_reports.csv").respond_with_data("Id,Name\n1,x\n")
    httpserver.expect_request("/data/ai_companies_funding_rounds.csv").respond_with_data(
        replay("epoch_funding_rounds.csv"))
    with pytest.raises(SchemaError, match=r"required column 'Company' is missing.*from http"):
        EpochCompanies(httpserver.url_for("")).fetch(ctx(http))


def test_coding_agents_days_after_the_cache(httpserver, http) -> None:
    httpserver.expect_request("/commit-data/2026-08-22.csv").respond_with_data(replay("coding_agents_day.csv"))
    httpserver.expect_request("/commit-data/2026-08-23.csv").respond_with_data("", 404)
    agents = CodingAgentCommits(httpserver.url_for(""))
    got = {b.meta.id: b for b in agents.fetch(ctx(http, agents__commits__total=date(2026, 8, 21)))}
    assert got["agents.commits.claude"].frame["value"].iat[0] == 402117
    assert got["agents.share.claude"].frame["value"].iat[0] == pytest.approx(402117 / 9120334 * 100)


# --- OpenRouter ----------------------------------------------------------------------------------

def test_openrouter_models_become_price_tiers(httpserver, http) -> None:
    httpserver.expect_request("/api/v1/models").respond_with_data(replay("openrouter_models.json"),
                                                                  content_type="application/json")
    got = {b.meta.id: b.frame for b in OpenRouterModels(httpserver.url_for("")).fetch(ctx(http))}
    assert set(got) == {f"openrouter.price.{t}" for t in ("small", "mid", "near_frontier", "frontier")}
    frontier = got["openrouter.price.frontier"]  # opus 4.1, gpt-5, gemini 2.5 pro; free/auto ignored
    assert int(frontier["n"].iat[0]) == 3 and frontier["date"].iat[0].date() == TODAY
    assert frontier["value"].iat[0] == pytest.approx((3 * 1.25 + 10) / 4)
    assert int(got["openrouter.price.mid"]["n"].iat[0]) == 4


def test_openrouter_models_schema_drift(httpserver, http) -> None:
    httpserver.expect_request("/api/v1/models").respond_with_json({"models": []})
    with pytest.raises(SchemaError, match="non-empty 'data' list"):
        OpenRouterModels(httpserver.url_for("")).fetch(ctx(http))


KEY = "sk-or-v1-TEST-SECRET-0123456789"


def test_openrouter_rankings_weekly_vendor_tokens_with_bearer_key(httpserver, http) -> None:
    httpserver.expect_request("/api/v1/datasets/rankings-daily",
                              headers={"Authorization": f"Bearer {KEY}"},
                              query_string={"start_date": "2026-06-29", "end_date": "2026-07-12"}
                              ).respond_with_data(replay("openrouter_rankings_daily.json"),
                                                  content_type="application/json")
    provider = OpenRouterRankings(httpserver.url_for(""), key_getter=lambda: KEY)
    got = {b.meta.id: b for b in provider.fetch(FetchContext(
        http, {"openrouter.tokens.anthropic": date(2026, 6, 22)}, date(2026, 7, 13)))}
    xai = got["openrouter.tokens.xai"]
    assert [d.date() for d in xai.frame["date"]] == [date(2026, 6, 29), date(2026, 7, 6)]
    assert xai.frame["value"].iat[0] == pytest.approx(sum(4.0e11 * (1 + 0.01 * i) for i in range(7)) / 1e9,
                                                       rel=1e-6)
    assert "z-ai" not in str(got) and "openrouter.tokens.others" in got
    assert "as of 2026-07-13T02:00:00Z" in xai.meta.licence and xai.meta.frequency == "W"


def test_openrouter_rankings_without_a_key_is_unavailable() -> None:
    provider = OpenRouterRankings("http://127.0.0.1:9", key_getter=lambda: None)
    assert "no OpenRouter API key in the OS keyring" in provider.unavailable()


def test_openrouter_401_never_shows_the_key(httpserver, http, caplog) -> None:
    httpserver.expect_request("/api/v1/datasets/rankings-daily").respond_with_data(
        replay("openrouter_401.json"), 401, content_type="application/json")
    provider = OpenRouterRankings(httpserver.url_for(""), key_getter=lambda: KEY)
    with pytest.raises(HttpStatusError, match=r"HTTP 401 \(No auth credentials found\)") as info:
        provider.fetch(FetchContext(http, {}, date(2025, 1, 20)))
    assert KEY not in str(info.value) and KEY not in caplog.text
