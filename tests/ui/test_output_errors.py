"""The export dialog, the pack dialog and the watchlist export: an output path problem opens the
error dialog with the CLI's sentence (in Korean or English), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from qnai_desktop.core.charts import catalogue_by_id
from qnai_desktop.services.output_paths import OutputPathError, check_output_file
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.error_dialog import ErrorDialog
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.common.output_error import output_error_text
from qnai_desktop.ui.export.export_dialog import ExportDialog
from qnai_desktop.ui.export.pack_dialog import PackExportDialog
from qnai_desktop.ui.watchlist.tab import WatchlistTab

LONG = "x" * 300


@pytest.fixture
def ctx(qapp, db_path: Path):
    cache = Cache.open(db_path)
    set_language("ko")
    context = AppContext(cache, poll_ms=60_000)
    yield context
    context.stop()
    cache.close()


def error_dialogs(parent) -> list[str]:
    found = parent.findChildren(ErrorDialog)
    for d in found:
        assert not d.toggle.isEnabled() and d.details.toPlainText() == ""  # no traceback to show
    return [d.summary.text() for d in found if d.isVisible()]


def choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_the_export_dialog_says_the_name_is_too_long(ctx, qtbot, tmp_path: Path,
                                                     monkeypatch) -> None:
    dlg = ExportDialog(ctx, catalogue_by_id()["meta_ads"])
    qtbot.addWidget(dlg)
    out = tmp_path / "out" / f"{LONG}.png"
    choose(monkeypatch, out)
    dlg._choose_and_save()
    assert error_dialogs(dlg) == [f"{out}에 쓸 수 없습니다: 이름이 너무 깁니다"]
    assert dlg.status.text() == f"{out}에 쓸 수 없습니다: 이름이 너무 깁니다"
    assert not (tmp_path / "out").exists()  # the folder it made for the file is gone again


def test_the_pack_dialog_names_the_file_in_the_way(ctx, qtbot, tmp_path: Path) -> None:
    set_language("en")
    (tmp_path / "out").mkdir()
    blocker = tmp_path / "out" / "notes.txt"
    blocker.write_text("x")
    dlg = PackExportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.folder.setText(str(blocker / "pack"))
    dlg.start()  # the folder is checked while planning, off the GUI thread
    qtbot.waitUntil(lambda: not dlg.running, timeout=10_000)
    cli_sentence = f"cannot write {blocker / 'pack'}: {blocker} is a file, not a folder"
    assert error_dialogs(dlg) == [cli_sentence]  # word for word what `qnai-desktop export` says
    assert listing(tmp_path / "out") == ["notes.txt"]


def test_the_watchlist_export_opens_the_error_dialog(ctx, qtbot, tmp_path: Path,
                                                     monkeypatch) -> None:
    tab = WatchlistTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    out = tmp_path / "out"
    (out / "w.xlsx").mkdir(parents=True)  # a folder where the file should be
    choose(monkeypatch, out / "w.xlsx")
    qtbot.mouseClick(tab.toolbar.export, Qt.MouseButton.LeftButton)
    sentence = f"{out / 'w.xlsx'}에 쓸 수 없습니다: 같은 이름의 폴더가 있습니다"
    qtbot.waitUntil(lambda: error_dialogs(tab) == [sentence], timeout=5_000)
    assert tab.footer.message.text() == sentence
    assert listing(out) == ["w.xlsx"]


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_reason_reads_in_both_languages(tmp_path: Path, lang: str) -> None:
    blocker = tmp_path / "f"
    blocker.write_text("x")
    with pytest.raises(OutputPathError) as caught:
        check_output_file(blocker / "a.png")
    set_language(lang)
    text = output_error_text(caught.value)
    assert text == (str(caught.value) if lang == "en" else
                    f"{blocker / 'a.png'}에 쓸 수 없습니다: {blocker}은(는) 폴더가 아니라 파일입니다")
    for kind in ("name_too_long", "read_only", "read_only_fs", "is_a_folder", "no_folder",
                 "disk_full", "other"):
        err = OutputPathError(tmp_path / "x.png", kind, detail="I/O error")
        set_language("en")
        assert output_error_text(err) == str(err)
        set_language("ko")
        assert output_error_text(err).startswith(f"{tmp_path / 'x.png'}에 쓸 수 없습니다: ")
