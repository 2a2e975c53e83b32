"""Keep linked: she imports a workbook once with "keep linked", saves it again in her editor,
and the window's cache follows a moment later; a broken save says so in her language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qnai_desktop.app import build_window
from qnai_desktop.services.links import list_links

SERIES = "cds.oracle_5y"


def rows(*values: float) -> str:
    days = ["2026-11-02", "2026-11-03", "2026-11-04"]
    return "series,date,value\n" + "".join(f"{SERIES},{d},{v}\n" for d, v in zip(days, values,
                                                                                   strict=False))


def save_like_an_editor(path: Path, text: str) -> None:
    """Write a new file and rename it over the old one (what Excel and most editors do)."""
    tmp = path.with_name("~$" + path.name)
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


@pytest.fixture
def window(qtbot, db_path: Path):
    w = build_window(db_path, lang="ko")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.ctx.stop()


def last_value(window) -> float:
    obs = window.ctx.cache.series.observations(SERIES)
    return float(obs["value"].iloc[-1])


def test_a_linked_file_saved_again_updates_the_cache(window, qtbot, tmp_path: Path) -> None:
    book = tmp_path / "oracle_cds.csv"
    book.write_text(rows(140.5, 141.0, 142.25), encoding="utf-8")
    window.open_import([str(book)])
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: dialog.btn_commit.isEnabled(), timeout=10_000)
    assert dialog.keep_linked.text() == "연결 유지"
    dialog.keep_linked.setChecked(True)
    qtbot.mouseClick(dialog.btn_commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.committed is not None, timeout=10_000)
    links = list_links(window.ctx.cache)
    assert [Path(link.path).name for link in links] == ["oracle_cds.csv"]
    assert last_value(window) == 142.25
    watcher = window.sources_ui.start_watcher()
    qtbot.waitUntil(lambda: links[0].path in watcher.watcher.files(), timeout=5_000)

    # she saves it twice in quick succession: one re-read ~500 ms after the last save
    save_like_an_editor(book, rows(140.5, 141.0, 150.0))
    qtbot.wait(100)
    save_like_an_editor(book, rows(140.5, 141.0, 155.5))
    with qtbot.waitSignal(window.ctx.sig_cache_changed, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: last_value(window) == 155.5, timeout=10_000)
    assert [r.state for r in watcher.reads] == ["ok"]
    assert links[0].path in watcher.watcher.files()  # watched again after the replace

    # a later save still arrives (the watcher followed the replaced file)
    save_like_an_editor(book, rows(140.5, 141.0, 160.0))
    qtbot.waitUntil(lambda: last_value(window) == 160.0, timeout=10_000)


def test_a_broken_save_names_the_file_in_her_language(window, qtbot, tmp_path: Path) -> None:
    book = tmp_path / "rent.csv"
    book.write_text(rows(140.5, 141.0, 142.25), encoding="utf-8")
    window.open_import([str(book)])
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: dialog.btn_commit.isEnabled(), timeout=10_000)
    dialog.keep_linked.setChecked(True)
    qtbot.mouseClick(dialog.btn_commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.committed is not None, timeout=10_000)
    watcher = window.sources_ui.start_watcher()
    qtbot.waitUntil(lambda: str(book.resolve()) in watcher.watcher.files(), timeout=5_000)
    before = window.ctx.cache.series.observations(SERIES)
    save_like_an_editor(book, "this is not a table\x00\x01")
    qtbot.waitUntil(lambda: watcher.dialog is not None, timeout=10_000)
    shown = watcher.dialog.summary.text()
    assert shown == "연결된 파일 rent.csv을(를) 읽을 수 없습니다. 아무것도 갱신하지 않았습니다.", shown
    assert "rent.csv" in watcher.dialog.details.toPlainText()  # the reader's sentence, in details
    assert watcher.reads[-1].failed
    assert window.ctx.cache.series.observations(SERIES).equals(before)  # cache unchanged
