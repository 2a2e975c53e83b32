"""Shell first: the window she closed paints again, from its snapshot, before pandas and
pyqtgraph load; the real window takes its place; a snapshot that does not fit is ignored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qnai_desktop import app as app_module
from qnai_desktop.app import build_window
from qnai_desktop.ui.shell.main_window import MainWindow
from qnai_desktop.ui.shell.snapshot import ShellWindow, read_snapshot, snapshot_path

ROOT = Path(__file__).resolve().parents[2]
TICKERS = ["NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META", "ORCL", "CRWV"]


def close_after_looking(qtbot, db_path: Path, lang: str = "ko") -> list[list[str]]:
    """Her session: the window opens on the Watchlist, she sorts by market cap, quits.
    Returns the table's texts as she saw them."""
    window = build_window(db_path, lang)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.pages["watchlist"].view
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # market cap, largest first
    model = view.model()
    seen = [[str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    window.close()
    window.ctx.cache.close()
    return seen


def test_quitting_keeps_what_the_table_showed(qtbot, db_path: Path) -> None:
    seen = close_after_looking(qtbot, db_path)
    snap = read_snapshot(db_path, "ko")
    assert snap is not None
    assert [[c["text"] for c in row] for row in snap["watchlist"]["rows"]] == seen
    assert [row[0] for row in seen][:2] == ["NVDA", "AAPL"]  # her sort, not the note's order
    assert snap["tabs"][0] == "워치리스트" and snap["status"][0].startswith("캐시:")


def test_the_shell_paints_before_pandas_and_pyqtgraph_in_a_fresh_process(qtbot, db_path: Path) -> None:
    seen = close_after_looking(qtbot, db_path)
    driver = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from qnai_desktop.app import create_application, show_shell
from qnai_desktop.ui.common.i18n import set_language
create_application(plots=False)
set_language("ko")
painted = {}
class Paint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and not painted:
            painted["heavy"] = [m for m in ("pandas", "numpy", "pyqtgraph", "sqlite_utils")
                                if m in sys.modules]
        return False
f = Paint()
QApplication.instance().installEventFilter(f)
shell = show_shell(Path(sys.argv[1]), "ko")
t = shell.table
cells = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]
print(json.dumps({"painted": painted, "cells": cells, "status": shell.status.text(),
                  "editable": int(t.editTriggers().value)}))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", driver, str(db_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["painted"] == {"heavy": []}
    assert result["cells"] == seen
    assert result["status"].startswith("불러오는 중")
    assert result["editable"] == 0  # a picture: nothing to type into


def test_a_snapshot_of_another_cache_language_or_garbage_is_ignored(qtbot, db_path: Path,
                                                                       tmp_path: Path) -> None:
    close_after_looking(qtbot, db_path)
    assert read_snapshot(db_path, "ko") is not None
    assert read_snapshot(db_path, "en") is None
    assert read_snapshot(tmp_path / "other.sqlite", "ko") is None
    data = json.loads(snapshot_path().read_text("utf-8"))
    data["watchlist"]["rows"][0] = ["NVDA"]  # a row that does not fit the header
    snapshot_path().write_text(json.dumps(data), "utf-8")
    assert read_snapshot(db_path, "ko") is None
    data["watchlist"]["rows"][0] = [{"text": "NVDA", "align": "x", "fg": 7, "bg": None}
                                    for _ in data["watchlist"]["headers"]]
    data["watchlist"]["widths"][0] = "wide"
    snapshot_path().write_text(json.dumps(data), "utf-8")
    assert app_module.show_shell(db_path, "ko") is None  # odd values: no picture, no crash
    snapshot_path().write_text("{not json", "utf-8")
    assert read_snapshot(db_path, "ko") is None
    assert app_module.show_shell(db_path, "ko") is None


def test_run_gui_shows_the_shell_then_the_window_in_its_place(qtbot, db_path: Path,
                                                               monkeypatch) -> None:
    close_after_looking(qtbot, db_path, "en")
    from qnai_desktop.ui.common.settings import make_settings

    make_settings().setValue("refresh/on_start", False)
    make_settings().setValue("welcome/shown", True)
    shells: list[ShellWindow] = []
    real_show = app_module.show_shell

    def show(db, lang):
        shell = real_show(db, lang)
        shells.append(shell)
        assert shell is not None and shell.isVisible()
        assert shell.table.item(0, 0).text() == "NVDA"
        return shell

    visible_at_exec: list[list[str]] = []

    def exec_() -> int:
        visible_at_exec.append(sorted(type(w).__name__ for w in QApplication.topLevelWidgets()
                                      if w.isVisible() and isinstance(w, MainWindow | ShellWindow)))
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.close()
        return 0

    monkeypatch.setattr(app_module, "show_shell", show)
    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_))
    assert app_module.run_gui(db_path, "en") == 0
    assert len(shells) == 1
    assert visible_at_exec == [["MainWindow"]]  # the picture went when the window came
    assert sorted(r["text"] for r in (row[0] for row in read_snapshot(db_path, "en")["watchlist"]["rows"])) \
        == sorted(TICKERS)


def test_the_start_up_heap_is_frozen_once_so_full_collections_skip_it() -> None:
    import gc

    was = app_module._frozen
    try:
        app_module._frozen = False
        app_module.freeze_startup_heap()
        frozen = gc.get_freeze_count()
        assert frozen > 1000 and app_module._frozen
        app_module.freeze_startup_heap()  # once per process
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        app_module._frozen = was
