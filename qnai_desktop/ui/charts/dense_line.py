"""A line drawn as one bar per pixel column once it has more points than the plot has columns.

A peak-downsampled 1M-point series (or a 20-year daily one) reaches the painter as ~2 points
per pixel column. Stroking those as 2-px line segments costs Qt's stroker a path per segment
(~4–8 ms a frame on this machine); what the eye sees is, per column, a vertical run from the
lowest to the highest point the line touches there, as thick as the pen. ``column_spans``
computes those runs in numpy; ``DenseCurveItem`` fills them as rectangles (one
``drawRects`` call, ~0.5 ms), which is what matplotlib's path simplification and every trading
terminal do. Segments that jump more than one column (the clip margin, sparse stretches) are
still stroked with the pen, gaps (NaN, ``connect="finite"``) stay gaps, and anything the dense
form cannot reproduce (dashes, fills, step mode, rotation, too few points) falls back to
pyqtgraph's own painting. ``tests/ui/test_dense_line.py`` compares both pictures pixel by pixel.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import pyqtgraph.graphicsItems.PlotDataItem as _pdi
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QTransform

log = logging.getLogger(__name__)

#: Share of segments allowed to be stroked (long jumps) before the dense form is not worth it.
MAX_LONG_SHARE = 0.05


@dataclass(frozen=True)
class ColumnSpans:
    """Per pixel column: its index and the line's lowest/highest device y there; plus the
    segments that cross more than one column (device coordinates, x0 y0 x1 y1 per row)."""

    columns: np.ndarray
    low: np.ndarray
    high: np.ndarray
    long_segments: np.ndarray


def column_spans(px: np.ndarray, py: np.ndarray, width: float = 1.0) -> ColumnSpans | None:
    """The runs a polyline through device points (px, py) covers, column by column.

    A point belongs to the leftmost pixel column a ``width``-px stroke through it lights
    (pixel centres inside the stroke, Qt's aliased rule).
    ``None`` when the dense form does not apply: x not in order, fewer points than columns
    covered, or too many segments that jump columns. A non-finite point breaks the line.
    """
    n = len(px)
    if n < 2:
        return None
    finite = np.isfinite(px) & np.isfinite(py)
    col = np.floor(np.where(finite, px, 0.0) - width / 2 + 0.5).astype(np.int64)
    fcol = col[finite]
    if len(fcol) < 2 or np.any(np.diff(fcol) < 0):
        return None
    # a segment joins two finite neighbours; short if it stays within one column step
    joined = finite[1:] & finite[:-1]
    step = col[1:] - col[:-1]
    short = joined & (step <= 1)
    long_ = joined & (step > 1)
    n_long = int(np.count_nonzero(long_))
    if n_long > MAX_LONG_SHARE * n:
        return None
    # each finite point spans itself and the short segments at its sides: a segment within one
    # column reaches back to its predecessor's y; one into the next column is cut where it
    # crosses the column border, each column taking its part (as the stroke would)
    lo, hi = py.copy(), py.copy()
    same = np.flatnonzero(short & (step == 0)) + 1
    lo[same] = np.minimum(lo[same], py[same - 1])
    hi[same] = np.maximum(hi[same], py[same - 1])
    cross = np.flatnonzero(short & (step == 1)) + 1
    if len(cross):
        border = col[cross] + width / 2 - 0.5
        x0, x1, y0, y1 = px[cross - 1], px[cross], py[cross - 1], py[cross]
        frac = np.clip((border - x0) / np.where(x1 > x0, x1 - x0, 1.0), 0.0, 1.0)
        yb = y0 + (y1 - y0) * frac
        for i, y_at in ((cross, yb), (cross - 1, yb)):
            lo[i] = np.minimum(lo[i], y_at)
            hi[i] = np.maximum(hi[i], y_at)
    lo, hi = lo[finite], hi[finite]
    starts = np.r_[0, np.flatnonzero(np.diff(fcol)) + 1]
    if len(fcol) < len(starts):  # fewer points than columns: a plain line draws it as well
        return None
    idx = np.flatnonzero(long_)
    long_segments = np.column_stack([px[idx], py[idx], px[idx + 1], py[idx + 1]])
    return ColumnSpans(fcol[starts], np.minimum.reduceat(lo, starts),
                       np.maximum.reduceat(hi, starts), long_segments)


class DenseCurveItem(pg.PlotCurveItem):
    """PlotCurveItem that fills per-column runs when its data is denser than the pixels."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._rects = PrimitiveArray(QRectF, 4)
        #: how the last paint went: "dense" or "stroked" (tests and benchmarks read it)
        self.last_paint = ""

    def _dense_possible(self, painter: QPainter) -> bool:
        """Only for an aliased (large) line: an antialiased one keeps its smooth stroke."""
        o = self.opts
        pen = o["pen"]
        return (not o["antialias"] and o["fillLevel"] is None and o["shadowPen"] is None and not o["stepMode"]
                and o["compositionMode"] is None and o["connect"] in ("all", "finite")
                and pen is not None and pen.style() == Qt.PenStyle.SolidLine and pen.isSolid()
                and pen.isCosmetic() and painter.transform().type().value
                <= QTransform.TransformationType.TxScale.value)

    def paint(self, p: QPainter, opt: object, widget: object) -> None:
        x, y = self.xData, self.yData
        spans = None
        try:  # an exception escaping a Qt paint override takes the process down (PySide 6.10)
            if x is not None and len(x) > 1 and self._dense_possible(p):
                t = p.transform()
                with np.errstate(invalid="ignore"):
                    spans = column_spans(x * t.m11() + t.dx(), y * t.m22() + t.dy(),
                                         max(1.0, self.opts["pen"].widthF()))
        except Exception:  # the stock stroke is always a correct picture
            log.exception("dense line: falling back to the stock stroke")
            spans = None
        if spans is None:
            self.last_paint = "stroked"
            super().paint(p, opt, widget)
            return
        self.last_paint = "dense"
        pen = self.opts["pen"]
        w = max(1.0, pen.widthF())
        p.save()
        try:
            p.resetTransform()
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            n = len(spans.columns)
            self._rects.resize(n)
            rect = self._rects.ndarray()
            # whole pixels, those whose centres a stroke of width w would cover
            top = np.ceil(spans.low - w / 2 - 0.5)
            rect[:, 0] = spans.columns
            rect[:, 1] = top
            rect[:, 2] = max(1, round(w))
            rect[:, 3] = np.floor(spans.high + w / 2 - 0.5) - top + 1
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(pen.color())
            p.drawRects(*self._rects.drawargs())
            if len(spans.long_segments):
                p.setPen(pen)
                p.drawLines([QLineF(QPointF(a, b), QPointF(c, d))
                             for a, b, c, d in spans.long_segments.tolist()])
        finally:
            p.restore()


class DenseLineItem(pg.PlotDataItem):
    """PlotDataItem whose curve is a DenseCurveItem (clip + downsampling work as before).

    pyqtgraph builds the curve inside ``PlotDataItem.__init__`` (``PlotCurveItem()``, a name of
    its module); for the length of our constructor that name is our subclass, so no stock
    curve is made and dropped (a dropped Qt item is garbage Python may free on a worker thread),
    and the object is never changed after the fact. Items are made on the GUI thread only.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        stock = _pdi.PlotCurveItem
        _pdi.PlotCurveItem = DenseCurveItem
        try:
            super().__init__(*args, **kwargs)
        finally:
            _pdi.PlotCurveItem = stock
        assert isinstance(self.curve, DenseCurveItem)
