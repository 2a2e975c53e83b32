"""Help → About: what the app is and every data source with its attribution and licence."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ... import __version__
from ...store.cache import Cache
from ..common.theme import colors


def about_html(cache: Cache) -> str:
    """The About text: version, sources with licences, and how many series are illustrative."""
    df = cache.series.summary()
    real = df[~df["is_demo"]]
    title = QCoreApplication.translate("AboutDialog", "Q&AI Desktop")
    body = QCoreApplication.translate("AboutDialog", "A desktop workstation for AI-infrastructure analysts")
    sources = QCoreApplication.translate("AboutDialog", "Data sources and licences")
    parts = [f"<h3>{title} {__version__}</h3>", f"<p>{body}</p>", f"<h4>{sources}</h4><ul>"]
    for (source, licence), group in real.groupby(["source", "licence"], sort=True):
        parts.append(f"<li><b>{html.escape(str(source))}</b> — {html.escape(str(licence))}"
                     f" ({len(group)})</li>")
    parts.append("</ul>")
    n_demo = int(df["is_demo"].sum())
    demo = QCoreApplication.translate("AboutDialog", "Illustrative (unsourced) data: {n} series")
    parts.append(f"<p style='color:{colors().error}'>{demo.format(n=n_demo)}</p>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, cache: Cache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.text = QTextBrowser()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Q&AI Desktop"))
        self.text.setHtml(about_html(self.cache))
