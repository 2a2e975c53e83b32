"""A server that echoes a stored key in its answer cannot get it into the cache (issue 15).

Seen: a key echoed inside ``meta.as_of`` of the rankings JSON was stored in 7 series rows. Here one
replay server echoes the keyring's OpenRouter key in ``meta.as_of``, in an Epoch "Graph note",
in a GPU id, in a coding-agent query, and a ``QNAI_*_API_KEY`` environment key in an npm error;
after the refresh every text cell of every table is searched for each key in any case or
punctuation.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from qnai_desktop.core.series import SeriesBundle, SeriesMeta, empty_frame
from qnai_desktop.services import secrets
from qnai_desktop.services.datasets.coding_agents import AGENTS
from qnai_desktop.services.fundamentals.quotes import SOURCES
from qnai_desktop.services.providers import (
    CodingAgentCommits,
    EpochCompanies,
    GpuRentalPrices,
    HttpClient,
    NpmDownloads,
    OpenRouterRankings,
    SchemaError,
)
from qnai_desktop.services.providers.artificial_analysis import KEY_NAME as AA_KEY_NAME
from qnai_desktop.services.providers.openrouter_rankings import KEYRING_NAME
from qnai_desktop.services.refresh import FAILED, OK, run_refresh
from qnai_desktop.services.scrub import MASK, known_secrets, scrub_bundles, scrub_text
from qnai_desktop.services.text_fields import iso_stamp, plain_text, token

REPLAY = Path(__file__).resolve().parent / "fixtures" / "replay"
TODAY = date(2026, 7, 13)
KEYS = ["sk-or-v1-" + "0123456789abcdef" * 4, "Qnai~Test.Key!42"]
ENV_KEY = "tiingo-ENV-key-5551234"


def variants(key: str) -> set[str]:
    """The key as a server or a parser might reshape it: any case, punctuation as _ or -."""
    low = key.casefold()
    return {low, re.sub(r"[^0-9a-z]", "_", low), re.sub(r"[^0-9a-z]", "-", low)}


def text_cells(cache) -> list[str]:
    """Every text (and blob) cell of every table of the cache."""
    conn = cache.db.conn
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    cells = []
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            cells += [v.decode("utf-8", "replace") if isinstance(v, bytes) else v
                      for v in row if isinstance(v, str | bytes)]
    return cells


def with_column(name: str, column: str, value: str) -> bytes:
    rows = list(csv.DictReader(io.StringIO((REPLAY / name).read_text(encoding="utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows([{**r, column: value} for r in rows])
    return out.getvalue().encode()


def echoing_server(httpserver, key: str) -> None:
    rankings = json.loads((REPLAY / "openrouter_rankings_daily.json").read_bytes())
    rankings["meta"]["as_of"] = key
    httpserver.expect_request("/api/v1/datasets/rankings-daily").respond_with_json(rankings)
    for name in ("epoch_revenue_reports.csv", "epoch_funding_rounds.csv"):
        httpserver.expect_request(f"/data/ai_companies_{name.split('_', 1)[1]}").respond_with_data(
            with_column(name, "Graph note", f"as reported; ref {key}"))
    day = (REPLAY / "coding_agents_day.csv").read_text().replace("2026-08-22", "2026-07-12")
    httpserver.expect_request("/commit-data/2026-07-12.csv").respond_with_data(
        day + f"2026-07-12,{key},5\n")
    httpserver.expect_request(re.compile(r"^/commit-data/")).respond_with_data("", 404)
    snapshot = json.loads((REPLAY / "gpurentalprices_snapshot.json").read_bytes())
    snapshot["date"] = "2026-07-12"
    snapshot["offers"].append({"provider": "x", "gpu": f"h100-{key}", "usd_hr": 2.5,
                               "kind": "on-demand"})
    httpserver.expect_request("/data/latest.json").respond_with_json(snapshot)
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_json(
        {"error": f"package not found for {ENV_KEY}"}, status=404)


@pytest.mark.parametrize("key", KEYS)
def test_keys_echoed_in_responses_are_stored_nowhere(ring, cache, httpserver, monkeypatch,
                                                     key: str) -> None:
    ring.set_password("qnai-desktop", "openrouter", key)
    monkeypatch.setenv("QNAI_TIINGO_API_KEY", ENV_KEY)
    echoing_server(httpserver, key)
    base = httpserver.url_for("")
    providers = [OpenRouterRankings(base), EpochCompanies(base), CodingAgentCommits(base),
                 GpuRentalPrices(base), NpmDownloads(base, packages={"cline": "cline"})]
    result = run_refresh(cache, providers, explicit=True, today=TODAY,
                         http_factory=lambda cancel: HttpClient(cancelled=cancel, retries=0))
    assert [s.status for s in result.sources] == [OK, OK, OK, OK, FAILED], result.to_dict()
    cells = "\n".join(text_cells(cache)).casefold()
    for secret in (key, ENV_KEY):
        for form in variants(secret):
            assert form not in cells, form
        assert not any(form in json.dumps(result.to_dict()).casefold() for form in variants(secret))
    # the data itself landed; the echoed texts were dropped or masked
    tokens = cache.series.meta("openrouter.tokens.anthropic")
    assert not tokens.is_demo and tokens.extra == {"as_of": ""} and "as of" not in tokens.licence
    notes = cache.series.meta("epoch.valuation.openai").extra["point_notes"]
    assert set(notes.values()) == {f"as reported; ref {MASK}"}
    agents = [s for s in cache.series.ids() if s.startswith("agents.")]
    assert "agents.commits.claude" in agents  # a series id is never taken from the response:
    assert all(s.rsplit(".", 1)[1] in {*AGENTS, "total"} for s in agents), agents
    assert MASK in result.sources[-1].error


def test_a_valid_as_of_is_kept(ring, cache, httpserver) -> None:
    ring.set_password("qnai-desktop", "openrouter", KEYS[0])
    httpserver.expect_request("/api/v1/datasets/rankings-daily").respond_with_data(
        (REPLAY / "openrouter_rankings_daily.json").read_bytes(), content_type="application/json")
    result = run_refresh(cache, [OpenRouterRankings(httpserver.url_for(""))], today=TODAY,
                         http_factory=lambda cancel: HttpClient(cancelled=cancel, retries=0))
    assert result.ok, result.to_dict()
    meta = cache.series.meta("openrouter.tokens.openai")
    assert meta.extra == {"as_of": "2026-07-13T02:00:00Z"}
    assert meta.licence.endswith("as of 2026-07-13T02:00:00Z")


@pytest.mark.parametrize("value, kept", [
    ("2026-07-13", True), ("2026-07-13T02:00:00Z", True), ("2026-07-13T02:00:00.123+09:00", True),
    ("2026-02-30", False), ("2026-07-13 and more", False), ("sk-or-v1-abc", False),
    ("", False), (None, False), (20260713, False), ("2026-07-13T25:00", False)])
def test_an_as_of_is_an_iso_date_or_nothing(value: object, kept: bool) -> None:
    assert iso_stamp(value) == (value if kept else "")


def test_tokens_and_plain_text() -> None:
    assert token("h100-sxm") == "h100-sxm" and token("h100 sxm") == "" and token("x" * 41) == ""
    assert plain_text("a\nb\u202e c\x00d") == "a b c d"
    assert plain_text("y" * 300, 10) == "y" * 9 + "…"


def test_the_scrub_masks_any_case_and_punctuation() -> None:
    secrets_ = known_secrets([KEYS[1]], keyring=False)
    assert scrub_text("a QNAI_TEST_KEY_42 b qnai~test.key!42", secrets_) == f"a {MASK} b {MASK}"
    assert scrub_text("short", known_secrets(["abc"], keyring=False)) == "short"  # < MIN_LEN


def test_a_series_id_carrying_a_key_refuses_the_source() -> None:
    meta = SeriesMeta(id="agents.commits.qnai_test_key_42", title_ko="t", title_en="t",
                      unit="count", frequency="D", source="s")
    with pytest.raises(SchemaError, match=r"contains a stored API key \(agents\.commits\.\*\*\*\)"):
        scrub_bundles([SeriesBundle(meta, empty_frame())], known_secrets([KEYS[1]], keyring=False))


def test_every_stored_key_name_is_scrubbed() -> None:
    names = {KEYRING_NAME, AA_KEY_NAME, *(s.key_name for s in SOURCES.values() if s.key_name)}
    assert names <= set(secrets.KEY_NAMES)


def test_keys_come_from_the_keyring_and_the_environment(ring, monkeypatch) -> None:
    ring.set_password("qnai-desktop", "tiingo", "tiingo-from-keyring")
    monkeypatch.setenv("QNAI_OPENROUTER_API_KEY", "openrouter-from-env")
    monkeypatch.setenv("QNAI_OPENROUTER_BASE_URL", "http://127.0.0.1:9")  # not a key
    found = known_secrets(["header-secret"])
    assert {"tiingo-from-keyring", "openrouter-from-env", "header-secret"} <= set(found)
    assert "http://127.0.0.1:9" not in found
