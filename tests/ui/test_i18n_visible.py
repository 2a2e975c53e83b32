"""Switching to English leaves no Korean UI text behind: every visible widget string, menu,
tab title, header and placeholder of every tab is checked. (Quotes from the Korean note and the
note's own Korean data are data, not UI, and are shown in the tabs' "sources" views only.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from qnai_desktop.app import build_window
from qnai_desktop.ui.shell.main_window import TAB_NAMES

HANGUL = re.compile(r"[\uac00-\ud7a3]")
QUOTED = re.compile(r"“[^”]*”")  # a sentence quoted from the Korean note is data, not UI


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel | QAbstractButton | QGroupBox):
            text = w.title() if isinstance(w, QGroupBox) else w.text()
            out.append((name, text))
        if isinstance(w, QLineEdit):
            out.append((name + ".placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            out += [(name + ".item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [(name + ".tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            out += [(name + ".header", str(model.headerData(c, Qt.Orientation.Horizontal)))
                    for c in range(model.columnCount(QModelIndex()))]
        if w.toolTip():
            out.append((name + ".tooltip", w.toolTip()))
    return out


@pytest.mark.parametrize("tab", TAB_NAMES)
def test_english_ui_has_no_korean_left(qtbot, db_path: Path, tab: str) -> None:
    window = build_window(db_path, lang="en")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.show_tab(tab)
    for _ in range(3):
        QApplication.processEvents()
    texts = _visible_texts(window)
    texts += [("menu", a.text()) for a in window.menuBar().actions()]
    for menu_action in window.menuBar().actions():
        texts += [("menu item", a.text()) for a in menu_action.menu().actions()]
    korean = [(w, t) for w, t in texts if HANGUL.search(QUOTED.sub("", t or ""))]
    window.ctx.stop()
    assert korean == [], korean[:15]
