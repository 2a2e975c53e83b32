"""services.refresh: per-source transactions, failures leave the cache untouched, cancel, provenance."""

from __future__ import annotations

import json
import re
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from werkzeug import Request, Response

from qnai_desktop.services.providers import (
    GpuRentalPrices,
    HttpClient,
    NpmDownloads,
    OpenRouterModels,
    OpenRouterRankings,
)
from qnai_desktop.services.refresh import FAILED, OK, SKIPPED, last_success, run_refresh

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay"
TODAY = date(2026, 8, 5)
KEY = "sk-or-v1-NEVER-STORE-ME-42"


def data_dump(cache) -> list[str]:
    """Every table but provenance (a failed run is recorded there on purpose)."""
    return [line for line in cache.db.conn.iterdump() if '"provenance"' not in line]


def npm_range(request: Request) -> Response:
    m = re.match(r"/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)", request.path)
    lo, hi = date.fromisoformat(m[1]), date.fromisoformat(m[2])
    days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
    rows = [{"downloads": 500 + d.toordinal() % 89, "day": str(d)} for d in days]
    return Response(json.dumps({"start": m[1], "end": m[2], "package": m[3], "downloads": rows}),
                    content_type="application/json")


def gpu_snapshot(day: str) -> bytes:
    doc = json.loads((REPLAY / "gpurentalprices_snapshot.json").read_bytes())
    doc["date"] = day
    return json.dumps(doc).encode()


@pytest.fixture
def server(httpserver):
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(npm_range)
    httpserver.expect_request("/data/latest.json").respond_with_data(gpu_snapshot("2026-08-02"))
    httpserver.expect_request(re.compile(r"^/data/snapshots/2026-08-01\.json$")).respond_with_data(
        gpu_snapshot("2026-08-01"))
    return httpserver


def fake_http(cancel):
    return HttpClient(cancelled=cancel, sleep=lambda s: None, timeout=httpx.Timeout(0.5))


def providers(base: str):
    return [NpmDownloads(base, packages={"claude_code": "@anthropic-ai/claude-code", "cline": "cline"}),
            GpuRentalPrices(base)]


def test_refresh_fills_npm_and_gpu_rent_and_records_everything(cache, server) -> None:
    assert cache.series.meta("npm.downloads.claude_code").is_demo
    seen = []
    result = run_refresh(cache, providers(server.url_for("")), today=TODAY, http_factory=fake_http,
                         progress=lambda *a: seen.append(a))
    assert [s.status for s in result.sources] == [OK, OK]
    npm = cache.series.observations("npm.downloads.claude_code")
    assert not cache.series.meta("npm.downloads.claude_code").is_demo
    assert npm["date"].iat[0].date() == date(2025, 1, 1) and npm["date"].iat[-1].date() == date(2026, 8, 4)
    assert result.sources[0].change.added == 2 * len(npm)  # demo points replaced, all new
    gpu = cache.series.observations("gpu_rent.h100.median")
    assert gpu["date"].iat[-1].date() == date(2026, 8, 2)
    assert result.sources[1].change.added == 6  # 2 days × h100/h200/b200
    assert all(last_success(cache, ["npm", "gpurentalprices"]).values())
    details = list(cache.provenance(10)["detail"])
    assert any(d.startswith("refresh npm: ok") for d in details)
    assert {s for s, *_ in seen} == {"npm", "gpurentalprices"}


def test_second_refresh_adds_nothing(cache, server) -> None:
    run_refresh(cache, providers(server.url_for("")), today=TODAY, http_factory=fake_http)
    again = run_refresh(cache, providers(server.url_for("")), today=TODAY, http_factory=fake_http)
    assert again.ok and again.change.added == 0
    assert again.sources[0].change.unchanged == 2 * 4  # 3 days of overlap + the last day, re-read


@pytest.mark.parametrize("failure", ["404", "500", "429", "timeout", "truncated", "drift"])
def test_a_failing_source_leaves_the_cache_untouched(cache, httpserver, failure: str) -> None:
    route = httpserver.expect_request(re.compile(r"^/downloads/range/"))
    if failure == "404":
        route.respond_with_data((REPLAY / "npm_404.json").read_bytes(), 404)
    elif failure in ("500", "429"):
        route.respond_with_data("", int(failure), {"Retry-After": "1"})
    elif failure == "timeout":
        route.respond_with_handler(lambda r: (time.sleep(0.8), Response("{}"))[1])
    elif failure == "truncated":
        route.respond_with_data((REPLAY / "npm_range_claude_code.json").read_bytes()[:90])
    else:
        route.respond_with_data((REPLAY / "npm_schema_drift.json").read_bytes())
    before = data_dump(cache)
    result = run_refresh(cache, [NpmDownloads(httpserver.url_for(""), packages={"cline": "cline"})],
                         today=TODAY, http_factory=fake_http)
    [res] = result.sources
    assert res.status == FAILED and res.error and not result.ok
    assert data_dump(cache) == before
    assert cache.provenance(1)["detail"].iat[0].startswith("refresh npm: failed: ")


