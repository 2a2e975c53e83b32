"""Axes that cannot be misread, read off the axes as drawn: the top tick carries a label above
the data, day labels carry the year, quarterly data sits on quarter labels and monthly on
months, and point-in-time figures are steps with a marker per report for every company."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pytest
from PySide6.QtGui import QImage, QPainter

from qnai_desktop.core.charts import ChartSpec, SeriesRef, prepare
from qnai_desktop.core.series import SeriesMeta
from qnai_desktop.services.export_plan import gather_jobs
from qnai_desktop.ui.charts.axes import nice_log_range, period_ticks
from qnai_desktop.ui.charts.draw import step_arrays
from qnai_desktop.ui.export.renderer import ChartRenderer


@pytest.fixture(scope="module")
def renderer(qapp):
    from qnai_desktop.app import create_application

    create_application()
    r = ChartRenderer()
    yield r
    r.close()


def drawn_labels(axis) -> list[str]:
    """The tick labels the axis actually paints (pyqtgraph drops some: overlap, edges)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.style["tickFont"])
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in texts]


def value_of(label: str) -> float:
    return float(label.replace(",", ""))


def render(renderer, job, lang: str = "ko"):
    renderer.render_image(job.prepared, job.spec, lang, 1920, 1080)
    return renderer.canvas


@pytest.mark.parametrize("chart_id", ["ai_lab_arr", "ai_lab_valuation", "inference_cost_tiers",
                                      "openrouter_tokens", "gpu_rent_b200_h100",
                                      "coding_agent_commit_intensity"])
def test_the_top_tick_is_labelled_and_above_every_point(renderer, cache, chart_id) -> None:
    (job,) = gather_jobs(cache, [chart_id])
    canvas = render(renderer, job)
    labels = drawn_labels(canvas.plot_item.getAxis("left"))
    values = [value_of(t) for t in labels]
    p = job.prepared
    top = (np.nanmax(np.sum([s.y for s in p.series], axis=0)) if p.spec.stacked
           else max(np.nanmax(s.y) for s in p.series))
    assert max(values) >= top * (1 - 1e-9), (chart_id, labels, top)
    # the highest label sits at the top of the plot: no unlabelled band above it
    _lo, hi = canvas.view_box.viewRange()[1]
    top_tick = math.log10(max(values)) if canvas.log_y else max(values)
    assert top_tick == pytest.approx(hi, rel=1e-4, abs=1e-4), (chart_id, labels, hi)


def test_arr_ends_on_a_labelled_20(renderer, cache) -> None:
    (job,) = gather_jobs(cache, ["ai_lab_arr"])
    labels = drawn_labels(render(renderer, job).plot_item.getAxis("left"))
    assert labels == ["0", "5", "10", "15", "20"]


def test_day_labels_carry_the_year(renderer, cache) -> None:
    (job,) = gather_jobs(cache, ["gpu_rent_b200_h100"])  # 2026-07-01 … 07-31
    labels = drawn_labels(render(renderer, job).plot_item.getAxis("bottom"))
    assert len(labels) >= 3
    assert all(re.fullmatch(r"26\.07\.\d\d", t) for t in labels), labels


def dated_chart(kind: str, dates: pd.DatetimeIndex, frequency: str):
    sid = "test.series"
    spec = ChartSpec(id="t", title_ko="시험", title_en="Test", kind=kind, series=(SeriesRef(sid),))
    frame = pd.DataFrame({"date": dates, "value": np.linspace(1, 2, len(dates))})
    meta = SeriesMeta(id=sid, title_ko="시험", title_en="Test", unit="usd_bn", frequency=frequency,
                      source="Test")
    return prepare(spec, {sid: frame}, {sid: meta}), spec


def test_quarterly_lines_sit_on_quarter_labels(renderer) -> None:
    prepared, spec = dated_chart("line", pd.date_range("2024-03-31", periods=10, freq="QE"), "Q")
    renderer.render_image(prepared, spec, "ko", 1920, 1080)
    labels = drawn_labels(renderer.canvas.plot_item.getAxis("bottom"))
    assert labels == ["1Q24", "2Q24", "3Q24", "4Q24", "1Q25", "2Q25", "3Q25", "4Q25", "1Q26",
                      "2Q26"]


def test_monthly_lines_sit_on_month_labels(renderer) -> None:
    prepared, spec = dated_chart("line", pd.date_range("2025-09-30", periods=8, freq="ME"), "M")
    renderer.render_image(prepared, spec, "ko", 1920, 1080)
    labels = drawn_labels(renderer.canvas.plot_item.getAxis("bottom"))
    assert labels == ["25.09", "25.10", "25.11", "25.12", "26.01", "26.02", "26.03", "26.04"]


def test_long_quarterly_history_thins_to_whole_years() -> None:
    xs = np.array([datetime(y, m, 28, tzinfo=UTC).timestamp()
                   for y in range(2015, 2027) for m in (3, 6, 9, 12)], float)
    labels = [label for _x, label in period_ticks(xs)]
    assert labels == [f"1Q{y % 100:02d}" for y in range(2015, 2027)]


def test_reports_are_steps_with_a_marker_per_report_for_every_company(renderer, cache) -> None:
    for chart_id in ("ai_lab_arr", "ai_lab_valuation"):
        (job,) = gather_jobs(cache, [chart_id])
        canvas = render(renderer, job)
        assert len(job.prepared.series) == 3
        for s in job.prepared.series:
            x, y = canvas.items[s.series_id].getData()
            assert len(x) == 2 * len(s) - 1, (chart_id, s.series_id)
            assert np.all(np.diff(x) >= 0) and np.all(x[1::2] == x[2::2])  # vertical risers only
            assert np.array_equal(x[0::2], s.x) and np.array_equal(y[0::2], s.y)
            mx, my = canvas.markers[s.series_id].getData()
            assert np.array_equal(mx, s.x) and np.array_equal(my, s.y)


def test_step_arrays_hold_each_value_until_the_next_report() -> None:
    xs, ys = step_arrays(np.array([0.0, 10.0, 30.0]), np.array([1.0, 3.0, 2.0]))
    assert xs.tolist() == [0.0, 10.0, 10.0, 30.0, 30.0]
    assert ys.tolist() == [1.0, 1.0, 3.0, 3.0, 2.0]


def test_nice_log_range_ends_on_round_values() -> None:
    lo, hi = nice_log_range(math.log10(0.052), math.log10(38.0))
    assert 10 ** lo == pytest.approx(0.05) and 10 ** hi == pytest.approx(50)
    lo, hi = nice_log_range(2.0, math.log10(920_000))  # rebased at 100, up to ~1M
    assert (round(lo, 6), round(hi, 6)) == (2.0, 6.0)
