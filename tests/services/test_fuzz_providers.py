"""Hostile responses from every live source (issue 10, item 5): a clear ProviderError, cache untouched.

A local pytest-httpserver answers each provider with deeply nested, odd, truncated, cut-off,
schema-drifted or non-JSON/CSV bodies (drifted from the replay files in tests/fixtures/replay).
The refresh runs as in the app (``services.refresh.run_refresh``, one transaction per source):
the source either succeeds with finite values only, or fails with the provider's own error (not
the "unexpected error" of a provider bug), a short message naming the source or the URL, and
every table but provenance (which records the failed attempt) byte-identical.
Depth follows the Hypothesis profile (tests/conftest.py); see docs/FUZZING.md.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug import Response

from qnai_desktop.core.series import SeriesBundle
from qnai_desktop.services.providers import (
    ArtificialAnalysis,
    CodingAgentCommits,
    EpochCompanies,
    FredSpreads,
    GpuRentalPrices,
    HttpClient,
    MetaAds,
    NpmDownloads,
    OpenRouterModels,
    OpenRouterRankings,
    StatCounterChatbots,
)
from qnai_desktop.services.refresh import FAILED, OK, real_last_dates, run_refresh
from qnai_desktop.store.cache import Cache

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay"
KEEP = ("gpu_rent.h100.median", "agents.commits.total", "agents.commits.claude", "epoch.arr.openai",
        "npm.downloads.cline", "openrouter.tokens.anthropic")
MAX_MESSAGE = 500
fuzz = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])


@dataclass(frozen=True)
class Template:
    path: Path
    last: dict[str, date | None]


@pytest.fixture(scope="module")
def template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Template:
    """A small cache (the sources' real and illustrative series) and its newest real dates."""
    path = tmp_path_factory.mktemp("fuzzp") / "small.sqlite"
    with Cache.open(seeded_template) as seeded, Cache.open(path) as small:
        small.series.write_bundles([SeriesBundle(seeded.series.meta(s), seeded.series.observations(s))
                                    for s in KEEP], how="seed")
        return Template(path, real_last_dates(small))


def data_dump(cache: Cache) -> list[str]:
    return [line for line in cache.db.conn.iterdump() if '"provenance"' not in line]


def quick_http(cancel) -> HttpClient:
    return HttpClient(cancelled=cancel, retries=1, sleep=lambda s: None, timeout=httpx.Timeout(2.0))


def refresh_against(template: Template, provider, today: date) -> str:
    """Run one source against the server; check the outcome; return its status."""
    with tempfile.TemporaryDirectory(prefix="qnai-fuzzp-") as tmp:
        db = Path(tmp) / "cache.sqlite"
        shutil.copy(template.path, db)
        with Cache.open(db) as cache:
            before, runs = data_dump(cache), len(cache.provenance(10_000))
            [res] = run_refresh(cache, [provider], today=today, http_factory=quick_http).sources
            assert res.status in (OK, FAILED), res.to_dict()
            if res.status == FAILED:
                assert not res.error.startswith("unexpected error"), res.error  # not a ProviderError
                assert res.error.strip() and len(res.error) <= MAX_MESSAGE, res.error
                assert any(tag in res.error.casefold() for tag in
                           (provider.base_url, provider.name.split("_")[0]))
                assert data_dump(cache) == before, "a failed source changed the cache"
                assert len(cache.provenance(10_000)) == runs + 1
            else:
                for sid in res.change.series:
                    values = cache.series.observations(sid)["value"].dropna()
                    assert all(math.isfinite(v) for v in values), (sid, values.tolist())
            return res.status


# --- hostile bodies --------------------------------------------------------------------------------

LEAF = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(), st.text(max_size=8),
                 st.sampled_from(["1e999", "NaN", "-1", "", "2026-13-45", "9" * 50]))
ANY_JSON = st.recursive(LEAF, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                     st.dictionaries(st.text(max_size=6), kids, max_size=4)),
                        max_leaves=16)