def test_one_failure_does_not_stop_the_other_sources(cache, httpserver) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_data("", 500)
    httpserver.expect_request("/data/latest.json").respond_with_data(gpu_snapshot("2026-08-01"))
    result = run_refresh(cache, providers(httpserver.url_for("")), today=TODAY, http_factory=fake_http)
    assert [s.status for s in result.sources] == [FAILED, OK]
    assert cache.series.meta("npm.downloads.claude_code").is_demo  # untouched
    assert cache.settings.get("refresh.last_success.npm") is None
    assert cache.settings.get("refresh.last_success.gpurentalprices")


def test_cancel_discards_the_running_source_and_skips_the_rest(cache, server) -> None:
    calls = []

    def progress(source, done, total, message):
        calls.append(source)

    before = data_dump(cache)
    result = run_refresh(cache, providers(server.url_for("")), today=TODAY, http_factory=fake_http,
                         progress=progress, cancelled=lambda: len(calls) >= 2)
    assert [s.status for s in result.sources] == ["cancelled", "cancelled"]
    assert data_dump(cache) == before


def test_a_source_without_a_key_is_skipped_or_failed_when_asked_for(cache) -> None:
    no_key = OpenRouterRankings("http://127.0.0.1:9", key_getter=lambda: None)
    assert run_refresh(cache, [no_key], today=TODAY).sources[0].status == SKIPPED
    asked = run_refresh(cache, [no_key], today=TODAY, explicit=True)
    assert asked.sources[0].status == FAILED and "keyring" in asked.sources[0].error


def test_the_key_is_used_but_never_stored(cache, httpserver) -> None:
    httpserver.expect_request("/api/v1/datasets/rankings-daily",
                              headers={"Authorization": f"Bearer {KEY}"}).respond_with_data(
        (REPLAY / "openrouter_rankings_daily.json").read_bytes(), content_type="application/json")
    httpserver.expect_request("/api/v1/models").respond_with_data(
        (REPLAY / "openrouter_models.json").read_bytes(), content_type="application/json")
    base = httpserver.url_for("")
    result = run_refresh(cache, [OpenRouterRankings(base, key_getter=lambda: KEY), OpenRouterModels(base)],
                         today=date(2026, 7, 13), http_factory=fake_http)
    assert result.ok, result.to_dict()
    assert not cache.series.meta("openrouter.tokens.anthropic").is_demo
    assert cache.series.observations("openrouter.tokens.anthropic")["date"].iat[-1].date() == date(2026, 7, 6)
    assert "openrouter.price.frontier" in cache.series.ids()
    everything = "\n".join(cache.db.conn.iterdump())
    assert KEY not in everything and KEY not in json.dumps(result.to_dict())


class _WithValues(GpuRentalPrices):
    """A fundamentals-style source: ``write_values`` runs in the source's own transaction."""

    name = "gpurentalprices"

    def __init__(self, base: str, fail: bool) -> None:
        super().__init__(base)
        self.fail, self.warnings = fail, ["NVDA: no capital-expenditure concept"]

    def write_values(self, cache):
        from qnai_desktop.core.changes import ChangeSet

        cache.settings.set("test.values_written", "yes", how="fetch")
        if self.fail:
            raise RuntimeError("recompute broke")
        return ChangeSet()


def test_write_values_joins_the_sources_one_transaction_and_notes_reach_provenance(cache,
                                                                                   server) -> None:
    before = data_dump(cache)
    broken = run_refresh(cache, [_WithValues(server.url_for(""), fail=True)], today=TODAY,
                         http_factory=fake_http)
    assert broken.sources[0].status == FAILED and "recompute broke" in broken.sources[0].error
    assert data_dump(cache) == before  # series written before write_values rolled back too
    ok = run_refresh(cache, [_WithValues(server.url_for(""), fail=False)], today=TODAY,
                     http_factory=fake_http)
    assert ok.sources[0].status == OK and cache.settings.get("test.values_written") == "yes"
    assert ok.sources[0].change.series  # the observations landed with the values
    detail = cache.provenance(5)["detail"].tolist()
    assert any(d.endswith("; NVDA: no capital-expenditure concept") for d in detail), detail
