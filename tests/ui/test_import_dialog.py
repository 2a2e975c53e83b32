"""The import dialog and the series editor, driven as the analyst would (journey 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QComboBox, QMessageBox

from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.importing.import_dialog import ImportDialog
from qnai_desktop.ui.importing.series_editor import SeriesEditor

FIX = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def ctx(cache):
    c = AppContext(cache, poll_ms=60_000)
    yield c
    c.stop()


@pytest.fixture
def dialog(qtbot, ctx):
    dlg = ImportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def dump(cache) -> list[str]:
    return list(cache.db.conn.iterdump())


def wait_counts(qtbot, dlg) -> None:
    qtbot.waitUntil(lambda: dlg.result is not None and not dlg._busy, timeout=10_000)


def test_bloomberg_sheet_and_korean_csv_preview_count_and_import(qtbot, dialog, ctx) -> None:
    dialog.add_files([FIX / "bloomberg_cds.xlsx", FIX / "korean_excel_cp949.csv"])
    wait_counts(qtbot, dialog)
    assert "Bloomberg BDH sheet · Excel (.xlsx) · 2 series · 312 rows" in dialog.info.text()
    assert dialog.file_list.item(0).text() == "✓ bloomberg_cds.xlsx — 312 added, 0 changed, 0 unchanged"
    assert dialog.mapping.item(0, 3).text() == "replaces illustrative"
    assert dialog.preview_model.rowCount() > 6
    assert dialog.counts.text() == "Import will give: 432 added, 0 changed, 0 unchanged"
    assert ctx.cache.series.meta("cds.oracle_5y").is_demo  # nothing written before Import
    with qtbot.waitSignal(ctx.sig_cache_changed, timeout=10_000) as changed:
        qtbot.mouseClick(dialog.btn_commit, Qt.MouseButton.LeftButton)
    assert changed.args[0].added == 432
    assert not ctx.cache.series.meta("cds.oracle_5y").is_demo
    assert dialog.counts.text().startswith("Imported: 432 added")
    assert not dialog.btn_commit.isEnabled()


def test_broken_file_is_named_and_blocks_the_import(qtbot, dialog, ctx) -> None:
    before = dump(ctx.cache)
    dialog.add_files([FIX / "korean_euckr.csv", FIX / "broken_date_row57.csv"])
    qtbot.waitUntil(lambda: all(f.preview or f.error for f in dialog.files), timeout=10_000)
    assert dialog.file_list.item(1).text() == (
        "✗ broken_date_row57.csv — row 57, column '날짜', value '2026.13.45': "
        "not a valid date (month must be in 1..12)")
    assert dialog.counts.text() == "1 file(s) with errors: remove them to import the others"
    assert not dialog.btn_commit.isEnabled()
    dialog.btn_commit.click()
    assert dump(ctx.cache) == before
    dialog.file_list.setCurrentRow(1)
    dialog.remove_current()
    wait_counts(qtbot, dialog)
    assert dialog.btn_commit.isEnabled() and "20 added" in dialog.counts.text()


def test_mapping_onto_an_existing_series_recounts(qtbot, dialog) -> None:
    dialog.add_files([FIX / "korean_euckr.csv"])
    wait_counts(qtbot, dialog)
    ids: QComboBox = dialog.mapping.cellWidget(0, 2)
    ids.setCurrentText("silicondata.h100_index")
    assert dialog.mapping.rows[0].unit == "usd_per_gpu_hour"
    assert dialog.mapping.item(0, 3).text() == "replaces illustrative"
    dialog.mapping.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    wait_counts(qtbot, dialog)
    assert dialog.counts.text() == "Import will give: 10 added, 0 changed, 0 unchanged"


def test_invalid_series_id_is_reported_not_imported(qtbot, dialog) -> None:
    dialog.add_files([FIX / "korean_euckr.csv"])
    wait_counts(qtbot, dialog)
    dialog.mapping.cellWidget(0, 2).setCurrentText("bad id!")
    qtbot.waitUntil(lambda: "series id must be" in dialog.error.text(), timeout=10_000)
    assert not dialog.btn_commit.isEnabled()


def test_files_dropped_on_the_dialog_are_read(qtbot, dialog) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIX / "wide_dates.xlsx"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    wait_counts(qtbot, dialog)
    assert [m.label for m in dialog.mapping.rows] == ["Meta ad impressions YoY", "Meta price per ad YoY"]


def test_korean_labels(qtbot, dialog, ctx) -> None:
    set_language("ko")  # the open dialog retranslates on Qt's LanguageChange
    dialog.add_files([FIX / "bloomberg_cds.csv"])
    wait_counts(qtbot, dialog)
    assert dialog.counts.text() == "가져오면: 추가 312건, 변경 0건, 동일 0건"
    assert dialog.btn_commit.text() == "가져오기"


# --- series editor -------------------------------------------------------------------------------

@pytest.fixture
def editor(qtbot, ctx):
    ed = SeriesEditor(ctx, "meta.ad_impressions_yoy")
    qtbot.addWidget(ed)
    ed.show()
    return ed


def answer_when_asked(editor, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Click ``button`` of the replace question as soon as it opens (it is modal)."""
    def click() -> None:
        if editor.question is None:
            QTimer.singleShot(10, click)
            return
        asked.append(editor.question.text())
        editor.question.button(button).click()
    QTimer.singleShot(0, click)