@st.composite
def drifted(draw, doc: object) -> object:
    """``doc`` with random nodes replaced, dropped, renamed, re-typed or wrapped."""
    if isinstance(doc, dict):
        out = {}
        for key, value in doc.items():
            op = draw(st.integers(0, 12))
            if op == 0:
                continue  # dropped
            out[key + "_v2" if op == 1 else key] = (draw(LEAF) if op == 2 else [value] if op == 3
                                                    else draw(drifted(value)))
        return out
    if isinstance(doc, list):
        items = [draw(drifted(v)) for v in doc[: draw(st.integers(0, len(doc)))]]
        return items + draw(st.lists(ANY_JSON, max_size=2)) if draw(st.integers(0, 5)) == 0 else items
    return draw(LEAF) if draw(st.integers(0, 6)) == 0 else doc


def raw_json(obj: object) -> bytes:
    return json.dumps(obj, allow_nan=True).encode()


@st.composite
def json_body(draw, replay: str) -> tuple[bytes, int, dict]:
    """(body, status, headers): drifted replay, any JSON, deep nesting, truncation, not JSON."""
    valid = json.loads((REPLAY / replay).read_bytes())
    kind = draw(st.sampled_from(["drift", "drift", "any", "deep", "deep inside", "truncated", "bigint",
                                 "not json", "bad utf-8", "cut", "status"]))
    depth = draw(st.integers(900, 200_000))
    body = {
        "drift": lambda: raw_json(draw(drifted(copy.deepcopy(valid)))),
        "any": lambda: raw_json(draw(ANY_JSON)),
        "deep": lambda: b"[" * depth + b"]" * depth,
        "deep inside": lambda: b'{"data": ' + b'{"a":' * depth + b"1" + b"}" * depth + b', "meta": {}}',
        "truncated": lambda: raw_json(valid)[: draw(st.integers(0, len(raw_json(valid)) - 1))],
        "bigint": lambda: raw_json(valid).replace(b"[", b"[" + b"7" * 5000 + b", ", 1),
        "not json": lambda: draw(st.sampled_from([b"<html>503</html>", b"date,query\n1,2", b"",
                                                  b"\x00\xff"])),
        "bad utf-8": lambda: raw_json(valid).replace(b'"', b'"\xff', 1),
        "cut": lambda: raw_json(valid),
        "status": lambda: raw_json(draw(ANY_JSON)),
    }[kind]()
    headers = {"Content-Length": str(len(body) + 500)} if kind == "cut" else {}
    status = draw(st.sampled_from([400, 401, 403, 404, 410, 500, 503])) if kind == "status" else 200
    return body, status, headers


@st.composite
def csv_body(draw, replay: str) -> tuple[bytes, int, dict]:
    """Mutated replay CSV: cells and headers replaced, rows cut, bytes truncated, binary."""
    rows = list(csv.reader(io.StringIO((REPLAY / replay).read_text(encoding="utf-8"))))
    kind = draw(st.sampled_from(["cells", "cells", "header", "truncated", "binary", "cut", "status"]))
    if kind in ("cells", "header"):
        for _ in range(draw(st.integers(1, 6))):
            r = 0 if kind == "header" else draw(st.integers(0, len(rows) - 1))
            c = draw(st.integers(0, max(0, len(rows[r]) - 1)))
            if rows[r]:
                rows[r][c] = draw(st.one_of(LEAF.map(str), st.just("x" * 140_000)))
            if draw(st.integers(0, 3)) == 0:
                rows[r] = rows[r][: draw(st.integers(0, len(rows[r])))]
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    body = buf.getvalue().encode()
    if kind == "truncated":
        body = body[: draw(st.integers(0, len(body)))]
    elif kind == "binary":
        body = draw(st.binary(max_size=400))
    headers = {"Content-Length": str(len(body) + 500)} if kind == "cut" else {}
    return body, draw(st.sampled_from([404, 429, 500])) if kind == "status" else 200, headers


def serve(httpserver, path: str | re.Pattern, answer: tuple[bytes, int, dict]) -> None:
    body, status, headers = answer

    def respond(request) -> Response:
        response = Response(body, status, content_type="application/json")
        response.headers.update(headers)  # after construction: a "cut" body keeps its longer length
        return response

    httpserver.expect_request(path).respond_with_handler(respond)


