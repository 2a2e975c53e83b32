"""npm stays polite: at most 18 months per range, about one request a second, 429s honoured."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from werkzeug import Request, Response

from qnai_desktop.services.providers import FetchContext, HttpClient, NpmDownloads, ProviderError

TODAY = date(2026, 8, 24)
PACKAGES = {"claude_code": "@anthropic-ai/claude-code", "codex": "@openai/codex"}


class Clock:
    """A fake monotonic clock that only moves when the recorded sleep is called."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def months_between(lo: date, hi: date) -> float:
    return (hi.year - lo.year) * 12 + (hi.month - lo.month) + (hi.day - lo.day) / 31


def answer(seen: list[str]):
    def handle(request: Request) -> Response:
        seen.append(request.path)
        m = re.match(r"/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)", request.path)
        lo, hi = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        rows = [{"downloads": 5, "day": str(lo + timedelta(days=i))} for i in range((hi - lo).days + 1)]
        return Response(json.dumps({"start": m[1], "end": m[2], "package": m[3], "downloads": rows}),
                        content_type="application/json")
    return handle


@pytest.fixture
def clock() -> Clock:
    return Clock()


def fetch(base: str, clock: Clock, last: dict[str, date] | None = None, **http_kw):
    provider = NpmDownloads(base, packages=PACKAGES, clock=clock)
    with HttpClient(sleep=clock.sleep, **http_kw) as http:
        return provider.fetch(FetchContext(http, last or {}, TODAY)), http


def test_a_first_fetch_asks_at_most_18_months_per_request(httpserver, clock: Clock) -> None:
    seen: list[str] = []
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(answer(seen))
    bundles, _http = fetch(httpserver.url_for(""), clock)
    assert len(seen) == 4 and len(bundles) == 2
    ranges = [re.match(r"/downloads/range/([\d-]+):([\d-]+)/", p).groups() for p in seen]
    for lo, hi in ranges:
        assert months_between(date.fromisoformat(lo), date.fromisoformat(hi)) < 18, (lo, hi)
    # the chunks of one package tile the history with no gap and no overlap
    first = [(date.fromisoformat(lo), date.fromisoformat(hi)) for lo, hi in ranges[:2]]
    assert first[0][0] == date(2025, 1, 1) and first[1][0] == first[0][1] + timedelta(days=1)
    assert first[1][1] == TODAY - timedelta(days=1)


def test_requests_are_paced_about_one_a_second(httpserver, clock: Clock) -> None:
    seen: list[str] = []
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(answer(seen))
    fetch(httpserver.url_for(""), clock)
    # no wait before the first request, then one second between request starts (the fake clock
    # stands still while the server answers, so each wait is the whole second)
    assert clock.sleeps == [1.0, 1.0, 1.0]


def test_pacing_counts_the_time_a_response_took(httpserver) -> None:
    seen: list[str] = []

    class SlowServerClock(Clock):
        def __call__(self) -> float:
            self.now += 0.4  # each look at the clock: 0.4 s later (a slow answer)
            return self.now

    slow = SlowServerClock()
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(answer(seen))
    fetch(httpserver.url_for(""), slow, last={"npm.downloads.claude_code": TODAY - timedelta(days=5),
                                             "npm.downloads.codex": TODAY - timedelta(days=5)})
    assert len(seen) == 2 and slow.sleeps == [pytest.approx(0.6)]


def test_a_429_waits_for_retry_after_and_then_the_data_lands(httpserver, clock: Clock) -> None:
    seen: list[str] = []
    route = re.compile(r"^/downloads/range/")
    httpserver.expect_ordered_request(route).respond_with_data(
        json.dumps({"error": "rate limited"}), 429, {"Retry-After": "7"}, content_type="application/json")
    httpserver.expect_ordered_request(route).respond_with_handler(answer(seen))
    httpserver.expect_request(route).respond_with_handler(answer(seen))
    last = {"npm.downloads.claude_code": TODAY - timedelta(days=5),
            "npm.downloads.codex": TODAY - timedelta(days=5)}
    bundles, http = fetch(httpserver.url_for(""), clock, last=last)
    assert http.requests == 3 and len(bundles) == 2
    assert clock.sleeps[0] == 7.0  # the server's Retry-After, not the backoff
    assert all(len(b.frame) == 8 for b in bundles)  # 5 new days + 3 of overlap


def test_a_429_asking_for_a_long_wait_fails_with_the_reason(httpserver, clock: Clock) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_data(
        json.dumps({"error": "rate limited"}), 429, {"Retry-After": "900"},
        content_type="application/json")
    with pytest.raises(ProviderError, match=r"HTTP 429 \(rate limited\).*asks to wait 900 s"):
        fetch(httpserver.url_for(""), clock)
    assert 900.0 not in clock.sleeps


def test_pacing_can_be_switched_off_for_a_mirror(httpserver, clock: Clock) -> None:
    seen: list[str] = []
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(answer(seen))
    provider = NpmDownloads(httpserver.url_for(""), packages=PACKAGES, pace=0, clock=clock)
    with HttpClient(sleep=clock.sleep) as http:
        provider.fetch(FetchContext(http, {}, TODAY))
    assert len(seen) == 4 and clock.sleeps == []
