"""First-run welcome: which data are real, which are illustrative, how to import or refresh."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...store.cache import Cache
from ..common.i18n import register, tr
from ..common.theme import colors

register({
    "welcome.title": ("Q&AI 데스크톱에 오신 것을 환영합니다", "Welcome to Q&AI Desktop"),
    "welcome.intro": (
        "노트의 워치리스트, 차트, 모니터, 시나리오가 로컬 캐시에 준비되어 있습니다.",
        "The note's watchlist, charts, monitors and scenarios are ready in your local cache."),
    "welcome.real": ("실제 데이터(출처 표기)", "Real data (attributed)"),
    "welcome.demo": ("예시 데이터 — 출처 없는 생성값, 모든 화면과 내보내기에 '예시 데이터'로 표시",
                     "Illustrative data — generated, unsourced; marked 'Illustrative data' in every "
                     "view and export"),
    "welcome.next": (
        "실제 데이터로 바꾸려면 파일 → 가져오기(Ctrl+I)로 Bloomberg·CSV·XLSX 파일을 끌어 놓거나, "
        "새로고침(Ctrl+R)으로 공개 소스를 받으세요. Ctrl+K로 무엇이든 찾을 수 있습니다.",
        "To replace them, drag Bloomberg/CSV/XLSX files onto the window or use File → Import… "
        "(Ctrl+I), or refresh open sources (Ctrl+R). Ctrl+K finds anything."),
})


def welcome_html(cache: Cache, lang: str) -> str:
    df = cache.series.summary()
    real = sorted(df.loc[~df["is_demo"], "source"].unique())
    demo = sorted(df.loc[df["is_demo"], "source"].unique())
    esc = html.escape
    return (f"<h3>{tr('welcome.title', lang)}</h3><p>{tr('welcome.intro', lang)}</p>"
            f"<p><b>{tr('welcome.real', lang)}</b>: {esc(', '.join(real))}</p>"
            f"<p style='color:{colors().error}'><b>{tr('welcome.demo', lang)}</b>: {esc(', '.join(demo))}</p>"
            f"<p>{tr('welcome.next', lang)}</p>")


class WelcomeDialog(QDialog):
    def __init__(self, cache: Cache, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("welcome.title", lang))
        self.text = QTextBrowser()
        self.text.setHtml(welcome_html(cache, lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 360)