def test_the_picker_lists_titles_with_the_id_after_them(editor) -> None:
    i = editor.series.findData("cds.oracle_5y")
    assert editor.series.itemText(i) == "Oracle 5Y CDS spread  (cds.oracle_5y)"
    editor.series.setCurrentIndex(i)
    assert editor.series_id() == "cds.oracle_5y" and editor.title_en.text() == "Oracle 5Y CDS spread"


def test_replacing_an_illustrative_history_asks_first_and_no_keeps_it(qtbot, editor, ctx) -> None:
    before = dump(ctx.cache)
    editor.table.setCurrentCell(0, 0)
    editor.paste_text("1Q26\t+12%\r\n2Q26\t+11%\r\n")
    asked: list[str] = []
    answer_when_asked(editor, QMessageBox.StandardButton.No, asked)
    editor.save()
    assert len(asked) == 1 and "Saving replaces them with the 2 typed here." in asked[0]
    assert editor.status.text() == "Not saved: the stored history is kept"
    assert dump(ctx.cache) == before


def test_paste_meta_ad_impressions_from_excel_and_save(qtbot, editor, ctx) -> None:
    assert editor.demo_note.isVisible() and editor.cells()[0] == ["", ""]  # demo starts empty
    editor.table.setCurrentCell(0, 0)
    editor.paste_text("분기\t광고 노출 YoY\r\n1Q26\t+12%\r\n2Q26\t+11%\r\n")
    asked: list[str] = []
    answer_when_asked(editor, QMessageBox.StandardButton.Yes, asked)
    with qtbot.waitSignal(editor.sig_series_saved, timeout=10_000) as saved:
        editor.save()
    assert asked  # the illustrative history was named before it went
    assert saved.args[0].added == 2
    obs = ctx.cache.series.observations("meta.ad_impressions_yoy")
    assert list(obs["value"]) == [12.0, 11.0] and not ctx.cache.series.meta("meta.ad_impressions_yoy").is_demo
    assert editor.status.text() == "Saved: 2 added, 0 changed, 0 unchanged"


def test_a_typed_bad_value_is_selected_and_named(qtbot, editor, ctx) -> None:
    editor.table.setCurrentCell(0, 0)
    editor.paste_text("2026-03-31\t12\n2026-06-30\tabc\n")
    editor.save()
    assert "row 2, column 'value'" in editor.status.text()
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (1, 1)
    assert ctx.cache.series.meta("meta.ad_impressions_yoy").is_demo


