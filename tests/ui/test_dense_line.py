"""A dense line (more points than pixel columns) painted as one bar per column looks like the
stroked line it replaces; gaps stay gaps; grid lines filled as rectangles light the same pixels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from qnai_desktop.core.charts import ChartSpec, PreparedChart, PreparedSeries, SeriesRef
from qnai_desktop.ui.charts import dense_line
from qnai_desktop.ui.charts.axes import _fill_line
from qnai_desktop.ui.charts.canvas import ChartCanvas
from qnai_desktop.ui.charts.dense_line import column_spans

RED = "#C74634"


def test_spans_take_each_column_from_lowest_to_highest_point_and_the_joining_segment() -> None:
    px = np.array([0.2, 0.7, 1.1, 1.9, 2.5])
    py = np.array([10.0, 30.0, 20.0, 25.0, 5.0])
    s = column_spans(px, py)
    assert s is not None
    assert s.columns.tolist() == [0, 1, 2]
    # a segment into the next column is cut at the border: 30 → 20 crosses x=1 at 22.5,
    # 25 → 5 crosses x=2 at 21.67 — each column takes its own part of the stroke
    assert s.low.tolist() == [10.0, 20.0, 5.0]
    assert s.high.tolist() == pytest.approx([30.0, 25.0, 25 - 20 / 6])
    assert len(s.long_segments) == 0


def test_a_gap_is_not_bridged_and_far_jumps_are_kept_as_segments() -> None:
    px = np.arange(0.0, 40.0, 0.5)
    py = np.full_like(px, 10.0)
    py[20] = np.nan  # column 10: the point before and after are not joined through it
    py[21] = 50.0
    px = np.r_[px, 45.0]  # one far point: a segment that jumps columns
    py = np.r_[py, 12.0]
    s = column_spans(px, py)
    assert s is not None
    col9 = s.columns.tolist().index(9)
    assert s.high[col9] == 10.0  # not pulled up to column 10's 50 across the gap
    assert s.long_segments.tolist() == [[39.5, 10.0, 45.0, 12.0]]


def test_sparse_or_unordered_lines_are_left_to_the_stock_stroke() -> None:
    assert column_spans(np.array([0.0, 10.0, 20.0]), np.array([1.0, 2.0, 3.0])) is None
    assert column_spans(np.array([0.0, 2.0, 1.0, 3.0]), np.array([1.0, 2.0, 3.0, 4.0])) is None


def _chart(y: np.ndarray) -> tuple[PreparedChart, ChartSpec]:
    x = pd.Timestamp("2020-01-01").timestamp() + np.arange(len(y), dtype="float64") * 60.0
    spec = ChartSpec(id="dense", title_ko="밀집", title_en="Dense", kind="line",
                     series=(SeriesRef("t.dense"),), unit_ko="bp", unit_en="bp")
    series = PreparedSeries("t.dense", "dense", "밀집", "Dense", "left", RED, "bp", False, x, y)
    return PreparedChart(spec, (series,), pd.DataFrame(), "자료: 합성", "Source: synthetic"), spec


def _render(qtbot, y: np.ndarray, monkeypatch, dense: bool) -> tuple[np.ndarray, str]:
    if not dense:
        monkeypatch.setattr(dense_line, "column_spans", lambda *args: None)
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(1000, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    prepared, spec = _chart(y)
    canvas.show_chart(prepared, spec, "en")
    qtbot.wait(50)
    image = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    paint = canvas.items["t.dense"].curve.last_paint
    monkeypatch.undo()
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
    r, g, b = (arr[..., 2].astype(int), arr[..., 1].astype(int), arr[..., 0].astype(int))
    red = QColor(RED)
    return (abs(r - red.red()) + abs(g - red.green()) + abs(b - red.blue()) < 60), paint


def test_a_million_points_look_the_same_dense_as_stroked(qtbot, monkeypatch) -> None:
    y = 400.0 + np.cumsum(np.random.default_rng(7).normal(0.0, 0.5, 1_000_000))
    stroked, how_stroked = _render(qtbot, y, monkeypatch, dense=False)
    dense, how_dense = _render(qtbot, y, monkeypatch, dense=True)
    assert (how_stroked, how_dense) == ("stroked", "dense")
    line = int(stroked.sum())
    assert line > 10_000  # the line is really there
    differ = int((stroked ^ dense).sum())
    assert differ < 0.04 * line, (differ, line)
    # the same columns carry the line, within a pixel at each end
    cols_s, cols_d = np.flatnonzero(stroked.any(0)), np.flatnonzero(dense.any(0))
    assert abs(cols_s[0] - cols_d[0]) <= 1 and abs(cols_s[-1] - cols_d[-1]) <= 1


def test_a_gap_in_a_dense_line_stays_empty(qtbot, monkeypatch) -> None:
    y = 100.0 + np.sin(np.arange(200_000) / 500.0) * 10
    y[80_000:120_000] = np.nan
    dense, how = _render(qtbot, y, monkeypatch, dense=True)
    assert how == "dense"
    cols = np.flatnonzero(dense.any(0))
    gaps = np.diff(cols)
    assert gaps.max() > 100  # ~a fifth of the plot without a single line pixel


@pytest.mark.parametrize("x0,x1,y", [(38.0, 1246.5, 10.0), (1246.5, 38.0, 10.99), (38.3, 100.7, 10.5),
                                     (100.0, 38.0, 11.0), (21.75, 51.25, 3.2)])
@pytest.mark.parametrize("vertical", [False, True])
@pytest.mark.parametrize("alpha", [255, 45])
def test_grid_line_filled_as_a_rectangle_lights_the_pixels_qt_would(qapp, x0, x1, y, vertical, alpha) -> None:
    color = QColor("#a0a0a0")
    color.setAlpha(alpha)
    pen = pg.mkPen(color, width=1)
    p1, p2 = (QPointF(y, x0), QPointF(y, x1)) if vertical else (QPointF(x0, y), QPointF(x1, y))
    images = []
    for filled in (False, True):
        img = QImage(1300, 1300, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.white)
        p = QPainter(img)
        p.translate(0, 9)  # axes paint with a translation
        if filled:
            assert _fill_line(p, pen, p1, p2)
        else:
            p.setPen(pen)
            p.drawLine(p1, p2)
        p.end()
        images.append(np.frombuffer(img.constBits(), np.uint8).copy())
    assert np.array_equal(images[0], images[1])
