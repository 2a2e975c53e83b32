"""Artificial Analysis against a replay server: tiers from one daily snapshot, the key kept out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from qnai_desktop.core.charts import catalogue_by_id, resolve_series
from qnai_desktop.services.providers import (
    ArtificialAnalysis,
    FetchContext,
    HttpClient,
    HttpStatusError,
    SchemaError,
    make_providers,
)
from qnai_desktop.services.providers.keys import key_getter
from qnai_desktop.services.refresh import FAILED, OK, SKIPPED, run_refresh

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay"
PATH = "/api/v2/data/llms/models"
TODAY = date(2026, 9, 14)
KEY = "aa_live_TEST-0123456789abcdef"
TIERS = ("frontier", "near_frontier", "mid", "small")


def replay() -> dict:
    return json.loads((REPLAY / "artificial_analysis_models.json").read_bytes())


def provider(httpserver, key: str | None = KEY) -> ArtificialAnalysis:
    return ArtificialAnalysis(httpserver.url_for(""), key_getter=lambda: key)


def fetch(httpserver, last: dict[str, date] | None = None):
    with HttpClient(sleep=lambda s: None, retries=0) as http:
        return {b.meta.id: b for b in provider(httpserver).fetch(FetchContext(http, last or {}, TODAY))}


def fast_http(cancel):
    return HttpClient(cancelled=cancel, sleep=lambda s: None, retries=0)


def data_dump(cache) -> list[str]:
    return [line for line in cache.db.conn.iterdump() if '"provenance"' not in line]


def test_the_cheapest_price_at_or_above_each_threshold_with_the_key_in_its_header(httpserver) -> None:
    httpserver.expect_request(PATH, headers={"x-api-key": KEY}).respond_with_json(replay())
    got = fetch(httpserver)
    value = {t: got[f"aa.inference_cost.{t}"].frame["value"].iat[0] for t in TIERS}
    n = {t: int(got[f"aa.inference_cost.{t}"].frame["n"].iat[0]) for t in TIERS}
    # frontier (>= 55): GPT-5.5, Opus 4.7, Gemini 3.1 Pro, Qwen3.7-Max -> Qwen at (3*1.2+6)/4
    assert value == pytest.approx({"frontier": 2.4, "near_frontier": 0.315, "mid": 0.2625,
                                   "small": 0.175})
    assert n == {"frontier": 4, "near_frontier": 6, "mid": 7, "small": 8}  # Kimi (price 0) left out
    frontier = got["aa.inference_cost.frontier"]
    assert frontier.frame["date"].iat[0].date() == TODAY
    meta = frontier.meta
    assert (meta.unit, meta.frequency, meta.is_demo) == ("usd_per_m_tokens", "D", False)
    assert meta.extra["threshold"] == 55.0 and meta.extra["basis"]["name"] == "Qwen3.7-Max"
    assert meta.extra["basis"]["creator"] == "Alibaba" and meta.extra["basis"]["as_of"] == str(TODAY)
    assert "artificialanalysis.ai" in meta.licence and "Attribution required" in meta.licence
    snapshot = got["aa.snapshot.models"]
    table = snapshot.meta.extra["models"]
    assert snapshot.frame["value"].iat[0] == 9 == len(table)  # index and a positive price
    assert table[0]["name"] == "GPT-5.5 (xhigh)" and table[0]["input"] == 2.5
    assert {m["release_date"] for m in table} >= {"2026-04-23", "2025-08-05"}
    assert "Muse Spark 1.3" not in {m["name"] for m in table}  # not benchmarked yet


def test_one_snapshot_a_day(httpserver) -> None:
    ids = [*(f"aa.inference_cost.{t}" for t in TIERS), "aa.snapshot.models"]
    assert fetch(httpserver, {sid: TODAY for sid in ids}) == {}
    assert httpserver.log == []  # the free quota is not spent twice a day


def test_the_key_comes_from_the_environment_then_the_keyring(ring, monkeypatch) -> None:
    get = key_getter("artificial_analysis")
    assert get() is None
    ring.set_password("qnai-desktop", "artificial_analysis", "from-keyring-123456")
    assert get() == "from-keyring-123456"
    monkeypatch.setenv("QNAI_ARTIFICIAL_ANALYSIS_API_KEY", " from-env-654321 ")
    assert get() == "from-env-654321"


def test_without_a_key_the_source_is_skipped_not_failed(cache, ring, monkeypatch) -> None:
    monkeypatch.delenv("QNAI_ARTIFICIAL_ANALYSIS_API_KEY", raising=False)
    [aa] = make_providers(["artificial_analysis"])
    assert "QNAI_ARTIFICIAL_ANALYSIS_API_KEY" in aa.unavailable()
    assert run_refresh(cache, [aa], today=TODAY).sources[0].status == SKIPPED
    asked = run_refresh(cache, [aa], today=TODAY, explicit=True).sources[0]
    assert asked.status == FAILED and "no Artificial Analysis API key" in asked.error


def test_a_refresh_retires_the_illustrative_tiers(cache, ring, httpserver, monkeypatch) -> None:
    monkeypatch.setenv("QNAI_ARTIFICIAL_ANALYSIS_API_KEY", KEY)
    monkeypatch.setenv("QNAI_ARTIFICIAL_ANALYSIS_BASE_URL", httpserver.url_for(""))
    assert cache.series.meta("aa.inference_cost.frontier").is_demo
    httpserver.expect_request(PATH, headers={"x-api-key": KEY}).respond_with_json(replay())
    [res] = run_refresh(cache, make_providers(["artificial_analysis"]), today=TODAY,
                        http_factory=fast_http).sources
    assert res.status == OK, res.error
    metas = cache.series.metas()
    plotted = resolve_series(catalogue_by_id()["inference_cost_tiers"], metas)
    assert plotted == [f"aa.inference_cost.{t}" for t in TIERS]
    assert not any(metas[s].is_demo for s in plotted)
    frontier = cache.series.observations("aa.inference_cost.frontier")
    assert len(frontier) == 1 and frontier["value"].iat[0] == pytest.approx(2.4)  # demo points gone
    assert KEY not in "\n".join(cache.db.conn.iterdump())


def test_a_401_names_the_reason_and_never_the_key(httpserver, caplog) -> None:
    httpserver.expect_request(PATH).respond_with_data(
        (REPLAY / "artificial_analysis_401.json").read_bytes(), 401, content_type="application/json")
    with pytest.raises(HttpStatusError, match=r"HTTP 401 \(Invalid or missing API key\)") as info:
        fetch(httpserver)
    assert KEY not in str(info.value) and KEY not in caplog.text


def test_a_key_echoed_back_is_stored_nowhere(cache, httpserver) -> None:
    doc = replay()
    doc["data"][3]["name"] = f"Qwen3.7-Max for {KEY}"
    doc["data"][3]["model_creator"]["name"] = KEY.upper().replace("-", "_")
    doc["prompt_options"]["echo"] = KEY
    httpserver.expect_request(PATH).respond_with_json(doc)
    [res] = run_refresh(cache, [provider(httpserver)], today=TODAY, http_factory=fast_http).sources
    assert res.status == OK, res.error
    basis = cache.series.meta("aa.inference_cost.frontier").extra["basis"]
    assert basis["name"] == "Qwen3.7-Max for ***" and basis["creator"] == "***"
    dump = "\n".join(cache.db.conn.iterdump()).casefold()
    assert KEY.casefold() not in dump and KEY.casefold().replace("-", "_") not in dump


def test_a_key_echoed_in_an_error_is_masked(cache, httpserver) -> None:
    httpserver.expect_request(PATH).respond_with_json({"error": f"key {KEY} is over quota"}, status=429,
                                                      headers={"Retry-After": "86400"})
    [res] = run_refresh(cache, [provider(httpserver)], today=TODAY, http_factory=fast_http).sources
    assert res.status == FAILED and "HTTP 429" in res.error and "***" in res.error
    assert KEY not in res.error and KEY not in "\n".join(cache.db.conn.iterdump())


def _huge(doc: dict) -> dict:
    for m in doc["data"]:
        if m["pricing"]["price_1m_blended_3_to_1"]:
            m["pricing"]["price_1m_blended_3_to_1"] = 1e308
    return doc


def _renamed(doc: dict) -> dict:
    for m in doc["data"]:
        m["evaluations"] = {"aa_index_v5": m["evaluations"]["artificial_analysis_intelligence_index"]}
    return doc


def _strings(doc: dict) -> dict:
    for m in doc["data"][1:3]:  # Opus 4.7 and Gemini 3.1 Pro: "57.0" instead of 57.0
        m["evaluations"]["artificial_analysis_intelligence_index"] = str(
            m["evaluations"]["artificial_analysis_intelligence_index"])
    return doc


HOSTILE = {
    "truncated": lambda: json.dumps(replay()).encode()[:700],
    "html error page": lambda: b"<!doctype html><title>502 Bad Gateway</title>",
    "data renamed": lambda: json.dumps({**replay(), "models": replay()["data"], "data": None}).encode(),
    "empty data": lambda: json.dumps({"status": 200, "data": []}).encode(),
    "index renamed": lambda: json.dumps(_renamed(replay())).encode(),
    "huge prices": lambda: json.dumps(_huge(replay())).encode(),
    "strings for numbers": lambda: json.dumps(_strings(replay())).encode(),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_answer_fails_clearly_and_writes_nothing(cache, httpserver, case: str) -> None:
    body = HOSTILE[case]()
    httpserver.expect_request(PATH).respond_with_data(body, content_type="application/json")
    before = data_dump(cache)
    [res] = run_refresh(cache, [provider(httpserver)], today=TODAY, http_factory=fast_http).sources
    if case == "strings for numbers":  # two models unreadable, the rest still rank
        assert res.status == OK and "aa.inference_cost.frontier" in res.change.series
        return
    assert res.status == FAILED, res.to_dict()
    assert res.error.startswith(("Artificial Analysis", "invalid JSON")), res.error
    assert data_dump(cache) == before and KEY not in res.error
    with HttpClient(retries=0) as http, pytest.raises(SchemaError):
        provider(httpserver).fetch(FetchContext(http, {}, TODAY))