def test_new_series_typed_by_hand(qtbot, ctx) -> None:
    ed = SeriesEditor(ctx)
    qtbot.addWidget(ed)
    ed.series.setCurrentText("meta.reels_revenue_run_rate")  # a new id, typed
    ed.title_en.setText("Meta Reels revenue run-rate")
    ed.unit.setCurrentText("usd_bn")
    ed.freq.setCurrentText("Q")
    ed.table.setCurrentCell(0, 0)
    ed.paste_text("2025-12-31\t50\n2026-03-31\t56.5\n")
    with qtbot.waitSignal(ed.sig_series_saved, timeout=10_000):
        ed.save()
    meta = ctx.cache.series.meta("meta.reels_revenue_run_rate")
    assert (meta.unit, meta.frequency, meta.is_demo) == ("usd_bn", "Q", False)
    assert list(ctx.cache.series.observations("meta.reels_revenue_run_rate")["value"]) == [50.0, 56.5]


def test_closing_the_dialog_while_files_are_read_is_safe(qtbot, ctx) -> None:
    """She drops a file and closes the dialog at once: the background read finishes later and
    must not touch the deleted dialog (no 'Internal C++ object already deleted')."""
    import gc
    import threading

    import shiboken6

    from qnai_desktop.ui.importing import import_dialog

    gate = threading.Event()
    real = import_dialog.read_preview

    def slow_read(*args):
        gate.wait(10)
        return real(*args)

    original, import_dialog.read_preview = import_dialog.read_preview, slow_read
    try:
        dlg = ImportDialog(ctx)
        dlg.show()
        dlg.add_files([FIX / "korean_euckr.csv"])
        task = next(iter(dlg._busy))
        dlg.close()
        dlg.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(dlg), timeout=5_000)
        with qtbot.waitSignal(task.sig_task_done, timeout=10_000):
            gate.set()  # the read finishes only now, after the dialog is gone
        qtbot.wait(50)  # queued slots run; pytest-qt fails the test on any exception in them
        gc.collect()
    finally:
        import_dialog.read_preview = original
        gate.set()


# --- series identity: conflicts, two files with one header, mass changes --------------------------

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_conflict_offers_a_choice_and_defaults_to_a_new_series(qtbot, dialog, ctx, tmp_path) -> None:
    from qnai_desktop.services.importers import commit_imports, preview_file

    first = write(tmp_path / "oracle_q1.csv", "날짜,오라클 매출\n2026-03-31,100\n")
    commit_imports(ctx.cache, [preview_file(first, ctx.cache.series.metas())])
    before = dump(ctx.cache)
    dialog.add_files([write(tmp_path / "oracle_fix.csv", "날짜,오라클 매출\n2026-03-31,999\n")])
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog._busy
                    and bool(dialog.mapping.rows[0].choice), timeout=10_000)
    choice: QComboBox = dialog.mapping.cellWidget(0, 4)
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "new series", "replace import.orakeul_maechul", "skip"]
    assert choice.currentText() == "new series"
    assert dialog.mapping.rows[0].series_id == "import.orakeul_maechul_2"
    assert dialog.counts.text() == "Import will give: 1 added, 0 changed, 0 unchanged"
    assert ("'오라클 매출' already exists as import.orakeul_maechul (another file, source or "
            "title): it is imported as the new series import.orakeul_maechul_2"
            in dialog.warning.text())
    assert dump(ctx.cache) == before  # nothing written before Import
    choice.setCurrentIndex(1)  # she chooses to replace
    wait_counts(qtbot, dialog)
    assert dialog.counts.text() == ("Import will give: 0 added, 1 changed, 0 unchanged"
                                    " · replaces 1 stored series")
    assert "oracle_fix.csv column '오라클 매출' → import.orakeul_maechul" in dialog.warning.text()
    dialog.mapping.cellWidget(0, 4).setCurrentIndex(0)  # and back to a new series (a new box)
    wait_counts(qtbot, dialog)
    with qtbot.waitSignal(ctx.sig_cache_changed, timeout=10_000):
        dialog.btn_commit.click()
    assert ctx.cache.series.observations("import.orakeul_maechul")["value"].tolist() == [100.0]
    assert ctx.cache.series.observations("import.orakeul_maechul_2")["value"].tolist() == [999.0]
    assert ctx.cache.series.meta("import.orakeul_maechul_2").title_ko == "오라클 매출"


