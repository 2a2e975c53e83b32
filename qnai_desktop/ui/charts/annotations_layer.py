"""Dated events, text callouts and difference arrows drawn over a chart's plot.

The layer owns the pyqtgraph items of a PreparedChart's ``annotations`` (core/annotations.py)
and places them in pixels: an event is a thin dashed line at its date with "7/1 label" beside
it, labels that would touch step down a row (the legend sits outside the plot, so a label can
never cover it); a callout is a dot at (date, value) with a short leader to its text; an arrow
runs between the series' values at its two dates, labelled with the change computed from the
data ("+85%", "−4%", "+3.2%p") each time it is drawn. Only charts whose x is dates carry them,
and only annotations inside the visible x range are shown. Positions are recomputed whenever the
view's transform changes (zoom, resize, log scale), so the screen and every export agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from ...core.annotations import Annotation, arrow_label, epoch_seconds, is_percent_unit, value_at
from ...core.charts import PreparedChart, PreparedSeries
from ..common.style import HouseStyle

Z = 900  # above the series, under the crosshair (1000)
LABEL_ALPHA = 0.7  # a label's backing: legible over grid lines and series, not a white box
CLUSTER_PX = 16.0  # events closer than this (px at scale 1) label from their group's edge
HIT_PX = 6.0  # how near (screen px at scale 1) a click must be to pick an annotation
UPPER_ROWS = 0.4  # event labels look for a row clear of the data in the plot's upper part


def short_date(a: Annotation) -> str:
    return f"{a.day.month}/{a.day.day}"


def event_text(a: Annotation, lang: str) -> str:
    """An event's label as drawn: "7/1 Meta 컴퓨트 외부 판매 보도"."""
    return " ".join(t for t in (short_date(a), a.label(lang)) if t)


def target_series(p: PreparedChart, a: Annotation) -> PreparedSeries | None:
    """The series an annotation reads its values from (named in its spec, else the first)."""
    found = next((s for s in p.series if a.series_id in (s.series_id, s.key)), None)
    return found or (p.series[0] if p.series else None)


def series_value(p: PreparedChart, a: Annotation, at: float) -> float | None:
    """The target series' value at ``at``; on a stacked chart, the top of its band."""
    target = target_series(p, a)
    if target is None:
        return None
    if not p.spec.stacked:
        return value_at(target.x, target.y, at)
    upto = list(p.series)[: list(p.series).index(target) + 1]
    vals = [value_at(s.x, s.y, at) for s in upto]
    return None if vals[-1] is None else float(sum(v for v in vals if v is not None))


def arrow_text(p: PreparedChart, a: Annotation, lang: str) -> str:
    """The arrow's computed change, then its own label if it has one."""
    target = target_series(p, a)
    if target is None or a.to_day is None:
        return a.label(lang)
    points = is_percent_unit(target.unit) or p.spec.kind == "area_pct"
    change = arrow_label(target.x, target.y, a.day, a.to_day, points=points, lang=lang) or ""
    return " ".join(t for t in (change, a.label(lang)) if t)


@dataclass
class _Drawn:
    """The items of one annotation and where they are on screen (scene px) for hit tests."""

    ann: Annotation
    items: list = field(default_factory=list)
    label: pg.TextItem | None = None
    rects: list[QRectF] = field(default_factory=list)
    segments: list[QLineF] = field(default_factory=list)
    placed: bool = False  # the label found room


