"""Deadlines: a server that trickles bytes cannot hold a request, a source or the refresh.

httpx's read timeout is per read, so a server sending one byte every 0.5 s never trips it. These
tests use raw socket servers on 127.0.0.1 that send the headers (or half a status line) and then
one byte every 0.5 s, with a request deadline of ~2 s so each test ends in seconds.
"""

from __future__ import annotations

import logging
import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from qnai_desktop.services.providers import (
    Cancelled,
    DeadlineError,
    FetchContext,
    GpuRentalPrices,
    HttpClient,
    NpmDownloads,
    Provider,
    ProviderError,
)
from qnai_desktop.services.refresh import (
    DEADLINE_ENV,
    FAILED,
    OK,
    SOURCE_DEADLINE,
    run_refresh,
    source_deadline,
)

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay"
SLACK = 1.0  # seconds allowed past a deadline (slices of 0.25 s, a shared 2-core machine)
BODY_HEAD = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")


class TrickleServer:
    """For every connection: read the request head, send ``head``, then one byte per ``every`` s."""

    def __init__(self, head: bytes, every: float = 0.5) -> None:
        self.head, self.every = head, every
        self.connections = 0
        self._stop = threading.Event()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            try:
                conn.sendall(self.head)
                while not self._stop.wait(self.every):
                    conn.sendall(b"x")
            except OSError:  # the client gave up and closed: what these tests expect
                return

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        for t in self._threads:
            t.join(timeout=2)


@pytest.fixture
def trickle_body() -> Iterator[TrickleServer]:
    server = TrickleServer(BODY_HEAD)
    yield server
    server.close()


@pytest.fixture
def trickle_header() -> Iterator[TrickleServer]:
    server = TrickleServer(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    yield server
    server.close()


def timed(fn) -> tuple[BaseException | None, float]:
    started = time.monotonic()
    try:
        fn()
    except Exception as exc:  # the test inspects it
        return exc, time.monotonic() - started
    return None, time.monotonic() - started


@pytest.mark.parametrize("server", ["trickle_body", "trickle_header"])
def test_a_trickling_server_ends_at_the_request_deadline(request, server: str) -> None:
    srv = request.getfixturevalue(server)
    with HttpClient(retries=0, deadline=2.0) as http:  # read timeout stays 20 s: never reached
        exc, seconds = timed(lambda: http.get(srv.url + "/data/latest.json"))
    assert isinstance(exc, ProviderError) and not isinstance(exc, DeadlineError), exc
    assert str(exc).startswith("no complete answer within 2 s (the request deadline")
    assert "/data/latest.json" in str(exc)
    assert 1.9 <= seconds <= 2.0 + SLACK, seconds


def test_retries_do_not_extend_the_source_deadline(trickle_body: TrickleServer) -> None:
    with HttpClient(retries=5, deadline=1.0, backoff=0.0) as http:  # retry at once
        http.limit_source(2.5)
        exc, seconds = timed(lambda: http.get(trickle_body.url + "/x"))
    assert isinstance(exc, DeadlineError), exc
    assert str(exc).startswith("gave up after 2.5 s (the source's deadline)")
    assert 2.4 <= seconds <= 2.5 + SLACK, seconds
    assert trickle_body.connections == 3  # 1 s + 1 s + cut at 2.5 s: the retries stopped there


def test_a_retry_wait_past_the_source_deadline_is_not_slept(httpserver) -> None:
    httpserver.expect_request("/x").respond_with_data("", 503, {"Retry-After": "30"})
    slept: list[float] = []
    with HttpClient(retries=3, sleep=slept.append) as http:
        http.limit_source(10)
        with pytest.raises(DeadlineError, match=r"gave up after 10 s .*HTTP 503.*retry in 30 s"):
            http.get(httpserver.url_for("/x"))
    assert slept == [] and len(httpserver.log) == 1


def test_cancel_ends_a_blocked_read(trickle_header: TrickleServer) -> None:
    flag = threading.Event()
    threading.Timer(0.5, flag.set).start()
    with HttpClient(retries=3, deadline=30.0, cancelled=flag.is_set) as http:
        exc, seconds = timed(lambda: http.get(trickle_header.url + "/x"))
    assert isinstance(exc, Cancelled), exc
    assert seconds <= 0.5 + SLACK, seconds


def test_a_normal_response_is_unaffected(httpserver) -> None:
    httpserver.expect_request("/ok").respond_with_json({"fine": True})
    with HttpClient(retries=0, deadline=2.0) as http:
        http.limit_source(5)
        assert http.get_json(httpserver.url_for("/ok")) == {"fine": True}


def test_a_slow_source_fails_alone_and_writes_nothing(cache, trickle_body: TrickleServer,
                                                      httpserver) -> None:
    snapshot = (REPLAY / "gpurentalprices_snapshot.json").read_bytes()
    httpserver.expect_request("/data/latest.json").respond_with_data(
        re.sub(rb'"date":\s*"[^"]*"', b'"date": "2026-08-01"', snapshot, count=1))
    providers = [NpmDownloads(trickle_body.url, packages={"cline": "cline"}),
                 GpuRentalPrices(httpserver.url_for(""))]
    before = cache.series.observations("npm.downloads.cline")
    started = time.monotonic()
    result = run_refresh(cache, providers, today=date(2026, 8, 5), deadline=2.5,
                         http_factory=lambda cancel: HttpClient(cancelled=cancel, retries=5,
                                                                deadline=1.0, backoff=0.0))
    npm, gpu = result.sources
    assert (npm.status, gpu.status) == (FAILED, OK), result.to_dict()
    assert npm.error.startswith("gave up after 2.5 s (the source's deadline)")
    assert time.monotonic() - started <= 2.5 + SLACK + 2  # + the gpu source and the writes
    assert cache.series.meta("npm.downloads.cline").is_demo
    assert cache.series.observations("npm.downloads.cline").equals(before)
    assert cache.settings.get("refresh.last_success.npm") is None
    details = list(cache.provenance(5)["detail"])
    assert any(d.startswith("refresh npm: failed: gave up after 2.5 s") for d in details)
    assert not cache.series.meta("gpu_rent.h100.median").is_demo


@pytest.mark.parametrize("text, expected", [("", SOURCE_DEADLINE), ("7.5", 7.5), ("90", 90.0),
                                            ("abc", SOURCE_DEADLINE), ("0", SOURCE_DEADLINE),
                                            ("-3", SOURCE_DEADLINE), ("inf", SOURCE_DEADLINE)])
def test_the_source_deadline_comes_from_the_environment(text: str, expected: float, caplog) -> None:
    with caplog.at_level(logging.WARNING):
        assert source_deadline({DEADLINE_ENV: text}) == expected
    warned = [r.getMessage() for r in caplog.records]
    assert bool(warned) == (text not in ("", "7.5", "90"))
    assert all(DEADLINE_ENV in w for w in warned)


class Idle(Provider):
    name = "idle"

    def fetch(self, ctx: FetchContext) -> list:
        return []


def test_run_refresh_limits_each_source_by_the_environment(cache, monkeypatch) -> None:
    monkeypatch.setenv(DEADLINE_ENV, "42")
    made: list[HttpClient] = []

    def factory(cancel):
        made.append(HttpClient(cancelled=cancel))
        return made[-1]

    provider = Idle("http://127.0.0.1:9")
    assert run_refresh(cache, [provider], today=date(2026, 8, 5), http_factory=factory).ok
    assert [h.source_deadline for h in made] == [42.0]
