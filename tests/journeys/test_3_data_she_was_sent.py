"""Journey 3 — Bringing in data she was sent.

    A colleague emails a Bloomberg sheet of Oracle and CoreWeave CDS (two side-by-side blocks,
    `#N/A N/A` holes) and a Korean CSV from Excel (CP949). She drags both onto the window, sees a
    preview with the detected layout and "312 added, 0 changed", confirms. A third file has a
    broken date on row 57: the dialog says so and nothing is imported. She types Meta's latest
    "ad impressions +11% YoY, price per ad +9%" into the series editor.

The files are the hand-made fixtures of tests/fixtures (make_fixtures.py): a BDH workbook of two
blocks with four holes each (156 + 156 = 312 values), a 60-row CP949 CSV of two rent indices, and
the same CSV with ``2026.13.45`` on spreadsheet row 57.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from waiting import ops_landed, wait_until

from qnai_desktop.core.series import SeriesBundle
from qnai_desktop.services.importers import write_replacing_demo
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.importing.series_editor import SeriesEditor

FIX = Path(__file__).resolve().parents[1] / "fixtures"
# What yesterday's refresh of Meta's earnings releases (the meta_ads source) stored.
RELEASED = {"meta.ad_impressions_yoy": [6.0, 5.0, 18.0, 12.0], "meta.ad_price_yoy": [14.0, 10.0, 6.0, 12.0]}
QUARTERS = ["2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"]


def drop_files(window, paths: list[Path]) -> None:
    """Drag files from the file manager and drop them on the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def dump(path: Path) -> list[str]:
    with Cache.open(path) as c:
        return [line for line in c.db.conn.iterdump() if '"provenance"' not in line]


def type_cell(table, row: int, col: int, text: str) -> None:
    """Select a cell, F2 to edit, type, Enter — as in Excel."""
    table.setCurrentCell(row, col)
    QTest.keyClick(table, Qt.Key.Key_F2)
    cell = table.visualRect(table.currentIndex())
    editor = next(e for e in table.viewport().findChildren(QLineEdit)
                  if e.isVisible() and e.geometry().intersects(cell))
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the editor closes and is deleted
    assert table.item(row, col).text() == text


def test_bringing_in_data_she_was_sent(qtbot, open_window, db_path) -> None:
    with Cache.open(db_path) as cache:  # as a refresh writes a source: the illustrative replaced
        metas = cache.series.metas()
        write_replacing_demo(cache, [SeriesBundle(
            dataclasses.replace(metas[sid], is_demo=False),
            pd.DataFrame({"date": pd.to_datetime(QUARTERS), "value": values, "n": None}))
            for sid, values in RELEASED.items()], how="fetch", origin="meta_ads")
    window = open_window()

    # She drags the Bloomberg sheet and the Korean CSV onto the window: a preview opens.
    drop_files(window, [FIX / "bloomberg_cds.xlsx", FIX / "korean_excel_cp949.csv"])
    # (not price files: decided off the GUI thread, then the import dialog opens)
    wait_until(lambda: getattr(window, "import_dialog", None) is not None)
    dialog = window.import_dialog
    wait_until(lambda: dialog.result is not None and not dialog._busy)
    assert dialog.info.text().startswith("Bloomberg BDH 시트 · Excel (.xlsx) · 시리즈 2개 · 312행")
    assert dialog.file_list.item(0).text() == "✓ bloomberg_cds.xlsx — 추가 312건, 변경 0건, 동일 0건"
    assert dialog.file_list.item(1).text() == "✓ korean_excel_cp949.csv — 추가 120건, 변경 0건, 동일 0건"
    assert dialog.counts.text() == "가져오면: 추가 432건, 변경 0건, 동일 0건"
    assert window.ctx.cache.series.meta("cds.oracle_5y").is_demo  # nothing written before she confirms

    # She confirms: the values are in the cache, the illustrative CDS replaced by Bloomberg's.
    with qtbot.waitSignal(window.ctx.sig_cache_changed, timeout=10_000) as changed:
        qtbot.mouseClick(dialog.btn_commit, Qt.MouseButton.LeftButton)
    korean = sorted(changed.args[0].series - {"cds.oracle_5y", "cds.coreweave_5y"})
    assert changed.args[0].added == 432 and len(korean) == 2
    assert dialog.counts.text().startswith("가져옴: 추가 432건")
    with Cache.open(db_path) as disk:
        oracle = disk.series.observations("cds.oracle_5y")
        assert not disk.series.meta("cds.oracle_5y").is_demo and len(oracle) == 156
        assert oracle["date"].iloc[0] == pd.Timestamp("2026-01-02") and oracle["value"].iloc[0] == 118.0
        assert len(disk.series.observations("cds.coreweave_5y")) == 156
        assert [len(disk.series.observations(sid)) for sid in korean] == [60, 60]
        assert {disk.series.meta(sid).title_ko for sid in korean} == {"H100 임대지수", "B200 임대지수"}
    dialog.close()

    # A third file has a broken date on row 57: the dialog says so and nothing is imported.
    before = dump(db_path)
    window.import_dialog = None
    drop_files(window, [FIX / "broken_date_row57.csv"])
    wait_until(lambda: window.import_dialog is not None)
    broken = window.import_dialog
    wait_until(lambda: all(f.preview or f.error for f in broken.files))
    assert broken.file_list.item(0).text() == (
        "✗ broken_date_row57.csv — 57행, '날짜' 열, 값 '2026.13.45': "
        "올바른 날짜가 아닙니다 (월은 1~12여야 합니다)")
    assert broken.counts.text() == "오류가 있는 파일 1개: 제거해야 나머지를 가져올 수 있습니다"
    assert not broken.btn_commit.isEnabled()
    broken.btn_commit.click()
    assert dump(db_path) == before
    broken.close()

    # She types Meta's latest quarter into the series editor (File → Edit series values…),
    # picking each series by its title; the new quarter is appended to the released history.
    window.act_series_editor.trigger()
    editor = window.findChild(SeriesEditor)
    qtbot.waitExposed(editor)
    for title, value in (("Meta 광고 노출량 YoY  (meta.ad_impressions_yoy)", "+11%"),
                         ("Meta 광고 단가 YoY  (meta.ad_price_yoy)", "+9%")):
        editor.series.setCurrentIndex(editor.series.findText(title))
        assert editor.cells()[3] == ["2026-03-31", "12"] and editor.cells()[4] == ["", ""]
        type_cell(editor.table, 4, 0, "2Q26")
        type_cell(editor.table, 4, 1, value)
        with qtbot.waitSignal(editor.sig_series_saved, timeout=10_000):
            qtbot.mouseClick(editor.btn_save, Qt.MouseButton.LeftButton)
        assert editor.question is None  # her own history: appended, nothing to ask
        assert editor.status.text() == "저장됨: 추가 1건, 변경 0건, 동일 4건"
    ops_landed()
    with Cache.open(db_path) as disk:
        for sid, new in (("meta.ad_impressions_yoy", 11.0), ("meta.ad_price_yoy", 9.0)):
            obs = disk.series.observations(sid)
            assert list(obs["value"]) == [*RELEASED[sid], new]
            assert obs["date"].iloc[-1] == pd.Timestamp("2026-06-30")
    editor.close()
