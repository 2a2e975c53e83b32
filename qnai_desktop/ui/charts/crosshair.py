"""Crosshair over a ChartCanvas with a value read-out (screen only: exports never show it)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal

from ...core.charts.readout import readout
from .canvas import ChartCanvas


class ChartCrosshair(QObject):
    """Follows the mouse (throttled to 60 Hz) and emits the values under it."""

    sig_readout_changed = Signal(str)

    def __init__(self, canvas: ChartCanvas) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        pen = pg.mkPen(canvas.house_style.crosshair_color, width=1, style=Qt.PenStyle.DashLine)
        self.v_line = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        self.h_line = pg.InfiniteLine(angle=0, movable=False, pen=pen)
        self.text = ""
        canvas.sig_drawn.connect(self._attach)
        self._proxy = pg.SignalProxy(canvas.plot_widget.scene().sigMouseMoved, rateLimit=60,
                                     slot=self._on_moved)
        canvas.plot_widget.viewport().installEventFilter(self)
        self._attach()

    def _attach(self) -> None:
        """Redraws clear the plot, lines included: put them back (hidden until the mouse moves)."""
        plot_item = self._canvas.plot_item
        for line in (self.v_line, self.h_line):
            if line.scene() is None:
                plot_item.addItem(line, ignoreBounds=True)
            line.setZValue(1_000)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.hide()
        return False

    def _on_moved(self, args: tuple) -> None:
        pos: QPointF = args[0]
        view = self._canvas.view_box
        if not view.sceneBoundingRect().contains(pos):
            self.hide()
            return
        point = view.mapSceneToView(pos)
        self.move_to(point.x(), point.y())

    def move_to(self, x: float, y: float) -> None:
        """Put the crosshair at data coordinates (x, y) and emit the read-out for x."""
        canvas = self._canvas
        if canvas.prepared is None:
            return
        self.v_line.setPos(x)
        self.h_line.setPos(y)
        self.v_line.show()
        self.h_line.show()
        self._emit(readout(canvas.prepared, x, canvas.lang, canvas.hidden))

    def hide(self) -> None:
        self.v_line.hide()
        self.h_line.hide()
        self._emit("")

    def _emit(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.sig_readout_changed.emit(text)
