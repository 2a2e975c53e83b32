"""The Scenarios tab, used as the analyst does before a client call (journey 4)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from waiting import ops_landed

from qnai_desktop.core.scenarios import MODELS
from qnai_desktop.core.scenarios.display import unavailable
from qnai_desktop.services import scenario_cases as sc
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.scenarios.grid_model import CURRENT_ROLE
from qnai_desktop.ui.scenarios.tab import ScenariosTab

MCS = "meta_compute_sale"
BEAR = "Bear: Meta sells 35%"


@pytest.fixture
def tab(qtbot, cache):
    set_language("ko")
    ctx = AppContext(cache, poll_ms=60_000)
    page = ScenariosTab(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    yield page
    ctx.stop()


def open_model(tab, model_id: str) -> None:
    tab.models_list.setCurrentRow(list(MODELS).index(model_id))


def drag(tab, name: str, shown_values: list[float]) -> None:
    """Press the slider's handle, move through ``shown_values`` (display units), release."""
    slider = tab.params.rows[name].control._slider
    slider.setSliderDown(True)
    for v in shown_values:
        tab.params.rows[name].control.setValue(v)
    slider.setSliderDown(False)  # emits sliderReleased, as a mouse release does


def cases(tab) -> dict[str, dict]:
    """What is stored, once the writes started so far have landed (they run off the GUI thread)."""
    ops_landed()
    return {c.name: c.params for c in sc.load_cases(tab.ctx.cache, tab.state.model.id)}


# -- opening ----------------------------------------------------------------------------------
def test_opens_on_the_notes_numbers_with_sources_and_assumption_tags(tab) -> None:
    assert tab.models_list.count() == 6
    assert tab.title.text() == "Meta Compute 외부 판매 → AI 인프라 추가 공급"
    assert tab.cards.text_of("added_supply_share") == "3.4%"
    assert tab.chart.point_xy() == pytest.approx((20.0, 3.4))
    row = tab.params.rows["meta_capex_share"]
    assert row.tag.text() == "노트" and "2026F 주요 AI Capex의 17%" in row.tag.toolTip()
    assert row.unit.text() == "%" and row.control.value() == pytest.approx(17)
    assumption = tab.params.rows["major_ai_capex_usd_bn"]
    assert assumption.tag.text() == "가정" and assumption.unit.text() == "십억달러"
    assert tab.model.rowCount() > 0  # the note's figures stay on the sources page
    assert [tab.right_tabs.tabText(i) for i in range(2)] == ["케이스", "노트 근거"]


@pytest.mark.parametrize("model_id", list(MODELS))
def test_every_model_opens_with_cards_chart_and_grid(tab, model_id) -> None:
    open_model(tab, model_id)
    model = MODELS[model_id]
    assert tab.title.text() == model.title_ko
    assert set(tab.cards.cards) == set(model.output_names)
    na = unavailable(model, tab.state.params)  # optional inputs the note leaves at 0 = n/a
    assert all(tab.cards.text_of(o) not in ("", "-") for o in model.output_names if o not in na)
    assert all(tab.cards.text_of(o) == "-" for o in na)
    x, y = tab.chart.main_data()
    assert len(x) >= 10 and np.isfinite(y).all()
    assert tab.grid.table_model.rowCount() >= 3 and tab.grid.table_model.current is not None


# -- dragging ---------------------------------------------------------------------------------
def test_dragging_sale_fraction_to_35_updates_card_and_chart_then_release_stores(tab, qtbot) -> None:
    before = tab.chart.point_xy()
    drag(tab, "external_sale_fraction", [25, 30, 35])
    tab.flush()
    assert tab.cards.text_of("added_supply_share") == "6.0%"
    assert "노트 기준 3.4% 대비 +2.6%p" in tab.cards.cards["added_supply_share"].delta.text()
    assert tab.chart.point_xy() == pytest.approx((35.0, 5.95)) and before != tab.chart.point_xy()
    assert cases(tab)[sc.CURRENT]["external_sale_fraction"] == pytest.approx(0.35)


def test_a_real_mouse_drag_moves_the_result(tab, qtbot) -> None:
    slider = tab.params.rows["external_sale_fraction"].control._slider
    y = slider.height() // 2
    at = lambda frac: QPoint(int(slider.width() * frac), y)  # noqa: E731
    no_mod = Qt.KeyboardModifier.NoModifier
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, no_mod, at(0.2))
    for frac in (0.3, 0.5, 0.7):
        QTest.mouseMove(slider, at(frac))
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, no_mod, at(0.7))
    qtbot.waitUntil(lambda: tab.state.params["external_sale_fraction"] > 0.4)
    tab.flush()
    share = tab.state.params["external_sale_fraction"]
    assert tab.cards.text_of("added_supply_share") == f"{0.17 * share * 100:.1f}%"
    assert cases(tab)[sc.CURRENT]["external_sale_fraction"] == pytest.approx(share)


