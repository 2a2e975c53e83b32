"""A paint device that hands a vector generator viewport coordinates and glyph outlines only.

Why: QSvgGenerator writes what a painter draws in the painter's *local* coordinates under a
``transform="matrix(…)"``. For a pyqtgraph curve that is data space — x in epoch seconds under a
0.00078 × −176 matrix — printed with six significant digits (x steps of 10⁴ s, about 8 px on a
slide), and a renderer that ignores ``vector-effect`` scales the stroke by that matrix, so a
line's width changes with its slope. Text is written as ``<text>`` naming a font the viewer may
not have, and without a CJK font every Hangul glyph disappears (PITFALLS.md).

:class:`OutlineDevice` sits between the painter and the generator: every path is mapped to
viewport pixels in double precision before the generator sees it (the generator's groups then
carry the identity matrix), every pen gets its on-screen width (non-cosmetic, so a slide that
scales the picture scales its lines with it), and every text run becomes the outline of its glyphs
(``QPainterPath.addText`` with the run's own font), so the file looks the same on a machine
with no font at all. What is lost on purpose: the SVG's text cannot be searched or edited (the
chart's title and source line stay in its ``<title>``/``<desc>``). Clipping is not forwarded;
QSvgGenerator does not write it either (Qt 6.10), and plotted items stay inside their view.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QPaintDevice,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QWidget

_DIRTY = QPaintEngine.DirtyFlag
_MODE = QPaintEngine.PolygonDrawMode


class _OutlineEngine(QPaintEngine):
    """Forwards every primitive to a painter on the real device, mapped to device pixels."""

    def __init__(self, target_device: QPaintDevice) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self._device = target_device
        self._target: QPainter | None = None
        self._transform = QTransform()
        self._pen = QPen()
        self._brush = QBrush()

    # -- life cycle and state ------------------------------------------------------------
    def begin(self, _device) -> bool:
        self._target = QPainter(self._device)
        return self._target.isActive()

    def end(self) -> bool:
        if self._target is not None:
            self._target.end()
            self._target = None
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, state) -> None:
        flags = state.state()
        t = self._target
        if flags & _DIRTY.DirtyTransform:
            self._transform = QTransform(state.transform())
        if flags & _DIRTY.DirtyPen:
            self._pen = QPen(state.pen())
        if flags & _DIRTY.DirtyBrush:
            self._brush = QBrush(state.brush())
        if t is None:
            return
        if flags & _DIRTY.DirtyOpacity:
            t.setOpacity(state.opacity())
        if flags & _DIRTY.DirtyHints:
            t.setRenderHints(state.renderHints())
        if flags & _DIRTY.DirtyCompositionMode:
            t.setCompositionMode(state.compositionMode())

    # -- what the generator receives -----------------------------------------------------
    def _device_pen(self) -> QPen:
        """The pen with its width in device pixels: a cosmetic pen's width already is; a
        geometric one's grows with the transform (the mean scale, so it stays uniform)."""
        pen = QPen(self._pen)
        if pen.style() == Qt.PenStyle.NoPen:
            pen.setCosmetic(False)
            return pen
        width = pen.widthF()
        if not pen.isCosmetic() and width > 0:
            width *= math.sqrt(abs(self._transform.determinant()))
        pen.setWidthF(width if width > 0 else 1.0)  # Qt draws a zero-width pen 1 px wide
        pen.setCosmetic(False)
        return pen

    def _device_brush(self) -> QBrush:
        brush = QBrush(self._brush)
        if brush.style() not in (Qt.BrushStyle.NoBrush, Qt.BrushStyle.SolidPattern):
            brush.setTransform(brush.transform() * self._transform)
        return brush

    def _emit(self, path: QPainterPath, *, fill: bool) -> None:
        t = self._target
        if t is None or path.isEmpty():
            return
        t.setPen(self._device_pen())
        t.setBrush(self._device_brush() if fill else QBrush(Qt.BrushStyle.NoBrush))
        t.drawPath(self._transform.map(path))

    # -- primitives (Qt turns lines, rects, ellipses and points into these) --------------
    def drawPath(self, path: QPainterPath) -> None:
        self._emit(path, fill=True)

    def drawPolygon(self, points, mode) -> None:
        path = QPainterPath()
        path.addPolygon(QPolygonF(list(points)))
        if mode == _MODE.PolylineMode:
            self._emit(path, fill=False)
            return
        path.closeSubpath()
        path.setFillRule(Qt.FillRule.WindingFill if mode == _MODE.WindingMode
                         else Qt.FillRule.OddEvenFill)
        self._emit(path, fill=True)

    def drawTextItem(self, p: QPointF, item) -> None:
        """One run of text (Qt splits a line by script) as the outline of its glyphs, filled
        with the pen's colour as Qt fills text."""
        text = item.text()
        t = self._target
        if t is None or not text.strip():
            return
        glyphs = QPainterPath()
        glyphs.addText(QPointF(p), item.font(), text)
        t.setPen(QPen(Qt.PenStyle.NoPen))
        t.setBrush(self._pen.brush())
        t.drawPath(self._transform.map(glyphs))

    def drawPixmap(self, rect, pixmap, source) -> None:
        self._with_transform(lambda t: t.drawPixmap(rect, pixmap, source))

    def drawImage(self, rect, image, source, flags=Qt.ImageConversionFlag.AutoColor) -> None:
        self._with_transform(lambda t: t.drawImage(rect, image, source, flags))

    def _with_transform(self, draw) -> None:
        """Pictures keep their matrix: they have no stroke to distort."""
        t = self._target
        if t is None:
            return
        t.save()
        t.setTransform(self._transform)
        draw(t)
        t.restore()


class OutlineDevice(QPaintDevice):
    """Paint on this instead of ``target`` (a QSvgGenerator): same size and resolution, but the
    target receives device-space paths and glyph outlines (see the module docstring)."""

    def __init__(self, target: QPaintDevice) -> None:
        super().__init__()
        self._target = target
        self._engine = _OutlineEngine(target)

    def paintEngine(self) -> QPaintEngine:
        return self._engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        m = QPaintDevice.PaintDeviceMetric
        t = self._target
        known = {m.PdmWidth: t.width(), m.PdmHeight: t.height(), m.PdmWidthMM: t.widthMM(),
                 m.PdmHeightMM: t.heightMM(), m.PdmDpiX: t.logicalDpiX(),
                 m.PdmDpiY: t.logicalDpiY(), m.PdmPhysicalDpiX: t.physicalDpiX(),
                 m.PdmPhysicalDpiY: t.physicalDpiY(), m.PdmDepth: t.depth(),
                 m.PdmNumColors: t.colorCount()}
        if metric in known:
            return int(known[metric])
        return super().metric(metric)  # device-pixel ratio 1 and its encodings


@contextmanager
def vector_symbols(widget: QWidget) -> Iterator[None]:
    """Scatter symbols (report markers) of every plot in ``widget`` drawn as paths meanwhile.

    pyqtgraph draws symbols from a pre-rendered pixmap atlas unless its item is in export mode
    (ScatterPlotItem.paint), so a vector file would embed each marker as a 15-px picture.
    """
    items = [item for view in widget.findChildren(pg.GraphicsView) if view.scene() is not None
             for item in view.scene().items() if isinstance(item, pg.ScatterPlotItem)]
    for item in items:
        item.setExportMode(True, {"antialias": True})
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)
