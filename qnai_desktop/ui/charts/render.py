"""Render one chart offscreen to an image of an exact size (the tab's "copy image")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ...core.charts import ChartSpec, PreparedChart
from ..common.style import HouseStyle
from .canvas import ChartCanvas


def render_chart(prepared: PreparedChart, spec: ChartSpec, lang: str, width: int, height: int,
                 style: HouseStyle | None = None, scale: float | None = None) -> QImage:
    """The chart as an image of exactly ``width``×``height`` px, drawn offscreen.

    ``scale`` defaults to ``width / style.base_width`` so a 1920-px slide chart has the
    proportions of the 960-px on-screen one.
    """
    canvas = ChartCanvas(style)
    canvas.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    canvas.set_scale(scale if scale is not None else width / canvas.house_style.base_width)
    canvas.resize(width, height)
    canvas.show_chart(prepared, spec, lang)
    canvas.show()
    for _ in range(3):  # axis widths settle on the second pass (PITFALLS.md)
        QApplication.processEvents()
    image = canvas.grab().toImage()
    canvas.close()
    canvas.deleteLater()
    return image