# --- one property per source -------------------------------------------------------------------------

@fuzz
@given(answer=json_body("npm_range_claude_code.json"))
def test_npm(template: Template, httpserver, answer) -> None:
    httpserver.clear()
    serve(httpserver, re.compile(r"^/downloads/range/"), answer)
    refresh_against(template, NpmDownloads(httpserver.url_for(""), packages={"cline": "cline"}),
                    date(2025, 1, 20))


@fuzz
@given(answer=json_body("openrouter_models.json"))
def test_openrouter_models(template: Template, httpserver, answer) -> None:
    httpserver.clear()
    serve(httpserver, "/api/v1/models", answer)
    refresh_against(template, OpenRouterModels(httpserver.url_for("")), date(2026, 8, 5))


@fuzz
@given(answer=json_body("openrouter_rankings_daily.json"))
def test_openrouter_rankings(template: Template, httpserver, answer) -> None:
    httpserver.clear()
    serve(httpserver, "/api/v1/datasets/rankings-daily", answer)
    provider = OpenRouterRankings(httpserver.url_for(""), key_getter=lambda: "sk-or-v1-fuzz")
    last = template.last.get("openrouter.tokens.anthropic") or date(2025, 1, 6)
    refresh_against(template, provider, last + timedelta(days=20))


@fuzz
@given(answer=json_body("gpurentalprices_snapshot.json"), hostile_latest=st.booleans(), data=st.data())
def test_gpurentalprices(template: Template, httpserver, answer, hostile_latest: bool,
                         data: st.DataObject) -> None:
    httpserver.clear()
    newest = template.last["gpu_rent.h100.median"] + timedelta(days=2)
    good = json.loads((REPLAY / "gpurentalprices_snapshot.json").read_bytes())
    if hostile_latest:
        serve(httpserver, "/data/latest.json", answer)
    else:
        serve(httpserver, "/data/latest.json", (raw_json({**good, "date": str(newest)}), 200, {}))
        serve(httpserver, re.compile(r"^/data/snapshots/"), answer)
    refresh_against(template, GpuRentalPrices(httpserver.url_for("")), newest)


@fuzz
@given(answer=csv_body("coding_agents_day.csv"))
def test_coding_agents(template: Template, httpserver, answer) -> None:
    httpserver.clear()
    serve(httpserver, re.compile(r"^/commit-data/"), answer)
    today = template.last["agents.commits.total"] + timedelta(days=2)  # one day file
    refresh_against(template, CodingAgentCommits(httpserver.url_for("")), today)


@fuzz
@given(revenue=csv_body("epoch_revenue_reports.csv"), hostile_rounds=st.booleans(),
       rounds=csv_body("epoch_funding_rounds.csv"))
def test_epoch(template: Template, httpserver, revenue, hostile_rounds: bool, rounds) -> None:
    httpserver.clear()
    serve(httpserver, "/data/ai_companies_revenue_reports.csv", revenue)
    good = ((REPLAY / "epoch_funding_rounds.csv").read_bytes(), 200, {})
    serve(httpserver, "/data/ai_companies_funding_rounds.csv", rounds if hostile_rounds else good)
    refresh_against(template, EpochCompanies(httpserver.url_for("")), date(2026, 8, 5))


@fuzz
@given(answer=csv_body("fred_BAMLC0A4CBBB.csv"))
def test_fred(template: Template, httpserver, answer) -> None:
    httpserver.clear()
    httpserver.expect_request("/graph/fredgraph.csv", query_string={"id": "BAMLH0A0HYM2"}).respond_with_data(
        (REPLAY / "fred_BAMLH0A0HYM2.csv").read_bytes())
    serve(httpserver, "/graph/fredgraph.csv", answer)
    refresh_against(template, FredSpreads(httpserver.url_for("")), date(2026, 7, 13))


