"""Journey 1 — Morning check (2 minutes).

    Launch → the window appears at once with yesterday's cache → a refresh starts in the
    background (progress per source, cancel; her linked Bloomberg workbook re-read) → the Monitors
    tab badge shows two new alerts: CoreWeave CDS up 60 bp in 20 days, H100 median rent down 4% m/m
    → she opens the CDS chart from the alert, sees the move in context, acknowledges the alert.

The rent arrives the way it really does, from gpurentalprices.com (a local replay server); the CDS
from her linked Bloomberg workbook, which Bloomberg re-saved overnight.
"""

from __future__ import annotations

import re
from datetime import date

import pyqtgraph as pg
import pytest
from journey_files import business_days, rent_snapshot, write_bloomberg_cds
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from waiting import ops_landed, wait_until

from qnai_desktop.services import alerts
from qnai_desktop.services.links import add_link, preview_link
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.monitors.alert_overlay import epoch

MONITORS = 2  # the tab's index
DAYS = business_days(date(2026, 6, 1), 70)  # yesterday's workbook: the first 60 of these
NEW_RENT_DAY = date(2026, 8, 30)


def cds_levels(n: int) -> tuple[list[float | None], list[float | None]]:
    """Calm spreads for 60 days; then, overnight, CoreWeave +8 bp a day for 10 days (+80 bp in
    two weeks) while Oracle drifts +1 bp a day. A few ``#N/A N/A`` holes, as BDH leaves them."""
    oracle: list[float | None] = [118 + (i % 3) * 0.5 for i in range(min(n, 60))]
    coreweave: list[float | None] = [655 + (i % 4) * 0.5 for i in range(min(n, 60))]
    for i in range(60, n):
        oracle.append(118 + (i - 59))
        coreweave.append(655 + 8 * (i - 59))
    for hole in (7, 31):
        oracle[hole] = None
        coreweave[hole + 3] = None
    return oracle, coreweave


