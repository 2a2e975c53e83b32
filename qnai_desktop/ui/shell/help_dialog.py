"""F1 help: what each tab is for and every keyboard shortcut."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..common.i18n import register, tr

register({
    "help.title": ("도움말", "Help"),
    "help.tabs": ("탭", "Tabs"),
    "help.shortcuts": ("단축키", "Keyboard shortcuts"),
    "help.tab.watchlist": (
        "노트의 커버리지 표: 시가총액, 12MF PER, 투자 포인트. 셀을 바로 편집하고 Ctrl+Z로 되돌립니다.",
        "The note's coverage table: market cap, 12MF PER, theses. Edit in place; Ctrl+Z undoes."),
    "help.tab.charts": ("노트의 차트 팩. 캐시에 데이터가 들어오면 자동으로 다시 그립니다.",
                        "The note's chart pack, redrawn whenever data arrives."),
    "help.tab.monitors": ("CDS 스프레드와 GPU 임대료 신호, 알림 규칙.",
                          "CDS-spread and GPU-rent signals with alert rules."),
    "help.tab.scenarios": ("노트의 논거를 슬라이더로 움직이는 모델, 케이스 저장과 민감도 표.",
                           "The note's arguments as slider models, saved cases and sensitivity grids."),
    "help.key.tabs": ("탭 전환", "Switch tabs"),
    "help.key.palette": ("명령 팔레트", "Command palette"),
    "help.key.import": ("가져오기", "Import"),
    "help.key.refresh": ("새로고침", "Refresh"),
    "help.key.export": ("차트 팩 내보내기", "Export pack"),
    "help.key.filter": ("검색/필터", "Search / filter"),
    "help.key.undo": ("실행 취소 / 다시 실행", "Undo / redo"),
    "help.key.help": ("도움말", "Help"),
    "action.help": ("도움말", "Help"),
})

SHORTCUTS = [("Ctrl+1…4", "help.key.tabs"), ("Ctrl+K", "help.key.palette"),
             ("Ctrl+I", "help.key.import"), ("Ctrl+R", "help.key.refresh"),
             ("Ctrl+E", "help.key.export"), ("Ctrl+F", "help.key.filter"),
             ("Ctrl+Z / Ctrl+Y", "help.key.undo"), ("F1", "help.key.help")]


def help_html(lang: str) -> str:
    tabs = "".join(f"<li><b>{tr(f'tab.{t}', lang)}</b> — {tr(f'help.tab.{t}', lang)}</li>"
                   for t in ("watchlist", "charts", "monitors", "scenarios"))
    keys = "".join(f"<tr><td><code>{k}</code></td><td>{tr(v, lang)}</td></tr>" for k, v in SHORTCUTS)
    return (f"<h3>{tr('help.tabs', lang)}</h3><ul>{tabs}</ul>"
            f"<h3>{tr('help.shortcuts', lang)}</h3><table cellpadding='4'>{keys}</table>")


class HelpDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("help.title", lang))
        self.text = QTextBrowser()
        self.text.setHtml(help_html(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 460)
