"""The UI language as the analyst meets it: a new user's language follows the system (Korean on a
Korean system, English elsewhere), Qt's own buttons, file dialogs and context menus speak it too,
View → Language switches everything live (an open dialog included) and is remembered, and
``--lang`` wins over both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from qnai_desktop.app import build_window
from qnai_desktop.ui.common import i18n
from qnai_desktop.ui.common.settings import make_settings

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent("""
    import json, sys
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox
    from qnai_desktop.app import build_window
    from qnai_desktop.ui.common.i18n import current_language

    window = build_window(sys.argv[1], sys.argv[2] or None)
    ok_cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                 | QDialogButtonBox.StandardButton.Cancel)
    box = QMessageBox(QMessageBox.Icon.Question, "", "",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    files = QFileDialog(None, "")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    print(json.dumps({
        "lang": current_language(),
        "menus": [a.text() for a in window.menuBar().actions()],
        "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
        "ok_cancel": [b.text() for b in ok_cancel.buttons()],
        "yes_no": [box.button(b).text() for b in (QMessageBox.StandardButton.Yes,
                                                  QMessageBox.StandardButton.No)],
        "file_dialog": [b.text() for b in files.findChild(QDialogButtonBox).buttons()],
        "context_menu": menu.actions()[0].text().split("\\t")[0],
    }, ensure_ascii=False))
    window.ctx.stop()
""")


def run_on_system(locale: str, db: Path, tmp_path: Path, lang: str = "",
                  remembered: str | None = None) -> dict:
    """The app started in a fresh process on a system whose locale is ``locale``."""
    settings = tmp_path / f"settings-{locale}-{lang}.ini"
    if remembered:
        settings.write_text(f"[main]\nlang={remembered}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=locale, QNAI_SETTINGS=str(settings), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", PROBE, str(db), lang], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_korean_system_shows_korean_menus_and_korean_qt_buttons(db_path: Path,
                                                                  tmp_path: Path) -> None:
    seen = run_on_system("ko_KR.UTF-8", db_path, tmp_path)
    assert seen["lang"] == "ko"
    assert seen["menus"] == ["파일(&F)", "보기(&V)", "도움말(&H)"]
    assert seen["tabs"] == ["워치리스트", "차트", "모니터", "시나리오"]
    assert seen["ok_cancel"] == ["확인", "취소"]  # Qt's own qtbase_ko.qm
    assert seen["yes_no"] == ["예(&Y)", "아니요(&N)"]
    assert seen["file_dialog"] == ["열기(&O)", "취소"]
    assert seen["context_menu"] == "실행 취소(&U)"


@pytest.mark.parametrize("locale", ["en_US.UTF-8", "de_DE.UTF-8"])
def test_any_other_system_shows_english(db_path: Path, tmp_path: Path, locale: str) -> None:
    seen = run_on_system(locale, db_path, tmp_path)
    assert seen["lang"] == "en"
    assert seen["menus"] == ["&File", "&View", "&Help"]
    assert seen["ok_cancel"] == ["OK", "Cancel"]
    assert seen["yes_no"] == ["&Yes", "&No"]
    assert seen["context_menu"] == "&Undo"


def test_the_remembered_choice_and_then_lang_win_over_the_system(db_path: Path,
                                                                 tmp_path: Path) -> None:
    assert run_on_system("ko_KR.UTF-8", db_path, tmp_path, remembered="en")["lang"] == "en"
    assert run_on_system("en_US.UTF-8", db_path, tmp_path, remembered="ko")["lang"] == "ko"
    seen = run_on_system("ko_KR.UTF-8", db_path, tmp_path, lang="en", remembered="ko")
    assert (seen["lang"], seen["ok_cancel"]) == ("en", ["OK", "Cancel"])


def test_startup_language_order(monkeypatch) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda: "ko")
    assert i18n.startup_language() == "ko"
    make_settings().setValue("main/lang", "en")
    assert i18n.startup_language() == "en"
    assert i18n.startup_language("ko") == "ko"


def test_view_language_switches_menus_tabs_and_an_open_dialog_live(qtbot, db_path: Path) -> None:
    from qnai_desktop.ui.shell.settings_dialog import SettingsDialog

    window = build_window(db_path, lang="ko")
    qtbot.addWidget(window)
    window.show()
    window.open_import([])
    dialog = window.import_dialog
    settings = SettingsDialog(str(db_path), ["house_default"], window)
    settings.show()  # open, not modal: it must follow the switch without reopening
    assert (dialog.windowTitle(), dialog.btn_commit.text()) == ("데이터 가져오기", "가져오기")
    ok = settings.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "확인"

    window.lang_actions["en"].trigger()  # View → Language → English
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    assert [window.tabs.tabText(i) for i in range(4)] == ["Watchlist", "Charts", "Monitors", "Scenarios"]
    assert window.view_menu.actions()[0].text() == "Watchlist"
    assert (dialog.windowTitle(), dialog.btn_commit.text()) == ("Import data", "Import")
    assert settings.windowTitle() == "Settings" and ok.text() == "OK"
    assert settings.form.labelForField(settings.theme).text() == "Theme"
    assert window.lang_actions["en"].isChecked()
    assert make_settings().value("main/lang") == "en"  # remembered for the next start

    window.lang_actions["ko"].trigger()
    qtbot.waitUntil(lambda: dialog.windowTitle() == "데이터 가져오기")
    assert window.menuBar().actions()[0].text() == "파일(&F)" and ok.text() == "확인"
    page = window.show_tab("watchlist")
    QApplication.processEvents()
    names = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert "메타 플랫폼스" in names  # content (names, thesis lines) follows the switch too
    settings.close()
    dialog.close()
    window.ctx.stop()
