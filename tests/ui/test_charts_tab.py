"""The Charts tab, used as the analyst uses it: pick, search, zoom, hide, table, add, live."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from waiting import ops_landed

from qnai_desktop.core.changes import ChangeSet
from qnai_desktop.core.charts import build_catalogue
from qnai_desktop.core.charts.colors import MIN_DELTA_E, delta_e2000
from qnai_desktop.core.series import SeriesBundle
from qnai_desktop.services import scenario_cases
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.charts.axes import HouseDateAxis
from qnai_desktop.ui.charts.tab import ChartsTab
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language

DAY = 86_400


def make_tab(qtbot, db_path: Path, lang: str = "ko") -> ChartsTab:
    set_language(lang)
    ctx = AppContext(Cache.open(db_path), poll_ms=100)
    tab = ChartsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture
def tab(qtbot, db_path: Path):
    t = make_tab(qtbot, db_path)
    yield t
    t.ctx.stop()
    t.ctx.cache.close()


def visible_keys(tab: ChartsTab) -> list[str]:
    return [k for k in tab.picker.keys() if not tab.picker._items[k].isHidden()]


def draws(tab: ChartsTab) -> list[int]:
    counter = [0]
    tab.canvas.sig_drawn.connect(lambda: counter.__setitem__(0, counter[0] + 1))
    return counter


# --- the list ----------------------------------------------------------------------------


def test_list_holds_the_whole_pack_and_every_series(tab) -> None:
    keys = tab.picker.keys()
    assert [s.id for s in build_catalogue()] == keys[:len(build_catalogue())]
    assert "series:gpu_rent.h100.median" in keys
    assert tab.canvas.prepared is not None and tab.canvas.prepared.series  # first chart drawn


def test_search_filters_and_ctrl_f_focuses_it(tab, qtbot) -> None:
    tab.activateWindow()
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.search.hasFocus(), timeout=1000)
    qtbot.keyClicks(tab.search, "cds")
    shown = visible_keys(tab)
    assert "cds_oracle_coreweave" in shown and "openrouter_tokens" not in shown
    assert "series:cds.oracle_5y" in shown
    tab.search.setText("렌탈")  # Korean titles match too
    assert "gpu_rent_b200_h100" in visible_keys(tab)


def test_open_chart_by_chart_id_or_series_id(tab) -> None:
    assert tab.open_chart("cds.coreweave_5y")  # an alert on a series opens its chart
    assert tab.current_chart_id() == "cds_oracle_coreweave"
    assert tab.canvas.title_label.text() == "Oracle, CoreWeave CDS 스프레드"
    assert tab.open_chart("agents.commits.total")  # in no chart: the series alone
    assert tab.current_chart_id() == "series:agents.commits.total"
    assert not tab.open_chart("no.such.thing")


def test_demo_badge_follows_the_chart(tab) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    assert not tab.canvas.demo_badge.isVisibleTo(tab)
    tab.open_chart("cds_oracle_coreweave")
    assert tab.canvas.demo_badge.isVisibleTo(tab)


def test_last_chart_is_remembered(tab, qtbot, db_path: Path) -> None:
    tab.open_chart("meta_ads")
    again = make_tab(qtbot, db_path)
    assert again.current_chart_id() == "meta_ads"
    assert again.canvas.title_label.text() == "Meta 광고 단가 및 노출량 추이"
    again.ctx.stop()


# --- the toolbar -------------------------------------------------------------------------


def test_presets_zoom_to_the_last_months(tab, qtbot) -> None:
    tab.open_chart("cds_oracle_coreweave")
    first, last = tab.canvas.data_x_bounds()
    qtbot.mouseClick(tab.toolbar.preset_buttons["3M"], Qt.MouseButton.LeftButton)
    lo, hi = tab.canvas.view_box.viewRange()[0]
    assert hi == pytest.approx(last, abs=DAY) and 89 * DAY <= hi - lo <= 93 * DAY
    assert tab.toolbar.preset_buttons["3M"].isChecked()
    qtbot.mouseClick(tab.toolbar.preset_buttons["YTD"], Qt.MouseButton.LeftButton)
    lo, _hi = tab.canvas.view_box.viewRange()[0]
    assert pd.Timestamp(lo, unit="s").strftime("%m-%d") == "01-01"
    qtbot.mouseClick(tab.toolbar.preset_buttons["All"], Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    lo, hi = tab.canvas.view_box.viewRange()[0]
    assert lo <= first and hi >= last


def test_days_since_charts_offer_only_all(tab) -> None:
    tab.open_chart("coding_agent_intensity")
    assert not tab.toolbar.preset_buttons["3M"].isEnabled()
    assert tab.toolbar.preset_buttons["All"].isEnabled()


def test_log_toggle(tab, qtbot) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    assert not tab.canvas.log_y
    qtbot.mouseClick(tab.toolbar.log_button, Qt.MouseButton.LeftButton)
    assert tab.canvas.log_y and tab.canvas.plot_item.ctrl.logYCheck.isChecked()
    tab.open_chart("inference_cost_tiers")  # a log chart opens in log
    assert tab.toolbar.log_button.isChecked()
    tab.open_chart("llm_share")  # stacked shares: no log
    assert not tab.toolbar.log_button.isEnabled()


def test_clicking_a_legend_entry_hides_the_series(tab, qtbot) -> None:
    tab.open_chart("cds_oracle_coreweave")
    button = tab.canvas.legend.buttons["cds.oracle_5y"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "cds.oracle_5y" in tab.canvas.hidden and "cds.oracle_5y" not in tab.canvas.items
    assert not tab.canvas.legend.buttons["cds.oracle_5y"].isChecked()
    qtbot.mouseClick(tab.canvas.legend.buttons["cds.oracle_5y"], Qt.MouseButton.LeftButton)
    assert "cds.oracle_5y" in tab.canvas.items


def test_table_toggle_shows_the_plotted_numbers(tab, qtbot, qtmodeltester) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    assert not tab.table_view.isVisible()
    qtbot.mouseClick(tab.toolbar.table_button, Qt.MouseButton.LeftButton)
    assert tab.table_view.isVisible()
    model = tab.table_model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["날짜", "B200", "H100"]
    assert model.rowCount() == len(tab.canvas.prepared.table)
    newest = tab.canvas.prepared.table.index.max().strftime("%Y-%m-%d")
    assert model.data(model.index(0, 0)) == newest
    tab.open_chart("coding_agent_intensity")  # the table follows the chart
    assert tab.table_model.headerData(0, Qt.Orientation.Horizontal) == "경과일"
    qtbot.mouseClick(tab.toolbar.table_button, Qt.MouseButton.LeftButton)
    assert not tab.table_view.isVisible()


def test_crosshair_reads_out_values(tab) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    b200 = tab.canvas.prepared.series[0]
    tab.crosshair.move_to(float(b200.x[5]), 4.0)
    text = tab.readout_label.text()
    assert text.startswith(pd.Timestamp(b200.x[5], unit="s").strftime("%Y-%m-%d"))
    assert "B200" in text and "H100" in text
    assert tab.crosshair.v_line.isVisible()


# --- user charts -------------------------------------------------------------------------


def test_add_chart_is_saved_and_listed_after_reopening(tab, qtbot, db_path: Path) -> None:
    dialog = tab.open_add_chart_dialog()
    dialog.title_ko_edit.setText("CoreWeave CDS와 H100 렌탈")
    dialog.title_en_edit.setText("CoreWeave CDS vs H100 rent")
    dialog.set_checked(["cds.coreweave_5y", "gpu_rent.h100.median"])
    dialog.set_choice(dialog.kind_combo, "dual_axis")
    dialog.right_combo.setCurrentIndex(dialog.right_combo.findData("gpu_rent.h100.median"))
    dialog.accept()
    ops_landed()  # stored off the GUI thread, then shown
    chart_id = "user_coreweave_cds_vs_h100_rent"
    assert tab.current_chart_id() == chart_id
    assert chart_id in tab.picker.keys()
    assert tab.canvas.items["gpu_rent.h100.median"] in tab.canvas.right_view.addedItems
    assert tab.canvas.demo_badge.isVisibleTo(tab)  # CDS is illustrative
    again = make_tab(qtbot, db_path)
    assert chart_id in again.picker.keys()
    assert again.current_chart_id() == chart_id
    assert again.canvas.title_label.text() == "CoreWeave CDS와 H100 렌탈"
    again.ctx.stop()


def test_add_chart_without_series_says_why(tab) -> None:
    dialog = tab.open_add_chart_dialog()
    dialog.set_checked([])
    dialog.title_ko_edit.setText("빈 차트")
    dialog.accept()
    assert dialog.isVisible() and "series" in dialog.error_label.text()
    dialog.reject()


def test_saved_chart_whose_series_is_gone_says_why(tab) -> None:
    spec = {"id": "user_gone", "title_ko": "사라진", "title_en": "Gone", "kind": "line",
            "series": [{"series_id": "nope.series"}], "origin": "user"}
    tab.ctx.notify(tab.ctx.cache.charts.save("user_gone", spec))
    assert tab.open_chart("user_gone")
    assert tab.info_label.isVisible() and "nope.series" in tab.info_label.text()


def publish_bear(tab: ChartsTab):
    """The analyst publishes a case from the Scenarios tab (Meta sells 35 %, share 14 %)."""
    params = {"external_sale_fraction": 0.35, "meta_capex_share": 0.14}
    pub = scenario_cases.publish_case(tab.ctx.cache, "meta_compute_sale", "Bear", params)
    tab.ctx.notify(pub.change)
    return pub


def test_a_published_scenario_plots_against_its_input_not_dates(tab, qtbot) -> None:
    pub = publish_bear(tab)
    assert tab.open_chart(pub.chart_id)
    bottom = tab.canvas.plot_item.getAxis("bottom")
    assert not isinstance(bottom, HouseDateAxis)
    assert bottom.labelText == "Compute 외부 판매 비율 (%)" and bottom.label.isVisible()
    assert [n for n, b in tab.toolbar.preset_buttons.items() if b.isEnabled()] == ["All"]
    assert tab.canvas.data_x_bounds() == (0.0, 100.0)
    tab.crosshair.move_to(35.0, 4.0)
    assert tab.readout_label.text().startswith("Compute 외부 판매 비율 35 % · Bear 4.90")
    qtbot.mouseClick(tab.toolbar.table_button, Qt.MouseButton.LeftButton)
    assert tab.table_model.headerData(0, Qt.Orientation.Horizontal) == "Compute 외부 판매 비율 (%)"
    assert tab.table_model.index(35, 0).data() == "35"  # the input in order, 0 … 100 %
    # the curve's own entry in the series list opens the same kind of chart
    assert tab.open_chart("series:" + pub.series_ids[0])
    assert tab.canvas.plot_item.getAxis("bottom").labelText == "Compute 외부 판매 비율 (%)"
    # and a new chart cannot mix the curves with dated series
    dialog = tab.open_add_chart_dialog()
    assert not set(pub.series_ids) & set(dialog._metas)
    dialog.reject()
    tab.open_chart("gpu_rent_b200_h100")  # back to dates: the date axis and presets return
    assert isinstance(tab.canvas.plot_item.getAxis("bottom"), HouseDateAxis)
    assert tab.toolbar.preset_buttons["3M"].isEnabled()


def test_deleting_my_chart_asks_first_then_removes_it(tab) -> None:
    pub = publish_bear(tab)
    tab.open_chart("gpu_rent_b200_h100")
    assert not tab.delete_button.isEnabled()  # the note's charts cannot be deleted
    tab.open_chart(pub.chart_id)
    assert tab.delete_button.isEnabled()
    asked = []
    tab.confirm_delete = lambda chart_id: asked.append(chart_id) or False
    tab.delete_button.click()
    assert asked == [pub.chart_id] and pub.chart_id in tab.picker.keys()
    tab.confirm_delete = lambda chart_id: True
    # right-click on the list entry → "차트 삭제…" (the menu the list shows there)
    assert tab.context_menu("gpu_rent_b200_h100") is None
    [action] = tab.context_menu(pub.chart_id).actions()
    assert action.text() == "차트 삭제…"
    action.trigger()
    ops_landed()
    assert pub.chart_id not in tab.picker.keys()
    assert not any(k.startswith("series:scenario.") for k in tab.picker.keys())  # curves gone too
    assert tab.current_chart_id() != pub.chart_id and tab.canvas.prepared is not None
    assert not tab.delete_button.isEnabled()


def test_cline_and_copilot_cli_get_clearly_different_colours(tab) -> None:
    tab.open_chart("coding_agent_intensity")
    pens = {sid.rsplit(".", 1)[-1]: item.opts["pen"].color().name().upper()
            for sid, item in tab.canvas.items.items()}
    assert pens["copilot_cli"] == "#00A4EF"
    others = [c for key, c in pens.items() if key != "cline"]
    assert min(delta_e2000(pens["cline"], c) for c in others) >= MIN_DELTA_E


# --- live --------------------------------------------------------------------------------


def write_next_day(db_path: Path, series_id: str, value: float) -> pd.Timestamp:
    """Another process (a scheduled refresh) appends one observation to the same file."""
    other = Cache.open(db_path)
    try:
        obs = other.series.observations(series_id)
        day = obs["date"].max() + pd.Timedelta(days=1)
        frame = pd.DataFrame({"date": [day], "value": [value]})
        other.series.write_bundles([SeriesBundle(other.series.meta(series_id), frame)], how="import")
    finally:
        other.close()
    return day


def test_redraws_when_another_connection_writes(tab, qtbot, db_path: Path) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    day = write_next_day(db_path, "gpu_rent.h100.median", 9.99)
    want = day.timestamp()

    def redrawn() -> bool:
        h100 = next(s for s in tab.canvas.prepared.series if s.series_id == "gpu_rent.h100.median")
        return h100.x[-1] == want and h100.y[-1] == pytest.approx(9.99)

    qtbot.waitUntil(redrawn, timeout=2000)


def test_own_writes_redraw_only_the_charts_they_touch(tab) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    count = draws(tab)
    tab.ctx.notify(ChangeSet(added=1, series={"cds.oracle_5y"}, tables={"observations"}))
    assert count[0] == 0
    tab.ctx.notify(ChangeSet(added=1, series={"gpu_rent.b200.median"}, tables={"observations"}))
    assert count[0] == 1


def test_hidden_tab_redraws_when_shown_again(tab, qtbot, db_path: Path) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    count = draws(tab)
    tab.hide()
    write_next_day(db_path, "gpu_rent.b200.median", 7.77)
    qtbot.waitUntil(lambda: tab._dirty, timeout=2000)  # noticed, not drawn
    assert count[0] == 0
    tab.show()
    assert count[0] == 1
    assert tab.canvas.prepared.series[0].y[-1] == pytest.approx(7.77)


def test_live_redraw_keeps_zoom_and_hidden_series(tab, qtbot, db_path: Path) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    tab.apply_preset("1M")
    tab.canvas.set_series_visible("gpu_rent.b200.median", False)
    day = write_next_day(db_path, "gpu_rent.h100.median", 3.5)
    qtbot.waitUntil(lambda: tab.canvas.data_x_bounds()[1] == day.timestamp(), timeout=2000)
    assert "gpu_rent.b200.median" in tab.canvas.hidden
    assert tab.toolbar.preset_buttons["1M"].isChecked()
    assert tab.canvas.view_box.viewRange()[0][1] == pytest.approx(day.timestamp(), abs=DAY)


def test_english_titles_after_language_switch(tab, qtbot) -> None:
    tab.open_chart("gpu_rent_b200_h100")
    set_language("en")  # Qt posts LanguageChange; the tab redraws on it
    qtbot.waitUntil(lambda: tab.canvas.title_label.text() == "B200 and H100 rental price")
    assert tab.canvas.source_label.text() == "Source: gpurentalprices.com, SK Securities"
    assert tab.add_button.text() == "Add chart…"
