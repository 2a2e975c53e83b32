"""First-run welcome: which data are real, which are illustrative, how to import or refresh."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...store.cache import Cache
from ..common.theme import colors


def welcome_html(cache: Cache) -> str:
    df = cache.series.summary()
    real = sorted(df.loc[~df["is_demo"], "source"].unique())
    demo = sorted(df.loc[df["is_demo"], "source"].unique())
    esc = html.escape
    title = QCoreApplication.translate("WelcomeDialog", "Welcome to Q&AI Desktop")
    intro = QCoreApplication.translate(
        "WelcomeDialog", "The note's watchlist, charts, monitors and scenarios are ready in your local "
        "cache.")
    real_head = QCoreApplication.translate("WelcomeDialog", "Real data (attributed)")
    demo_head = QCoreApplication.translate(
        "WelcomeDialog", "Illustrative data — generated, unsourced; marked 'Illustrative data' in every "
        "view and export")
    next_steps = QCoreApplication.translate(
        "WelcomeDialog", "To replace them, drag Bloomberg/CSV/XLSX files onto the window or use File → "
        "Import… (Ctrl+I), or refresh open sources (Ctrl+R). Ctrl+K finds anything.")
    return (f"<h3>{title}</h3><p>{intro}</p>"
            f"<p><b>{real_head}</b>: {esc(', '.join(real))}</p>"
            f"<p style='color:{colors().error}'><b>{demo_head}</b>: {esc(', '.join(demo))}</p>"
            f"<p>{next_steps}</p>")


class WelcomeDialog(QDialog):
    def __init__(self, cache: Cache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.text = QTextBrowser()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 360)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Q&AI Desktop"))
        self.text.setHtml(welcome_html(self.cache))
