"""``qnai-desktop fundamentals …`` as a new user would: SEC replay, watchlist, chart, scenario."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from werkzeug import Request, Response

from qnai_desktop.cli import main
from qnai_desktop.store.cache import Cache

SEC = Path(__file__).resolve().parent / "fixtures" / "sec"
UA = "Jane Analyst jane@example.com"


def _run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def sec_server(httpserver, monkeypatch) -> list[str]:
    agents: list[str] = []

    def handler(request: Request) -> Response:
        agents.append(request.headers.get("User-Agent", ""))
        if "@" not in agents[-1]:
            return Response("Undeclared Automated Tool", 403)
        path = SEC / request.path.rsplit("/", 1)[-1]
        if not path.is_file():
            return Response("{}", 404, content_type="application/json")
        return Response(path.read_bytes(), content_type="application/json")
    httpserver.expect_request("/files/company_tickers.json").respond_with_handler(handler)
    for f in SEC.glob("CIK*.json"):
        httpserver.expect_request(f"/api/xbrl/companyfacts/{f.name}").respond_with_handler(handler)
    monkeypatch.setenv("QNAI_SEC_BASE_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    return agents


def test_a_new_user_refreshes_from_sec_and_sees_it_everywhere(db_path: Path, sec_server,
                                                              capsys) -> None:
    db = ["--db", str(db_path)]
    code, _, err = _run(capsys, *db, "fundamentals", "refresh", "--source", "sec")
    assert code == 2 and "User-Agent" in err and "set-user-agent" in err and sec_server == []
    code, out, _ = _run(capsys, *db, "fundamentals", "set-user-agent", UA)
    assert code == 0 and UA in out
    code, out, _ = _run(capsys, *db, "fundamentals", "refresh", "--source", "sec", "--json")
    assert code == 0, out
    (src,) = json.loads(out)["sources"]
    assert src["status"] == "ok" and src["requests"] == 9 and "capex.share.meta" in src["series"]
    assert any("NVDA" in n for n in src["notes"]) and set(sec_server) == {UA}

    code, out, _ = _run(capsys, *db, "watchlist", "--json")
    rows = {r["ticker"]: r for r in json.loads(out)}
    assert rows["META"]["market_cap_usd_bn"] == 1523.0  # no price yet: the note's figure
    shares = rows["META"]["values"]["shares_outstanding"]
    assert (shares["value"], shares["as_of"]) == (2_516_000_000, "2025-09-30")
    assert shares["source"].startswith("SEC EDGAR us-gaap:CommonStockSharesOutstanding")
    cap = rows["META"]["values"]["market_cap_usd_bn"]
    assert (cap["as_of"], cap["source"]) == ("2026-07-06", "note")
    assert {"value", "as_of", "source", "stale"} <= set(rows["MSFT"]["values"]["capex_ttm_usd_bn"])

    code, out, _ = _run(capsys, *db, "charts", "list", "--json")
    chart = next(c for c in json.loads(out) if c["id"] == "ai_capex_share")
    assert chart["title_ko"] == "주요 AI Capex 중 기업별 비중" and "capex.share.meta" in chart["series"]
    assert chart["source_ko"] == "자료: SEC EDGAR, SK증권" and not chart["is_demo"]

    code, out, _ = _run(capsys, *db, "scenario", "run", "meta_compute_sale", "--json")
    data = json.loads(out)
    assert data["params"]["meta_capex_share"] == 0.17
    assert data["outputs"]["actual_ttm_share"] == pytest.approx(0.171, abs=0.0005)
    assert data["outputs"]["actual_vs_note_pp"] == pytest.approx(0.001, abs=0.0005)
    assert data["cached_inputs"]["actual_meta_ttm_share"]["as_of"] == "2025-09-30"
    code, out, _ = _run(capsys, *db, "scenario", "run", "meta_compute_sale")
    assert "17.1%" in out and "capex.share.meta" in out

    code, out, _ = _run(capsys, *db, "fundamentals", "show", "--ticker", "meta")
    assert code == 0 and "shares_outstanding" in out and "17.1% as of 2025-09-30" in out


def test_set_earnings_and_import_prices_move_the_watchlist(db_path: Path, tmp_path: Path,
                                                           capsys) -> None:
    db = ["--db", str(db_path)]
    with Cache.open(db_path) as cache:
        cache.watchlist.set_values([{"ticker": "META", "field": "shares_outstanding",
                                   "value": 2.516e9, "as_of": "2025-09-30", "source": "SEC"}])
    prices = tmp_path / "closes.csv"
    prices.write_text("Date,META,MSFT\n2026-11-20,700,510\n", encoding="utf-8")
    code, out, _ = _run(capsys, *db, "fundamentals", "import-prices", str(prices), "--json")
    assert code == 0 and json.loads(out)["closes"]["META"] == {"as_of": "2026-11-20",
                                                              "close": 700.0}
    code, out, _ = _run(capsys, *db, "fundamentals", "set-earnings", "META", "100",
                        "--as-of", "2026-11-24", "--json")
    assert code == 0 and json.loads(out)["per_12mf"] == pytest.approx(17.61)
    code, out, _ = _run(capsys, *db, "watchlist", "--json")
    meta = next(r for r in json.loads(out) if r["ticker"] == "META")
    assert meta["market_cap_usd_bn"] == pytest.approx(1761.2) and meta["as_of"] == "2026-11-20"
    assert "import: closes.csv" in meta["values"]["market_cap_usd_bn"]["source"]
    assert meta["values"]["earnings_12mf_usd_bn"]["source"] == "analyst"
    code, _, err = _run(capsys, *db, "fundamentals", "set-earnings", "TSM", "10")
    assert code == 2 and "TSM is not in the watchlist" in err
    nothing = tmp_path / "none.csv"
    nothing.write_text("Date,TSM\n2026-11-20,190\n", encoding="utf-8")
    code, _, err = _run(capsys, *db, "fundamentals", "import-prices", str(nothing))
    assert code == 2 and "no column matches" in err


def test_user_agent_needs_an_address_and_keys_go_to_the_keyring(db_path: Path, capsys,
                                                                monkeypatch) -> None:
    code, _, err = _run(capsys, "--db", str(db_path), "fundamentals", "set-user-agent", "me")
    assert code == 2 and "e-mail" in err
    stored: dict = {}
    monkeypatch.setattr("qnai_desktop.services.secrets.set_key",
                        lambda name, value: stored.update({name: value}))
    monkeypatch.setattr("sys.stdin", io.StringIO("tok-123\n"))
    code, out, _ = _run(capsys, "--db", str(db_path), "fundamentals", "set-key")
    assert code == 0 and stored == {"tiingo": "tok-123"} and "tok-123" not in out


def test_quotes_without_a_key_fail_clearly(db_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("qnai_desktop.services.secrets.get_key", lambda name: None)
    code, _, err = _run(capsys, "--db", str(db_path), "fundamentals", "refresh", "--source",
                        "quotes")
    assert code == 2 and "no Tiingo API key" in err


def test_plain_refresh_command_takes_sec_as_a_source(db_path: Path, sec_server, capsys,
                                                     monkeypatch) -> None:
    monkeypatch.setenv("QNAI_SEC_USER_AGENT", UA)
    code, out, err = _run(capsys, "--db", str(db_path), "refresh", "--source", "sec", "--json")
    assert code == 0, err
    (src,) = json.loads(out)["sources"]
    assert src["source"] == "sec" and src["status"] == "ok"
    with Cache.open(db_path) as cache:
        assert not cache.watchlist.values("META").empty
        assert len(cache.series.observations("capex.meta.quarterly")) >= 4
