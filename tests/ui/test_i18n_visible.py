"""Every visible widget string, menu, tab title, header and placeholder of every tab, in both
languages: the English UI leaves no Korean behind (quotes from the Korean note and the note's own
Korean data are data, not UI, and are shown in the tabs' "sources" views only), and the Korean UI
no English — no untranslated catalogue text, and no English word but the names, tickers, units
and abbreviations listed in KOREAN_UI_KEEPS."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
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
CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "qnai_ko.ts"
#: English a Korean analyst's screen keeps: company, product and publisher names, tickers, units,
#: keys and the note's own abbreviations (the note writes "Capex", "12MF PER", "TTM" in Korean too).
KOREAN_UI_KEEPS = {
    "AI", "Alt", "Ctrl", "AAPL", "AMZN", "CRWV", "GOOGL", "META", "MSFT", "NVDA", "ORCL", "Anthropic",
    "Bloomberg", "Capex", "CDS", "Compute", "CoreWeave", "Coreweave", "DeepSeek", "EDGAR", "Epoch",
    "GitHub", "Google", "GPU", "Meta", "MF", "npm", "Nvidia", "OpenAI", "Oracle", "OpenRouter", "PER",
    "PNG", "Qwen", "SEC", "SK", "TTM", "xAI", "Q&AI", "S&P", "bp", "spread", "USD",
}
MARKUP = re.compile(r"<[^>]*>|&\w+;")
WORD = re.compile(r"[A-Za-z][A-Za-z&]+")  # two letters or more; "S&P" and "Q&AI" are one word
NOT_WORDS = re.compile(r"(?:[\w-]+\.)+[\w-]+|/\S+")  # series/chart ids, file paths


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


def _window_texts(qtbot, db_path: Path, tab: str, lang: str) -> list[tuple[str, str]]:
    window = build_window(db_path, lang=lang)
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
    window.ctx.stop()
    return texts


@pytest.mark.parametrize("tab", TAB_NAMES)
def test_english_ui_has_no_korean_left(qtbot, db_path: Path, tab: str) -> None:
    texts = _window_texts(qtbot, db_path, tab, "en")
    korean = [(w, t) for w, t in texts if HANGUL.search(QUOTED.sub("", t or ""))]
    assert korean == [], korean[:15]


def _untranslated_sources() -> set[str]:
    """Catalogue source texts (no fields) whose Korean differs: seen as is, they were missed."""
    out = set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source, korean = message.findtext("source") or "", message.findtext("translation") or ""
        if korean != source and "{" not in source and re.search("[A-Za-z]{3}", source):
            out.add(source.replace("&", ""))
    return out


@pytest.mark.parametrize("tab", TAB_NAMES)
def test_korean_ui_has_no_english_left(qtbot, db_path: Path, tab: str) -> None:
    texts = [(w, t or "") for w, t in _window_texts(qtbot, db_path, tab, "ko")]
    missed = _untranslated_sources()
    assert [(w, t) for w, t in texts if t.replace("&", "") in missed] == []
    english = [(w, t) for w, t in texts
               if set(WORD.findall(NOT_WORDS.sub(" ", MARKUP.sub(" ", QUOTED.sub("", t)))))
               - KOREAN_UI_KEEPS]
    assert english == [], english[:15]
