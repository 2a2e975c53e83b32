"""The app shell as a user meets it: palette, shortcuts, settings, errors, help, themes, i18n."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from qnai_desktop.app import build_window
from qnai_desktop.logs import redact
from qnai_desktop.ui.common import i18n
from qnai_desktop.ui.common.error_dialog import ErrorDialog
from qnai_desktop.ui.common.settings import make_settings
from qnai_desktop.ui.common.theme import apply_theme
from qnai_desktop.ui.shell.help_dialog import help_html
from qnai_desktop.ui.shell.settings_dialog import SettingsDialog


@pytest.fixture
def window(qtbot, db_path: Path):
    w = build_window(db_path, lang="ko")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.ctx.stop()


def test_palette_finds_coreweave_and_cds(window, qtbot) -> None:
    window.act_palette.trigger()
    assert window.palette.isVisible()
    qtbot.keyClicks(window.palette.query, "CoreWeave")
    first = window.palette.results.item(0).data(Qt.ItemDataRole.UserRole)
    assert (first.kind, first.key) == ("ticker", "CRWV")
    window.palette.query.clear()
    qtbot.keyClicks(window.palette.query, "CDS")
    keys = [window.palette.results.item(i).data(Qt.ItemDataRole.UserRole).key
            for i in range(window.palette.results.count())]
    assert "cds_oracle_coreweave" in keys and "cds.oracle_5y" in keys


def test_palette_enter_jumps_to_a_tab(window, qtbot) -> None:
    window.palette.open_palette()
    qtbot.keyClicks(window.palette.query, "Oracle CDS 5")
    qtbot.keyClick(window.palette.query, Qt.Key.Key_Return)
    assert not window.palette.isVisible()
    assert window.current_page() in (window.pages["monitors"], window.pages["charts"])


def test_palette_runs_actions(window, qtbot) -> None:
    window.palette.open_palette()
    window.palette.query.setText("영어")  # QTest.keyClicks only types ASCII
    qtbot.keyClick(window.palette.query, Qt.Key.Key_Return)
    assert i18n.current_language() == "en"
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Watchlist")


def test_tabs_are_built_when_first_shown(qtbot, db_path: Path) -> None:
    make_settings().setValue("main/tab", "charts")  # the tab she left open last time
    w = build_window(db_path, lang="en")
    qtbot.addWidget(w)
    w.show()
    assert set(w.pages.built) == {"charts"}  # only what is on screen is built before first paint
    assert w.current_page() is w.pages.built["charts"] and w.current_page().isVisible()
    w.tab_actions[3].trigger()  # Ctrl+4
    assert set(w.pages.built) == {"charts", "scenarios"}
    assert w.pages.built["scenarios"].isVisible()
    w.tabs.tabBar().setCurrentIndex(0)  # a click on the tab bar
    watchlist = w.pages.built["watchlist"]
    assert watchlist.isVisible() and watchlist.proxy.rowCount() == 8
    assert w.pages["monitors"] is w.pages["monitors"]  # built once, on request
    assert len(w.pages) == 4 and list(w.pages) == ["watchlist", "charts", "monitors", "scenarios"]
    w.ctx.stop()


def test_shortcuts_are_bound(window) -> None:
    bound = {a.shortcut().toString() for a in window.findChildren(type(window.act_quit))}
    for key in ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+K", "Ctrl+I", "Ctrl+E", "F1"):
        assert key in bound, key


def test_settings_round_trip_and_key_goes_to_keyring_only(qtbot, tmp_path: Path, ring) -> None:
    i18n.set_language("ko")
    dialog = SettingsDialog(str(tmp_path / "c.sqlite"), ["house_default", "print"])
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.backups.setValue(9)
    dialog.style_box.setCurrentText("print")
    dialog.key.setText("sk-or-v1-secretsecretsecret1234")
    dialog.save_and_accept()
    s = make_settings()
    assert (s.value("main/lang"), s.value("ui/theme"), int(s.value("cache/backups_keep")),
            s.value("export/style")) == ("en", "dark", 9, "print")
    assert ring.store[("qnai-desktop", "openrouter")] == "sk-or-v1-secretsecretsecret1234"
    ini = Path(s.fileName()).read_text(encoding="utf-8")
    assert "secret" not in ini
    i18n.set_language("en")
    again = SettingsDialog(str(tmp_path / "c.sqlite"), ["house_default", "print"])
    qtbot.addWidget(again)
    assert again.key_status.text() == "Stored: ••••1234"
    assert again.backups.value() == 9


def test_error_dialog_details_collapse_and_copy(qtbot) -> None:
    dialog = ErrorDialog("가져오기 실패: bad.csv 57행", "Traceback …\napi_key=abcd1234 leaked?")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details.isVisible()
    dialog.toggle.click()
    assert dialog.details.isVisible()
    assert "abcd1234" not in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert "bad.csv 57행" in QGuiApplication.clipboard().text()


def test_redaction_masks_keys() -> None:
    assert "sk-or-v1-abcdefgh" not in redact("key sk-or-v1-abcdefghijk used")
    assert redact("Authorization: Bearer xyz") == "Authorization: ***"


def test_help_lists_every_shortcut() -> None:
    text = help_html()
    for key in ("Ctrl+K", "Ctrl+I", "Ctrl+R", "Ctrl+E", "Ctrl+F", "F1"):
        assert key in text


def test_theme_switch_changes_palette() -> None:
    app = QApplication.instance()
    style, palette = app.style().name(), app.palette()
    try:
        assert apply_theme(app, "dark") == "dark"
        dark = app.palette().window().color().lightness()
        assert apply_theme(app, "light") == "light"
        assert app.palette().window().color().lightness() > dark
    finally:  # global app state: leave it as other tests expect it
        app.setStyle(style)
        app.setPalette(palette)


def test_export_actions_open_their_dialogs(window, monkeypatch) -> None:
    from qnai_desktop.ui.export.export_dialog import ExportDialog
    from qnai_desktop.ui.export.pack_dialog import PackExportDialog

    opened = []
    monkeypatch.setattr(PackExportDialog, "exec", lambda self: opened.append("pack") or 0)
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self.job.spec.id) or 0)
    assert window.act_export_pack.shortcut().toString() == "Ctrl+E"
    window.act_export_pack.trigger()
    window.open_chart("cds_oracle_coreweave")
    window.act_export.trigger()
    assert opened == ["pack", "cds_oracle_coreweave"]


def test_import_shortcut_and_dropped_files_open_the_import_dialog(window, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    assert window.act_import.shortcut().toString() == "Ctrl+I" and window.act_import.isEnabled()
    window.act_import.trigger()
    assert window.import_dialog.isVisible()
    window.import_dialog.close()
    csv = tmp_path / "cds.csv"
    csv.write_text("series,date,value\ncds.oracle_5y,2026-08-03,140.5\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(csv))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.import_dialog = None
    window.dropEvent(event)  # not a price file of watchlist names: the import dialog opens
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=5000)
    dialog = window.import_dialog
    assert dialog.isVisible()
    assert [Path(e.path).name for e in dialog.files] == ["cds.csv"]
    dialog.close()


def test_refresh_shortcut_runs_in_the_status_bar_and_opens_the_panel_on_demand(window, qtbot,
                                                                           monkeypatch) -> None:
    started = []
    monkeypatch.setattr(window.refresh_panel, "start", lambda sources=None: started.append(sources))
    assert window.act_refresh.shortcut().toString() == "Ctrl+R"
    window.act_refresh.trigger()
    assert started == [None] and not window.refresh_dock.isVisible()  # compact: no dock
    qtbot.mouseClick(window.sources_ui.status, Qt.MouseButton.LeftButton)
    assert window.refresh_dock.isVisible()


def test_palette_jumps_select_the_ticker_monitor_and_model(window) -> None:
    from qnai_desktop.core.palette import PaletteEntry

    window.go_to(PaletteEntry("ticker", "CRWV", "CRWV CoreWeave"))
    assert window.pages["watchlist"].current_ticker() == "CRWV"
    window.go_to(PaletteEntry("monitor", "cds.coreweave_5y", "CoreWeave 5Y CDS"))
    assert window.current_page() is window.pages["monitors"]
    assert window.pages["monitors"].current_series() == "cds.coreweave_5y"
    window.go_to(PaletteEntry("scenario", "spec_decoding", "Speculative decoding"))
    assert window.pages["scenarios"].state.model.id == "spec_decoding"
