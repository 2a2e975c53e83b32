"""ChartCanvas draws every catalogue chart in house style; style files; the pure chart helpers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from qnai_desktop.core.charts import (
    ChartSpec,
    PreparedChart,
    PreparedSeries,
    SeriesRef,
    build_catalogue,
    catalogue_by_id,
    prepare,
)
from qnai_desktop.core.charts import resolve_series as resolve
from qnai_desktop.core.charts.ranges import preset_range
from qnai_desktop.core.charts.readout import readout, value_at
from qnai_desktop.core.charts.user_specs import build_user_spec, chart_for_series, unique_chart_id
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.charts.axes import calendar_ticks, period_ticks
from qnai_desktop.ui.charts.canvas import ChartCanvas
from qnai_desktop.ui.charts.render import render_chart
from qnai_desktop.ui.common.style import HouseStyle, available_styles, load_style

CATALOGUE_IDS = [spec.id for spec in build_catalogue()]
# Filled only by a live refresh (SEC EDGAR); a fresh cache has no rows for them.
LIVE_ONLY = {"ai_capex", "ai_capex_share"}
DAY = 86_400


def ts(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


def prepared_from(cache: Cache, spec: ChartSpec) -> PreparedChart:
    metas = cache.series.metas()
    return prepare(spec, cache.series.frames(resolve(spec, metas)), metas)


@pytest.fixture
def canvas(qtbot) -> ChartCanvas:
    c = ChartCanvas()
    qtbot.addWidget(c)
    c.resize(960, 540)
    c.show()
    qtbot.waitExposed(c)
    return c


def draw(canvas: ChartCanvas, cache: Cache, chart_id: str | ChartSpec, lang: str = "ko") -> PreparedChart:
    spec = chart_id if isinstance(chart_id, ChartSpec) else catalogue_by_id()[chart_id]
    prepared = prepared_from(cache, spec)
    canvas.show_chart(prepared, spec, lang)
    for _ in range(2):
        QApplication.processEvents()
    return prepared


def near(image: QImage, colour: str, tolerance: int = 40, step: int = 2) -> int:
    """How many sampled pixels are within ``tolerance`` of ``colour`` (per channel)."""
    want = QColor(colour)
    hits = 0
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            c = image.pixelColor(x, y)
            if (abs(c.red() - want.red()) <= tolerance and abs(c.green() - want.green()) <= tolerance
                    and abs(c.blue() - want.blue()) <= tolerance):
                hits += 1
    return hits


# --- every chart of the pack ------------------------------------------------------------


def test_live_only_charts_say_how_to_get_data_on_a_fresh_cache(canvas, cache) -> None:
    for chart_id in LIVE_ONLY:
        prepared = draw(canvas, cache, chart_id)
        assert not prepared.series
        assert canvas.title_label.text() == prepared.title("ko")
        assert canvas.source_label.text().endswith("SK증권")
        assert "Ctrl+R" in canvas._empty_text.textItem.toPlainText()


@pytest.mark.parametrize("chart_id", [c for c in CATALOGUE_IDS if c not in LIVE_ONLY])
def test_every_catalogue_chart_renders_with_its_source_line(canvas, cache, chart_id) -> None:
    prepared = draw(canvas, cache, chart_id)
    assert prepared.series, prepared.skipped
    assert canvas.title_label.text() == prepared.title("ko")
    assert canvas.source_label.text() == prepared.source("ko")
    assert canvas.source_label.text().startswith("자료: ") and canvas.source_label.text().endswith("SK증권")
    assert canvas.note_label.isVisibleTo(canvas) == bool(prepared.note("ko"))
    assert set(canvas.legend.buttons) == {s.series_id for s in prepared.series}
    image = canvas.grab().toImage()
    assert (image.width(), image.height()) == (960, 540)
    plot = canvas.plot_widget.grab().toImage()
    colours = {plot.pixel(x, y) for x in range(0, plot.width(), 7) for y in range(0, plot.height(), 5)}
    assert len(colours) > 20, "plot area is blank"
    first = canvas.house_style.series_color(0, prepared.series[0].color)
    assert near(plot, first) > 20, f"no pixels in the first series' colour {first}"


def test_demo_badge_for_demo_series_only(canvas, cache) -> None:
    draw(canvas, cache, "gpu_rent_b200_h100")
    assert not canvas.demo_badge.isVisibleTo(canvas)
    draw(canvas, cache, "cds_oracle_coreweave")
    assert canvas.demo_badge.isVisibleTo(canvas)
    assert canvas.demo_badge.text() == "예시 데이터"
    draw(canvas, cache, "cds_oracle_coreweave", lang="en")
    assert canvas.demo_badge.text() == "Illustrative data"
    # invented numbers never carry a real publisher alone (issue 17)
    assert canvas.source_label.text() == ("Source: Illustrative data — not a real source "
                                          "(Bloomberg), SK Securities")


def test_clear_empties_the_canvas(canvas, cache) -> None:
    draw(canvas, cache, "cds_oracle_coreweave")
    canvas.clear()
    assert canvas.title_label.text() == "" and canvas.source_label.text() == ""
    assert not canvas.demo_badge.isVisibleTo(canvas)
    assert canvas.plot_item.listDataItems() == []
    assert canvas.legend.buttons == {}


def test_a_chart_with_nothing_to_draw_says_so(canvas, cache) -> None:
    spec = ChartSpec(id="user_gone", title_ko="사라진 시리즈", title_en="Gone", kind="line",
                     series=(SeriesRef("nope.series"),))
    prepared = draw(canvas, cache, spec)
    assert prepared.is_empty and prepared.skipped == {"nope.series": "not in cache"}
    message = canvas._empty_text
    assert message.scene() is not None and message.textItem.toPlainText().startswith("데이터 없음")
    assert canvas.source_label.text() == "자료: SK증권"


def test_legend_wraps_instead_of_widening_the_chart(qtbot, cache) -> None:
    c = ChartCanvas()
    qtbot.addWidget(c)
    c.resize(480, 400)
    c.show()
    draw(c, cache, "coding_agent_commit_intensity")  # ten agents
    assert c.minimumSizeHint().width() < 480
    tops = {b.geometry().top() for b in c.legend.buttons.values()}
    assert len(tops) >= 3  # several rows
    assert all(b.geometry().right() <= c.legend.width() for b in c.legend.buttons.values())


# --- kinds -------------------------------------------------------------------------------


def test_days_since_axis_and_date_axis(canvas, cache) -> None:
    draw(canvas, cache, "coding_agent_intensity")
    axis = canvas.plot_item.getAxis("bottom")
    assert not isinstance(axis, pg.DateAxisItem)
    assert "경과일" in axis.labelText
    prepared = canvas.prepared
    assert all(s.x[0] == 0 and s.y[0] == pytest.approx(100) for s in prepared.series)
    draw(canvas, cache, "gpu_rent_b200_h100")
    assert isinstance(canvas.plot_item.getAxis("bottom"), pg.DateAxisItem)


def test_log_kind_starts_in_log_mode_and_bars_and_stacks_do_not(canvas, cache) -> None:
    draw(canvas, cache, "inference_cost_tiers")
    assert canvas.log_y and canvas.plot_item.ctrl.logYCheck.isChecked()
    draw(canvas, cache, "meta_ads")
    assert not canvas.supports_log and not canvas.plot_item.ctrl.logYCheck.isChecked()
    assert all(isinstance(item, pg.BarGraphItem) for item in canvas.items.values())
    draw(canvas, cache, "openrouter_tokens")
    assert not canvas.supports_log
    fills = [i for i in canvas.plot_item.items if isinstance(i, pg.FillBetweenItem)]
    assert len(fills) == len(canvas.prepared.series)


def test_stacked_bands_sum_and_hiding_restacks(canvas, cache) -> None:
    prepared = draw(canvas, cache, "llm_share")
    top = canvas.items[prepared.series[-1].series_id]
    assert np.nanmax(top.yData) == pytest.approx(100, abs=0.5)  # 100% stacked
    first = prepared.series[0].series_id
    canvas.set_series_visible(first, False)
    assert first not in canvas.items
    assert np.nanmax(canvas.items[prepared.series[-1].series_id].yData) < 90


def test_dual_axis_puts_right_series_on_the_right_view(canvas, cache) -> None:
    metas = cache.series.metas()
    spec = build_user_spec(title_ko="CDS와 H100", title_en="CDS and H100",
                           series_ids=["cds.coreweave_5y", "gpu_rent.h100.median"], kind="dual_axis",
                           metas=metas, right_ids=["gpu_rent.h100.median"])
    draw(canvas, cache, spec)
    assert canvas.plot_item.getAxis("right").isVisible()
    assert canvas.items["gpu_rent.h100.median"] in canvas.right_view.addedItems
    assert canvas.items["cds.coreweave_5y"] in canvas.plot_item.items
    assert canvas.unit_right_label.text() == "(달러/GPU-시간)"
    assert canvas.legend.buttons["gpu_rent.h100.median"].text().endswith("(우)")


def test_large_series_draw_downsampled_and_clipped(canvas) -> None:
    n = 200_000
    x = ts("2020-01-01") + np.arange(n) * 60.0
    spec = ChartSpec(id="big", title_ko="큰 시리즈", title_en="Big", kind="line",
                     series=(catalogue_by_id()["gpu_rent_b200_h100"].series[0],))
    series = PreparedSeries("gpu_rent.b200.median", "b200", "B200", "B200", "left", "#76B900", "",
                            False, x, np.sin(np.arange(n) / 500.0))
    prepared = PreparedChart(spec, (series,), pd.DataFrame(), "자료: 테스트, SK증권", "Source: test")
    canvas.show_chart(prepared, spec, "ko")
    item = canvas.items["gpu_rent.b200.median"]
    assert item.opts["clipToView"] and item.opts["autoDownsample"]
    assert item.opts["downsampleMethod"] == "peak"
    QApplication.processEvents()
    assert len(item.curve.xData) < n / 10  # what is painted is a small fraction


# --- style and scale ---------------------------------------------------------------------


def test_export_scale_grows_fonts_pens_and_legend(cache, qtbot) -> None:
    spec = catalogue_by_id()["gpu_rent_b200_h100"]
    prepared = prepared_from(cache, spec)
    small = ChartCanvas()
    big = ChartCanvas()
    for c in (small, big):
        qtbot.addWidget(c)
    big.scale = 2.0
    for c in (small, big):
        c.show_chart(prepared, spec, "ko")
    assert big.title_label.font().pixelSize() == 2 * small.title_label.font().pixelSize()
    assert big.source_label.font().pixelSize() == 2 * small.source_label.font().pixelSize()
    pen_small = small.items["gpu_rent.b200.median"].opts["pen"].widthF()
    assert big.items["gpu_rent.b200.median"].opts["pen"].widthF() == pytest.approx(2 * pen_small)
    hint_small = small.legend.buttons["gpu_rent.b200.median"].sizeHint()
    hint_big = big.legend.buttons["gpu_rent.b200.median"].sizeHint()
    assert hint_big.height() >= 1.8 * hint_small.height()


def test_render_chart_at_slide_size_is_exact_and_proportional(cache) -> None:
    spec = catalogue_by_id()["cds_oracle_coreweave"]
    prepared = prepared_from(cache, spec)
    image = render_chart(prepared, spec, "ko", 1920, 1080)
    assert (image.width(), image.height()) == (1920, 1080)
    small = render_chart(prepared, spec, "ko", 960, 540)
    # the same picture at twice the size: the red demo badge sits in the same relative place
    assert near(image, "#C0392B", tolerance=10, step=4) > 3 * near(small, "#C0392B", tolerance=10, step=4)


def test_print_style_is_grey_with_dashes(canvas, cache) -> None:
    canvas.set_style(load_style("print"))
    draw(canvas, cache, "gpu_rent_by_model")
    pens = [item.opts["pen"] for item in canvas.items.values()]
    colours = {pen.color().name() for pen in pens}
    assert all(QColor(c).saturation() == 0 for c in colours)
    assert any(pen.dashPattern() for pen in pens)
    assert canvas.title_rule.styleSheet().startswith("background: #000000")


def test_styles_ship_as_files(tmp_path: Path) -> None:
    names = available_styles()
    assert names[0] == "house_default" and "house_print" in names
    default = load_style()
    assert isinstance(default, HouseStyle) and default.legend_position == "top"
    assert default.title_size > default.source_size and 0 < default.grid_alpha < 1
    assert load_style("print").name == "house_print"
    custom = tmp_path / "mine.json"
    custom.write_text(json.dumps({"title_size": 30, "legend_position": "bottom"}), encoding="utf-8")
    mine = load_style(custom)
    assert (mine.name, mine.title_size, mine.line_width) == ("mine", 30, default.line_width)
    custom.write_text(json.dumps({"titel_size": 30}), encoding="utf-8")
    with pytest.raises(ValueError, match="titel_size"):
        load_style(custom)
    with pytest.raises(ValueError, match="no style"):
        load_style("nope")


def test_legend_at_the_bottom_sits_above_the_source_line(qtbot, cache) -> None:
    style = HouseStyle(legend_position="bottom")
    c = ChartCanvas(style)
    qtbot.addWidget(c)
    c.resize(960, 540)
    c.show()
    draw(c, cache, "gpu_rent_b200_h100")
    assert c.plot_widget.geometry().bottom() < c.legend.geometry().top() < c.source_label.geometry().top()


# --- pure helpers ------------------------------------------------------------------------


def test_preset_ranges_count_back_from_the_last_point() -> None:
    first, last = ts("2025-01-01"), ts("2026-08-21")
    assert preset_range("All", first, last) is None
    assert preset_range("1M", first, last) == (ts("2026-07-21"), last)
    assert preset_range("3M", first, last) == (ts("2026-05-21"), last)
    assert preset_range("YTD", first, last) == (ts("2026-01-01"), last)
    assert preset_range("1Y", first, last) == (ts("2025-08-21"), last)
    assert preset_range("1Y", ts("2026-06-01"), last) == (ts("2026-06-01"), last)  # not before data
    lo, hi = preset_range("YTD", ts("2026-01-01"), ts("2026-01-01"))
    assert hi - lo == 2 * DAY
    with pytest.raises(ValueError):
        preset_range("2W", first, last)


def test_readout_takes_the_last_point_at_or_before_the_cursor(cache) -> None:
    x = np.array([0.0, 10.0, 20.0])
    assert value_at(x, np.array([1.0, np.nan, 3.0]), 15.0) == (0.0, 1.0)  # skips the gap
    assert value_at(x, np.array([1.0, 2.0, 3.0]), -1.0) is None
    prepared = prepared_from(cache, catalogue_by_id()["gpu_rent_b200_h100"])
    b200 = prepared.series[0]
    text = readout(prepared, float(b200.x[3]) + 3600, "ko")
    day = datetime.fromtimestamp(b200.x[3], UTC).strftime("%Y-%m-%d")
    assert text.startswith(day) and "B200 " in text and "H100 " in text
    assert "H100" not in readout(prepared, float(b200.x[3]), "ko", hidden={"gpu_rent.h100.median"})


def test_calendar_and_period_ticks() -> None:
    [(_spacing, ticks)] = calendar_ticks(ts("2025-01-15"), ts("2026-08-10"), max_labels=8)
    labels = [datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d") for t in ticks]
    assert labels == ["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01"]
    [(_s, days)] = calendar_ticks(ts("2026-07-05"), ts("2026-07-31"), max_labels=20)
    assert len(days) == 13  # every 2nd day
    quarters = np.array([ts(d) for d in ("2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31")])
    assert [label for _x, label in period_ticks(quarters)] == ["1Q25", "2Q25", "3Q25", "4Q25"]
    assert period_ticks(np.array([ts("2025-01-01"), ts("2025-01-02")])) is None


def test_user_spec_from_choices(cache) -> None:
    metas = cache.series.metas()
    spec = build_user_spec(title_ko="H100 이동평균", title_en="H100 moving average",
                           series_ids=["gpu_rent.h100.median"], kind="line", metas=metas,
                           transform="moving_average", param="7", taken_ids={"user_h100_moving_average"})
    assert spec.id == "user_h100_moving_average_2" and spec.origin == "user"
    assert spec.transforms[0].params == {"window": 7}
    assert (spec.unit_ko, spec.unit_en) == ("달러/GPU-시간", "USD/GPU-hr")
    assert ChartSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    rebased = build_user_spec(title_ko="커밋", title_en="", series_ids=["agents.commits.claude"],
                              kind="log", metas=metas, transform="rebase_at_threshold", param="10000")
    assert rebased.x_mode == "days_since" and rebased.unit_en == "Index" and rebased.title_en == "커밋"
    assert unique_chart_id("", "한글 제목", []) == "user_chart"
    with pytest.raises(ValueError, match="series"):
        build_user_spec(title_ko="x", title_en="x", series_ids=[], kind="line", metas=metas)
    assert chart_for_series("cds.coreweave_5y", build_catalogue(), metas).id == "cds_oracle_coreweave"