def test_arrows_and_page_keys_step_the_sale_fraction_to_exactly_35(tab, qtbot) -> None:
    row = tab.params.rows["external_sale_fraction"]
    row.control.setFocus()
    QTest.keyClick(row.control, Qt.Key.Key_PageUp)  # +10 %p, the page step
    for _ in range(5):
        QTest.keyClick(row.control._slider, Qt.Key.Key_Right)  # +1 %p, the parameter's step
    assert row.control.value() == 35 and row.value() == 0.35  # exactly, not 34.99…
    tab.flush()
    assert tab.cards.text_of("added_supply_share") == "6.0%"
    qtbot.waitUntil(lambda: sc.CURRENT in cases(tab), timeout=2000)  # stored once the keys rest
    assert cases(tab)[sc.CURRENT]["external_sale_fraction"] == 0.35
    QTest.keyClick(row.control, Qt.Key.Key_Down)
    QTest.keyClick(row.control, Qt.Key.Key_PageDown)
    assert row.control.value() == 24
    QTest.keyClick(row.control, Qt.Key.Key_End)
    assert row.value() == 1.0
    QTest.keyClick(row.control, Qt.Key.Key_Home)
    assert row.value() == 0.0


def test_a_drag_lands_on_the_parameters_steps(tab, qtbot) -> None:
    slider = tab.params.rows["external_sale_fraction"].control._slider
    y = slider.height() // 2
    no_mod = Qt.KeyboardModifier.NoModifier
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, no_mod, QPoint(int(slider.width() * 0.2), y))
    seen = []
    for x in range(int(slider.width() * 0.3), int(slider.width() * 0.4), 3):
        QTest.mouseMove(slider, QPoint(x, y))
        seen.append(tab.params.rows["external_sale_fraction"].control.value())
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, no_mod, QPoint(x, y))
    assert len(set(seen)) > 2 and all(float(v).is_integer() for v in seen)  # whole percents only


def test_slider_moves_are_throttled_to_one_redraw_per_frame(tab, qtbot) -> None:
    tab.flush()
    qtbot.wait(40)
    start = tab.render_count
    slider = tab.params.rows["external_sale_fraction"].control
    slider._slider.setSliderDown(True)
    for v in range(21, 71):  # 50 moves inside one event-loop turn
        slider.setValue(v)
    assert tab.render_count - start == 1  # the leading redraw only
    assert tab.cards.text_of("added_supply_share") == "3.6%"  # drawn at the first move (21 %)
    qtbot.waitUntil(lambda: tab.cards.text_of("added_supply_share") == "11.9%", timeout=1000)
    assert tab.render_count - start == 2  # …and the trailing one with the last position
    slider._slider.setSliderDown(False)
    assert cases(tab)[sc.CURRENT]["external_sale_fraction"] == pytest.approx(0.70)


def test_dragging_does_not_write_until_release(tab) -> None:
    slider = tab.params.rows["external_sale_fraction"].control
    slider._slider.setSliderDown(True)
    slider.setValue(40)
    tab.flush()
    assert sc.CURRENT not in cases(tab)
    slider._slider.setSliderDown(False)
    assert cases(tab)[sc.CURRENT]["external_sale_fraction"] == pytest.approx(0.40)


def test_keyboard_changes_autosave_once_they_rest(tab, qtbot) -> None:
    slider = tab.params.rows["external_sale_fraction"].control
    for _ in range(3):
        slider.setValue(slider.value() + 1)
    assert sc.CURRENT not in cases(tab)
    qtbot.waitUntil(lambda: sc.CURRENT in cases(tab), timeout=2000)
    assert cases(tab)[sc.CURRENT]["external_sale_fraction"] == pytest.approx(0.23)


def test_year_choice_sets_the_capex_share(tab) -> None:
    tab.params.rows["year"].control.setCurrentIndex(1)  # 2027F
    tab.flush()
    assert tab.params.rows["meta_capex_share"].control.value() == pytest.approx(14)
    assert tab.cards.text_of("added_supply_share") == "2.8%"
    assert cases(tab)[sc.CURRENT]["year"] == 2027


