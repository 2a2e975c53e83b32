"""Right-click on a chart in the Charts tab: add an event at that date, a callout at that point,
a difference arrow (a second click ends it), or delete the annotation under the cursor.

Every write is an operation (``run_op`` with ``services.annotations``); the tab redraws the chart
when the change is announced. There is no app-wide undo stack (the watchlist keeps its own), so
an annotation added by mistake is undone with its Delete.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtCore import QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ...core.annotations import Annotation, difference_label, epoch_seconds, is_percent_unit
from ...core.charts import PreparedSeries
from ...services.annotations import AnnotationError, add_annotation, delete_annotation
from ..common.app_context import AppContext
from ..common.operations import run_op
from .annotation_dialog import AnnotationDialog
from .annotations_layer import event_text, series_value
from .canvas import ChartCanvas

DAY_S = 86_400


@dataclass(frozen=True)
class ChartPoint:
    """Where on the chart a click landed: the day, the nearest series and its value there."""

    day: date
    series: PreparedSeries | None
    value: float | None  # the click's height in the series' units (a callout's y)


class ChartAnnotator(QObject):
    """Owns the chart's right-click menu, the label dialog and an arrow being drawn."""

    sig_annotation_failed = Signal(str)

    def __init__(self, ctx: AppContext, canvas: ChartCanvas, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.canvas, self.view = ctx, canvas, parent
        self.menu: QMenu | None = None
        self.dialog: AnnotationDialog | None = None
        self.arrow_start: ChartPoint | None = None  # first click of a difference arrow
        self._arrow_chart: str | None = None  # the chart it was started on
        self.error_box: QMessageBox | None = None
        canvas.plot_widget.scene().sigMouseClicked.connect(self._on_clicked)
        canvas.sig_drawn.connect(self._chart_changed)

    @property
    def chart_id(self) -> str | None:
        return self.canvas.spec.id if self.canvas.spec is not None else None

    def _chart_changed(self) -> None:
        if self.arrow_start is not None and self.chart_id != self._arrow_chart:
            self.arrow_start = None  # another chart: an arrow cannot span two

    # -- where a click is ----------------------------------------------------------------
    def point_at(self, scene_pos: QPointF) -> ChartPoint | None:
        """The chart point under ``scene_pos``; None off the plot or on a chart without dates."""
        c, p = self.canvas, self.canvas.prepared
        if p is None or not p.x_is_date or p.categories or p.is_empty:
            return None
        if not c.view_box.sceneBoundingRect().contains(scene_pos):
            return None
        x = c.view_box.mapSceneToView(scene_pos).x()
        day = datetime.fromtimestamp(round(x / DAY_S) * DAY_S, UTC).date()
        best: tuple[float, PreparedSeries, float] | None = None
        log = c.plot_item.getAxis("left").logMode
        for s in p.series:
            if s.series_id in c.hidden:
                continue
            view = c.right_view if s.axis == "right" else c.view_box
            clicked = view.mapSceneToView(scene_pos).y()
            clicked = 10 ** clicked if log else clicked
            at = series_value(p, Annotation(0, "", "callout", day, spec={"series": s.series_id}),
                              epoch_seconds(day))
            if at is None:
                continue
            y = view.mapViewToScene(QPointF(x, _log(at) if log else at)).y()
            if best is None or abs(y - scene_pos.y()) < best[0]:
                best = (abs(y - scene_pos.y()), s, clicked)
        return ChartPoint(day, best[1] if best else None, best[2] if best else None)

    def _on_clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            event.accept()
            self.open_menu(event.scenePos(), event.screenPos().toPoint())
        elif event.button() == Qt.MouseButton.LeftButton and self.arrow_start is not None:
            point = self.point_at(event.scenePos())
            if point is not None:
                event.accept()
                self.finish_arrow(point)

    # -- the menu ------------------------------------------------------------------------
    def build_menu(self, scene_pos: QPointF) -> QMenu | None:
        """The right-click menu at ``scene_pos`` (None where nothing can be done)."""
        point, chart = self.point_at(scene_pos), self.chart_id
        hit = self.canvas.annotations_layer.annotation_at(scene_pos)
        if chart is None or (point is None and hit is None):
            return None
        menu = QMenu(self.view)
        if hit is not None:
            text = event_text(hit, self.canvas.lang) if hit.kind == "event" else hit.label(self.canvas.lang)
            menu.addAction(self.tr("Delete “{label}”").format(label=text or hit.day.isoformat()),
                           lambda: self.delete(hit.id)).setObjectName("delete")
            menu.addSeparator()
        if point is not None:
            if self.arrow_start is not None:
                menu.addAction(self.tr("End the difference arrow here"),
                               lambda: self.finish_arrow(point)).setObjectName("arrow_end")
                menu.addAction(self.tr("Cancel the difference arrow"),
                               self.cancel_arrow).setObjectName("arrow_cancel")
            else:
                menu.addAction(self.tr("Add event at this date…"),
                               lambda: self.ask_event(point)).setObjectName("event")
                callout = menu.addAction(self.tr("Add callout here…"), lambda: self.ask_callout(point))
                callout.setObjectName("callout")
                callout.setEnabled(point.value is not None)
                arrow = menu.addAction(self.tr("Start a difference arrow"),
                                       lambda: self.start_arrow(point))
                arrow.setObjectName("arrow_start")
                arrow.setEnabled(point.series is not None)
        return menu

    def open_menu(self, scene_pos: QPointF, global_pos: QPoint) -> QMenu | None:
        self.menu = self.build_menu(scene_pos)
        if self.menu is not None:
            self.menu.popup(global_pos)
        return self.menu

    # -- the actions ---------------------------------------------------------------------
    def _ask(self, kind: str, point: ChartPoint, what: str = "", **spec) -> AnnotationDialog:
        chart = self.chart_id
        dialog = AnnotationDialog(kind, point.day, what, self.view)
        dialog.accepted.connect(lambda: self.add(chart, kind, point.day, *dialog.labels(), **spec))
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_event(self, point: ChartPoint) -> AnnotationDialog:
        return self._ask("event", point)

    def ask_callout(self, point: ChartPoint) -> AnnotationDialog:
        value = float(f"{point.value:.4g}") if point.value is not None else None
        series = point.series.series_id if point.series is not None else ""
        return self._ask("callout", point, f"{value:,g}" if value is not None else "",
                         series=series, value=value)

    def start_arrow(self, point: ChartPoint) -> None:
        self.arrow_start, self._arrow_chart = point, self.chart_id
        self.ctx.sig_status_message.emit(self.tr("Click the arrow's end on the chart"))

    def cancel_arrow(self) -> None:
        self.arrow_start = None

    def finish_arrow(self, end: ChartPoint) -> AnnotationDialog | None:
        start, self.arrow_start = self.arrow_start, None
        if start is None or start.series is None or end.day == start.day:
            return None
        first, last = sorted((start.day, end.day))
        s = start.series
        p = self.canvas.prepared
        a = series_value(p, Annotation(0, "", "arrow", first, spec={"series": s.series_id}),
                         epoch_seconds(first)) if p else None
        b = series_value(p, Annotation(0, "", "arrow", last, spec={"series": s.series_id}),
                         epoch_seconds(last)) if p else None
        points = is_percent_unit(s.unit) or (p is not None and p.spec.kind == "area_pct")
        change = difference_label(a, b, points=points, lang=self.canvas.lang) \
            if a is not None and b is not None else None
        what = f"\u2192 {last.isoformat()}" + (f" · {change}" if change else "")
        return self._ask("arrow", ChartPoint(first, s, None), what, series=s.series_id, to=last)

    def add(self, chart_id: str | None, kind: str, day: date, label_ko: str, label_en: str,
            **spec) -> None:
        if chart_id is None:
            return
        run_op(self.ctx, self.view, add_annotation, chart_id, kind, day, label_ko=label_ko,
               label_en=label_en, **spec).expecting(AnnotationError).on_failure(self._failed).run()

    def delete(self, annotation_id: int) -> None:
        run_op(self.ctx, self.view, delete_annotation, annotation_id) \
            .expecting(AnnotationError).on_failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        """Say why (one sentence, e.g. the chart is gone); nothing was written."""
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Annotation not saved"),
                                     str(exc), parent=self.view)
        self.error_box.open()
        self.sig_annotation_failed.emit(str(exc))


def _log(v: float) -> float:
    return math.log10(v) if v > 0 else float("-inf")
