"""Render a chart through ChartCanvas offscreen: PNG (any size, 1–4x, transparent), SVG, PDF.

Why a canvas and not pyqtgraph's exporters: ``ImageExporter`` with a forced width scales fonts
and curves but keeps the legend tiny and pens 1–2 px (pyqtgraph #16, #562, #1767), and it sees
only the plot scene, not the title and source line. Here the house canvas is laid out at the
final pixel size with ``scale = pixel width / style.base_width``, so fonts, pens, margins and the
legend grow together and the export looks exactly like the screen, only bigger.

``widget.render()`` into a QImage of device-pixel ratio 1 is used instead of ``grab()``: on a
HiDPI screen ``grab()`` returns a 2x pixmap, and a QImage with DPR 2–3 gives a wrongly scaled crop
(PITFALLS.md). One renderer (one canvas) is reused for a whole pack.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Generator, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QMarginsF,
    QPoint,
    QRect,
    QSize,
    QSizeF,
    Qt,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ...core.charts import ChartSpec, PreparedChart
from ...core.phrases import ILLUSTRATIVE
from ..charts.canvas import ChartCanvas
from ..common.style import HouseStyle, load_style
from .outline_device import OutlineDevice, vector_symbols

TRANSPARENT = "#00000000"
#: Passes of the event loop before painting: after one, y tick labels that need a wider axis
#: are silently missing (PITFALLS.md).
SETTLE_PASSES = 2
PNG_QUALITY = 80  # Qt maps PNG "quality" to zlib level: 80 ≈ level 2, 3x faster than the default


_NOISE = ("does not support propagateSizeHints",)


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen plugin's "does not support propagateSizeHints()" line, printed on
    every resize of a hidden top-level widget: a cron job would mail dozens of them."""

    def handler(_mode, _context, message: str) -> None:
        if not any(n in message for n in _NOISE):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _pixel_size(font: QFont) -> float:
    if font.pixelSize() > 0:
        return float(font.pixelSize())
    return font.pointSizeF() * 96 / 72


def fix_svg(svg: str, width: int, height: int, families: tuple[str, ...]) -> str:
    """Pixel width/height on the root (QSvgGenerator writes millimetres) and font fallbacks.

    Qt names only the family it drew with; a viewer without it would show boxes for Hangul,
    so each ``font-family`` gets the house fallbacks and a generic ``sans-serif``.
    """
    svg = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg width="{width}" height="{height}"',
                 svg, count=1)

    def fallbacks(match: re.Match) -> str:
        first = match.group(1)
        rest = [f for f in families if f != first]
        names = ", ".join(f"'{f}'" for f in [first, *rest]) + ", sans-serif"
        return f'font-family="{names}"'

    return re.sub(r'font-family="([^"]*)"', fallbacks, svg)


