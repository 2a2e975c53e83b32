"""The paint engine behind :class:`~.outline_device.OutlineDevice`: every primitive forwarded to a
painter on the real device (a QSvgGenerator), mapped to device pixels, text as glyph outlines.

Qt turns lines, rects, ellipses and points into ``drawPath``/``drawPolygon`` calls of an engine
that claims every feature, so those two, text and pictures are all it needs to implement.
"""

from __future__ import annotations

import math

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

_DIRTY = QPaintEngine.DirtyFlag
_MODE = QPaintEngine.PolygonDrawMode


class OutlineEngine(QPaintEngine):
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