def test_reset_returns_to_the_notes_values(tab, qtbot) -> None:
    drag(tab, "external_sale_fraction", [50])
    drag(tab, "meta_capex_share", [30])
    tab.reset_button.click()
    tab.flush()
    assert tab.cards.text_of("added_supply_share") == "3.4%"
    assert tab.params.rows["external_sale_fraction"].control.value() == pytest.approx(20)
    assert tab.params.rows["meta_capex_share"].control.value() == pytest.approx(17)
    assert cases(tab)[sc.CURRENT] == MODELS[MCS].defaults()


def test_switching_models_keeps_each_models_values_for_the_session(tab) -> None:
    drag(tab, "external_sale_fraction", [35])
    open_model(tab, "spec_decoding")
    open_model(tab, MCS)
    tab.flush()
    assert tab.cards.text_of("added_supply_share") == "6.0%"


# -- the spec-decoding chart ------------------------------------------------------------------
def test_spec_decoding_draws_speedup_vs_alpha_per_gamma_with_the_dspark_mark(tab) -> None:
    open_model(tab, "spec_decoding")
    assert sorted(tab.chart.curves) == [1.0, 2.0, 4.0, 8.0]
    assert [m.value() for m in tab.chart.marks] == pytest.approx([1.85])
    x, y = tab.chart.main_data()  # γ = 1, the current one
    assert y[list(x).index(85.0)] == pytest.approx(1.85 / 1.05)
    assert tab.cards.text_of("speedup") == "1.76배"
    tab.params.rows["draft_tokens"].control.setValue(3)
    tab.flush()
    assert sorted(tab.chart.curves) == [1.0, 2.0, 3.0, 4.0, 8.0]
    _, y3 = tab.chart.main_data()
    assert y3[-1] == pytest.approx(4 / 1.15)  # γ = 3 at α = 100 %: 4 tokens / (3·0.05 + 1)
    drag(tab, "acceptance_rate", [95])
    tab.flush()
    assert tab.chart.point_xy()[0] == pytest.approx(95)


# -- cases ------------------------------------------------------------------------------------
def test_save_compare_rename_delete_round_trip(tab, qtbot) -> None:
    drag(tab, "external_sale_fraction", [35])
    tab.cases_panel.name.setText(BEAR)
    tab.cases_panel.buttons["save"].click()
    assert cases(tab)[BEAR]["external_sale_fraction"] == pytest.approx(0.35)
    assert BEAR in [tab.cases_panel.list.item(i).text() for i in range(tab.cases_panel.list.count())]

    tab.reset_button.click()
    tab.cases_panel.select([BEAR])
    tab.cases_panel.buttons["compare"].click()
    assert tab.center_tabs.currentIndex() == 2
    m = tab.compare_model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers[2:] == ["노트 기준", BEAR]
    rows = {m.index(r, 1).data(): r for r in range(m.rowCount())}
    r = rows["AI 인프라 추가 출회 (주요 AI Capex 대비)"]
    assert [m.index(r, c).data() for c in (2, 3)] == ["3.4%", "6.0%"]
    assert m.index(r, 3).data(Qt.ItemDataRole.UserRole) is True
    assert m.index(r, 3).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert m.index(r, 3).data(Qt.ItemDataRole.ToolTipRole) == "노트 기준 대비 +2.6%p"
    same = rows["주요 AI Capex 중 Meta 비중"]
    assert m.index(same, 3).data(Qt.ItemDataRole.UserRole) is False

    tab.cases_panel.select([BEAR])
    tab.cases_panel.name.setText("Bear 35")
    tab.cases_panel.buttons["rename"].click()
    assert "Bear 35" in cases(tab) and BEAR not in cases(tab)
    assert m.headerData(3, Qt.Orientation.Horizontal) == "Bear 35"  # the comparison follows

    tab.confirm_delete = lambda name: False
    tab.cases_panel.select(["Bear 35"])
    tab.cases_panel.buttons["delete"].click()
    assert "Bear 35" in cases(tab)
    tab.confirm_delete = lambda name: True
    tab.cases_panel.buttons["delete"].click()
    assert "Bear 35" not in cases(tab)
    assert m.columnCount() == 4 and m.headerData(3, Qt.Orientation.Horizontal) == "화면의 현재 값"


