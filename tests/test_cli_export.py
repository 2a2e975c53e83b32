"""``qnai-desktop export`` as cron runs it: headless, one folder, a manifest, warnings printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from qnai_desktop.cli import main
from qnai_desktop.core.charts import build_catalogue

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.pop("DISPLAY", None)  # as under cron: no display at all
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "qnai_desktop.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_export_all_as_a_new_user_would(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "slides"
    done = run_cli("--db", str(db_path), "export", "--all", "--out", str(out),
                   "--format", "png,pptx")
    assert done.returncode == 0, done.stderr
    empty = {"ai_capex", "ai_capex_share"}  # no SEC filings in a new cache: held back
    specs = [s for s in build_catalogue() if s.id not in empty]
    pngs = sorted(out.glob("*.png"))
    assert {p.stem for p in pngs} == {s.id for s in specs}  # stable names: <chart-id>.png
    assert all(Image.open(p).size == (1920, 1080) for p in pngs)
    deck = Presentation(str(out / "pack.pptx"))  # the note's pages, every chart native
    charts = [s for slide in deck.slides for s in slide.shapes if s.name.startswith("qnai:chart:")]
    assert {c.name.removeprefix("qnai:chart:") for c in charts} == {s.id for s in specs}
    assert all(c.has_chart for c in charts)
    assert deck.slides[2].shapes.title.text_frame.text == "Update Chart"
    info = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(info["files"]) == len(specs) + 1
    assert {h["chart"] for h in info["held_back"]} == empty
    assert f"{len(specs) + 2} files in" in done.stdout
    assert "held back: 주요 AI Capex (ai_capex) — 캐시에 없는 시리즈" in done.stdout
    assert "warning: meta_ads: 예시 데이터 포함" in done.stdout
    assert "propagateSizeHints" not in done.stderr  # cron mails stay clean
    assert not list(out.glob(".qnai-export-*"))


def test_english_svg_and_data_for_chosen_charts(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    done = run_cli("--db", str(db_path), "export", "--chart", "cds_oracle_coreweave", "meta_ads",
                   "--out", str(out), "--format", "svg,xlsx,csv", "--size", "960x540",
                   "--lang", "en", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert sorted(result["files"]) == sorted([  # one workbook for the pack, a sheet per chart
        "cds_oracle_coreweave.svg", "cds_oracle_coreweave.csv", "meta_ads.svg", "meta_ads.csv",
        "pack.xlsx", "manifest.json"])
    svg = (out / "meta_ads.svg").read_text(encoding="utf-8")
    assert 'width="960" height="540"' in svg and "SK Securities" in svg
    assert {w["kind"] for w in result["warnings"]} >= {"demo"}


@pytest.mark.parametrize(("args", "message"), [
    (["--chart", "no_such_chart"], "unknown chart"),
    (["--all", "--size", "12x12"], "size"),
    (["--all", "--format", "gif"], "formats"),
    (["--all", "--scale", "9"], "invalid choice"),
])
def test_usage_errors_exit_2_and_write_nothing(args, message, db_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "pack"
    try:
        code = main(["--db", str(db_path), "export", *args, "--out", str(out)])
    except SystemExit as exc:  # argparse rejects --scale 9 itself
        code = exc.code
    assert code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_folder_fails_before_rendering(db_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    assert main(["--db", str(db_path), "export", "--all", "--out", str(blocker / "pack")]) == 2
    assert capsys.readouterr().err == (f"error: cannot write {blocker / 'pack'}: {blocker} is a file, "
                                       "not a folder\n")
    assert not (tmp_path / "file.txt").is_dir()


def test_a_user_chart_named_with_a_path_separator_stops_the_pack(db_path: Path, tmp_path: Path,
                                                                 capsys) -> None:
    from qnai_desktop.core.charts import ChartSpec, SeriesRef
    from qnai_desktop.store.cache import Cache

    spec = ChartSpec(id="../../etc/cds", title_ko="내 차트", title_en="Mine", kind="line",
                     series=(SeriesRef("cds.oracle_5y"),), origin="user")
    with Cache.open(db_path) as cache:
        cache.charts.save(spec.id, spec.to_dict())
    out = tmp_path / "pack"
    assert main(["--db", str(db_path), "export", "--all", "--out", str(out)]) == 2
    assert "path separator" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "etc").exists()
