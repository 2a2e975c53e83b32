"""The note's "MTP + speculative decoding vs the usual way" and "Dspark +85%" charts as she sees
them: exported images whose bars stand at the model's / the note's numbers, named under each
bar, and the same charts in the Charts tab."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from qnai_desktop.core.charts.colors import COMPANY_COLORS
from qnai_desktop.core.scenarios import get_model
from qnai_desktop.services.export_plan import gather_jobs, hold_back
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.charts.tab import ChartsTab
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.export.renderer import ChartRenderer

BAR = COMPANY_COLORS["deepseek"]
CHARTS = ("spec_decoding_vs_usual", "dspark_speedup")


@pytest.fixture
def renderer(qapp):
    from qnai_desktop.app import create_application

    create_application()
    r = ChartRenderer()
    yield r
    r.close()


def bar_mask(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes())
    arr = arr.reshape(img.height(), img.bytesPerLine())[:, : img.width() * 3]
    arr = arr.reshape(img.height(), img.width(), 3).astype(int)
    want = np.array(QColor(BAR).getRgb()[:3])
    return np.abs(arr - want).max(axis=2) <= 12


def bar_heights(image: QImage, plot: tuple[int, int, int, int]) -> list[int]:
    """Height in pixels of each bar, left to right, measured at its centre column."""
    x0, y0, w, h = plot
    mask = bar_mask(image)[y0:y0 + h, x0:x0 + w]
    filled = mask.any(axis=0)
    edges = np.flatnonzero(np.diff(np.r_[0, filled.astype(int), 0]))
    runs = list(zip(edges[::2], edges[1::2], strict=True))
    return [int(mask[:, (a + b) // 2].sum()) for a, b in runs if b - a > 20]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_exported_pngs_show_the_models_and_the_notes_numbers(renderer, cache, tmp_path: Path,
                                                             lang: str) -> None:
    jobs = {j.chart_id: j for j in gather_jobs(cache, list(CHARTS))}
    kept, held = hold_back(list(jobs.values()))
    assert held == [] and len(kept) == 2  # never empty, never held back
    model = get_model("spec_decoding")
    want = {"spec_decoding_vs_usual": [1.0, model.evaluate(model.defaults())["speedup"],
                                       model.evaluate({**model.defaults(),
                                                       "acceptance_rate": 1.0})["speedup"]],
            "dspark_speedup": [1.0, 1.85]}
    for chart_id, values in want.items():
        job = jobs[chart_id]
        image = renderer.render_image(job.prepared, job.spec, lang, 1920, 1080)
        renderer.write_png(tmp_path / f"{chart_id}_{lang}.png", image)
        plot = renderer.canvas.plot_widget.geometry()
        heights = bar_heights(image, (plot.x(), plot.y(), plot.width(), plot.height()))
        assert len(heights) == len(values), (chart_id, heights)  # one bar per case
        assert heights[0] > 150  # the plot has data: tall bars, not a blank frame
        ratios = [h / heights[0] for h in heights]
        assert ratios == pytest.approx(values, abs=0.02), chart_id  # bars at the numbers
        axis = renderer.canvas.plot_item.getAxis("bottom")
        assert [name for _x, name in axis._tickLevels[0]] == [
            name for _x, name in job.prepared.category_ticks(lang)]  # each bar named


def test_the_charts_tab_lists_and_draws_them_with_their_table(qtbot, db_path: Path) -> None:
    set_language("ko")
    ctx = AppContext(Cache.open(db_path), poll_ms=100)
    tab = ChartsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    qtbot.waitExposed(tab)
    try:
        keys = tab.picker.keys()
        assert set(CHARTS) <= set(keys)
        assert tab.open_chart("dspark_speedup")
        for _ in range(2):
            QApplication.processEvents()
        assert tab.canvas.title_label.text() == "Dspark 적용 전후 동일 모델 속도 (DeepSeek V4)"
        assert tab.canvas.source_label.text() == "자료: 노트 인용 (언론 종합), SK증권"
        assert not tab.info_label.isVisible()  # nothing left out
        tab.toolbar.table_button.setChecked(True)
        model = tab.table_model
        assert model.rowCount() == 2
        assert model.data(model.index(1, 0)) == "Dspark 적용 후 (+85%)"
        tab.grab().save(str(db_path.parent / "charts_tab_dspark.png"))
    finally:
        ctx.stop()
        ctx.cache.close()
