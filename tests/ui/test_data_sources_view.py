"""Help → 데이터 출처: every source the refresh runs, what it needs, and a button to the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from qnai_desktop.app import build_window
from qnai_desktop.services.refresh_sources import configured_providers


@pytest.fixture
def window(qtbot, db_path: Path, ring, monkeypatch):
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    w = build_window(db_path, lang="ko")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.ctx.stop()


def _cell(view, row: int, column: str) -> str:
    model = view.sources_model
    return model.data(model.index(row, model.column_index(column)))


def _row(view, name: str) -> int:
    return [s.name for s in view.states].index(name)


def test_help_menu_lists_every_refresh_source_and_a_button_opens_the_field(
        window, qtbot, qtmodeltester) -> None:
    help_titles = [a.text() for a in window.help_menu.actions()]
    assert "데이터 출처" in help_titles
    window.sources_ui.act_data_sources.trigger()
    view = window.sources_ui.view
    qtbot.waitUntil(lambda: bool(view.states), timeout=10_000)
    qtmodeltester.check(view.sources_model)
    qtmodeltester.check(view.charts_model)
    assert view.windowTitle() == "데이터 출처"
    assert [s.name for s in view.states] == [p.name for p in configured_providers(window.ctx.cache)]
    sec = _row(view, "sec")
    assert _cell(view, sec, "status") == "SEC User-Agent 필요"
    assert _cell(view, _row(view, "artificial_analysis"), "status") == "API 키 필요"
    assert _cell(view, _row(view, "fred"), "status") == "설정됨"
    assert "ICE" in _cell(view, _row(view, "fred"), "terms")  # the licence line
    assert _cell(view, _row(view, "links"), "status") == "연결된 파일 없음"
    assert view.buttons["sec"].text() == "User-Agent 입력…"
    assert view.charts_model.rowCount() >= 10  # every chart of the note, with what it stands on
    seen = {}

    def in_settings() -> None:
        dialog = window.settings_dialog
        seen["focus"] = QApplication.focusWidget() is dialog.user_agent
        qtbot.keyClicks(dialog.user_agent, "Jane Analyst jane@example.com")
        dialog.save_and_accept()

    QTimer.singleShot(200, in_settings)
    qtbot.mouseClick(view.buttons["sec"], Qt.MouseButton.LeftButton)  # runs the modal dialog
    assert seen == {"focus": True}
    # the operation lands, the change is announced, the open view reads again
    qtbot.waitUntil(lambda: view.states and _cell(view, _row(view, "sec"), "status") == "설정됨",
                    timeout=10_000)
    assert "sec" not in view.buttons and "meta_ads" not in view.buttons


def test_the_refresh_panel_opens_the_same_view(window, qtbot) -> None:
    window.sources_ui.toggle_panel()
    qtbot.mouseClick(window.refresh_panel.btn_sources, Qt.MouseButton.LeftButton)
    view = window.sources_ui.view
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: bool(view.states), timeout=10_000)


def test_the_readme_pictures_come_from_the_app(qapp, db_path: Path, tmp_path: Path) -> None:
    """``qnai-desktop screenshot --view data-sources|settings`` (docs/data-sources.png, settings.png)."""
    from PySide6.QtGui import QImage

    from qnai_desktop.app import screenshot

    for view, size in (("data-sources", (1280, 800)), ("settings", None)):
        out = screenshot(db_path, "watchlist", tmp_path / f"{view}.png", "ko", size=(1280, 800),
                         view=view)
        img = QImage(str(out))
        if size:
            assert (img.width(), img.height()) == size
        else:
            assert 600 <= img.width() <= 1280 and 500 <= img.height() <= 800
        colours = {img.pixel(x, y) for x in range(0, img.width(), 37) for y in range(0, img.height(), 23)}
        assert len(colours) > 3, view  # not blank


def test_each_chart_has_its_one_action_as_a_button(window, qtbot, monkeypatch) -> None:
    view = window.sources_ui.show_data_sources()
    qtbot.waitUntil(lambda: bool(view.states), timeout=10_000)
    assert view.chart_buttons["inference_cost_tiers"].text() == "API 키 입력…"
    assert view.chart_buttons["ai_capex"].text() == "User-Agent 입력…"
    assert view.chart_buttons["cds_oracle_coreweave"].text() == "파일 연결…"
    assert view.chart_buttons["gpu_rent_b200_h100"].text() == "지금 새로 고침"
    started = []
    monkeypatch.setattr(window.refresh_panel, "start", lambda sources=None: started.append(sources))
    qtbot.mouseClick(view.chart_buttons["gpu_rent_b200_h100"], Qt.MouseButton.LeftButton)
    assert started == [["gpurentalprices"]]
    window.import_dialog = None
    qtbot.mouseClick(view.chart_buttons["cds_oracle_coreweave"], Qt.MouseButton.LeftButton)
    assert window.import_dialog is not None and window.import_dialog.isVisible()
    assert window.import_dialog.keep_linked.isChecked()  # a Bloomberg workbook: linked
    window.import_dialog.close()
