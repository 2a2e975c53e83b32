"""The illustrative-data watermark: a sentence repeated diagonally across the whole plot area.

A corner badge goes with the first crop; this mark covers the plot in staggered rows, above the
lines (semi-transparent, so they still read), so any crop of the plot still says the numbers
are invented. It is a child of the ViewBox, in its pixel coordinates: it follows resizes, is
clipped to the plot, takes no mouse events and never counts in the auto range.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsObject

#: Degrees the text rises from left to right.
ANGLE = 24.0
#: A light halo around each letter (opacity, width in font heights): the mark reads on dark
#: stacked areas as well as on white.
HALO_ALPHA = 0.35
HALO_WIDTH = 0.10
#: Vector devices get plain text, no halo: outlined glyph paths in every tile made an SVG 17x
#: and a PDF 44x larger (1.7 MB / 3 MB for one chart); text runs cost almost nothing. And only
#: whole sentences inside the plot: QSvgGenerator writes no clip, so a viewer (rsvg) would
#: draw the cut-off ones over the title and the axes.
# SVG and PDF, and the outline device (ui/export/outline_engine.py: User) that writes the SVG
_VECTOR = (QPaintEngine.Type.SVG, QPaintEngine.Type.Pdf, QPaintEngine.Type.User)
Z_ABOVE_LINES = 1_000_000


_OUTLINES: dict[tuple[str, str], QPainterPath] = {}


def _outline(font_key: str, text: str) -> QPainterPath:
    """The text's glyph outline, made once per font and text in the process: the outline Qt
    returns moves by ~1/64 px once other text has warmed the font engine, and the same chart
    must give the same file every run (tests/ui/test_export_pack.py)."""
    found = _OUTLINES.get((font_key, text))
    if found is None:
        font = QFont()
        font.fromString(font_key)
        found = QPainterPath()
        found.addText(0.0, 0.0, font, text)
        _OUTLINES[(font_key, text)] = found
    return found


#: The sentence image is drawn at this multiple of its size, so rotating it stays crisp.
_OVERSAMPLE = 2
_SENTENCES: dict[tuple[str, str, int], tuple[QImage, float]] = {}


def _sentence(font_key: str, text: str, rgba: int) -> tuple[QImage, float]:
    """(image of the sentence with its halo, padding in pixels around the text box)."""
    found = _SENTENCES.get((font_key, text, rgba))
    if found is None:
        font = QFont()
        font.fromString(font_key)
        fm = QFontMetricsF(font)
        pad = fm.height() * HALO_WIDTH
        size = QSizeF(fm.horizontalAdvance(text) + 2 * pad, fm.height() + 2 * pad)
        image = QImage((size * _OVERSAMPLE).toSize(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        halo = QColor(255, 255, 255)
        halo.setAlphaF(HALO_ALPHA)
        halo_pen = QPen(halo, fm.height() * HALO_WIDTH)
        halo_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        glyphs = _outline(font_key, text).translated(pad, pad + fm.ascent())
        p = QPainter(image)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.scale(_OVERSAMPLE, _OVERSAMPLE)
            p.strokePath(glyphs, halo_pen)
            p.fillPath(glyphs, QColor.fromRgba(rgba))
        finally:
            p.end()
        found = _SENTENCES[(font_key, text, rgba)] = (image, pad)
    return found


class Watermark(QGraphicsObject):
    """Tiles ``text`` over its ViewBox; hidden until :meth:`set_mark` gives it text."""

    def __init__(self, view_box: pg.ViewBox) -> None:
        super().__init__(view_box)
        self._box = view_box
        self.text = ""
        self._font = QFont()
        self._color = QColor(0, 0, 0, 0)
        self.setZValue(Z_ABOVE_LINES)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setVisible(False)
        self._layer: QImage | None = None
        self._layer_key: tuple | None = None
        view_box.sigResized.connect(self._resized)

    def set_mark(self, text: str, font: QFont, color: str, alpha: float) -> None:
        """Show ``text`` in ``color`` at ``alpha`` (0–1); an empty text hides the mark."""
        self.prepareGeometryChange()
        self.text, self._font = text, QFont(font)
        self._color = QColor(color)
        self._color.setAlphaF(alpha)
        self.setVisible(bool(text))
        self.update()

    def _resized(self, *_args) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._box.rect())

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        rect = self.boundingRect()
        if not self.text or rect.isEmpty():
            return
        engine = painter.paintEngine()
        vector = engine is not None and engine.type() in _VECTOR
        if not vector and painter.transform().type().value <= QTransform.TransformationType.TxTranslate.value:
            self._paint_layer(painter, rect)
            return
        painter.save()
        try:
            painter.setClipRect(rect)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.setFont(self._font)
            painter.setPen(self._color)
            painter.translate(rect.center())
            painter.rotate(-ANGLE)
            if vector:
                self._paint_whole_sentences(painter, rect)
            else:
                self._paint_tiles(painter, rect)
        finally:
            painter.restore()

    def _paint_layer(self, painter: QPainter, rect: QRectF) -> None:
        """Raster, unrotated view: the tiled layer drawn once per size/text/style into an image
        and blitted (the rotated stamps cost 10–20 ms a frame; one unscaled drawImage ~1 ms, so
        panning an illustrative chart or exporting it no longer redraws every tile)."""
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        w, h = math.ceil(rect.width()), math.ceil(rect.height())
        key = (w, h, dpr, self.text, self._font.toString(), self._color.rgba())
        if self._layer_key != key:
            layer = QImage(math.ceil(w * dpr), math.ceil(h * dpr), QImage.Format.Format_ARGB32_Premultiplied)
            layer.setDevicePixelRatio(dpr)
            layer.fill(Qt.GlobalColor.transparent)
            p = QPainter(layer)
            try:
                p.setRenderHint(QPainter.RenderHint.Antialiasing)
                p.setFont(self._font)
                p.translate(w / 2, h / 2)
                p.rotate(-ANGLE)
                self._paint_tiles(p, QRectF(0, 0, w, h))
            finally:
                p.end()
            self._layer, self._layer_key = layer, key
        at = painter.transform().map(rect.topLeft())
        painter.save()
        try:
            painter.resetTransform()
            painter.setClipRect(QRectF(round(at.x()), round(at.y()), rect.width(), rect.height()))
            painter.drawImage(QPointF(round(at.x()), round(at.y())), self._layer)
        finally:
            painter.restore()

    def _paint_tiles(self, painter: QPainter, rect: QRectF) -> None:
        """Raster: staggered rows over the whole plot (clipped), each letter with a halo. The
        sentence is drawn once into an image and stamped per tile: stroking the Hangul outlines
        in every tile cost ~80 ms a 1920-px frame, stamping ~10 ms."""
        fm = QFontMetricsF(self._font)
        width = fm.horizontalAdvance(self.text)
        stamp, pad = _sentence(self._font.toString(), self.text, self._color.rgba())
        box = QRectF(-pad, -fm.ascent() - pad, width + 2 * pad, fm.height() + 2 * pad)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        step_x, step_y = width * 1.35, fm.height() * 3.2
        reach = math.hypot(rect.width(), rect.height()) / 2 + width
        rows, cols = int(reach / step_y) + 1, int(reach / step_x) + 1
        for row in range(-rows, rows + 1):
            shift = (row % 2) * step_x / 2  # staggered rows: no column of blank plot
            for col in range(-cols, cols + 1):
                painter.drawImage(box.translated(col * step_x + shift - width / 2, row * step_y),
                                  stamp)

    def _paint_whole_sentences(self, painter: QPainter, rect: QRectF) -> None:
        """Vector: as many whole sentences as fit inside the plot, packed greedily on a fine
        lattice (rotated boxes never overlap), as plain text."""
        fm = QFontMetricsF(self._font)
        width, height = fm.horizontalAdvance(self.text), fm.height()
        placed = QTransform().translate(rect.center().x(), rect.center().y()).rotate(-ANGLE)
        gap_x, gap_y = width * 0.12, height * 0.9
        step_x, step_y = width / 6, height / 2
        reach = math.hypot(rect.width(), rect.height()) / 2 + width
        taken: list[QRectF] = []
        for row in range(-int(reach / step_y) - 1, int(reach / step_y) + 2):
            for col in range(-int(reach / step_x) - 1, int(reach / step_x) + 2):
                box = QRectF(col * step_x - width / 2, row * step_y - fm.ascent(), width, height)
                if not rect.contains(placed.mapRect(box)):
                    continue
                room = box.adjusted(-gap_x, -gap_y, gap_x, gap_y)
                if any(room.intersects(t) for t in taken):
                    continue
                taken.append(box)
                painter.drawText(QPointF(box.left(), box.top() + fm.ascent()), self.text)
