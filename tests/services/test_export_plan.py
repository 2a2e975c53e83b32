"""Export planning without Qt: safe names, options, manifest, staging, checks and data files."""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from qnai_desktop.core.charts import ChartSpec, SeriesRef, prepare
from qnai_desktop.core.export_checks import check_chart, slide_point_size, stale_after_days
from qnai_desktop.core.series import SeriesMeta
from qnai_desktop.core.spreadsheet_safety import escape_formula
from qnai_desktop.services.export_data import write_csv, write_xlsx
from qnai_desktop.services.export_plan import (
    ChartJob,
    ExportFolderError,
    ExportNameError,
    ExportOptions,
    StagedFolder,
    file_name,
    gather_jobs,
    hold_back,
    manifest,
    parse_size,
    plan_export,
    safe_stem,
)


def make_job(chart_id: str = "cds_test", *, label: str = "Oracle 5Y", source: str = "Bloomberg",
             demo: bool = False, end: str = "2026-07-31", n: int = 30) -> ChartJob:
    sid = "cds.oracle_5y"
    spec = ChartSpec(id=chart_id, title_ko="테스트 차트", title_en="Test chart", kind="line",
                     series=(SeriesRef(sid, label, label),), unit_ko="bp", unit_en="bp")
    dates = pd.date_range(end=end, periods=n, freq="D")
    frame = pd.DataFrame({"date": dates, "value": [100.0 - i for i in range(n)]})
    meta = SeriesMeta(id=sid, title_ko="오라클", title_en="Oracle", unit="bp", frequency="D",
                      source=source, is_demo=demo, licence="test licence")
    prepared = prepare(spec, {sid: frame}, {sid: meta})
    return ChartJob(spec=spec, prepared=prepared, metas={sid: meta},
                    last_dates={sid: dates[-1].date()}, first_dates={sid: dates[0].date()},
                    points={sid: n},
                    provenance={sid: [{"at": "2026-08-01T00:00:00+00:00", "how": "import",
                                       "origin": "cds.xlsx", "detail": ""}]})


# -- names -------------------------------------------------------------------------------
def test_file_names_are_stable_the_date_lives_in_the_manifest() -> None:
    """A nightly pack replaces last night's files: no date in any name."""
    assert file_name("meta_ads", "png") == "meta_ads.png"
    assert file_name("meta_ads", "csv") == "meta_ads.csv"
    assert make_job().as_of == date(2026, 7, 31)


@pytest.mark.parametrize("bad", ["../evil", "a/b", "a\\b", "..", ".hidden", "", "con", "a:b",
                                 "x\x00y", "q?"])
def test_unsafe_chart_ids_are_refused(bad: str) -> None:
    with pytest.raises(ExportNameError):
        safe_stem(bad)


def test_korean_and_dashes_are_fine() -> None:
    assert safe_stem("내 차트-1") == "내 차트-1"


def test_plan_refuses_a_path_separator_before_any_work() -> None:
    with pytest.raises(ExportNameError, match="path separator"):
        plan_export([make_job("user/../../etc")], ExportOptions(formats=("png",)))


def test_plan_refuses_two_charts_writing_one_file() -> None:
    with pytest.raises(ExportNameError, match="both"):
        plan_export([make_job("A"), make_job("a")], ExportOptions(formats=("png",)))


def test_plan_lists_per_chart_files_and_one_deck() -> None:
    jobs = [make_job("one", end="2026-07-01"), make_job("two", end="2026-07-31")]
    plan = plan_export(jobs, ExportOptions(formats=("png", "pptx", "csv")))
    assert [f.name for f in plan.files] == ["one.png", "one.csv", "two.png", "two.csv",
                                            "pack.pptx"]
    assert plan.deck.charts == ("one", "two")


# -- options -----------------------------------------------------------------------------
def test_sizes_and_options_are_validated() -> None:
    assert parse_size("1920x1080") == (1920, 1080)
    assert parse_size("half_16_9") == (960, 540)
    for bad in ("1920", "10x10", "99999x10"):
        with pytest.raises(ValueError):
            parse_size(bad)
    assert ExportOptions(width=960, height=540, scale=2).pixel_size == (1920, 1080)
    with pytest.raises(ValueError):
        ExportOptions(scale=5)
    with pytest.raises(ValueError):
        ExportOptions(formats=("gif",))
    with pytest.raises(ValueError):
        ExportOptions(width=8000, height=8000, scale=4)