class AnnotationsLayer(QObject):
    """Adds and removes the annotation items of one plot (``plot_item``; values of right-axis
    series are mapped through ``right_view``)."""

    def __init__(self, plot_item: pg.PlotItem, right_view: pg.ViewBox | None = None,
                 x_for_day: Callable = epoch_seconds, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plot_item = plot_item
        self.view_box: pg.ViewBox = plot_item.getViewBox()
        self.right_view = right_view
        self.x_for_day = x_for_day
        self.drawn: dict[int, _Drawn] = {}
        self.prepared: PreparedChart | None = None
        self.lang = "ko"
        self.style = HouseStyle()
        self.scale = 1.0
        self.font = QFont()
        self._edges: dict[int, tuple[float, float]] = {}
        self.view_box.sigTransformChanged.connect(self.relayout)

    # -- drawing -------------------------------------------------------------------------
    def draw(self, prepared: PreparedChart | None, lang: str, style: HouseStyle, scale: float,
             font: QFont) -> None:
        """Replace the drawn annotations with ``prepared.annotations`` (none for None or a chart
        whose x is not dates)."""
        self.clear()
        self.prepared, self.lang, self.style, self.scale, self.font = prepared, lang, style, scale, font
        if prepared is None or not prepared.x_is_date or prepared.categories:
            return
        for a in prepared.annotations:
            d = _Drawn(a)
            if a.kind == "event":
                pen = pg.mkPen(style.muted_color, width=max(1.0, scale), style=Qt.PenStyle.DashLine)
                d.items.append(pg.InfiniteLine(pos=self.x_for_day(a.day), angle=90, pen=pen))
                d.label = self._text(event_text(a, lang), style.muted_color, bold=False)
            elif a.kind == "callout":
                d.items.append(self._segments(style.accent_color, 1.0))
                d.items.append(pg.ScatterPlotItem(size=7 * scale, brush=QColor(style.accent_color),
                                                  pen=pg.mkPen(style.plot_background, width=scale)))
                d.label = self._text(a.label(lang), style.accent_color, bold=True)
            elif a.kind == "arrow" and a.to_day is not None:
                d.items.append(self._segments(style.accent_color, 1.5))
                d.label = self._text(arrow_text(prepared, a, lang), style.accent_color, bold=True)
            else:
                continue
            for item in [*d.items, d.label]:
                item.setZValue(Z + 1 if item is not d.label and a.kind == "event" else Z)
                self.plot_item.addItem(item, ignoreBounds=True)
            self.drawn[a.id] = d
        self.relayout()

    def clear(self) -> None:
        for d in self.drawn.values():
            for item in [*d.items, d.label]:
                if item is not None and item.scene() is not None:
                    self.plot_item.removeItem(item)
        self.drawn = {}

    def labels(self) -> dict[int, pg.TextItem]:
        """The label item of each drawn annotation (tests read their text and position)."""
        return {i: d.label for i, d in self.drawn.items() if d.label is not None}

    def _text(self, text: str, color: str, *, bold: bool) -> pg.TextItem:
        fill = QColor(self.style.plot_background)
        fill.setAlphaF(LABEL_ALPHA if fill.alphaF() > 0 else 0.0)
        item = pg.TextItem(text, color=color, anchor=(0, 0), fill=fill)
        font = QFont(self.font)
        font.setBold(bold)
        item.setFont(font)
        item.textItem.document().setDocumentMargin(3 * self.scale)
        return item

    def _segments(self, color: str, width: float) -> pg.PlotCurveItem:
        pen = pg.mkPen(color, width=width * self.scale)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pg.PlotCurveItem(pen=pen, connect="pairs", antialias=True)

    # -- placing (scene pixels) ---------------------------------------------------------
    def _scene_x(self, day) -> float:
        return self.view_box.mapViewToScene(QPointF(self.x_for_day(day), 0)).x()

    def _scene_y(self, value: float, a: Annotation) -> float | None:
        """Where ``value`` of the annotation's series is on screen (log scale, right axis)."""
        target = target_series(self.prepared, a) if self.prepared else None
        if self.plot_item.getAxis("left").logMode:
            if value <= 0:
                return None
            value = math.log10(value)
        view = self.right_view if target is not None and target.axis == "right" and self.right_view \
            else self.view_box
        return view.mapViewToScene(QPointF(0, value)).y()

    def _to_view(self, x: float, y: float) -> QPointF:
        return self.view_box.mapSceneToView(QPointF(x, y))

    def _size(self, label: pg.TextItem) -> tuple[float, float]:
        margin = 2 * label.textItem.document().documentMargin()
        metrics = QFontMetricsF(label.textItem.font())
        return metrics.horizontalAdvance(label.textItem.toPlainText()) + margin, metrics.height() + margin

    def relayout(self, *_args) -> None:
        """Place every item for the current view: hide what is outside the visible x range."""
        if not self.drawn or self.prepared is None:
            return
        box = self.view_box.sceneBoundingRect()
        if box.width() <= 1 or box.height() <= 1:
            return
        lo, hi = self.view_box.viewRange()[0]
        rows: dict[int, list[tuple[float, float]]] = {}  # event label spans by row
        self._edges = self._event_clusters(lo, hi)
        for d in self.drawn.values():
            a = d.ann
            inside = lo <= self.x_for_day(a.day) <= hi
            if a.kind == "arrow" and a.to_day is not None:
                inside = inside and lo <= self.x_for_day(a.to_day) <= hi
            d.rects, d.segments, d.placed = [], [], False
            shown = inside and {"event": self._place_event, "callout": self._place_callout,
                                "arrow": self._place_arrow}[a.kind](d, box, rows)
            for item in d.items:
                item.setVisible(bool(shown))
            d.label.setVisible(bool(shown) and d.placed)

    def _event_clusters(self, lo: float, hi: float) -> dict[int, tuple[float, float]]:
        """(left, right) scene x of each shown event's cluster: events a few pixels apart (6/30,
        7/1, 7/5, 7/6 on a two-year chart) label from the cluster's edge, not across its lines."""
        xs = sorted((self._scene_x(d.ann.day), i) for i, d in self.drawn.items()
                    if d.ann.kind == "event" and lo <= self.x_for_day(d.ann.day) <= hi)
        edges: dict[int, tuple[float, float]] = {}
        group: list[tuple[float, int]] = []
        for x, i in [*xs, (math.inf, -1)]:
            if group and x - group[-1][0] > CLUSTER_PX * self.scale:
                for _x, j in group:
                    edges[j] = (group[0][0], group[-1][0])
                group = []
            group.append((x, i))
        return edges

    def _place_label(self, d: _Drawn, x: float, y: float, anchor: tuple[float, float]) -> None:
        w, h = self._size(d.label)
        d.label.setAnchor(anchor)
        d.label.setPos(self._to_view(x, y))
        d.rects.append(QRectF(x - anchor[0] * w, y - anchor[1] * h, w, h))
        d.placed = True

    def _place_event(self, d: _Drawn, box: QRectF, rows: dict[int, list[tuple[float, float]]]) -> bool:
        x = self._scene_x(d.ann.day)
        left_edge, right_edge = self._edges.get(d.ann.id, (x, x))
        w, h = self._size(d.label)
        right = right_edge + w <= box.right()  # right of the line(s) unless it would run out
        at = right_edge if right else left_edge
        span = (at, at + w) if right else (at - w, at)
        d.segments.append(QLineF(x, box.top(), x, box.bottom()))
        top0 = box.top() + 2 * self.scale
        bands = self._data_bands(*span)

        def free(i: int) -> bool:
            return all(span[1] + 2 < s0 or span[0] - 2 > s1 for s0, s1 in rows.get(i, []))

        def clear(i: int) -> bool:
            y0, y1 = top0 + i * h, top0 + (i + 1) * h
            return all(y1 < b0 or y0 > b1 for b0, b1 in bands)

        n_rows = int((box.bottom() - top0) // h)
        upper = max(1, int(n_rows * UPPER_ROWS))  # a clear row near the top, else the first free one
        row = next((i for i in range(upper) if free(i) and clear(i)), None)
        row = row if row is not None else next((i for i in range(n_rows) if free(i)), None)
        if row is None:
            return True  # no room left: the line alone
        rows.setdefault(row, []).append(span)
        # the label's anchor sits on the line (a lone event's label x is its date)
        self._place_label(d, at, top0 + row * h, (0, 0) if right else (1, 0))
        return True

    def _data_bands(self, x0: float, x1: float) -> list[tuple[float, float]]:
        """Scene y extent of each drawn series between scene x ``x0`` and ``x1``: event labels
        look for a row that no line runs through."""
        out = []
        for view in [self.view_box, *([self.right_view] if self.right_view is not None else [])]:
            a = view.mapSceneToView(QPointF(x0, 0)).x()
            b = view.mapSceneToView(QPointF(x1, 0)).x()
            for item in view.addedItems:
                if not isinstance(item, pg.PlotDataItem) or not item.isVisible():
                    continue
                xs, ys = item.getData()
                if xs is None or not len(xs):
                    continue
                i0 = max(0, int(np.searchsorted(xs, a)) - 1)
                i1 = min(len(xs), int(np.searchsorted(xs, b)) + 1)
                seg = ys[i0:i1]
                seg = seg[np.isfinite(seg)]
                if len(seg):
                    y_top = view.mapViewToScene(QPointF(a, float(seg.max()))).y()
                    y_bottom = view.mapViewToScene(QPointF(a, float(seg.min()))).y()
                    out.append((min(y_top, y_bottom) - 2 * self.scale, max(y_top, y_bottom) + 2 * self.scale))
        return out

    def _place_callout(self, d: _Drawn, box: QRectF, _rows) -> bool:
        a, p = d.ann, self.prepared
        value = a.value if a.value is not None else series_value(p, a, self.x_for_day(a.day))
        y = self._scene_y(value, a) if value is not None else None
        if y is None:
            return False
        x = self._scene_x(a.day)
        w, h = self._size(d.label)
        dx = 14 * self.scale if x + 14 * self.scale + w <= box.right() else -14 * self.scale
        dy = -20 * self.scale if y - 20 * self.scale - h >= box.top() else 20 * self.scale
        ex, ey = x + dx, y + dy
        self._set_segments(d.items[0], [(x, y, ex, ey)])
        dot = self._to_view(x, y)
        d.items[1].setData([dot.x()], [dot.y()])
        anchor = (0 if dx > 0 else 1, 1 if dy < 0 else 0)
        self._place_label(d, ex, ey, anchor)
        d.segments.append(QLineF(x, y, ex, ey))
        return True

    def _place_arrow(self, d: _Drawn, box: QRectF, _rows) -> bool:
        a, p = d.ann, self.prepared
        v1 = series_value(p, a, self.x_for_day(a.day))
        v2 = series_value(p, a, self.x_for_day(a.to_day))
        y1 = self._scene_y(v1, a) if v1 is not None else None
        y2 = self._scene_y(v2, a) if v2 is not None else None
        if y1 is None or y2 is None:
            return False
        x1, x2 = self._scene_x(a.day), self._scene_x(a.to_day)
        length = math.hypot(x2 - x1, y2 - y1)
        head = 8 * self.scale
        parts = [(x1, y1, x2, y2)]
        if length > 1:
            ux, uy = (x2 - x1) / length, (y2 - y1) / length
            for side in (-1, 1):  # two strokes back from the tip, 25° off the shaft
                c, s = math.cos(math.radians(25)), side * math.sin(math.radians(25))
                parts.append((x2, y2, x2 - head * (ux * c - uy * s), y2 - head * (uy * c + ux * s)))
        self._set_segments(d.items[0], parts)
        w, h = self._size(d.label)
        mid = (x1 + x2) / 2  # the label sits just above the arrow's middle
        top = max(box.top(), (y1 + y2) / 2 - h - 6 * self.scale)
        self._place_label(d, min(max(mid, box.left() + w / 2), box.right() - w / 2), top, (0.5, 0))
        d.segments.append(QLineF(x1, y1, x2, y2))
        return True

    def _set_segments(self, item: pg.PlotCurveItem, parts: list[tuple[float, float, float, float]]) -> None:
        xs, ys = [], []
        for x0, y0, x1, y1 in parts:
            for x, y in ((x0, y0), (x1, y1)):
                pt = self._to_view(x, y)
                xs.append(pt.x())
                ys.append(pt.y())
        item.setData(np.array(xs), np.array(ys))

    # -- picking -------------------------------------------------------------------------
    def annotation_at(self, scene_pos: QPointF) -> Annotation | None:
        """The shown annotation under ``scene_pos`` (its label, line, dot or arrow), if any."""
        near = HIT_PX * self.scale
        best: tuple[float, Annotation] | None = None
        for d in self.drawn.values():
            if not d.items or not d.items[0].isVisible():
                continue
            dist = min([0.0 if r.adjusted(-2, -2, 2, 2).contains(scene_pos) else math.inf
                        for r in d.rects] + [_distance(scene_pos, s) for s in d.segments])
            if dist <= near and (best is None or dist < best[0]):
                best = (dist, d.ann)
        return best[1] if best else None


def _distance(p: QPointF, seg: QLineF) -> float:
    """Pixels from ``p`` to the segment ``seg``."""
    dx, dy = seg.dx(), seg.dy()
    length2 = dx * dx + dy * dy
    along = (p.x() - seg.x1()) * dx + (p.y() - seg.y1()) * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, along / length2))
    return math.hypot(p.x() - (seg.x1() + t * dx), p.y() - (seg.y1() + t * dy))
