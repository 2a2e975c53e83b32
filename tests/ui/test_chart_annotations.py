"""Events, callouts and difference arrows on the chart, as she sees and makes them: the note's
7/1 event on the CDS chart (screen and exported PNG), right-click → add / arrow / delete."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from waiting import ops_landed

from qnai_desktop.core.annotations import difference_label, epoch_seconds, value_at
from qnai_desktop.services.annotations import list_annotations
from qnai_desktop.services.export_plan import gather_jobs
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.charts.tab import ChartsTab
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.export.renderer import ChartRenderer

CDS = "cds_oracle_coreweave"
RENT = "gpu_rent_silicondata"
JULY_1 = date(2026, 7, 1)
META_KO = "7/1 Meta 컴퓨트 외부 판매 보도"


@pytest.fixture
def tab(qtbot, db_path: Path):
    set_language("ko")
    ctx = AppContext(Cache.open(db_path), poll_ms=100)
    t = ChartsTab(ctx)
    qtbot.addWidget(t)
    t.resize(1300, 800)
    t.show()
    qtbot.waitExposed(t)
    yield t
    ctx.stop()
    ctx.cache.close()


def shown_texts(canvas) -> dict[str, pg.TextItem]:
    """Every visible text item in the plot's scene, by its text."""
    return {i.toPlainText(): i for i in canvas.plot_widget.scene().items()
            if isinstance(i, pg.TextItem) and i.isVisible()}


def day_of(x: float) -> date:
    return datetime.fromtimestamp(x, UTC).date()


def scene_point(canvas, day: date, frac_y: float = 0.5) -> QPointF:
    """The scene point at ``day``, ``frac_y`` of the way down the plot."""
    box = canvas.view_box.sceneBoundingRect()
    x = canvas.view_box.mapViewToScene(QPointF(epoch_seconds(day), 0)).x()
    return QPointF(x, box.top() + frac_y * box.height())


def click(qtbot, canvas, pos: QPointF, button=Qt.MouseButton.RightButton) -> None:
    view_pos = canvas.plot_widget.mapFromScene(pos)
    qtbot.mouseClick(canvas.plot_widget.viewport(), button, pos=view_pos)


def open_chart(tab, qtbot, chart_id: str) -> None:
    assert tab.open_chart(chart_id)
    qtbot.waitUntil(lambda: bool(tab.canvas.annotations_layer.drawn) or chart_id != CDS, timeout=3000)
    for _ in range(2):
        qtbot.wait(10)


def menu_action(tab, name: str):
    menu = tab.annotator.menu
    assert menu is not None, "no context menu opened"
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, f"no {name!r} in {[a.text() for a in menu.actions()]}"
    return found[0]


def test_cds_chart_shows_the_meta_event_at_7_1(tab, qtbot) -> None:
    open_chart(tab, qtbot, CDS)
    label = shown_texts(tab.canvas).get(META_KO)
    assert label is not None, list(shown_texts(tab.canvas))
    assert day_of(label.pos().x()) == JULY_1
    lines = [i for i in tab.canvas.plot_item.items if isinstance(i, pg.InfiniteLine)
             and i.angle == 90 and i.isVisible() and i.pen.style() == Qt.PenStyle.DashLine]
    assert [day_of(line.value()) for line in lines] == [JULY_1]


def test_events_outside_the_visible_range_are_not_drawn(tab, qtbot) -> None:
    open_chart(tab, qtbot, CDS)
    tab.canvas.set_x_range(epoch_seconds(date(2025, 3, 1)), epoch_seconds(date(2025, 9, 1)))
    qtbot.waitUntil(lambda: META_KO not in shown_texts(tab.canvas), timeout=2000)