# -- manifest ----------------------------------------------------------------------------
def test_manifest_names_chart_series_sources_dates_and_provenance() -> None:
    job = make_job(demo=True)
    plan = plan_export([job], ExportOptions(formats=("png", "xlsx")))
    warnings = check_chart(job.prepared, last_dates=job.last_dates, frequencies=job.frequencies,
                           today=date(2026, 8, 2))
    info = manifest(plan, warnings, created_at="2026-08-02T00:00:00+00:00",
                    digests={"cds_test.png": ("ab" * 32, 10)})
    png = info["files"][0]
    assert png["file"] == "cds_test.png" and png["chart"] == "cds_test"
    assert png["sources"] == ["Bloomberg"] and png["as_of"] == "2026-07-31"
    assert png["size"] == [1920, 1080] and png["sha256"] == "ab" * 32
    chart = info["charts"]["cds_test"]
    assert chart["source_line"] == "자료: 예시 데이터 — 실제 자료 아님 (Bloomberg), SK증권"
    assert chart["is_demo"] is True
    series = chart["series"][0]
    assert series["id"] == "cds.oracle_5y" and series["as_of"] == "2026-07-31"
    assert series["provenance"][0]["origin"] == "cds.xlsx"
    assert [w["kind"] for w in chart["warnings"]] == ["demo"]


# -- staging -----------------------------------------------------------------------------
def test_staged_files_appear_only_on_commit(tmp_path: Path) -> None:
    out = tmp_path / "pack"
    with StagedFolder(out) as stage:
        stage.file("a.txt").write_text("a")
        assert list(out.iterdir()) == [stage.path]  # only the hidden staging folder so far
        stage.commit()
    assert sorted(p.name for p in out.iterdir()) == ["a.txt"]


def test_a_failure_midway_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "new" / "pack"
    with pytest.raises(RuntimeError), StagedFolder(out) as stage:
        stage.file("a.png").write_bytes(b"x")
        raise RuntimeError("renderer crashed")
    assert not (tmp_path / "new").exists()  # the folders this export created are gone too


def test_an_existing_folder_keeps_its_files_on_failure(tmp_path: Path) -> None:
    (tmp_path / "old.png").write_bytes(b"old")
    with pytest.raises(RuntimeError), StagedFolder(tmp_path) as stage:
        stage.file("old.png").write_bytes(b"new")
        raise RuntimeError
    assert [p.name for p in tmp_path.iterdir()] == ["old.png"]
    assert (tmp_path / "old.png").read_bytes() == b"old"


def test_a_file_where_the_folder_should_be_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "report.txt"
    blocker.write_text("x")
    with pytest.raises(ExportFolderError, match="not a folder"), StagedFolder(blocker):
        pass
    with pytest.raises(ExportFolderError, match="cannot write"), StagedFolder(blocker / "sub"):
        pass
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportFolderError, match="cannot write"), StagedFolder(tmp_path):
            pass
    finally:
        tmp_path.chmod(0o700)


def test_staged_names_cannot_escape(tmp_path: Path) -> None:
    with StagedFolder(tmp_path) as stage:
        for bad in ("../x.png", "sub/x.png", ".."):
            with pytest.raises(ExportNameError):
                stage.file(bad)


# -- checks ------------------------------------------------------------------------------
def test_checks_flag_stale_demo_empty_and_small_text() -> None:
    job = make_job(demo=True, end="2026-01-31")
    found = check_chart(job.prepared, last_dates=job.last_dates, frequencies=job.frequencies,
                        today=date(2026, 3, 1), smallest_text_px=5, image_width_px=400)
    assert [w.kind for w in found] == ["stale", "demo", "small_text"]
    assert "Illustrative" in found[1].message_en and found[1].series == ("cds.oracle_5y",)
    fresh = check_chart(job.prepared, last_dates=job.last_dates, frequencies=job.frequencies,
                        today=date(2026, 2, 5), smallest_text_px=22, image_width_px=1920)
    assert [w.kind for w in fresh] == ["demo"]
    empty = prepare(job.spec, {}, {})
    assert [w.kind for w in check_chart(empty, last_dates={}, frequencies={},
                                        today=date(2026, 1, 1))] == ["empty", "missing"]
    assert stale_after_days("D") == 9 and stale_after_days("M") == 69
    assert slide_point_size(22, 1920) == pytest.approx(11)


