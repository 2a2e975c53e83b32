"""The Monitors tab as the analyst uses it: read the signals, set a rule, see it fire once when
another process imports data, acknowledge it, open the chart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from waiting import wait_until

from qnai_desktop.core.monitors import WATCH_GPU_RENT_KO
from qnai_desktop.core.series import SeriesBundle, SeriesMeta
from qnai_desktop.services import alerts
from qnai_desktop.services.monitor_table import TABLE_COLUMNS, add_user_monitor
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.common.operations import running_ops
from qnai_desktop.ui.common.theme import qcolor
from qnai_desktop.ui.monitors.style import chip_background
from qnai_desktop.ui.monitors.tab import MonitorsTab

# These tests build their own rules: the seeded watch points would fire on their data too.
pytestmark = pytest.mark.usefixtures("no_watch_rules")

ORACLE = "cds.oracle_5y"  # seeded: last point 248.61 bp on 2026-07-31
TODAY = date(2026, 8, 3)  # the seeded daily data is fresh (3 days old) on this day
DISPLAY = Qt.ItemDataRole.DisplayRole


def import_from_another_process(path: Path, series_id: str, points: dict[str, float]) -> None:
    with Cache.open(path) as other:
        meta = other.series.meta(series_id)
        frame = pd.DataFrame({"date": pd.to_datetime(list(points)), "value": list(points.values())})
        other.series.write_bundles([SeriesBundle(meta, frame)], how="import", origin="bloomberg.xlsx")


def settle(tab) -> None:
    """Wait until the writes started so far landed and the alert rules ran after them."""
    wait_until(lambda: running_ops() == 0 and not tab.watcher.running)


class Recorder(list):
    def __call__(self, value) -> None:
        self.append(value)


@pytest.fixture
def ctx(qtbot, db_path: Path):
    cache = Cache.open(db_path)
    set_language("ko")
    context = AppContext(cache, poll_ms=3_600_000)  # tests poll by hand
    yield context
    context.stop()
    cache.close()


@pytest.fixture
def tab(qtbot, ctx):
    page = MonitorsTab(ctx, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.recorded = {"badge": Recorder(), "status": Recorder(), "changes": Recorder()}
    page.sig_badge_changed.connect(page.recorded["badge"])
    ctx.sig_status_message.connect(page.recorded["status"])
    ctx.sig_cache_changed.connect(page.recorded["changes"])
    qtbot.waitUntil(lambda: page.badge_count >= 0)  # the start-up evaluation ran
    return page


def cell(model, row: int, column: str, role=DISPLAY):
    return model.data(model.index(row, TABLE_COLUMNS.index(column)), role)


def column_texts(model, column: str) -> list[str]:
    return [cell(model, r, column) for r in range(model.rowCount())]


# --- reading the signals --------------------------------------------------------------------------


def test_table_lists_the_notes_signals_with_demo_rows_marked(tab, qtmodeltester) -> None:
    tab.show()
    model = tab.model
    assert column_texts(model, "name") == [
        "오라클 5년 CDS", "코어위브 5년 CDS", "SiliconData H100 렌탈 지수",
        "H100 시간당 대여 가격 (중앙값)", "H200 시간당 대여 가격 (중앙값)",
        "B200 시간당 대여 가격 (중앙값)", "B200/H100 대여 가격 비율"]
    sources = column_texts(model, "source")
    assert sources[:3] == ["예시 데이터"] * 3 and sources[3] == "gpurentalprices.com"
    assert cell(model, 0, "source", Qt.ItemDataRole.ForegroundRole) == qcolor("error")  # demo
    assert column_texts(model, "n")[3] == "34" and column_texts(model, "last")[0] == "248.6 bp"
    assert column_texts(model, "last")[3] == "3.06 $/GPU·h" and column_texts(model, "last")[6] == "2.09 배"
    assert column_texts(model, "status")[1] == "주의"  # CoreWeave 1.8σ above its 1-year mean
    assert len(cell(model, 0, "sparkline", Qt.ItemDataRole.UserRole)) == 90
    assert "논지에 불리한 방향" in tab.legend.text() and "지연" in tab.legend.text()
    qtmodeltester.check(model, force_py=True)


def test_changes_are_shown_in_bp_and_percent_as_computed_by_hand(tab, ctx) -> None:
    spread = SeriesMeta("test.spread", "시험 스프레드", "Test spread", "bp", "D", "test")
    price = SeriesMeta("test.price", "시험 가격", "Test price", "usd_per_gpu_hour", "D", "test")
    dates = ["2026-03-31", "2026-04-30", "2026-05-29", "2026-06-22", "2026-06-26", "2026-06-29"]
    ctx.cache.series.write_bundles([
        SeriesBundle(spread, pd.DataFrame({"date": dates, "value": [100, 110, 120, 125, 130, 142.0]})),
        SeriesBundle(price, pd.DataFrame({"date": dates, "value": [2.0, 2.2, 2.4, 2.5, 2.6, 2.76]})),
    ], how="import")
    add_user_monitor(ctx.cache, spread.id, "up")
    add_user_monitor(ctx.cache, price.id, "down")
    tab.show()
    tab.refresh()
    model = tab.model
    s, p = model.row_of(spread.id), model.row_of(price.id)
    assert [cell(model, s, f"change_{k}") for k in ("1d", "1w", "1m", "3m")] == [
        "▲ 12.0bp", "▲ 17.0bp", "▲ 22.0bp", "-"]  # 142−130, 142−125, 142−120, no point 3M back
    assert [cell(model, p, f"change_{k}") for k in ("1d", "1w", "1m")] == [
        "▲ 6.2%", "▲ 10.4%", "▲ 15.0%"]  # 2.76/2.6 = 1.0615, /2.5 = 1.104, /2.4 = 1.15
    red = qcolor("error")  # the theme's adverse red
    assert cell(model, s, "change_1d", Qt.ItemDataRole.ForegroundRole) == red  # spread up hurts
    assert cell(model, p, "change_1d", Qt.ItemDataRole.ForegroundRole) is None  # price up doesn't
    assert cell(model, s, "high_52w") == "142.0" and cell(model, s, "zscore_1y") == "-"


def test_selected_monitor_shows_its_watch_point_names_and_opens_its_chart(tab, ctx, qtbot) -> None:
    tab.show()
    assert not tab.detail.badge.isHidden()  # first row, Oracle CDS: illustrative data
    tab.view.selectRow(3)
    assert tab.detail.badge.isHidden()  # H100 rent: real gpurentalprices.com data
    assert WATCH_GPU_RENT_KO in tab.detail.watch.text()
    assert "NVDA" in tab.detail.tickers.text() and "엔비디아" in tab.detail.tickers.text()
    with qtbot.waitSignal(ctx.sig_open_chart_requested) as opened:
        qtbot.mouseClick(tab.detail.open_chart, Qt.MouseButton.LeftButton)
    assert opened.args == ["gpu_rent_b200_h100"]
    with qtbot.waitSignal(ctx.sig_open_chart_requested) as opened:
        tab.view.doubleClicked.emit(tab.model.index(0, 0))
    assert opened.args == ["cds_oracle_coreweave"]


# --- the alert journey ----------------------------------------------------------------------------


def test_rule_fires_once_when_another_process_imports_a_crossing(tab, ctx, db_path) -> None:
    tab.show()
    assert tab.add_rule({"kind": "level_above", "series": ORACLE, "threshold": 300}, "오라클 300")
    settle(tab)
    assert tab.events.table.rowCount() == 0 and tab.badge_count == 0

    import_from_another_process(db_path, ORACLE, {"2026-08-03": 310.0})
    tab.recorded["changes"].clear()
    assert ctx.check_external_change()
    settle(tab)
    assert tab.events.table.rowCount() == 1
    assert "오라클 300" in tab.events.table.item(0, 3).text()
    assert tab.badge_count == 1 and tab.recorded["badge"][-1] == 1
    assert tab.recorded["status"][-1].startswith("새 알림 1건")
    # One external change → one evaluation → one {'alert_events'} notice, and no more.
    assert sorted(sorted(c.tables) for c in tab.recorded["changes"]) == [["*"], ["alert_events"]]
    assert not ctx.check_external_change()

    import_from_another_process(db_path, ORACLE, {"2026-08-04": 320.0})  # still above
    assert ctx.check_external_change()
    settle(tab)
    assert tab.events.table.rowCount() == 1 and tab.badge_count == 1
    assert tab.rules.table.item(0, 3).text() == "충족 중"


def test_evaluates_while_hidden_and_shows_the_alert_when_opened(tab, ctx, db_path) -> None:
    alerts.add_rule(ctx.cache, {"kind": "level_above", "series": ORACLE, "threshold": 300})
    assert not tab.isVisible()
    import_from_another_process(db_path, ORACLE, {"2026-08-03": 310.0})
    ctx.check_external_change()
    settle(tab)
    assert tab.badge_count == 1 and alerts.unacknowledged_count(ctx.cache) == 1
    assert tab.events.table.rowCount() == 0  # nothing drawn while hidden …
    tab.show()
    assert tab.events.table.rowCount() == 1  # … until the tab is opened


def test_acknowledge_and_undo_from_the_alert_log(tab, ctx, qtbot) -> None:
    tab.show()
    tab.add_rule({"kind": "level_above", "series": ORACLE, "threshold": 200})
    settle(tab)
    assert tab.badge_count == 1
    tab.events.table.selectRow(0)
    qtbot.mouseClick(tab.events.ack, Qt.MouseButton.LeftButton)
    settle(tab)
    assert tab.badge_count == 0 and tab.recorded["badge"][-1] == 0
    assert tab.events.table.item(0, 0).text() == "✓"
    tab.events.table.selectRow(0)
    qtbot.mouseClick(tab.events.unack, Qt.MouseButton.LeftButton)
    settle(tab)
    assert tab.badge_count == 1 and "새 알림" in tab.events.table.item(0, 0).text()
    with qtbot.waitSignal(ctx.sig_open_alert_requested) as opened:
        tab.events.table.doubleClicked.emit(tab.events.table.model().index(0, 3))
    chart, window = opened.args
    last = ctx.cache.series.observations(ORACLE)["date"].iloc[-1].date()
    assert chart == "cds_oracle_coreweave" and window.series_id == ORACLE
    assert window.start == window.end == last  # a level rule: the day it crossed
    qtbot.mouseClick(tab.events.ack_all, Qt.MouseButton.LeftButton)
    settle(tab)
    assert tab.badge_count == 0


def test_rules_can_be_switched_off_and_deleted(tab, ctx) -> None:
    tab.show()
    tab.add_rule({"kind": "level_above", "series": ORACLE, "threshold": 1000}, "높은 기준")
    settle(tab)
    assert tab.rules.table.rowCount() == 1 and tab.rules.table.item(0, 3).text() == "대기"
    tab.rules.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    settle(tab)
    assert alerts.load_rules(ctx.cache)[0].enabled is False
    assert tab.rules.table.item(0, 3).text() == "꺼짐"
    assert tab.delete_rule(alerts.load_rules(ctx.cache)[0].id)
    settle(tab)
    assert tab.rules.table.rowCount() == 0 and not tab.rules.empty.isHidden()


# --- the rule editor ------------------------------------------------------------------------------


def _ok(dialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_rule_editor_rejects_invalid_rules_with_a_message(tab) -> None:
    dialog = tab.make_rule_editor(ORACLE)
    condition = dialog.conditions[0]
    condition.threshold.setText("abc")
    assert dialog.error_text() == "기준값: 숫자를 입력하세요 (입력: 'abc')" and not _ok(dialog)
    condition.threshold.setText("300")
    assert dialog.preview_text() == "Oracle 5년 CDS 스프레드 300 bp 초과" and _ok(dialog)
    condition.series.setEditText("no.such.series")
    assert "캐시에 없는 시리즈" in dialog.error_text() and not _ok(dialog)
    condition.series.setCurrentIndex(condition.series.findData(ORACLE))
    condition.kind.setCurrentIndex(condition.kind.findData("change_over"))
    condition.n_days.setText("0")
    assert dialog.error_text().startswith("기간(일)") and not _ok(dialog)
    condition.n_days.setText("20")
    condition.threshold.setText("50")
    assert dialog.preview_text() == "Oracle 5년 CDS 스프레드 20일 내 50 bp 이상 상승"
    dialog.close()


def test_a_template_names_its_series_and_renames_when_the_series_changes(tab, qtbot) -> None:
    tab.show()
    dialog = tab.make_rule_editor()
    labels = [dialog.template.itemText(i) for i in range(dialog.template.count())]
    assert "CDS 급등: Oracle 5년 CDS 스프레드 20일 내 +60 bp" in labels
    dialog.apply_template("cds_jump")
    assert dialog.rule_name() == "Oracle 5년 CDS 스프레드 급등"
    assert dialog.preview_text() == ("Oracle 5년 CDS 스프레드 급등: "
                                     "Oracle 5년 CDS 스프레드 20일 내 60 bp 이상 상승")
    series = dialog.conditions[0].series
    series.setCurrentIndex(series.findData("cds.coreweave_5y"))
    assert dialog.rule_name() == "CoreWeave 5년 CDS 스프레드 급등"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "My CDS rule")  # her own name stays when the series changes again
    series.setCurrentIndex(series.findData("cds.oracle_5y"))
    assert dialog.rule_name() == "My CDS rule"
    dialog.close()


def test_rule_editor_builds_a_thesis_break_and_saves_it(tab, ctx) -> None:
    tab.show()
    dialog = tab.make_rule_editor()
    dialog.apply_template("thesis_break")
    assert len(dialog.conditions) == 2 and "(동시 충족)" in dialog.preview_text()
    dialog.conditions[1].threshold.setText("")
    assert dialog.error_text() == "조건 2 · 기준값: 입력하세요" and not _ok(dialog)
    dialog.conditions[1].threshold.setText("4")
    assert _ok(dialog)
    assert tab.add_rule(dialog.spec(), dialog.rule_name())
    settle(tab)
    stored = alerts.load_rules(ctx.cache)[0]
    assert stored.name == "논지 훼손: Oracle 5년 CDS 스프레드" and stored.spec["kind"] == "all_of"
    assert "동시 충족" in tab.rules.table.item(0, 2).text()
    dialog.close()


def test_english_editor_and_table(ctx, qtbot) -> None:
    set_language("en")
    page = MonitorsTab(ctx, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert cell(page.model, 0, "name") == "Oracle 5Y CDS"
    assert cell(page.model, 0, "source") == "Illustrative data"
    dialog = page.make_rule_editor(ORACLE)
    dialog.conditions[0].threshold.setText("x")
    assert dialog.error_text() == "Threshold: enter a number (got 'x')"
    dialog.close()


# --- the window and the picture -------------------------------------------------------------------


def test_badge_shows_in_the_main_windows_tab_title(qtbot, db_path: Path) -> None:
    from qnai_desktop.app import build_window

    window = build_window(db_path, lang="ko")
    qtbot.addWidget(window)
    watcher = window.alert_watcher
    qtbot.waitUntil(lambda: watcher.badge_count >= 0)
    alerts.add_rule(window.ctx.cache, {"kind": "level_above", "series": ORACLE, "threshold": 300})
    import_from_another_process(db_path, ORACLE, {"2026-08-03": 310.0})
    window.ctx.check_external_change()
    wait_until(lambda: running_ops() == 0 and not watcher.running)
    # The alert fired and the badge counts it although the Monitors tab was never opened ...
    assert "monitors" not in window.pages.built
    assert window.tabs.tabText(2) == "모니터 (1)"
    # ... and opening it shows the same count and the event, evaluated once (no duplicate).
    window.show()
    window.tabs.setCurrentIndex(2)
    page = window.pages.built["monitors"]
    assert page.badge_count == 1 and alerts.unacknowledged_count(window.ctx.cache) == 1
    assert page.events.table.rowCount() == 1
    window.ctx.stop()


def test_renders_offscreen_with_status_colours(tab, tmp_path: Path) -> None:
    tab.show()
    for _ in range(3):
        QApplication.processEvents()
    out = tmp_path / "monitors.png"
    assert tab.grab().save(str(out))
    image = QImage(str(out))
    assert image.width() >= 1200
    wanted = {chip_background("warn").rgb(), chip_background("ok").rgb()}
    seen = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height() // 2, 3)}
    assert wanted <= seen  # the amber CoreWeave chip and green chips are painted
