"""``qnai-desktop watchlist check|export|import``, driven as from a shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qnai_desktop.cli import main
from qnai_desktop.store.cache import Cache

NOTE_DAY = "2026-07-10"


def _run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_reports_the_duplicate_and_the_meta_per(db_path: Path, capsys) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "watchlist", "check", "--json",
                        "--today", NOTE_DAY)
    assert code == 1
    report = json.loads(out)
    found = {(i["kind"], i["ticker"], i["column"]) for i in report["issues"]}
    assert found == {("fact_mismatch", "META", "per_12mf"), ("duplicate_thesis", "CRWV", "thesis1"),
                     ("duplicate_thesis", "CRWV", "thesis2")}
    code, out, _ = _run(capsys, "watchlist", "check", "--db", str(db_path), "--today", NOTE_DAY)
    assert code == 1
    assert "CRWV" in out and "repeats Oracle (ORCL)" in out and "17 in the text" in out


def test_check_counts_stale_dates_and_speaks_korean(db_path: Path, capsys) -> None:
    code, out, _ = _run(capsys, "--lang", "ko", "--db", str(db_path), "watchlist", "check",
                        "--today", "2026-11-24", "--stale-days", "30")
    assert code == 1
    assert out.count("141일 경과") == 8
    assert "오라클(ORCL) 문구를 글자 그대로 반복" in out


def test_check_passes_once_fixed_by_import(db_path: Path, tmp_path: Path, capsys) -> None:
    fix = tmp_path / "fix.csv"  # META's PER as the text says; CoreWeave's own thesis lines
    fix.write_text("ticker,per_12mf,thesis1_ko,thesis2_ko,thesis1_en,thesis2_en\n"
                   "META,17,\"플랫폼 인기 여전, Muse Spark 개발로 유통과 모델 확보\","
                   "\"플랫폼 데이터, 글래스 등 활용한 소비자용 Agent 주목\","
                   "Platforms still popular; Muse Spark secures both distribution and a model,"
                   "\"Watch a consumer agent built on platform data, glasses and more\"\n"
                   "CRWV,,네오클라우드 신용 우려,Meta 백로그 비중 주목,Neocloud credit worries,"
                   "Watch Meta's share of the backlog\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--db", str(db_path), "watchlist", "import", str(fix))
    assert (code, out.strip()) == (0, "imported: 0 added, 2 changed, 0 unchanged")
    code, out, _ = _run(capsys, "--db", str(db_path), "watchlist", "check", "--today", NOTE_DAY)
    assert code == 0, out


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_and_reimport(db_path: Path, tmp_path: Path, capsys, suffix: str) -> None:
    out_file = tmp_path / f"w{suffix}"
    code, out, _ = _run(capsys, "--db", str(db_path), "watchlist", "export", "--out", str(out_file))
    assert code == 0 and out_file.exists() and "8 names" in out
    code, out, _ = _run(capsys, "--db", str(db_path), "watchlist", "import", str(out_file), "--json")
    assert code == 0
    assert json.loads(out)["unchanged"] == 8


def test_bad_import_exits_2_and_changes_nothing(db_path: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("ticker,per_12mf\nMETA,17\nORCL,seventeen\n", encoding="utf-8")
    with Cache.open(db_path) as c:
        before = c.watchlist.companies()
    code, _, err = _run(capsys, "--db", str(db_path), "watchlist", "import", str(bad))
    assert code == 2
    assert "bad.csv, row 3, column per_12mf" in err and "nothing was imported" in err
    with Cache.open(db_path) as c:
        assert c.watchlist.companies().equals(before)


def test_dry_run_and_bad_export_name(db_path: Path, tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("ticker,per_12mf\nMETA,17\nTSM,20\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--db", str(db_path), "watchlist", "import", str(sheet), "--dry-run")
    assert (code, out.strip()) == (0, "would import: 1 added, 1 changed, 0 unchanged")
    with Cache.open(db_path) as c:
        assert c.watchlist.company("TSM") is None
    code, _, err = _run(capsys, "--db", str(db_path), "watchlist", "export", "--out",
                        str(tmp_path / "w.pdf"))
    assert code == 2 and ".csv or .xlsx" in err


def test_plain_listing_is_unchanged(db_path: Path, capsys) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "watchlist")
    assert code == 0 and out.splitlines()[0].startswith("NVDA   Nvidia")
    code, out, _ = _run(capsys, "--db", str(db_path), "watchlist", "--json")
    assert [r["ticker"] for r in json.loads(out)][-1] == "CRWV"
