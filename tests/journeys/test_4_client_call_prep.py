"""Journey 4 — Client call prep.

    Scenarios tab → "Meta compute sale": she drags the external-sale slider from 20% to 35% and
    watches added supply go from 3.4% to 6.0% of major AI capex, saves the case "Bear: Meta sells
    35%", compares it with the note's base case, and opens a sensitivity grid of sale fraction ×
    Meta's capex share.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from waiting import ops_landed, wait_until

from qnai_desktop.services import scenario_cases as sc
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.scenarios.grid_model import CURRENT_ROLE

BEAR = "Bear: Meta sells 35%"


def test_client_call_prep(qtbot, open_window, db_path) -> None:
    # Scenarios tab (Ctrl+4) opens on "Meta compute sale" with the note's numbers.
    window = open_window()
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    tab = window.current_page()
    tab.flush()
    assert tab.title.text() == "Meta Compute 외부 판매 → AI 인프라 추가 공급"
    assert tab.cards.text_of("added_supply_share") == "3.4%"
    row = tab.params.rows["external_sale_fraction"]
    assert row.control.value() == 20

    # She drags the external-sale slider towards 35%, the card follows while she drags …
    groove = row.control._slider
    y = groove.height() // 2
    start = QPoint(int(groove.width() * 0.2), y)
    QTest.mousePress(groove, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for frac in (0.25, 0.3, 0.35):
        QTest.mouseMove(groove, QPoint(int(groove.width() * frac), y))
    QTest.mouseRelease(groove, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(int(groove.width() * 0.35), y))
    dragged = row.control.value()
    assert float(dragged).is_integer() and 25 < dragged <= 40  # on a step, near where she let go
    tab.flush()
    assert tab.cards.text_of("added_supply_share") == f"{0.17 * dragged:.1f}%"
    # … and settles it exactly with the arrow keys (a few pixels are a few percent on the groove).
    for _ in range(15):
        if row.control.value() == 35:
            break
        QTest.keyClick(groove, Qt.Key.Key_Right if row.control.value() < 35 else Qt.Key.Key_Left)
    assert row.value() == 0.35
    tab.flush()
    assert tab.cards.text_of("added_supply_share") == "6.0%"
    assert "노트 기준 3.4% 대비 +2.6%p" in tab.cards.cards["added_supply_share"].delta.text()

    # She saves the case "Bear: Meta sells 35%".
    tab.cases_panel.name.setFocus()
    QTest.keyClicks(tab.cases_panel.name, BEAR)
    qtbot.mouseClick(tab.cases_panel.buttons["save"], Qt.MouseButton.LeftButton)
    ops_landed()
    with Cache.open(db_path) as disk:
        saved = {c.name: c.params for c in sc.load_cases(disk, "meta_compute_sale")}
    assert saved[BEAR]["external_sale_fraction"] == 0.35

    # She compares it with the note's base case.
    tab.cases_panel.select([BEAR])
    qtbot.mouseClick(tab.cases_panel.buttons["compare"], Qt.MouseButton.LeftButton)
    assert tab.center_tabs.currentIndex() == 2
    m = tab.compare_model
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(2, m.columnCount())] == [
        "노트 기준", BEAR]
    added = "AI 인프라 추가 출회 (주요 AI Capex 대비)"
    r = next(r for r in range(m.rowCount()) if m.index(r, 1).data() == added)
    assert [m.index(r, c).data() for c in (2, 3)] == ["3.4%", "6.0%"]

    # She opens the sensitivity grid: sale fraction × Meta's capex share, her case outlined.
    bar = tab.center_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    grid = tab.grid
    assert grid.isVisible()
    assert grid.x_combo.currentData() == "external_sale_fraction"
    assert grid.y_combo.currentData() == "meta_capex_share"
    g = grid.table_model
    # the grid recomputes when it is shown: wait for it to centre on her case
    horizontal = Qt.Orientation.Horizontal
    wait_until(lambda: g.current is not None and g.headerData(g.current[1], horizontal) == "35%")
    r, c = g.current
    assert g.index(r, c).data() == "6.0%" and g.index(r, c).data(CURRENT_ROLE) is True
    assert g.headerData(c, Qt.Orientation.Horizontal) == "35%"
    assert g.headerData(r, Qt.Orientation.Vertical) == "17%"
