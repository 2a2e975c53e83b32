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


# --- series identity -----------------------------------------------------------------------------

def series_values(db_path: Path, sid: str) -> list[tuple[str, float]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT date, value FROM observations WHERE series_id = ? ORDER BY date",
                            [sid]).fetchall()


def title_ko(db_path: Path, sid: str) -> str:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT title_ko FROM series WHERE id = ?", [sid]).fetchone()[0]


def test_two_korean_files_imported_one_after_the_other_stay_two_series(db_path: Path, capsys,
                                                                      tmp_path: Path) -> None:
    oracle, nvidia = tmp_path / "oracle.csv", tmp_path / "nvidia.csv"
    oracle.write_bytes("날짜,오라클 매출\n2026-03-31,100\n".encode("cp949"))
    nvidia.write_text("날짜,엔비디아 매출\n2026-03-31,500\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(oracle)]) == 0
    assert main(["--db", str(db_path), "import", str(nvidia)]) == 0
    assert capsys.readouterr().out.strip().endswith("1 added, 0 changed, 0 unchanged")
    assert series_values(db_path, "import.orakeul_maechul") == [("2026-03-31", 100.0)]
    assert series_values(db_path, "import.enbidia_maechul") == [("2026-03-31", 500.0)]
    assert title_ko(db_path, "import.orakeul_maechul") == "오라클 매출"
    assert title_ko(db_path, "import.enbidia_maechul") == "엔비디아 매출"


def test_same_header_in_two_files_of_one_run_gives_two_series(db_path: Path, capsys,
                                                             tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("날짜,매출\n2026-03-31,1\n", encoding="utf-8")
    b.write_text("날짜,매출\n2026-03-31,2\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "매출 → import.maechul [new]" in out and "매출 → import.maechul_2 [new]" in out
    assert series_values(db_path, "import.maechul") == [("2026-03-31", 1.0)]
    assert series_values(db_path, "import.maechul_2") == [("2026-03-31", 2.0)]


def test_a_pr_data_folder_is_refused_and_commit_counts_stay(db_path: Path, capsys,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "pr-data"
    folder.mkdir()
    for day in ("2025-04-10", "2025-04-11", "2025-04-12", "2025-04-13"):
        (folder / f"{day}.csv").write_text(
            f"date,query,count\n{day},total,210120\n{day},claude,0\n{day},cursor,0\n"
            f"{day},devin,130\n{day},jules,3\n", encoding="utf-8")
    before = dump(db_path)
    assert main(["--db", str(db_path), "import", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "file pr-data: " in err and "not 'commit-data'" in err and "nothing was imported" in err
    assert dump(db_path) == before


def test_a_conflict_exits_2_naming_both_sides_and_replace_writes(db_path: Path, capsys,
                                                                 tmp_path: Path) -> None:
    q1, fix = tmp_path / "oracle_q1.csv", tmp_path / "oracle_fix.csv"
    q1.write_text("날짜,오라클 매출\n2026-03-31,100\n2026-06-30,110\n", encoding="utf-8")
    fix.write_text("날짜,오라클 매출\n2026-06-30,999\n2026-09-30,120\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(q1)]) == 0
    capsys.readouterr()
    before = dump(db_path)
    assert main(["--db", str(db_path), "import", str(fix)]) == 2
    err = capsys.readouterr().err
    assert ("conflict: oracle_fix.csv column '오라클 매출' → import.orakeul_maechul “오라클 매출” "
            "(from oracle_q1.csv): would change 1 of 1 stored values (different file)") in err
    assert "--replace" in err and "nothing was imported" in err
    assert dump(db_path) == before
    assert main(["--db", str(db_path), "import", str(fix), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["conflicts"][0]["series_id"] == "import.orakeul_maechul"
    assert dump(db_path) == before
    assert main(["--db", str(db_path), "import", str(fix), "--replace"]) == 0
    assert "1 added, 1 changed, 0 unchanged; 1 stored series replaced" in capsys.readouterr().out
    assert series_values(db_path, "import.orakeul_maechul")[1:] == [("2026-06-30", 999.0),
                                                                   ("2026-09-30", 120.0)]


def test_a_dataset_changing_many_stored_values_needs_replace(db_path: Path, capsys, tmp_path: Path,
                                                             shared_data: Path) -> None:
    folder = tmp_path / "commit-data"
    folder.mkdir()
    for day in ("2026-08-20", "2026-08-21"):
        lines = (shared_data / "coding-agent-commits" / "commit-data" / f"{day}.csv").read_text().split()
        rows = [lines[0]] + [f"{d},{q},{int(n) + 7}" for d, q, n in (x.split(",") for x in lines[1:])]
        (folder / f"{day}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = dump(db_path)
    assert main(["--db", str(db_path), "import", str(folder)]) == 2
    assert "conflict: commit-data: would change 28 of 28 stored values of agents.commits.* " \
           "(100.0%)" in capsys.readouterr().err
    assert dump(db_path) == before
    assert main(["--db", str(db_path), "import", str(folder), "--replace"]) == 0
    assert series_values(db_path, "agents.commits.total")[-1] == ("2026-08-21", 6680511.0)


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