def test_exported_png_has_the_dashed_line_at_7_1(db_path: Path, qapp) -> None:
    cache = Cache.open(db_path)
    job = gather_jobs(cache, [CDS])[0]
    cache.close()
    renderer = ChartRenderer()

    def grey_column(prepared) -> tuple[int, int, int, int]:
        """(grey pixels at the 7/1 column, runs of them, grey pixels 30 px left of it, plot
        height)."""
        image = renderer.render_image(prepared, job.spec, "ko", 960, 540, 2)
        c = renderer.canvas
        ratio = image.width() / c.width()
        at = c.plot_widget.mapFromScene(c.view_box.mapViewToScene(QPointF(epoch_seconds(JULY_1), 0)))
        x = round(c.plot_widget.mapTo(c, at).x() * ratio)
        box = c.view_box.sceneBoundingRect()
        top = round(c.plot_widget.mapTo(c, c.plot_widget.mapFromScene(box.topLeft())).y() * ratio)
        bottom = round(c.plot_widget.mapTo(c, c.plot_widget.mapFromScene(box.bottomLeft())).y() * ratio)

        def is_grey(px: int, py: int) -> bool:
            col = QColor(image.pixel(px, py))
            return max(col.red(), col.green(), col.blue()) - min(col.red(), col.green(), col.blue()) < 12 \
                and 60 < col.red() < 200

        def column(px: int) -> list[bool]:
            return [any(is_grey(px + d, py) for d in (-1, 0, 1)) for py in range(top, bottom)]

        here = column(x)
        runs = sum(1 for a, b in pairwise(here) if b and not a)
        return sum(here), runs, sum(column(x - 30)), bottom - top

    grey, runs, beside, height = grey_column(job.prepared)
    plain, _, _, _ = grey_column(job.prepared.with_annotations([]))
    assert grey > 0.35 * height, (grey, height)  # dashes down the plot's whole height
    assert runs > 20  # dashed: many separate strokes, not one solid line
    assert beside < grey / 4 and plain < grey / 4  # not a grid line; gone without the event
    renderer.close()


def test_right_click_adds_an_event_that_the_cache_keeps_and_the_chart_shows(tab, qtbot) -> None:
    open_chart(tab, qtbot, CDS)
    click(qtbot, tab.canvas, scene_point(tab.canvas, date(2025, 11, 3)))
    assert [a.text() for a in tab.annotator.menu.actions()] == [
        "이 날짜에 이벤트 추가…", "여기에 설명 추가…", "차이 화살표 시작"]
    menu_action(tab, "event").trigger()
    dialog = tab.annotator.dialog
    assert not dialog.ok_button.isEnabled()  # no label yet
    dialog.ko_edit.setText("오라클 실적 발표")
    dialog.en_edit.setText("Oracle results")
    dialog.ok_button.click()
    ops_landed()
    rows = tab.ctx.cache.annotations.list(CDS)
    added = rows[rows["label_ko"] == "오라클 실적 발표"]
    assert added["date"].tolist() == ["2025-11-03"] and added["label_en"].tolist() == ["Oracle results"]
    qtbot.waitUntil(lambda: "11/3 오라클 실적 발표" in shown_texts(tab.canvas), timeout=3000)
    assert day_of(shown_texts(tab.canvas)["11/3 오라클 실적 발표"].pos().x()) == date(2025, 11, 3)


def test_difference_arrow_is_labelled_with_the_computed_change(tab, qtbot) -> None:
    open_chart(tab, qtbot, RENT)
    start, end = date(2025, 3, 3), date(2026, 6, 1)
    prepared = tab.canvas.prepared
    s = prepared.series[0]
    y_start = value_at(s.x, s.y, epoch_seconds(start))
    frac = 1 - (y_start - tab.canvas.view_box.viewRange()[1][0]) / (
        tab.canvas.view_box.viewRange()[1][1] - tab.canvas.view_box.viewRange()[1][0])
    click(qtbot, tab.canvas, scene_point(tab.canvas, start, frac))
    menu_action(tab, "arrow_start").trigger()
    click(qtbot, tab.canvas, scene_point(tab.canvas, end, 0.5), Qt.MouseButton.LeftButton)
    dialog = tab.annotator.dialog
    assert dialog is not None and dialog.kind == "arrow" and dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    ops_landed()
    expected = difference_label(y_start, value_at(s.x, s.y, epoch_seconds(end)), points=False)
    stored = [r for r in list_annotations(tab.ctx.cache, RENT) if r["kind"] == "arrow"]
    assert [r["arrow_label"] for r in stored] == [expected]
    assert expected.endswith("%") and expected[0] in "+\u2212"
    qtbot.waitUntil(lambda: expected in shown_texts(tab.canvas), timeout=3000)