def test_loading_a_case_moves_sliders_cards_and_chart(tab) -> None:
    sc.save_case(tab.ctx.cache, MCS, BEAR, {"external_sale_fraction": 0.35, "year": 2027})
    tab.refresh()
    tab.cases_panel.select([BEAR])
    tab.cases_panel.buttons["load"].click()
    tab.flush()
    assert tab.params.rows["year"].control.currentText() == "2027F"
    assert tab.params.rows["external_sale_fraction"].control.value() == pytest.approx(35)
    assert tab.cards.text_of("added_supply_share") == "4.9%"
    assert tab.chart.point_xy() == pytest.approx((35.0, 4.9))


@pytest.mark.parametrize("name, needle", [("", "must not be empty"), ("   ", "must not be empty"),
                                          (sc.CURRENT, "reserved"), ("x" * 90, "at most 80")])
def test_bad_case_names_show_a_message_and_leave_the_cache_unchanged(tab, name, needle) -> None:
    sc.save_case(tab.ctx.cache, MCS, "Base", {})
    tab.refresh()
    before = tab.ctx.cache.cases.list().to_dict("records")
    tab.cases_panel.name.setText(name)
    tab.cases_panel.buttons["save"].click()
    ops_landed()
    assert needle in tab.cases_panel.message.text()
    tab.cases_panel.select(["Base"])
    tab.cases_panel.name.setText(name)
    tab.cases_panel.buttons["rename"].click()
    ops_landed()
    assert needle in tab.cases_panel.message.text()
    assert tab.ctx.cache.cases.list().to_dict("records") == before


def test_actions_without_a_selection_say_so(tab) -> None:
    for key in ("load", "rename", "delete", "publish"):
        tab.cases_panel.show_message("")
        tab.cases_panel.buttons[key].click()
        assert tab.cases_panel.message.text() == "먼저 목록에서 케이스를 선택하세요"
    assert tab.ctx.cache.cases.list().empty


def test_rename_to_a_taken_name_is_refused(tab) -> None:
    for n in ("A", "B"):
        sc.save_case(tab.ctx.cache, MCS, n, {})
    tab.refresh()
    tab.cases_panel.select(["A"])
    tab.cases_panel.name.setText("B")
    tab.cases_panel.buttons["rename"].click()
    ops_landed()
    assert "'B' already exists" in tab.cases_panel.message.text()
    assert set(cases(tab)) == {"A", "B"}


def test_garbage_typed_into_a_number_box_is_ignored_and_too_big_is_clamped(tab, qtbot) -> None:
    row = tab.params.rows["external_sale_fraction"]
    box = row.control._label
    box.selectAll()
    QTest.keyClicks(box, "abc")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert tab.state.params["external_sale_fraction"] == pytest.approx(0.2)
    box.selectAll()
    QTest.keyClicks(box, "250")
    QTest.keyClick(box, Qt.Key.Key_Return)
    tab.flush()
    assert tab.state.params["external_sale_fraction"] == pytest.approx(1.0)
    assert tab.cards.text_of("added_supply_share") == "17.0%"


def test_dollar_cards_say_not_given_until_total_capex_is_typed(tab) -> None:
    """The note has no total AI capex (0 = not given): no false "0.0 십억달러" on the cards."""
    cards = tab.cards.cards
    for name in ("added_supply_usd_bn", "meta_capex_usd_bn"):
        assert tab.cards.text_of(name) == "-"
        assert "주요 AI Capex 총액" in cards[name].delta.text()
    assert tab.cards.text_of("added_supply_share") == "3.4%"  # the share needs no total
    box = tab.params.rows["major_ai_capex_usd_bn"].control._label
    box.selectAll()
    QTest.keyClicks(box, "1500")
    QTest.keyClick(box, Qt.Key.Key_Return)
    tab.flush()
    assert tab.cards.text_of("added_supply_usd_bn") == "51.0 십억달러"  # 17% × 20% × 1,500
    assert tab.cards.text_of("meta_capex_usd_bn") == "255.0 십억달러"
    assert cards["meta_capex_usd_bn"].delta.text() == "노트에는 이 값이 없음"
    tab.compare_cases([sc.CURRENT])  # the note's column has no total: "-" there, a value here
    cmp = tab.compare_model
    row = next(r for r in range(cmp.rowCount()) if cmp.index(r, 1).data() == "Meta AI Capex")
    assert (cmp.index(row, 2).data(), cmp.index(row, 3).data()) == ("-", "255.0 십억달러")
    assert cmp.index(row, 3).data(Qt.ItemDataRole.ToolTipRole) is None  # no delta against "-"
    box.selectAll()
    QTest.keyClicks(box, "0")
    QTest.keyClick(box, Qt.Key.Key_Return)
    tab.flush()
    assert tab.cards.text_of("meta_capex_usd_bn") == "-"
    set_language("en")  # the cards are rebuilt in English (on Qt's LanguageChange)
    QApplication.processEvents()
    tab.flush()
    assert tab.cards.cards["meta_capex_usd_bn"].delta.text() == "Set ‘Major AI capex’ (total) to compute"


