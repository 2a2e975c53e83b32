"""F1 help: what each tab is for and every keyboard shortcut."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

TABS = [
    (QT_TRANSLATE_NOOP("HelpDialog", "Watchlist"), QT_TRANSLATE_NOOP(
        "HelpDialog", "The note's coverage table: market cap, 12MF PER, theses. Edit in place; "
        "Ctrl+Z undoes.")),
    (QT_TRANSLATE_NOOP("HelpDialog", "Charts"),
     QT_TRANSLATE_NOOP("HelpDialog", "The note's chart pack, redrawn whenever data arrives.")),
    (QT_TRANSLATE_NOOP("HelpDialog", "Monitors"),
     QT_TRANSLATE_NOOP("HelpDialog", "CDS-spread and GPU-rent signals with alert rules.")),
    (QT_TRANSLATE_NOOP("HelpDialog", "Scenarios"), QT_TRANSLATE_NOOP(
        "HelpDialog", "The note's arguments as slider models, saved cases and sensitivity grids.")),
]

SHORTCUTS = [("Ctrl+1…4", QT_TRANSLATE_NOOP("HelpDialog", "Switch tabs")),
             ("Ctrl+K", QT_TRANSLATE_NOOP("HelpDialog", "Command palette")),
             ("Ctrl+I", QT_TRANSLATE_NOOP("HelpDialog", "Import")),
             ("Ctrl+R", QT_TRANSLATE_NOOP("HelpDialog", "Refresh")),
             ("Ctrl+E", QT_TRANSLATE_NOOP("HelpDialog", "Export pack")),
             ("Ctrl+F", QT_TRANSLATE_NOOP("HelpDialog", "Search / filter")),
             ("Ctrl+Z / Ctrl+Y", QT_TRANSLATE_NOOP("HelpDialog", "Undo / redo")),
             ("F1", QT_TRANSLATE_NOOP("HelpDialog", "Help"))]


def help_html() -> str:
    def text(source: str) -> str:
        return QCoreApplication.translate("HelpDialog", source)

    tabs = "".join(f"<li><b>{text(name)}</b> — {text(what)}</li>" for name, what in TABS)
    keys = "".join(f"<tr><td><code>{k}</code></td><td>{text(v)}</td></tr>" for k, v in SHORTCUTS)
    heads = (QCoreApplication.translate("HelpDialog", "Tabs"),
             QCoreApplication.translate("HelpDialog", "Keyboard shortcuts"))
    return (f"<h3>{heads[0]}</h3><ul>{tabs}</ul>"
            f"<h3>{heads[1]}</h3><table cellpadding='4'>{keys}</table>")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 460)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Help"))
        self.text.setHtml(help_html())