class ChartRenderer:
    """One hidden ChartCanvas (never on screen) that draws charts at export sizes."""

    def __init__(self, style: HouseStyle | None = None) -> None:
        self.style = style or load_style()
        self.canvas = ChartCanvas(self.style)
        self.canvas.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self._transparent = False
        self._chrome = True
        #: the day the stamp measures staleness against (a pack passes its own; None: today)
        self.today: date | None = None

    # -- state ---------------------------------------------------------------------------
    def set_style(self, style: HouseStyle) -> None:
        self.style = style
        self._transparent = False
        self.canvas.set_style(style)
        self.canvas.setAutoFillBackground(True)

    def _set_transparent(self, on: bool) -> None:
        if on == self._transparent:
            return
        style = replace(self.style, background=TRANSPARENT, plot_background=TRANSPARENT) if on \
            else self.style
        self.canvas.set_style(style)
        self.canvas.setAutoFillBackground(not on)
        self._transparent = on

    def _set_chrome(self, on: bool) -> None:
        """Title, rule, source and note lines on (PNG/SVG/PDF) or off (deck picture: the slide
        carries them as editable text). The as-of stamp and the illustrative-data badge stay."""
        c = self.canvas
        c.title_label.setVisible(on)
        rule = getattr(c, "title_rule", None)  # beyond the canvas contract: optional
        if rule is not None:
            rule.setVisible(on and self.style.title_rule_width > 0)
        c.source_label.setVisible(on)
        c.note_label.setVisible(on and bool(c.note_label.text()))
        self._chrome = on

    def load(self, prepared: PreparedChart, spec: ChartSpec, lang: str, width: int, height: int,
             *, transparent: bool = False, chrome: bool = True) -> ChartCanvas:
        """Lay the canvas out at ``width``×``height`` pixels with the chart drawn, ready to paint."""
        for _ in self.load_steps(prepared, spec, lang, width, height, transparent=transparent,
                                 chrome=chrome):
            pass
        return self.canvas

    def load_steps(self, prepared: PreparedChart, spec: ChartSpec, lang: str, width: int,
                   height: int, *, transparent: bool = False, chrome: bool = True
                   ) -> Iterator[None]:
        """:meth:`load` in slices: it yields after drawing the chart and after each settling
        pass of the event loop, so a pack driven from the event loop never holds it for a whole
        chart (each slice ~20–50 ms at 1920×1080 instead of ~100–200 ms in one go)."""
        c = self.canvas
        self._set_transparent(transparent)
        scale = width / self.style.base_width
        if abs(c.scale - scale) > 1e-9:
            c.set_scale(scale)
        c.resize(width, height)
        c.show_chart(prepared, spec, lang, today=self.today)
        self._set_chrome(chrome)
        if prepared.is_demo:  # the export must carry the mark, whatever the canvas decided
            c.demo_badge.setText(c.demo_badge.text() or ILLUSTRATIVE.pick(lang))
            c.demo_badge.setVisible(True)
        if not c.isVisible():
            c.show()
        yield
        # Widgets replaced with deleteLater() (legend entries) are only deleted by a running event
        # loop; a headless export has none, so the old entries would paint under the new ones.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for _ in range(SETTLE_PASSES):
            QApplication.processEvents()
            yield

    # -- outputs -------------------------------------------------------------------------
    def image(self) -> QImage:
        """The loaded canvas as an image of exactly the canvas size (DPR 1).

        Opaque exports use RGB32: PNG-encoding it is twice as fast as premultiplied ARGB, which
        must be un-premultiplied first (measured 41 vs 90 ms at 1920×1080)."""
        c = self.canvas
        fmt = QImage.Format.Format_ARGB32_Premultiplied if self._transparent \
            else QImage.Format.Format_RGB32
        image = QImage(c.size(), fmt)
        image.setDevicePixelRatio(1.0)
        image.fill(Qt.GlobalColor.transparent if self._transparent else Qt.GlobalColor.white)
        flags = QWidget.RenderFlag.DrawChildren
        if not self._transparent:
            flags |= QWidget.RenderFlag.DrawWindowBackground
        c.render(image, QPoint(), QRegion(), flags)
        return image

    def render_image(self, prepared: PreparedChart, spec: ChartSpec, lang: str, width: int,
                     height: int, scale: int = 1, *, transparent: bool = False,
                     chrome: bool = True) -> QImage:
        """The chart at ``width``×``height`` logical pixels times ``scale`` (1–4)."""
        self.load(prepared, spec, lang, width * scale, height * scale, transparent=transparent,
                  chrome=chrome)
        return self.image()

    def render_image_steps(self, prepared: PreparedChart, spec: ChartSpec, lang: str, width: int,
                           height: int, scale: int = 1, *, transparent: bool = False
                           ) -> Generator[None, None, QImage]:
        """:meth:`render_image` in slices (``yield from``; its value is the image)."""
        yield from self.load_steps(prepared, spec, lang, width * scale, height * scale,
                                   transparent=transparent)
        return self.image()

    def deck_picture(self, image: QImage, max_width: int = 3840) -> QImage:
        """``image`` (just rendered by :meth:`render_image`) without title and source lines.

        A deck slide carries the title and the source line as editable text, so its picture is
        the legend and plot band of the same render — cropped, not drawn again (half the cost
        of a pack). The as-of stamp and an illustrative chart's badge move onto a band on top.
        """
        c = self.canvas
        optional = [getattr(c, name, None) for name in ("unit_label", "unit_right_label")]
        parts = [w for w in (c.legend, *optional, c.plot_widget)
                 if w is not None and w.isVisibleTo(c)]
        top = min(w.geometry().top() for w in parts)
        bottom = max(w.geometry().bottom() for w in parts) + 1
        pad = round(self.style.spacing * c.scale)
        body = image.copy(0, top, image.width(), bottom - top + pad)
        marks = [w.geometry() for w in (getattr(c, "stamp_label", None), c.demo_badge)
                 if w is not None and w.isVisibleTo(c) and w.text()]
        badge = None
        for rect in marks:
            badge = rect if badge is None else badge.united(rect)
        band = badge.height() + 2 * pad if badge is not None else 0
        out = QImage(body.width(), body.height() + band, QImage.Format.Format_RGB32)
        out.fill(QColor(self.style.background))
        painter = QPainter(out)
        try:
            painter.drawImage(0, band, body)
            if badge is not None:
                painter.drawImage(badge.left(), pad, image.copy(badge))
        finally:
            painter.end()
        if out.width() > max_width:
            out = out.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
        return out

    def write_png(self, path: Path, image: QImage) -> Path:
        if not image.save(str(path), "PNG", PNG_QUALITY):
            raise OSError(f"could not write {path}")
        return path

    def write_svg(self, path: Path, prepared: PreparedChart, spec: ChartSpec, lang: str,
                  width: int, height: int, *, transparent: bool = False) -> Path:
        """A vector SVG ``width``×``height`` px (size and viewBox) in viewport coordinates, with
        text as glyph outlines (ui/export/outline_device.py: no font needed to view it)."""
        self.load(prepared, spec, lang, width, height, transparent=transparent)
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        gen = QSvgGenerator()
        gen.setOutputDevice(buf)
        gen.setSize(QSize(width, height))
        gen.setViewBox(QRect(0, 0, width, height))
        gen.setResolution(96)
        gen.setTitle(spec.title(lang))
        gen.setDescription(prepared.source(lang))
        self._paint_vector(OutlineDevice(gen))
        buf.close()
        text = fix_svg(bytes(data).decode("utf-8"), width, height, self.style.font_families)
        Path(path).write_text(text, encoding="utf-8")
        return Path(path)

    def write_pdf(self, path: Path, prepared: PreparedChart, spec: ChartSpec, lang: str,
                  width: int, height: int, *, transparent: bool = False) -> Path:
        """One page of ``width``×``height`` CSS pixels (96 dpi), vector lines and text."""
        self.load(prepared, spec, lang, width, height, transparent=transparent)
        writer = QPdfWriter(str(path))
        writer.setResolution(96)
        writer.setTitle(spec.title(lang))
        writer.setCreator("Q&AI Desktop")
        page = QPageSize(QSizeF(width * 72 / 96, height * 72 / 96), QPageSize.Unit.Point,
                         "chart", QPageSize.SizeMatchPolicy.ExactMatch)
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
        self._paint_vector(writer)
        return path

    def _paint_vector(self, device) -> None:
        painter = QPainter(device)
        try:
            flags = QWidget.RenderFlag.DrawChildren
            if not self._transparent:
                flags |= QWidget.RenderFlag.DrawWindowBackground
            with vector_symbols(self.canvas):  # markers as paths, not pictures
                self.canvas.render(painter, QPoint(), QRegion(), flags)
        finally:
            painter.end()

    # -- checks --------------------------------------------------------------------------
    def smallest_text_px(self) -> float:
        """Pixel size of the smallest visible text on the loaded canvas (labels, legend, ticks)."""
        c = self.canvas
        sizes = [_pixel_size(w.font()) for w in c.findChildren(QLabel)
                 if w.isVisibleTo(c) and w.text()]
        sizes += [_pixel_size(b.font()) for b in c.legend.findChildren(QWidget)
                  if b.isVisibleTo(c) and hasattr(b, "text") and b.text()]
        for name in ("left", "bottom", "right"):
            axis = c.plot_widget.getPlotItem().getAxis(name)
            font = axis.style.get("tickFont")
            if axis.isVisible() and font is not None:
                sizes.append(_pixel_size(font))
        return min(sizes) if sizes else 0.0

    def close(self) -> None:
        self.canvas.close()
        self.canvas.deleteLater()