# -- sensitivity grid -------------------------------------------------------------------------
def test_grid_outlines_the_current_case_follows_it_and_copies_tsv(tab, qtbot, qtmodeltester) -> None:
    tab.center_tabs.setCurrentIndex(1)
    g = tab.grid.table_model
    qtmodeltester.check(g)
    assert tab.grid.x_combo.currentData() == "external_sale_fraction"
    assert tab.grid.y_combo.currentData() == "meta_capex_share"
    assert (g.rowCount(), g.columnCount()) == (7, 7) and g.current == (3, 3)
    assert g.index(3, 3).data() == "3.4%" and g.index(3, 3).data(CURRENT_ROLE) is True
    assert g.headerData(6, Qt.Orientation.Horizontal) == "35%"
    for _ in range(2):
        QApplication.processEvents()
    image = tab.grid.view.viewport().grab().toImage()
    rect = tab.grid.view.visualRect(g.index(3, 3))
    assert image.pixelColor(rect.left() + 2, rect.center().y()) == QColor("#EA002C")

    drag(tab, "external_sale_fraction", [35])
    assert g.current == (3, 6) and g.index(3, 6).data() == "6.0%"  # the outline moved
    drag(tab, "external_sale_fraction", [90])  # off the grid: re-centred on the new case
    assert 0.9 in list(g.table.columns) and g.current is not None

    tsv = tab.grid.copy_tsv()
    assert QApplication.clipboard().text() == tsv
    lines = tsv.splitlines()
    assert len(lines) == 8 and lines[0].startswith("AI 인프라 추가 출회")


def test_grid_pickers_change_axes_and_never_use_one_input_twice(tab) -> None:
    tab.grid.out_combo.setCurrentIndex(tab.grid.out_combo.findData("meta_capex_usd_bn"))
    assert tab.grid.table_model.table.columns.name == "external_sale_fraction"
    tab.grid.y_combo.setCurrentIndex(tab.grid.y_combo.findData("external_sale_fraction"))
    assert tab.grid.table_model.table.index.name != tab.grid.table_model.table.columns.name
    tab.grid.points.setValue(5)
    assert tab.grid.table_model.columnCount() == 5


def test_compare_model_passes_the_model_tester(tab, qtmodeltester) -> None:
    sc.save_case(tab.ctx.cache, MCS, BEAR, {"external_sale_fraction": 0.35})
    tab.refresh()
    tab.compare_cases([BEAR])
    qtmodeltester.check(tab.compare_model)


# -- publishing -------------------------------------------------------------------------------
def test_publish_a_case_as_a_chart_for_the_charts_tab(tab, qtbot) -> None:
    sc.save_case(tab.ctx.cache, MCS, BEAR, {"external_sale_fraction": 0.35})
    tab.refresh()
    tab.cases_panel.select([BEAR])
    with qtbot.waitSignal(tab.ctx.sig_cache_changed) as changed:
        tab.cases_panel.buttons["publish"].click()
    assert "user_charts" in changed.args[0].tables and "series" in changed.args[0].tables
    [chart] = [c for c in tab.ctx.cache.charts.list() if c["id"].startswith("scenario.")]
    assert chart["title_ko"].endswith(BEAR) and chart["scenario"]["case"] == BEAR
    assert "차트 탭에 게시했습니다" in tab.cases_panel.message.text()


# -- language ---------------------------------------------------------------------------------
def test_switching_to_english_keeps_the_values(tab) -> None:
    drag(tab, "external_sale_fraction", [35])
    set_language("en")
    QApplication.processEvents()  # Qt posts LanguageChange; the tab rebuilds on it
    tab.flush()
    assert tab.title.text() == "Meta selling compute → added AI-infra supply"
    assert tab.params.rows["external_sale_fraction"].label.text() == "Share of compute sold externally"
    assert tab.params.rows["external_sale_fraction"].control.value() == pytest.approx(35)
    assert tab.cards.text_of("added_supply_share") == "6.0%"
    assert tab.reset_button.text() == "Reset to the note's values"