# -- data files --------------------------------------------------------------------------
def test_csv_escapes_formula_text_but_not_numbers(tmp_path: Path) -> None:
    job = make_job(label="=HYPERLINK(\"http://x\")")
    path = write_csv(tmp_path / "d.csv", job, "ko")
    rows = [r for r in csv.reader(path.open(encoding="utf-8-sig")) if not r[0].startswith("#")]
    assert rows[0] == ["날짜", "'=HYPERLINK(\"http://x\")", "예시 데이터"]
    assert rows[1][0] == "2026-07-02" and float(rows[1][1]) == 100.0
    assert [escape_formula(t) for t in ("+1", "-x", "@a", "\tx", "ok", "-", "'a")] == \
        ["'+1", "'-x", "'@a", "'\tx", "ok", "'-", "''a"]


def test_xlsx_keeps_formula_text_as_text(tmp_path: Path) -> None:
    job = make_job(label="=1+2", source="@SUM(A1)")
    path = write_xlsx(tmp_path / "d.xlsx", job, "en")
    wb = load_workbook(path)
    data, info = wb["Data"], wb["Info"]
    header = data.cell(1, 2)
    assert header.value == "'=1+2" and header.data_type == "s"  # escaped as the CSV and watchlist
    assert data.cell(2, 2).value == 100.0
    texts = [c.value for row in info.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Source: @SUM(A1), SK Securities" in texts
    assert all(c.data_type != "f" for row in info.iter_rows() for c in row)


# -- from the cache ----------------------------------------------------------------------
def test_gather_jobs_prepares_catalogue_charts_with_as_of(cache) -> None:
    jobs = gather_jobs(cache, ["meta_ads", "gpu_rent_b200_h100"])
    assert [j.chart_id for j in jobs] == ["meta_ads", "gpu_rent_b200_h100"]
    assert jobs[0].prepared.is_demo and not jobs[1].prepared.is_demo
    assert all(j.as_of is not None for j in jobs)
    with pytest.raises(KeyError, match="nope"):
        gather_jobs(cache, ["nope"])


def test_csv_of_illustrative_data_says_so_above_and_beside_the_numbers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", make_job(demo=True), "ko")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1] == "# 기준: 2026-07-31"
    assert any(line.startswith("# 예시 데이터 — 실제 자료 아님: ") for line in lines[:5])
    rows = [r for r in csv.reader(lines) if not r[0].startswith("#")]
    assert rows[0][-1] == "예시 데이터" and {r[-1] for r in rows[1:]} == {"예"}
    real = write_csv(tmp_path / "r.csv", make_job(demo=False), "en").read_text(encoding="utf-8-sig")
    assert "Illustrative" not in real and real.splitlines()[1] == "# As of: 2026-07-31"
    assert {r[-1] for r in csv.reader(real.splitlines()[4:])} == {"no"}


def test_xlsx_of_illustrative_data_flags_every_row(tmp_path: Path) -> None:
    wb = load_workbook(write_xlsx(tmp_path / "d.xlsx", make_job(demo=True), "en"))
    data, info = wb["Data"], wb["Info"]
    assert data.cell(1, data.max_column).value == "illustrative"
    assert {data.cell(r, data.max_column).value for r in range(2, data.max_row + 1)} == {"yes"}
    texts = [c.value for row in info.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Illustrative data — not a real source" in texts


def test_an_empty_chart_is_held_back_with_how_to_fill_it(cache) -> None:
    jobs = gather_jobs(cache, ["ai_capex", "meta_ads"])
    kept, held = hold_back(jobs)
    assert [j.chart_id for j in kept] == ["meta_ads"]
    (capex,) = held
    assert capex.chart_id == "ai_capex"
    # named as the chart names them, not by series id
    assert capex.reason("en") == "series not in the cache: Microsoft, Alphabet, Amazon, Meta…"
    assert capex.reason("ko") == "캐시에 없는 시리즈: 마이크로소프트, 알파벳, 아마존, 메타…"
    assert any("refresh --source sec" in a for a in capex.actions("en"))
    assert capex.line("ko").startswith("주요 AI Capex")
