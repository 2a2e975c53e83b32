"""`import` and `refresh` from the shell: counts, dry runs, refusals, exit codes, replay server."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from werkzeug import Request, Response

from qnai_desktop.cli import main

FIX = Path(__file__).resolve().parent / "fixtures"


def dump(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return list(conn.iterdump())


def test_import_bloomberg_and_korean_csv_prints_counts(db_path: Path, capsys) -> None:
    assert main(["--db", str(db_path), "import", str(FIX / "bloomberg_cds.xlsx"),
                 str(FIX / "korean_excel_cp949.csv")]) == 0
    out = capsys.readouterr().out
    assert "ORCL CDS USD SR 5Y D14 Corp PX_LAST → cds.oracle_5y [replaces_demo] 156 rows" in out
    assert out.strip().endswith("432 added, 0 changed, 0 unchanged")
    assert main(["--db", str(db_path), "import", str(FIX / "bloomberg_cds.csv"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == {"added": 0, "changed": 0, "unchanged": 312,
                             "series": ["cds.coreweave_5y", "cds.oracle_5y"]}
    assert data["files"][0]["layout"] == "bloomberg" and data["files"][0]["unchanged"] == 312


def test_dry_run_writes_nothing(db_path: Path, capsys) -> None:
    before = dump(db_path)
    assert main(["--db", str(db_path), "import", str(FIX / "bloomberg_cds.xlsx"), "--dry-run"]) == 0
    assert "312 added, 0 changed, 0 unchanged (dry run: nothing written)" in capsys.readouterr().out
    assert dump(db_path) == before


def test_one_broken_file_imports_nothing(db_path: Path, capsys) -> None:
    before = dump(db_path)
    code = main(["--db", str(db_path), "import", str(FIX / "korean_euckr.csv"),
                 str(FIX / "broken_date_row57.csv")])
    err = capsys.readouterr().err
    assert code == 2
    assert "file broken_date_row57.csv, row 57, column '날짜'" in err and "'2026.13.45'" in err
    assert "nothing was imported" in err
    assert dump(db_path) == before


def test_series_option_targets_one_series(db_path: Path, capsys, tmp_path: Path) -> None:
    f = tmp_path / "meta.csv"
    f.write_text("분기,광고 노출 YoY\n1Q26,+12%\n2Q26,+11%\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(f), "--series", "meta.ad_impressions_yoy",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["added"] == 2 and data["files"][0]["series"][0]["status"] == "replaces_demo"
    assert main(["--db", str(db_path), "import", str(FIX / "korean_euckr.csv"), "--series", "x"]) == 2
    assert "--series needs one file holding one series (found 2)" in capsys.readouterr().err


def test_shared_datasets_import_unchanged_into_the_seeded_cache(db_path: Path, capsys,
                                                                shared_data: Path) -> None:
    assert main(["--db", str(db_path), "import", str(shared_data / "gpurentalprices" / "snapshots"),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"]["unchanged"] == 81


# --- refresh -------------------------------------------------------------------------------------

def npm_range(request: Request) -> Response:
    m = re.match(r"/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)", request.path)
    lo, hi = date.fromisoformat(m[1]), date.fromisoformat(m[2])
    days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
    body = {"start": m[1], "end": m[2], "package": m[3],
            "downloads": [{"downloads": 100 + d.day, "day": str(d)} for d in days]}
    return Response(json.dumps(body), content_type="application/json")


def test_refresh_npm_against_a_replay_server(db_path: Path, capsys, httpserver, monkeypatch) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(npm_range)
    monkeypatch.setenv("QNAI_NPM_BASE_URL", httpserver.url_for(""))
    assert main(["--db", str(db_path), "refresh", "--source", "npm", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [npm] = data["sources"]
    assert npm["status"] == "ok" and npm["added"] > 0 and "npm.downloads.claude_code" in npm["series"]
    assert main(["--db", str(db_path), "series", "list", "--json"]) == 0
    demo = {r["id"]: r["is_demo"] for r in json.loads(capsys.readouterr().out)}
    assert demo["npm.downloads.codex"] is False and demo["cds.oracle_5y"] is True


def test_refresh_exits_2_with_the_reason_when_a_source_fails(db_path: Path, capsys, httpserver,
                                                              monkeypatch) -> None:
    httpserver.expect_request("/data/latest.json").respond_with_data("not json at all {")
    monkeypatch.setenv("QNAI_GPURENTALPRICES_BASE_URL", httpserver.url_for(""))
    before = [line for line in dump(db_path) if '"provenance"' not in line]
    assert main(["--db", str(db_path), "refresh", "--source", "gpurentalprices"]) == 2
    captured = capsys.readouterr()
    assert "gpurentalprices: failed" in captured.out
    assert "error: gpurentalprices: invalid JSON from http" in captured.err
    assert [line for line in dump(db_path) if '"provenance"' not in line] == before


def test_refresh_rejects_an_unknown_source(db_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "refresh", "--source", "nope"])
    assert "invalid choice: 'nope'" in capsys.readouterr().err
