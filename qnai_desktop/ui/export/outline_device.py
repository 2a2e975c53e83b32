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

from collections.abc import Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtGui import QPaintDevice, QPaintEngine
from PySide6.QtWidgets import QWidget

from .outline_engine import OutlineEngine


class OutlineDevice(QPaintDevice):
    """Paint on this instead of ``target`` (a QSvgGenerator): same size and resolution, but the
    target receives device-space paths and glyph outlines (see the module docstring)."""

    def __init__(self, target: QPaintDevice) -> None:
        super().__init__()
        self._target = target
        self._engine = OutlineEngine(target)

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
