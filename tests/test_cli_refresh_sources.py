"""A new user's first `qnai-desktop refresh` against replay servers standing in for the four new
sources (FRED, StatCounter, Artificial Analysis with a key, Meta's releases on EDGAR): the charts
that were illustrative become real, the proxies sit beside CDS, and a second run is incremental."""

from __future__ import annotations

import json
import re
from pathlib import Path

from werkzeug import Request, Response

from qnai_desktop.cli import main

REPLAY = Path(__file__).resolve().parent / "fixtures" / "replay"
META = REPLAY / "meta_ads"
SOURCES = ["fred", "statcounter", "artificial_analysis", "meta_ads"]
KEY = "aa-cli-KEY-000111222"


def replay_server(httpserver) -> None:
    httpserver.expect_request("/graph/fredgraph.csv").respond_with_handler(
        lambda r: Response((REPLAY / f"fred_{r.args['id']}.csv").read_bytes()))
    httpserver.expect_request("/ai-chatbot-market-share/chart.php").respond_with_data(
        (REPLAY / "statcounter_ai_chatbot_monthly.csv").read_bytes())
    httpserver.expect_request("/api/v2/data/llms/models", headers={"x-api-key": KEY}).respond_with_data(
        (REPLAY / "artificial_analysis_models.json").read_bytes(), content_type="application/json")
    httpserver.expect_request("/submissions/CIK0001326801.json",
                              headers={"User-Agent": "Jane Analyst jane@example.com"}).respond_with_data(
        (META / "submissions.json").read_bytes(), content_type="application/json")

    def archive(request: Request) -> Response:
        name = request.path.rsplit("/", 1)[1]
        if name == "index.json":
            name = f"index_{request.path.split('/')[-2]}.json"
        return Response((META / name).read_bytes())
    httpserver.expect_request(re.compile(r"^/Archives/edgar/data/1326801/")).respond_with_handler(archive)


def test_one_refresh_makes_the_notes_charts_real(db_path: Path, capsys, httpserver, monkeypatch) -> None:
    replay_server(httpserver)
    for env in ("FRED", "STATCOUNTER", "ARTIFICIAL_ANALYSIS", "META_ADS"):
        monkeypatch.setenv(f"QNAI_{env}_BASE_URL", httpserver.url_for(""))
    monkeypatch.setenv("QNAI_ARTIFICIAL_ANALYSIS_API_KEY", KEY)
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    db = ["--db", str(db_path)]
    assert main([*db, "fundamentals", "set-user-agent", "Jane Analyst jane@example.com"]) == 0
    args = [*db, "refresh", *(a for s in SOURCES for a in ("--source", s)), "--json"]
    capsys.readouterr()
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert [(s["source"], s["status"]) for s in result["sources"]] == [(s, "ok") for s in SOURCES]

    assert main([*db, "charts", "list", "--json"]) == 0
    charts = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    for chart in ("inference_cost_tiers", "llm_share", "meta_ads"):
        assert charts[chart]["is_demo"] is False, charts[chart]
    assert charts["llm_share"]["source_en"] == "Source: StatCounter (referral share), SK Securities"
    assert charts["inference_cost_tiers"]["source_en"] == "Source: Artificial Analysis, SK Securities"
    cds = charts["cds_oracle_coreweave"]
    assert cds["series"][-2:] == ["spread_proxy.us_bbb_oas", "spread_proxy.us_hy_oas"]
    assert cds["demo_series"] == ["cds.coreweave_5y", "cds.oracle_5y"]  # CDS stays for Bloomberg data
    # the CDS lines are still invented (no Bloomberg data yet): their source says so; FRED's is real
    assert cds["source_en"] == ("Source: Illustrative data — not a real source (Bloomberg), "
                                "FRED (ICE BofA), SK Securities")

    assert main([*db, "series", "list", "--json"]) == 0
    licences = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert licences["spread_proxy.us_bbb_oas"]["is_demo"] is False

    served = len(httpserver.log)
    assert main(args) == 0  # the same day again: nothing new anywhere
    again = {s["source"]: s for s in json.loads(capsys.readouterr().out)["sources"]}
    assert again["artificial_analysis"]["requests"] == 0 and again["meta_ads"]["requests"] == 1
    assert all(s["added"] == 0 for s in again.values()) and len(httpserver.log) - served == 4
    assert KEY not in db_path.read_bytes().decode("latin-1")