def test_two_dropped_files_with_one_header_give_two_series(qtbot, dialog, ctx, tmp_path) -> None:
    dialog.add_files([write(tmp_path / "a.csv", "날짜,매출\n2026-03-31,1\n"),
                      write(tmp_path / "b.csv", "날짜,매출\n2026-03-31,2\n")])
    wait_counts(qtbot, dialog)
    assert [f.preview.mapping[0].series_id for f in dialog.files] == [
        "import.maechul", "import.maechul_2"]
    with qtbot.waitSignal(ctx.sig_cache_changed, timeout=10_000):
        dialog.btn_commit.click()
    assert ctx.cache.series.observations("import.maechul")["value"].tolist() == [1.0]
    assert ctx.cache.series.observations("import.maechul_2")["value"].tolist() == [2.0]


def test_a_dataset_changing_many_stored_values_asks_first(qtbot, dialog, ctx, tmp_path,
                                                          shared_data, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    real = shared_data / "coding-agent-commits" / "commit-data" / "2026-08-21.csv"
    lines = real.read_text().split()
    doubled = [lines[0]] + [f"{d},{q},{int(n) * 2}" for d, q, n in (x.split(",") for x in lines[1:])]
    folder = write(tmp_path / "commit-data" / "2026-08-21.csv", "\n".join(doubled) + "\n").parent
    dialog.add_files([folder])
    wait_counts(qtbot, dialog)
    assert "would change 14 of 14 stored values of agents.commits.* (100.0%)" in dialog.warning.text()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    before = dump(ctx.cache)
    dialog.btn_commit.click()
    assert asked and "agents.commits.*" in asked[0] and dump(ctx.cache) == before
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.sig_cache_changed, timeout=10_000):
        dialog.btn_commit.click()
    assert ctx.cache.series.observations("agents.commits.total")["value"].iat[-1] == 6680504 * 2


def test_the_preview_notes_are_in_her_language(qtbot, dialog, tmp_path: Path) -> None:
    set_language("ko")
    sent = tmp_path / "sent.csv"
    sent.write_text("Exported by a colleague;;\ndate;CoreWeave CDS;Empty\n03/08/2026;610;\n"
                    "04/08/2026;615;\n13/08/2026;620;\n", encoding="utf-8")
    dialog.add_files([sent])
    wait_counts(qtbot, dialog)
    notes = dialog.notes.text()
    assert "구분자 ';'" in notes and "머리글 위 1개 행은 메모로 읽음" in notes, notes
    assert "'Empty': 값 없음(빈칸 또는 #N/A), 건너뜀" in notes, notes
    assert "NN/NN/YYYY 날짜를 일/월/연 순으로 읽음" in notes, notes
    assert "delimiter" not in notes and "header" not in notes


def test_a_read_file_shows_its_preview_then_its_mapping_in_the_next_turn(qtbot, dialog) -> None:
    """Each of the two is a turn of the event loop of its own (not one long one); both show."""
    after_the_read: list[tuple[int, int]] = []  # (preview rows, mapping rows) when it landed
    landed = dialog._previewed

    def previewed(entry, outcome) -> None:
        landed(entry, outcome)
        after_the_read.append((dialog.preview_model.rowCount(), dialog.mapping.rowCount()))

    dialog._previewed = previewed
    dialog.add_files([FIX / "korean_excel_cp949.csv"])
    qtbot.waitUntil(lambda: dialog.mapping.rowCount() > 0, timeout=10_000)
    assert after_the_read[-1][0] > 6 and after_the_read[-1][1] == 0
    wait_counts(qtbot, dialog)
    assert dialog.mapping.rowCount() == 2 and dialog.btn_commit.isEnabled()  # its two series
