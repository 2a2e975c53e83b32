"""Help → About: what the app is and every data source with its attribution and licence."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ... import __version__
from ...store.cache import Cache
from ..common.i18n import tr
from ..common.theme import colors


def about_html(cache: Cache, lang: str) -> str:
    """The About text: version, sources with licences, and how many series are illustrative."""
    df = cache.series.summary()
    real = df[~df["is_demo"]]
    parts = [f"<h3>{tr('app.title', lang)} {__version__}</h3>", f"<p>{tr('about.body', lang)}</p>",
             f"<h4>{tr('about.sources', lang)}</h4><ul>"]
    for (source, licence), group in real.groupby(["source", "licence"], sort=True):
        parts.append(f"<li><b>{html.escape(str(source))}</b> — {html.escape(str(licence))}"
                     f" ({len(group)})</li>")
    parts.append("</ul>")
    n_demo = int(df["is_demo"].sum())
    parts.append(f"<p style='color:{colors().error}'>{tr('about.demo', lang, n=n_demo)}</p>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, cache: Cache, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("action.about", lang))
        self.text = QTextBrowser()
        self.text.setHtml(about_html(cache, lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 420)
