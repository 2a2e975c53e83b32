"""Every exported chart carries its state on the image itself — checked on the pixels and the
text the image is drawn from: the as-of stamp (stale in the warning colour with its age), the
illustrative watermark across the whole plot (a crop cannot remove it), the flagged source
line, the footnote naming the series left out, and the empty chart's message without axes —
in an export and on the screen's canvas alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from qnai_desktop.core.phrases import CHART_NO_DATA
from qnai_desktop.services.export_plan import gather_jobs
from qnai_desktop.ui.charts.canvas import ChartCanvas
from qnai_desktop.ui.export.renderer import ChartRenderer

FRESH_DAY = date(2026, 8, 1)  # the day after the seeded GPU prices end
PACK_DAY = date(2026, 12, 7)  # months later: everything seeded is stale
STALE = "#C0392B"


@pytest.fixture
def renderer(qapp):
    from qnai_desktop.app import create_application

    create_application()
    r = ChartRenderer()
    yield r
    r.close()


@pytest.fixture
def jobs(cache):
    ids = ["meta_ads", "gpu_rent_b200_h100", "openrouter_tokens", "coding_agent_commit_intensity",
           "ai_capex"]
    return {j.chart_id: j for j in gather_jobs(cache, ids)}


def rgb(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes())
    arr = arr.reshape(img.height(), img.bytesPerLine())[:, : img.width() * 3]
    return arr.reshape(img.height(), img.width(), 3).astype(int)


def near(image: QImage, colour: str, rect: QRect, tolerance: int = 40) -> int:
    arr = rgb(image)[rect.top():rect.bottom() + 1, rect.left():rect.right() + 1]
    want = QColor(colour)
    return int((np.abs(arr - [want.red(), want.green(), want.blue()]).max(axis=2)
                <= tolerance).sum())


def plot_rect(canvas: ChartCanvas) -> QRect:
    """The plot area (the ViewBox) in canvas pixels."""
    box = canvas.view_box.sceneBoundingRect().toRect()
    return box.translated(canvas.plot_widget.geometry().topLeft())


def tiles(rect: QRect, n: int = 3) -> list[QRect]:
    w, h = rect.width() // n, rect.height() // n
    return [QRect(rect.left() + i * w, rect.top() + j * h, w, h) for i in range(n) for j in range(n)]


def without_demo(prepared):
    return replace(prepared, series=tuple(replace(s, is_demo=False) for s in prepared.series))


# -- the as-of stamp ---------------------------------------------------------------------------
def test_every_chart_is_stamped_with_its_newest_observation(renderer, jobs) -> None:
    job = jobs["gpu_rent_b200_h100"]
    renderer.today = FRESH_DAY
    image = renderer.render_image(job.prepared, job.spec, "ko", 1920, 1080)
    stamp = renderer.canvas.stamp_label
    assert stamp.isVisible() and stamp.text() == "기준: 2026-07-31"
    assert near(image, STALE, stamp.geometry()) < 5  # fresh: muted grey, no warning colour
    assert near(image, "#6B6B6B", stamp.geometry()) > 100
    renderer.render_image(job.prepared, job.spec, "en", 1920, 1080)
    assert renderer.canvas.stamp_label.text() == "As of 2026-07-31"


def test_stale_data_is_marked_on_the_image_in_the_warning_colour(renderer, jobs) -> None:
    job = jobs["gpu_rent_b200_h100"]
    renderer.today = PACK_DAY
    image = renderer.render_image(job.prepared, job.spec, "ko", 1920, 1080)
    stamp = renderer.canvas.stamp_label
    assert stamp.text() == "기준: 2026-07-31 · 129일 경과"
    assert near(image, STALE, stamp.geometry()) > 300
    # the deck's picture (title and source cut off) keeps the stamp on its top band
    deck = renderer.deck_picture(image)
    band = QRect(0, 0, deck.width(), stamp.geometry().height() + 30)
    assert near(deck, STALE, band) > 300
    renderer.render_image(job.prepared, job.spec, "en", 1920, 1080)
    assert renderer.canvas.stamp_label.text() == "As of 2026-07-31 · 129 days old"


def test_the_pack_stamps_with_its_own_day(jobs, tmp_path) -> None:
    from qnai_desktop.services.export_plan import ExportOptions
    from qnai_desktop.ui.export.pack import PackExporter

    exporter = PackExporter([jobs["gpu_rent_b200_h100"]], ExportOptions(formats=("png",)), tmp_path,
                            today=PACK_DAY)
    exporter.run()
    image = QImage(str(tmp_path / "gpu_rent_b200_h100.png"))
    head = QRect(image.width() // 2, 0, image.width() // 2, image.height() // 10)
    assert near(image, STALE, head) > 300  # "· 129일 경과" in the warning colour, top right


# -- illustrative data -------------------------------------------------------------------------
def test_the_watermark_covers_every_part_of_the_plot(renderer, jobs) -> None:
    """Cut the plot into nine pieces: each still carries the mark (a corner badge would not)."""
    job = jobs["openrouter_tokens"]  # a dense stacked area: the hardest place to see a mark
    demo = renderer.render_image(job.prepared, job.spec, "ko", 1920, 1080)
    rect = plot_rect(renderer.canvas)
    plain = renderer.render_image(without_demo(job.prepared), job.spec, "ko", 1920, 1080)
    assert plot_rect(renderer.canvas) == rect
    changed = np.abs(rgb(demo) - rgb(plain)).max(axis=2) > 8
    for tile in tiles(rect):
        part = changed[tile.top():tile.bottom() + 1, tile.left():tile.right() + 1]
        assert part.sum() > 400, f"no watermark in {tile}"
    # the mark is reddish and translucent: the plot still shows through it
    inside = np.zeros_like(changed)
    inside[rect.top():rect.bottom() + 1, rect.left():rect.right() + 1] = True
    diff = rgb(demo)[changed & inside] - rgb(plain)[changed & inside]
    assert np.median(diff[:, 0] - diff[:, 1]) > 0
    assert np.abs(diff).max() < 120


def test_the_watermark_text_is_the_flag_in_the_chart_language(renderer, jobs) -> None:
    job = jobs["meta_ads"]
    renderer.render_image(job.prepared, job.spec, "ko", 960, 540)
    assert renderer.canvas.watermark.isVisible()
    assert renderer.canvas.watermark.text == "예시 데이터 — 실제 자료 아님"
    renderer.render_image(job.prepared, job.spec, "en", 960, 540)
    assert renderer.canvas.watermark.text == "Illustrative data — not a real source"
    real = jobs["gpu_rent_b200_h100"]
    renderer.render_image(real.prepared, real.spec, "en", 960, 540)
    assert not renderer.canvas.watermark.isVisible()


def test_invented_numbers_never_carry_a_real_source_line_alone(renderer, jobs) -> None:
    job = jobs["meta_ads"]
    renderer.render_image(job.prepared, job.spec, "ko", 1920, 1080)
    assert renderer.canvas.source_label.text() == "자료: 예시 데이터 — 실제 자료 아님 (Meta), SK증권"
    real = jobs["gpu_rent_b200_h100"]
    renderer.render_image(real.prepared, real.spec, "ko", 1920, 1080)
    assert "예시" not in renderer.canvas.source_label.text()


def test_the_screen_canvas_flags_invented_data_too(qtbot, cache, jobs) -> None:
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(960, 540)
    canvas.show()
    qtbot.waitExposed(canvas)
    job = jobs["meta_ads"]
    canvas.show_chart(job.prepared, job.spec, "ko", today=PACK_DAY)
    for _ in range(3):
        QApplication.processEvents()
    marked = canvas.grab().toImage()
    canvas.watermark.setVisible(False)
    QApplication.processEvents()
    bare = canvas.grab().toImage()
    ratio = marked.width() / canvas.width()  # a HiDPI screen grabs at 2x
    rect = plot_rect(canvas)
    rect = QRect(int(rect.left() * ratio), int(rect.top() * ratio), int(rect.width() * ratio),
                 int(rect.height() * ratio))
    changed = np.abs(rgb(marked) - rgb(bare)).max(axis=2) > 8
    for tile in tiles(rect):
        assert changed[tile.top():tile.bottom() + 1, tile.left():tile.right() + 1].sum() > 100
    assert canvas.stamp_label.text() == "기준: 2026-06-30"  # quarterly: not stale yet


# -- series left out ---------------------------------------------------------------------------
def test_series_left_out_are_named_under_the_chart(renderer, jobs) -> None:
    job = jobs["coding_agent_commit_intensity"]
    image = renderer.render_image(job.prepared, job.spec, "ko", 1920, 1080)
    note = renderer.canvas.note_label
    assert note.isVisible()
    assert note.text() == ("주: Agent 서명이 있는 GitHub 공개 커밋 누적 기준; "
                           "Amazon Q, Codex, Windsurf는 누적 1만 미달로 제외")
    assert "agents." not in note.text() and "max" not in note.text()
    assert image.rect().contains(note.geometry())  # on the image, not cut off
    assert near(image, "#555555", note.geometry()) > 200
    renderer.render_image(job.prepared, job.spec, "en", 1920, 1080)
    assert renderer.canvas.note_label.text() == (
        "Note: Based on cumulative public GitHub commits signed by each agent; Amazon Q, Codex "
        "and Windsurf not shown (cumulative total below 10,000)")


def test_a_series_hidden_on_screen_is_named_in_the_footnote(qtbot, jobs) -> None:
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(960, 540)
    job = jobs["gpu_rent_b200_h100"]
    canvas.show_chart(job.prepared, job.spec, "ko")
    canvas.set_series_visible("gpu_rent.h100.median", False)
    assert canvas.note_label.text() == "주: 일별 공개 오퍼 중앙값; H100은 숨김"
    canvas.set_series_visible("gpu_rent.h100.median", True)
    assert canvas.note_label.text() == "주: 일별 공개 오퍼 중앙값"


def test_the_stamp_dates_the_lines_on_screen(qtbot, cache) -> None:
    (job,) = gather_jobs(cache, ["ai_lab_valuation"])
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    canvas.show_chart(job.prepared, job.spec, "en", today=PACK_DAY)
    assert canvas.stamp_label.text().startswith("As of 2026-01-06")  # xAI's last round
    canvas.set_series_visible("epoch.valuation.xai", False)
    assert canvas.stamp_label.text().startswith("As of 2025-")
    assert canvas.note_label.text() == "Note: xAI hidden"


# -- an empty chart ----------------------------------------------------------------------------
def test_an_empty_chart_on_screen_says_so_without_the_last_charts_axes(qtbot, jobs) -> None:
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(960, 540)
    canvas.show()
    qtbot.waitExposed(canvas)
    full, empty = jobs["gpu_rent_b200_h100"], jobs["ai_capex"]
    assert empty.prepared.is_empty
    canvas.show_chart(full.prepared, full.spec, "ko")
    QApplication.processEvents()
    assert canvas.plot_item.getAxis("left").isVisible()
    canvas.show_chart(empty.prepared, empty.spec, "ko")
    for _ in range(2):
        QApplication.processEvents()
    for name in ("left", "bottom", "right"):
        assert not canvas.plot_item.getAxis(name).isVisible(), name
    texts = [item.toPlainText() for item in canvas.plot_item.scene().items()
             if hasattr(item, "toPlainText") and item.isVisible() and item.toPlainText()]
    assert CHART_NO_DATA.pick("ko") in texts
    assert not canvas.legend.buttons and not canvas.unit_label.text()
    assert not canvas.stamp_label.isVisible() and not canvas.watermark.isVisible()
    # and back: the next chart has its axes again
    canvas.show_chart(full.prepared, full.spec, "ko")
    QApplication.processEvents()
    assert canvas.plot_item.getAxis("left").isVisible()
    assert canvas.plot_item.getAxis("bottom").isVisible()


def test_vector_files_carry_the_mark_inside_the_plot_and_stay_small(renderer, jobs,
                                                                     tmp_path) -> None:
    """SVG/PDF: whole sentences as text, only inside the plot (QSvgGenerator writes no clip, so
    a cut-off sentence would spill over the title in a viewer); a few kB, not megabytes."""
    import shutil
    import subprocess

    job = jobs["openrouter_tokens"]
    plain = without_demo(job.prepared)
    sizes = {}
    for name, prepared in (("demo", job.prepared), ("plain", plain)):
        for fmt, write in (("svg", renderer.write_svg), ("pdf", renderer.write_pdf)):
            path = write(tmp_path / f"{name}.{fmt}", prepared, job.spec, "ko", 1920, 1080)
            sizes[name, fmt] = path.stat().st_size
    for fmt in ("svg", "pdf"):
        assert sizes["demo", fmt] < sizes["plain", fmt] * 1.6, sizes
    rect = plot_rect(renderer.canvas)
    if shutil.which("rsvg-convert") is None:
        pytest.skip("rsvg-convert not installed: the spill check needs a real SVG viewer")
    for name in ("demo", "plain"):
        subprocess.run(["rsvg-convert", "-w", "1920", "-h", "1080", str(tmp_path / f"{name}.svg"),
                        "-o", str(tmp_path / f"{name}.png")], check=True)
    demo, bare = (rgb(QImage(str(tmp_path / f"{n}.png"))) for n in ("demo", "plain"))
    changed = np.abs(demo - bare).max(axis=2) > 8
    outside = changed.copy()
    outside[rect.top():rect.bottom() + 1, rect.left():rect.right() + 1] = False
    outside[:rect.top() // 2, 1920 * 3 // 4:] = False  # the badge, top right
    assert outside.sum() < 50
    for tile in tiles(rect, 2):
        assert changed[tile.top():tile.bottom() + 1, tile.left():tile.right() + 1].sum() > 400