def test_right_click_on_the_event_deletes_it(tab, qtbot) -> None:
    open_chart(tab, qtbot, CDS)
    on_line = scene_point(tab.canvas, JULY_1, 0.7)
    click(qtbot, tab.canvas, on_line)
    delete = menu_action(tab, "delete")
    assert "Meta" in delete.text()
    delete.trigger()
    ops_landed()
    assert tab.ctx.cache.annotations.list(CDS).empty
    qtbot.waitUntil(lambda: META_KO not in shown_texts(tab.canvas), timeout=3000)
    click(qtbot, tab.canvas, on_line)
    assert "delete" not in [a.objectName() for a in tab.annotator.menu.actions()]


def test_right_click_off_the_plot_offers_nothing(tab, qtbot) -> None:
    open_chart(tab, qtbot, CDS)
    box = tab.canvas.view_box.sceneBoundingRect()
    assert tab.annotator.build_menu(QPointF(box.left() - 20, box.center().y())) is None



def test_event_labels_on_the_rent_chart_cover_neither_each_other_nor_a_line(db_path: Path, qapp) -> None:
    cache = Cache.open(db_path)
    job = gather_jobs(cache, ["gpu_rent_b200_h100"])[0]
    cache.close()
    renderer = ChartRenderer()
    renderer.render_image(job.prepared, job.spec, "en", 1920, 1080, 1)  # the slide-size export
    c = renderer.canvas
    drawn = [d for d in c.annotations_layer.drawn.values() if d.label.isVisible()]
    assert sorted(d.label.toPlainText()[:3] for d in drawn) == ["7/5", "7/6"]  # 6/30, 7/1: before the data
    rects = [d.rects[0] for d in drawn]
    assert not rects[0].intersects(rects[1])
    for rect in rects:
        lo = c.view_box.mapSceneToView(rect.topLeft()).x()
        hi = c.view_box.mapSceneToView(rect.topRight()).x()
        for s in c.prepared.series:
            inside = (s.x >= lo - 86_400) & (s.x <= hi + 86_400)
            ys = [c.view_box.mapViewToScene(QPointF(lo, float(v))).y() for v in s.y[inside]]
            assert all(y < rect.top() or y > rect.bottom() for y in ys), (s.series_id, rect)
    renderer.close()


def test_a_chart_over_days_since_draws_no_annotations(tab, qtbot) -> None:
    from qnai_desktop.services.annotations import add_annotation

    add_annotation(tab.ctx.cache, "coding_agent_intensity", "event", "2026-07-01", label_ko="테스트")
    assert tab.open_chart("coding_agent_intensity")
    qtbot.wait(20)
    assert tab.canvas.prepared.x_mode == "days_since" and tab.canvas.prepared.annotations
    assert tab.canvas.annotations_layer.drawn == {}
    assert "7/1 테스트" not in shown_texts(tab.canvas)


def test_a_write_that_cannot_be_stored_is_said_and_changes_nothing(tab, qtbot) -> None:
    open_chart(tab, qtbot, CDS)
    before = len(tab.ctx.cache.annotations.list())
    tab.annotator.add("no_such_chart", "event", date(2026, 7, 2), "라벨", "")
    ops_landed()
    qtbot.waitUntil(lambda: tab.annotator.error_box is not None, timeout=3000)
    assert "unknown chart 'no_such_chart'" in tab.annotator.error_box.text()
    assert len(tab.ctx.cache.annotations.list()) == before
