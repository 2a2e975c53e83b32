"""File → Export pack… → "Update an existing deck…": a deck exported earlier, edited by her, gets
the new data in place (read back with python-pptx), with the outcome said in her language."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Inches
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from qnai_desktop.core.series import SeriesBundle
from qnai_desktop.services.deck import gather_content, write_deck
from qnai_desktop.services.export_plan import gather_jobs, hold_back
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.export.pack_dialog import PackExportDialog

CDS = "cds_oracle_coreweave"
EARLIER = [CDS, "gpu_rent_b200_h100"]


def chart_frame(prs, chart_id: str):
    return next(s for slide in prs.slides for s in slide.shapes if s.name == f"qnai:chart:{chart_id}")


@pytest.fixture
def earlier_deck(db_path: Path, tmp_path: Path) -> Path:
    """A note deck of two charts exported earlier, with her comment added on the CDS slide."""
    path = tmp_path / "weekly.pptx"
    with Cache.open(db_path) as cache:
        jobs, held = hold_back(gather_jobs(cache, EARLIER))
        write_deck(gather_content(cache, jobs, held, "ko"), path)
    prs = Presentation(str(path))
    slide = next(sl for sl in prs.slides if any(s.name == f"qnai:chart:{CDS}" for s in sl.shapes))
    box = slide.shapes.add_textbox(Inches(1), Inches(6.9), Inches(5), Inches(0.4))
    box.name = "Her comment"
    box.text_frame.text = "CDS가 7/1 이후 다시 오름"
    prs.save(str(path))
    return path


@pytest.fixture
def dialog(db_path: Path, qtbot):
    set_language("ko")
    ctx = AppContext(Cache.open(db_path))
    dlg = PackExportDialog(ctx)
    qtbot.addWidget(dlg)
    yield dlg
    ctx.stop()
    ctx.cache.close()


def choose(dlg: PackExportDialog, charts: list[str]) -> None:
    for i in range(dlg.chart_list.count()):
        item = dlg.chart_list.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) in charts
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)


def pick_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "PowerPoint (*.pptx)"))


def test_update_from_the_dialog_refreshes_the_deck_and_keeps_her_comment(
        dialog, earlier_deck: Path, db_path: Path, qtbot, monkeypatch) -> None:
    with Cache.open(db_path) as cache:  # new data since the deck was made
        meta = cache.series.metas()["cds.coreweave_5y"]
        cache.series.write_bundles([SeriesBundle(meta, pd.DataFrame(
            {"date": pd.to_datetime(["2026-08-03"]), "value": [777.0]}))], how="import")
    before = earlier_deck.read_bytes()
    choose(dialog, [CDS, "gpu_rent_silicondata"])  # B200/H100 dropped, SiliconData new
    pick_file(monkeypatch, earlier_deck)
    assert dialog.update_button.text() == "기존 덱 갱신…"
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    assert not dialog.start_button.isEnabled()  # one thing at a time
    qtbot.waitUntil(lambda: dialog.deck_update is None, timeout=60_000)

    message = dialog.status.text()
    backup = earlier_deck.with_name("weekly.pptx.bak")
    assert message.startswith("덱 갱신:"), message
    assert "끝에 추가한 차트: GPU 렌탈 가격 추이 (SiliconData)" in message
    assert "이번 팩에 없는 차트 (그대로 둠): B200, H100 렌탈 가격 추이" in message
    assert str(backup) in message
    assert backup.read_bytes() == before
    prs = Presentation(str(earlier_deck))
    frame = chart_frame(prs, CDS)
    assert 777.0 in list(frame.chart.plots[0].series[0].values) + list(frame.chart.plots[0].series[1].values)
    texts = [s.text_frame.text for sl in prs.slides for s in sl.shapes if s.name == "Her comment"]
    assert texts == ["CDS가 7/1 이후 다시 오름"]
    assert chart_frame(prs, "gpu_rent_silicondata") is not None  # appended
    assert chart_frame(prs, "gpu_rent_b200_h100") is not None  # reported, not deleted
    assert dialog.start_button.isEnabled()


def test_a_file_that_is_not_a_deck_is_said_and_left_alone(dialog, tmp_path: Path, qtbot,
                                                          monkeypatch) -> None:
    bad = tmp_path / "notes.pptx"
    bad.write_text("not a deck", encoding="utf-8")
    choose(dialog, [CDS])
    pick_file(monkeypatch, bad)
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.deck_update is None, timeout=30_000)
    assert dialog.status.text().startswith("덱을 갱신하지 못했습니다:"), dialog.status.text()
    assert "not a PowerPoint deck" in dialog.status.text()
    assert bad.read_text(encoding="utf-8") == "not a deck"
    assert not bad.with_name("notes.pptx.bak").exists()