@fuzz
@given(answer=csv_body("statcounter_ai_chatbot_monthly.csv"))
def test_statcounter(template: Template, httpserver, answer) -> None:
    httpserver.clear()
    serve(httpserver, "/ai-chatbot-market-share/chart.php", answer)
    refresh_against(template, StatCounterChatbots(httpserver.url_for("")), date(2025, 8, 12))


@fuzz
@given(answer=json_body("artificial_analysis_models.json"))
def test_artificial_analysis(template: Template, httpserver, answer) -> None:
    httpserver.clear()
    serve(httpserver, "/api/v2/data/llms/models", answer)
    provider = ArtificialAnalysis(httpserver.url_for(""), key_getter=lambda: "aa-fuzz-key-0001")
    refresh_against(template, provider, date(2026, 9, 14))


META = REPLAY / "meta_ads"
META_FOLDER, META_EXHIBIT = "000162828026050596", "meta-06302026xexhibit991.htm"


@st.composite
def html_body(draw, replay: Path) -> tuple[bytes, int, dict]:
    """A mutated earnings release: cut, figures replaced, tags dropped, binary, error statuses."""
    html = replay.read_bytes()
    kind = draw(st.sampled_from(["figures", "figures", "cut", "no tags", "binary", "status"]))
    if kind == "figures":
        for _ in range(draw(st.integers(1, 4))):
            html = re.sub(rb"\d+%", draw(LEAF.map(str)).encode("utf-8", "replace") + b"%", html, count=1)
    elif kind == "cut":
        html = html[: draw(st.integers(0, len(html)))]
    elif kind == "no tags":
        html = re.sub(rb"<[^>]*>", b"", html)
    elif kind == "binary":
        html = draw(st.binary(max_size=400))
    return html, draw(st.sampled_from([403, 404, 500])) if kind == "status" else 200, {}


def serve_meta(httpserver) -> None:
    httpserver.expect_request(re.compile(r"^/Archives/.*/index\.json$")).respond_with_handler(
        lambda r: Response((META / f"index_{r.path.split('/')[-2]}.json").read_bytes()))
    httpserver.expect_request(re.compile(r"^/Archives/.*\.htm$")).respond_with_handler(
        lambda r: Response((META / r.path.rsplit("/", 1)[1]).read_bytes()))


@fuzz
@given(submissions=json_body("meta_ads/submissions.json"), hostile_release=st.booleans(),
       release=html_body(META / META_EXHIBIT))
def test_meta_ads(template: Template, httpserver, submissions, hostile_release: bool, release) -> None:
    httpserver.clear()
    if hostile_release:
        good = ((META / "submissions.json").read_bytes(), 200, {})
        serve(httpserver, "/submissions/CIK0001326801.json", good)
        serve(httpserver, f"/Archives/edgar/data/1326801/{META_FOLDER}/{META_EXHIBIT}", release)
    else:
        serve(httpserver, "/submissions/CIK0001326801.json", submissions)
    serve_meta(httpserver)
    provider = MetaAds(httpserver.url_for(""), user_agent="Fuzz Tester fuzz@example.com")
    refresh_against(template, provider, date(2026, 8, 3))


def test_the_replay_files_still_refresh(template: Template, httpserver) -> None:
    """The harness itself: unmodified replay bodies give OK for the JSON sources."""
    serve(httpserver, "/api/v1/models", ((REPLAY / "openrouter_models.json").read_bytes(), 200, {}))
    assert refresh_against(template, OpenRouterModels(httpserver.url_for("")), date(2026, 8, 5)) == OK
    serve(httpserver, "/api/v2/data/llms/models",
          ((REPLAY / "artificial_analysis_models.json").read_bytes(), 200, {}))
    aa = ArtificialAnalysis(httpserver.url_for(""), key_getter=lambda: "aa-fuzz-key-0001")
    assert refresh_against(template, aa, date(2026, 9, 14)) == OK
    serve(httpserver, "/submissions/CIK0001326801.json", ((META / "submissions.json").read_bytes(), 200, {}))
    serve_meta(httpserver)
    meta = MetaAds(httpserver.url_for(""), user_agent="Fuzz Tester fuzz@example.com")
    assert refresh_against(template, meta, date(2026, 8, 3)) == OK