def click_alert(qtbot, table, rule: str) -> None:
    """Click the alert's row in the alert log, as she would."""
    row = next(r for r in range(table.rowCount()) if table.item(r, 2).text() == rule)
    rect = table.visualItemRect(table.item(row, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentRow() == row


@pytest.fixture
def yesterday(db_path, tmp_path, settings, httpserver, monkeypatch):
    """Her cache as she left it: the workbook linked, her refresh set to the rent source (the
    replay server stands in for gpurentalprices.com)."""
    book = tmp_path / "BBG_CDS.xlsx"
    write_bloomberg_cds(book, DAYS[:60], *cds_levels(60))
    with Cache.open(db_path) as cache:
        add_link(cache, preview_link(cache, book))
    settings.setValue("refresh/sources", "gpurentalprices,links")
    settings.sync()
    snapshot = rent_snapshot(NEW_RENT_DAY, h100=[2.85, 2.90, 2.95], b200=[6.3, 6.4, 6.5])
    httpserver.expect_request("/data/latest.json").respond_with_json(snapshot)
    httpserver.expect_request(re.compile(r"^/data/snapshots/")).respond_with_data("", 404)
    monkeypatch.setenv("QNAI_GPURENTALPRICES_BASE_URL", httpserver.url_for("").rstrip("/"))
    return book


def test_morning_check(qtbot, open_window, yesterday, db_path) -> None:
    # Launch: the window appears at once with yesterday's cache; her watch points are armed.
    window = open_window()
    watchlist = window.current_page()
    assert watchlist.model.rowCount() == 8
    wait_until(lambda: window.alert_watcher.badge_count == 0)
    assert window.tabs.tabText(MONITORS) == "모니터"
    rules = alerts.load_rules(window.ctx.cache)
    assert {r.name for r in rules if r.enabled} == {
        "코어위브 CDS 급등", "오라클 CDS 급등", "H100 대여 가격 하락", "B200/H100 가격 비율 하락"}
    assert all(r.reason is not None and not r.active for r in rules)

    # Overnight Bloomberg re-saved her linked workbook with 10 more days.
    write_bloomberg_cds(yesterday, DAYS, *cds_levels(len(DAYS)))

    # The refresh runs in the background: the status-bar item shows its progress (the panel with
    # a bar per source and Cancel opens on demand), her linked workbook re-read with the rest.
    with qtbot.waitSignal(window.refresh_panel.sig_refresh_finished, timeout=30_000) as done:
        QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        status = window.sources_ui.status
        assert status.isVisible() and "새로 고침" in status.text()
        assert window.refresh_panel.btn_cancel.isEnabled() and not window.refresh_dock.isVisible()
    assert sorted((s.source, s.status) for s in done.args[0].sources) == [
        ("gpurentalprices", "ok"), ("links", "ok")]

    # The Monitors tab badge shows two new alerts.
    wait_until(lambda: window.tabs.tabText(MONITORS) == "모니터 (2)", 20_000)
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    monitors = window.current_page()
    wait_until(lambda: monitors.events.table.rowCount() == 2)
    said = {monitors.events.table.item(r, 2).text(): monitors.events.table.item(r, 3).text()
            for r in range(2)}
    assert set(said) == {"코어위브 CDS 급등", "H100 대여 가격 하락"}
    assert said["코어위브 CDS 급등"] == (
        "코어위브 CDS 급등: CoreWeave 5년 CDS 스프레드 20일 내 60 bp 이상 상승 — +79 bp, 735 bp (2026-09-04)")
    assert said["H100 대여 가격 하락"] == (
        "H100 대여 가격 하락: H100 GPU 임대료 중앙값(일별) 30일 내 4% 이상 하락 — -5.38%, 2.9 달러/GPU-시간 "
        "(2026-08-30)")
    with Cache.open(db_path) as disk:
        assert disk.series.observations("gpu_rent.h100.median")["value"].iloc[-1] == pytest.approx(2.90)
        assert disk.series.observations("cds.coreweave_5y")["value"].iloc[-1] == pytest.approx(735)

    # She opens the CDS chart from the alert and sees the move in context.
    click_alert(qtbot, monitors.events.table, "코어위브 CDS 급등")
    qtbot.mouseClick(monitors.events.open_chart, Qt.MouseButton.LeftButton)
    charts = window.current_page()
    assert window.tabs.currentIndex() == 1
    wait_until(lambda: charts.canvas.spec is not None and charts.canvas.spec.id == "cds_oracle_coreweave")
    assert charts.canvas.title_label.text() == "Oracle, CoreWeave CDS 스프레드"
    # … the 20 days the rule compared are shaded, the crossing day marked, the view around them.
    shaded = [i for i in charts.canvas.plot_item.items if isinstance(i, pg.LinearRegionItem)]
    marks = [i for i in charts.canvas.plot_item.items if isinstance(i, pg.InfiniteLine)
             and getattr(i, "label", None) is not None and i.label.toPlainText() == "코어위브 CDS 급등"]
    assert [r.getRegion() for r in shaded] == [(epoch(date(2026, 8, 15)), epoch(date(2026, 9, 4)))]
    assert len(marks) == 1 and marks[0].value() == epoch(date(2026, 9, 4))
    (left, right), _ = charts.canvas.view_box.viewRange()
    assert left < epoch(date(2026, 8, 15)) and epoch(date(2026, 9, 4)) < right
    assert right - left < 200 * 86_400  # weeks around the move, not the whole history
    window.resize(1400, 860)
    QTest.qWait(50)
    charts.canvas.grab().save(str(db_path.with_name("alert_on_chart.png")))  # looked at by eye

    # She acknowledges the alert: the badge counts the one left.
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    click_alert(qtbot, monitors.events.table, "코어위브 CDS 급등")
    qtbot.mouseClick(monitors.events.ack, Qt.MouseButton.LeftButton)
    ops_landed()

    wait_until(lambda: window.tabs.tabText(MONITORS) == "모니터 (1)")
