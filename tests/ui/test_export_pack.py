"""A whole pack: files, deck and manifest agree; cancel, failures and bad names leave nothing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from PySide6.QtGui import QImageReader

from qnai_desktop.services.export_plan import (
    ExportFolderError,
    ExportNameError,
    ExportOptions,
    gather_jobs,
)
from qnai_desktop.ui.export.pack import PackExporter, export_single
from qnai_desktop.ui.export.renderer import ChartRenderer

CHARTS = ["meta_ads", "gpu_rent_b200_h100", "coding_agent_intensity"]
TODAY = date(2026, 8, 25)


@pytest.fixture
def renderer(qapp):
    r = ChartRenderer()
    yield r
    r.close()


@pytest.fixture
def jobs(cache):
    return gather_jobs(cache, CHARTS)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder of the user's (tmp_path also holds the test's cache file)."""
    path = tmp_path / "user"
    path.mkdir()
    return path


def test_pack_files_match_the_manifest_and_the_deck(renderer, jobs, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    opts = ExportOptions(formats=("png", "svg", "pdf", "pptx", "xlsx", "csv"))
    result = PackExporter(jobs, opts, out, renderer=renderer, today=TODAY).run()
    on_disk = sorted(p.name for p in out.iterdir())
    info = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = sorted(f["file"] for f in info["files"])
    assert on_disk == sorted([*listed, "manifest.json"])
    assert sorted(p.name for p in result.files) == on_disk
    assert "meta_ads.png" in listed and "pack.pptx" in listed
    for entry in info["files"]:
        data = (out / entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
        if entry["format"] == "png":
            assert QImageReader(str(out / entry["file"])).size().toTuple() == (1920, 1080)
    meta = info["charts"]["meta_ads"]
    assert meta["source_line"] == "자료: 예시 데이터 — 실제 자료 아님 (Meta), SK증권" and meta["is_demo"]
    assert {s["id"] for s in meta["series"]} == {"meta.ad_price_yoy", "meta.ad_impressions_yoy"}
    assert all(s["provenance"] and s["as_of"] for s in meta["series"])
    assert info["charts"]["coding_agent_intensity"]["note_line"].startswith("주: ")

    kinds = {(w.chart_id, w.kind) for w in result.warnings}
    assert ("meta_ads", "demo") in kinds and ("gpu_rent_b200_h100", "demo") not in kinds
    assert ("gpu_rent_b200_h100", "stale") in kinds  # last point 2026-07-31, 25 days before TODAY

    deck = Presentation(str(out / "pack.pptx"))
    assert len(deck.slides) == len(CHARTS)
    for slide, job in zip(deck.slides, jobs, strict=True):
        assert slide.shapes.title.text_frame.text == job.prepared.title("ko")
        assert sum(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes) == 1
        texts = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert job.prepared.source("ko") in texts
        notes = slide.notes_slide.notes_text_frame.text
        assert job.prepared.series[0].series_id in notes


def test_same_data_gives_the_same_files(renderer, jobs, tmp_path: Path) -> None:
    opts = ExportOptions(formats=("png", "csv"), width=960, height=540)
    digests = []
    for run in ("a", "b"):
        PackExporter(jobs[:2], opts, tmp_path / run, renderer=renderer, today=TODAY).run()
        info = json.loads((tmp_path / run / "manifest.json").read_text(encoding="utf-8"))
        digests.append({f["file"]: f["sha256"] for f in info["files"]})
    assert digests[0] == digests[1]


def test_cancel_leaves_nothing(renderer, jobs, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    seen = []

    def progress(done: int, total: int, what: str) -> bool:
        seen.append(done)
        return done < 2  # cancel after the second chart

    result = PackExporter(jobs, ExportOptions(formats=("png", "pptx")), out, renderer=renderer,
                          today=TODAY).run(progress)
    assert result.cancelled and result.files == [] and seen == [1, 2]
    assert not out.exists()


def test_a_failure_midway_leaves_nothing(renderer, jobs, folder: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "keep.txt").write_text("mine")
    calls = []
    original = ChartRenderer.write_png

    def flaky(self, path, image):
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(self, path, image)

    monkeypatch.setattr(ChartRenderer, "write_png", flaky)
    with pytest.raises(OSError, match="disk full"):
        PackExporter(jobs, ExportOptions(formats=("png",)), folder, renderer=renderer).run()
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


def test_an_unwritable_folder_is_a_clear_error(renderer, jobs, folder: Path) -> None:
    blocker = folder / "notes.txt"
    blocker.write_text("x")
    exporter = PackExporter(jobs, ExportOptions(), blocker / "pack", renderer=renderer)
    with pytest.raises(ExportFolderError, match=r"cannot write .*notes\.txt/pack: .*notes\.txt is a file"):
        exporter.run()
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_a_chart_name_with_path_separators_is_refused_up_front(renderer, jobs, folder) -> None:
    evil = replace(jobs[0], spec=replace(jobs[0].spec, id="../../outside"))
    with pytest.raises(ExportNameError, match="path separator"):
        PackExporter([evil, jobs[1]], ExportOptions(), folder / "pack", renderer=renderer)
    assert list(folder.iterdir()) == []


def test_single_chart_export_to_a_chosen_name(renderer, jobs, folder: Path) -> None:
    for fmt in ("png", "svg", "pdf", "pptx", "xlsx", "csv"):
        opts = ExportOptions(formats=(fmt,), width=960, height=540)
        path, warnings = export_single(renderer, jobs[0], opts, folder / f"my chart.{fmt}",
                                       today=TODAY)
        assert path.stat().st_size > 0
        assert [w.kind for w in warnings] == ["demo"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"my chart.{f}" for f in ("png", "svg", "pdf", "pptx", "xlsx", "csv"))


def test_a_pack_driven_by_the_event_loop_draws_each_chart_in_slices(renderer, jobs,
                                                                     tmp_path: Path) -> None:
    """The pack dialog's way (steps(sliced=True)): several turns of the event loop per chart,
    and the very same files as the one-step-per-chart run of the command line."""
    opts = ExportOptions(formats=("png", "csv"), width=960, height=540)
    PackExporter(jobs, opts, tmp_path / "cli", renderer=renderer, today=TODAY).run()
    turns: dict[int, int] = {}
    for done, _total, _what in PackExporter(jobs, opts, tmp_path / "gui", renderer=renderer,
                                            today=TODAY).steps(sliced=True):
        turns[done] = turns.get(done, 0) + 1
    for k in range(len(jobs)):
        assert turns[k] >= 3  # drawn, settled, settled again: each a turn of its own
    digests = [{f["file"]: f["sha256"] for f in json.loads(
        (tmp_path / run / "manifest.json").read_text(encoding="utf-8"))["files"]}
        for run in ("cli", "gui")]
    assert digests[0] == digests[1] and "meta_ads.png" in digests[0]
