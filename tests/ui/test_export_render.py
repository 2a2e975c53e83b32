"""Exported images, vectors and fonts: sizes, pixels, Korean glyphs, scaling, SVG/PDF structure."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QImage, QRawFont

from qnai_desktop.core.charts import ChartSpec, SeriesRef, build_catalogue, catalogue_by_id, prepare
from qnai_desktop.core.series import SeriesMeta
from qnai_desktop.paths import resources_dir
from qnai_desktop.services import scenario_cases
from qnai_desktop.services.export_plan import ExportOptions, gather_jobs
from qnai_desktop.ui.common.fonts import register_fonts
from qnai_desktop.ui.export.clipboard import copy_image
from qnai_desktop.ui.export.pack import check_job
from qnai_desktop.ui.export.renderer import ChartRenderer

FONT_DIR = resources_dir() / "fonts"
BADGE = "#C0392B"
ORACLE = "#C74634"


@pytest.fixture
def renderer(qapp):
    from qnai_desktop.app import create_application

    create_application()  # the same global set-up (fonts, antialiasing) as the app and the CLI
    r = ChartRenderer()
    yield r
    r.close()


@pytest.fixture
def jobs(cache):
    return {j.chart_id: j for j in gather_jobs(cache, ["meta_ads", "cds_oracle_coreweave",
                                                        "gpu_rent_b200_h100"])}


def count_near(image: QImage, colour: str, rect: tuple[int, int, int, int] | None = None,
               tolerance: int = 30) -> int:
    """Pixels within ``tolerance`` (per channel) of ``colour`` inside ``rect`` (x, y, w, h)."""
    arr = rgb_array(image)
    if rect is not None:
        x, y, w, h = rect
        arr = arr[y:y + h, x:x + w]
    want = QColor(colour)
    diff = np.abs(arr.astype(int) - [want.red(), want.green(), want.blue()])
    return int((diff.max(axis=2) <= tolerance).sum())


def rgb_array(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    ptr = img.constBits()
    arr = np.frombuffer(ptr, np.uint8, count=img.sizeInBytes()).reshape(img.height(),
                                                                         img.bytesPerLine())
    return arr[:, : img.width() * 3].reshape(img.height(), img.width(), 3).copy()


def flat_line_chart() -> tuple:
    """One horizontal line in Oracle red: its stroke thickness is easy to measure."""
    sid = "test.oracle"
    spec = ChartSpec(id="flat", title_ko="평평한 선", title_en="Flat", kind="line",
                     series=(SeriesRef(sid),))
    frame = pd.DataFrame({"date": pd.date_range("2026-01-01", periods=60, freq="D"),
                          "value": [5.0] * 60})
    meta = SeriesMeta(id=sid, title_ko="오라클", title_en="Oracle", unit="bp", frequency="D",
                      source="Test")
    return prepare(spec, {sid: frame}, {sid: meta}), spec


def stroke_px(image: QImage, colour: str) -> float:
    """Thickness of a horizontal stroke in the middle column, as summed coverage: an antialiased
    edge pixel halfway between the line colour and the white background counts one half."""
    arr = rgb_array(image).astype(float)
    column = arr[:, image.width() // 2]
    want = np.array([QColor(colour).red(), QColor(colour).green(), QColor(colour).blue()], float)
    white = np.array([255.0, 255.0, 255.0])
    span = np.abs(white - want).max()
    coverage = 1.0 - np.abs(column - want).max(axis=1) / span
    near_line = np.abs(column - want).max(axis=1) <= span  # ignore other colours (axes, text)
    return float(np.clip(coverage[near_line], 0.0, 1.0).sum())


# -- raster ------------------------------------------------------------------------------
def test_png_has_the_requested_size_and_is_not_blank(renderer, jobs, tmp_path: Path) -> None:
    job = jobs["cds_oracle_coreweave"]
    for (w, h, scale) in ((1920, 1080, 1), (960, 540, 2), (1440, 1080, 1)):
        image = renderer.render_image(job.prepared, job.spec, "ko", w, h, scale)
        assert (image.width(), image.height()) == (w * scale, h * scale)
        arr = rgb_array(image)
        non_white = (arr.min(axis=2) < 235).mean()
        assert 0.01 < non_white < 0.6, non_white  # lines, text, axes — but mostly background
        assert count_near(image, ORACLE) > 500  # the Oracle line is drawn
    path = renderer.write_png(tmp_path / "c.png", image)
    assert QImage(str(path)).size() == image.size()


def test_960_at_2x_looks_like_1920_at_1x(renderer, jobs) -> None:
    job = jobs["gpu_rent_b200_h100"]
    big = rgb_array(renderer.render_image(job.prepared, job.spec, "ko", 1920, 1080, 1))
    same = rgb_array(renderer.render_image(job.prepared, job.spec, "ko", 960, 540, 2))
    assert np.mean(np.abs(big.astype(int) - same.astype(int))) < 1.0


def test_lines_and_legend_scale_with_the_export_size(renderer) -> None:
    """pyqtgraph's ImageExporter keeps 1–2 px pens and a tiny legend when the width is forced
    (pyqtgraph #16, #562, #1767); rendering the canvas at scale must not."""
    prepared, spec = flat_line_chart()
    small = renderer.render_image(prepared, spec, "ko", 960, 540)
    legend_small = renderer.canvas.legend.buttons["test.oracle"].font().pixelSize()
    big = renderer.render_image(prepared, spec, "ko", 1920, 1080)
    legend_big = renderer.canvas.legend.buttons["test.oracle"].font().pixelSize()
    thin, thick = stroke_px(small, ORACLE), stroke_px(big, ORACLE)
    assert thin >= 1.5 and thick >= 3.5, (thin, thick)
    assert 1.6 <= thick / thin <= 2.6, (thin, thick)
    assert legend_big == 2 * legend_small


def test_transparent_background(renderer, jobs) -> None:
    job = jobs["cds_oracle_coreweave"]
    image = renderer.render_image(job.prepared, job.spec, "en", 960, 540, transparent=True)
    assert image.hasAlphaChannel()
    assert image.pixelColor(2, 2).alpha() == 0
    assert image.pixelColor(image.width() - 3, image.height() // 2).alpha() == 0
    assert count_near(image.convertToFormat(QImage.Format.Format_ARGB32), ORACLE) > 100
    opaque = renderer.render_image(job.prepared, job.spec, "en", 960, 540)
    assert opaque.pixelColor(2, 2) == QColor("white")


def test_illustrative_data_is_marked_on_the_image(renderer, jobs) -> None:
    top_right = (1920 * 3 // 4, 0, 1920 // 4, 1080 // 6)
    demo = jobs["meta_ads"]
    image = renderer.render_image(demo.prepared, demo.spec, "en", 1920, 1080)
    assert renderer.canvas.demo_badge.isVisible()
    assert renderer.canvas.demo_badge.text() == "Illustrative data"
    assert count_near(image, BADGE, top_right) > 1500
    deck = renderer.deck_picture(image)
    assert count_near(deck, BADGE, (1920 * 3 // 4, 0, 1920 // 4, deck.height() // 5)) > 1500
    real = jobs["gpu_rent_b200_h100"]
    image = renderer.render_image(real.prepared, real.spec, "en", 1920, 1080)
    assert not renderer.canvas.demo_badge.isVisible()
    # no filled badge: at most the stale stamp's red text (test_export_marks.py) is up there
    assert count_near(image, BADGE, top_right) < 1500 // 3


def test_deck_picture_drops_title_and_source_but_keeps_the_plot(renderer, jobs) -> None:
    job = jobs["gpu_rent_b200_h100"]
    image = renderer.render_image(job.prepared, job.spec, "ko", 1920, 1080)
    deck = renderer.deck_picture(image)
    assert deck.width() == 1920 and 700 < deck.height() < 1000
    rule = renderer.style.accent_color  # the red rule under the title is not in the picture
    assert count_near(image, rule) > 1000 and count_near(deck, rule) < 50


def test_small_text_is_flagged_at_a_tiny_size(renderer, jobs) -> None:
    job = jobs["gpu_rent_b200_h100"]
    today = date(2026, 8, 1)
    for (w, h), expect in (((400, 225), True), ((1920, 1080), False)):
        renderer.render_image(job.prepared, job.spec, "ko", w, h)
        opts = ExportOptions(width=w, height=h)
        kinds = [x.kind for x in check_job(job, opts, renderer, today)]
        assert ("small_text" in kinds) is expect, (w, kinds)


def test_copy_to_clipboard(renderer, jobs) -> None:
    job = jobs["meta_ads"]
    image = renderer.render_image(job.prepared, job.spec, "ko", 960, 540)
    copy_image(image)
    clip = QGuiApplication.clipboard()
    assert clip.image().size() == image.size()
    assert clip.mimeData().hasFormat("image/png")


# -- Korean ------------------------------------------------------------------------------
def test_bundled_font_is_shipped_with_its_licence_and_registers_by_family() -> None:
    files = sorted(p.name for p in FONT_DIR.iterdir())
    assert "OFL.txt" in files and any(f.endswith(".otf") for f in files)
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert sum(p.stat().st_size for p in FONT_DIR.glob("*.otf")) < 5_000_000
    families = register_fonts()
    assert "Noto Sans CJK KR" in families  # what ui/common/fonts.py and the house style prefer
    assert "Bold" in QFontDatabase.styles("Noto Sans CJK KR")


def catalogue_text() -> str:
    parts = []
    for spec in build_catalogue():
        for lang in ("ko", "en"):
            parts += [spec.title(lang), spec.unit(lang), spec.note(lang)]
    parts += ["자료: GitHub 코딩 에이전트 모니터, SK증권",
              "주: 예시 데이터 경과일 기타 최선단 차선단 중간 소형",
              "Cursor (백그라운드) Cursor (에디터) (우) 십억달러 달러/GPU-시간 ·…–—%₩①"]
    return "".join(parts)


def test_bundled_font_covers_every_character_of_the_catalogue() -> None:
    for path in FONT_DIR.glob("*.otf"):
        raw = QRawFont(str(path), 16)
        missing = sorted({ch for ch in catalogue_text()
                          if not ch.isspace() and not raw.supportsCharacter(ord(ch))})
        assert missing == [], (path.name, missing)


def test_exported_source_line_has_no_tofu(renderer, jobs, tmp_path: Path) -> None:
    """The font the source label is drawn with has a real glyph (not .notdef) for every
    character of "자료: …, SK증권" — and the rendered line differs from a box-only render."""
    job = jobs["cds_oracle_coreweave"]
    renderer.render_image(job.prepared, job.spec, "ko", 1920, 1080)
    label = renderer.canvas.source_label
    assert label.text() == "자료: 예시 데이터 — 실제 자료 아님 (Bloomberg), SK증권"
    raw = QRawFont.fromFont(label.font(), QFontDatabase.WritingSystem.Korean)
    assert raw.familyName() in ("Noto Sans CJK KR", "Noto Sans KR")
    glyphs = raw.glyphIndexesForString(label.text())
    assert len(glyphs) == len(label.text()) and 0 not in glyphs
    hangul = label.grab().toImage()
    tofu_font = QRawFont(str(next(FONT_DIR.glob("*Regular*.otf"))), 16)
    assert tofu_font.glyphIndexesForString("자료") != [0, 0]
    assert not hangul.isNull() and count_near(hangul, "#555555", tolerance=60) > 50


# -- vectors -----------------------------------------------------------------------------
def test_svg_is_valid_sized_and_names_its_chart_with_text_as_outlines(renderer, jobs,
                                                                        tmp_path) -> None:
    """Title and source line are the SVG's <title>/<desc>; on the picture every glyph is an
    outline (tests/ui/test_svg_export.py renders it without fonts)."""
    ns = "{http://www.w3.org/2000/svg}"
    job = jobs["cds_oracle_coreweave"]
    path = renderer.write_svg(tmp_path / "c.svg", job.prepared, job.spec, "ko", 1920, 1080)
    root = ET.parse(path).getroot()
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("1920", "1080",
                                                                            "0 0 1920 1080")
    assert root.find(f"{ns}title").text == "Oracle, CoreWeave CDS 스프레드"
    desc = root.find(f"{ns}desc").text
    assert "Bloomberg" in desc and "실제 자료 아님" in desc and "SK증권" in desc
    assert list(root.iter(f"{ns}text")) == []
    fills = {(g.get("fill") or "").upper() for g in root.iter(f"{ns}g")
             if g.find(f"{ns}path") is not None}
    assert BADGE in fills and "#FFFFFF" in fills  # the illustrative badge and its white glyphs


def test_pdf_is_one_page_of_the_chart_size(renderer, jobs, tmp_path: Path) -> None:
    job = jobs["meta_ads"]
    path = renderer.write_pdf(tmp_path / "c.pdf", job.prepared, job.spec, "en", 1920, 1080)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data) == [(b"1440.000000",
                                                                          b"810.000000")]
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(
        b"/Type /Page/") >= 1
    assert b"/FontFile" in data  # text embedded as text with its font, not rasterised


def test_every_catalogue_chart_renders(renderer, cache) -> None:
    for job in gather_jobs(cache):
        image = renderer.render_image(job.prepared, job.spec, "ko", 960, 540)
        assert rgb_array(image).min() < 100, job.chart_id
    assert set(catalogue_by_id()) == {j.chart_id for j in gather_jobs(cache)}


def test_a_published_scenario_exports_with_its_input_on_x_and_no_warnings(renderer, cache) -> None:
    """The slide of a scenario chart: exact size, x axis titled with the input, never "stale"."""
    pub = scenario_cases.publish_case(cache, "meta_compute_sale", "Bear: Meta sells 35%",
                                      {"external_sale_fraction": 0.35, "meta_capex_share": 0.14})
    [job] = gather_jobs(cache, [pub.chart_id])
    image = renderer.render_image(job.prepared, job.spec, "en", 1920, 1080, 1)
    assert (image.width(), image.height()) == (1920, 1080)  # the long note wraps, never widens
    bottom = renderer.canvas.plot_item.getAxis("bottom")
    assert bottom.labelText == "Share of compute sold externally (%)"
    assert renderer.canvas.note_label.text().startswith("Note: x axis: Share of compute sold")
    opts = ExportOptions(formats=("png",))
    assert check_job(job, opts, renderer, date(2030, 1, 1)) == []
    assert job.file_name("png") == f"{pub.chart_id}.png"
