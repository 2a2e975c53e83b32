"""The two dialogs as the analyst uses them: export the open chart, export the whole pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImageReader

from qnai_desktop.core.charts import catalogue_by_id
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.export.export_dialog import ExportDialog
from qnai_desktop.ui.export.pack_dialog import PackExportDialog


@pytest.fixture
def ctx(cache, qapp):
    set_language("ko")
    c = AppContext(cache)
    yield c
    c.stop()


@pytest.fixture
def export_dialog(ctx, qtbot):
    dlg = ExportDialog(ctx, catalogue_by_id()["meta_ads"])
    qtbot.addWidget(dlg)
    return dlg


def test_export_the_open_chart_as_png_then_svg(export_dialog, tmp_path: Path, qtbot) -> None:
    dlg = export_dialog
    assert dlg.default_name() == "meta_ads.png"
    with qtbot.waitSignal(dlg.sig_chart_exported):
        dlg.save_to(tmp_path / dlg.default_name())
    assert QImageReader(str(tmp_path / "meta_ads.png")).size().toTuple() == (1920, 1080)
    dlg.format_box.setCurrentIndex(dlg.format_box.findData("svg"))
    dlg.form.set_size(960, 540)
    assert dlg.default_name().endswith(".svg")
    path = dlg.save_to(tmp_path / dlg.default_name())
    assert 'width="960" height="540"' in path.read_text(encoding="utf-8")
    assert "저장했습니다" in dlg.status.text()


def test_preview_lists_the_warnings(export_dialog) -> None:
    found = export_dialog.update_preview()
    assert "demo" in [w.kind for w in found]
    assert not export_dialog.preview.pixmap().isNull()
    texts = [export_dialog.warnings.item(i).text() for i in range(export_dialog.warnings.count())]
    assert any("예시 데이터" in t for t in texts)


def test_copy_image_to_the_clipboard(export_dialog) -> None:
    export_dialog.form.set_size(960, 540)
    export_dialog.form.scale.setValue(2)
    export_dialog.copy_to_clipboard()
    assert QGuiApplication.clipboard().image().size().toTuple() == (1920, 1080)


def test_custom_size_enables_the_spin_boxes(export_dialog) -> None:
    form = export_dialog.form
    form.preset.setCurrentIndex(form.preset.findData("custom"))
    assert form.width_box.isEnabled()
    form.width_box.setValue(1280)
    form.height_box.setValue(720)
    assert export_dialog.options().pixel_size == (1280, 720)
    form.preset.setCurrentIndex(form.preset.findData("slide_4_3"))
    assert not form.width_box.isEnabled() and export_dialog.options().width == 1440


def pack_dialog(ctx, qtbot, folder: Path, charts: list[str]) -> PackExportDialog:
    dlg = PackExportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.folder.setText(str(folder))
    for i in range(dlg.chart_list.count()):
        item = dlg.chart_list.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) in charts
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt in ("png", "pptx"))
    return dlg


def test_export_pack_with_progress(ctx, qtbot, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    dlg = pack_dialog(ctx, qtbot, out, ["meta_ads", "gpu_rent_b200_h100"])
    assert dlg.chart_list.count() == len(catalogue_by_id())
    with qtbot.waitSignal(dlg.sig_pack_exported, timeout=30_000) as blocker:
        assert dlg.start()
        assert dlg.running and not dlg.start_button.isEnabled()
    result = blocker.args[0]
    assert not result.cancelled and dlg.progress.value() == dlg.progress.maximum() == 4
    names = sorted(p.name for p in out.iterdir())
    assert names == ["gpu_rent_b200_h100.png", "manifest.json",
                     "meta_ads.png", "pack.pptx"]
    info = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert info["options"]["formats"] == ["png", "pptx"]
    listed = [dlg.warnings.item(i).text() for i in range(dlg.warnings.count())]
    assert any(t.startswith("meta_ads: 예시 데이터") for t in listed)
    assert dlg.start_button.isEnabled() and not dlg.cancel_button.isEnabled()


def test_cancel_writes_nothing(ctx, qtbot, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    dlg = pack_dialog(ctx, qtbot, out, list(catalogue_by_id()))
    assert dlg.start()
    qtbot.waitUntil(lambda: dlg.progress.value() >= 1, timeout=20_000)
    dlg.cancel()
    assert dlg.result.cancelled and not dlg.running
    assert not out.exists()
    assert "취소" in dlg.status.text()


def test_pack_refuses_to_start_without_charts_or_with_a_bad_folder(ctx, qtbot, tmp_path) -> None:
    dlg = pack_dialog(ctx, qtbot, tmp_path / "pack", [])
    assert not dlg.start() and "차트" in dlg.status.text()
    user = tmp_path / "user"
    user.mkdir()
    blocker = user / "file.txt"
    blocker.write_text("x")
    dlg = pack_dialog(ctx, qtbot, blocker, ["meta_ads"])
    dlg.start()  # the folder is checked while planning, off the GUI thread
    qtbot.waitUntil(lambda: not dlg.running, timeout=10_000)
    assert dlg.start_button.isEnabled() and dlg.result is None
    assert dlg.status.text() == f"{blocker}에 쓸 수 없습니다: {blocker}은(는) 폴더가 아니라 파일입니다"
    assert [p.name for p in user.iterdir()] == ["file.txt"]


def test_pack_holds_back_an_empty_chart_and_says_how_to_fill_it(ctx, qtbot, tmp_path) -> None:
    """The GUI's pack runs the CLI's pre-flight: no picture of an empty chart goes out, and the
    dialog lists it with the reason and the command that fills it."""
    out = tmp_path / "pack"
    dlg = pack_dialog(ctx, qtbot, out, ["meta_ads", "ai_capex"])
    with qtbot.waitSignal(dlg.sig_pack_exported, timeout=30_000):
        assert dlg.start()
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "meta_ads.png", "meta_ads.pptx"]
    info = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [h["chart"] for h in info["held_back"]] == ["ai_capex"]
    listed = [dlg.warnings.item(i).text() for i in range(dlg.warnings.count())]
    held = [t for t in listed if "주요 AI Capex (ai_capex)" in t]
    assert len(held) == 1 and "qnai-desktop refresh --source sec" in held[0]
    assert listed.index(held[0]) == 0  # held back first, then the warnings


def test_pack_of_only_empty_charts_writes_nothing_and_lists_them(ctx, qtbot, tmp_path) -> None:
    out = tmp_path / "pack"
    dlg = pack_dialog(ctx, qtbot, out, ["ai_capex", "ai_capex_share"])
    assert dlg.start()
    qtbot.waitUntil(lambda: not dlg.running, timeout=20_000)
    assert not out.exists() and dlg.result is None
    listed = [dlg.warnings.item(i).text() for i in range(dlg.warnings.count())]
    assert len(listed) == 2 and all("--source sec" in t for t in listed)
