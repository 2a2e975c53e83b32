"""The UI language: Qt Linguist catalogues, Qt's own translations, and the one current language.

How a widget speaks (the Qt way):

* Source text is English: ``self.tr("Refresh")`` in a QObject's method; elsewhere
  ``QCoreApplication.translate("Context", "…")``; a table defined at module level marks its texts
  with ``QT_TRANSLATE_NOOP("Context", "…")`` and translates them where they are shown. Fields are
  filled after translation: ``self.tr("Cache: {path}").format(path=…)``.
* ``scripts/update_translations.sh`` extracts the texts into ``resources/i18n/qnai_ko.ts`` and
  ``qnai_en.ts`` (pyside6-lupdate) and compiles the committed ``.qm`` files (pyside6-lrelease).
* :func:`set_language` installs our catalogue and Qt's ``qtbase_<lang>.qm`` (OK/Cancel, file
  dialogs, context menus); Qt then sends every widget a ``QEvent.LanguageChange``, and each widget
  sets its texts again in ``changeEvent`` (its ``retranslate()``).
* Content — series titles, notes, thesis lines, unit words — is data in both languages
  (``core.localized.Localized``); UI code picks a side with :func:`current_language`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...core.localized import LANGUAGES
from ...paths import resources_dir

log = logging.getLogger(__name__)

_current = "en"  # what the UI shows with no catalogue installed: the English source texts
_translators: list[QTranslator] = []


def current_language() -> str:
    """``"ko"`` or ``"en"``: the language the UI shows now (content follows it)."""
    return _current


def catalogue_dir() -> Path:
    return resources_dir() / "i18n"


def system_language() -> str:
    """Korean on a Korean system (``ko_*``), English on any other."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def startup_language(explicit: str | None = None) -> str:
    """``--lang`` wins, then the remembered choice (settings ``main/lang``), then the system."""
    if explicit in LANGUAGES:
        return str(explicit)
    from .settings import make_settings

    saved = make_settings().value("main/lang")
    return str(saved) if saved in LANGUAGES else system_language()


def set_language(lang: str) -> bool:
    """Show the UI in ``lang``: install its catalogue and Qt's own, replacing the previous ones.

    Installing posts ``QEvent.LanguageChange`` to every widget. False when nothing changed."""
    global _current
    lang = lang if lang in LANGUAGES else "en"
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs the QApplication")
    if lang == _current and _translators:
        return False
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qnai_{lang}", str(catalogue_dir())), (f"qtbase_{lang}", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
        elif lang != "en":  # English needs no catalogue: the source texts are English
            log.warning("no translation catalogue %s in %s", name, folder)
    changed = lang != _current
    _current = lang
    return changed


STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("Q&AI 데스크톱", "Q&AI Desktop"),
    "tab.watchlist": ("워치리스트", "Watchlist"),
    "tab.charts": ("차트", "Charts"),
    "tab.monitors": ("모니터", "Monitors"),
    "tab.scenarios": ("시나리오", "Scenarios"),
    "menu.file": ("파일(&F)", "&File"),
    "menu.view": ("보기(&V)", "&View"),
    "menu.help": ("도움말(&H)", "&Help"),
    "action.import": ("가져오기…", "Import…"),
    "action.export": ("내보내기…", "Export…"),
    "action.quit": ("종료", "Quit"),
    "action.refresh": ("새로 고침", "Refresh"),
    "action.series_editor": ("시리즈 값 입력…", "Edit series values…"),
    "action.settings": ("설정…", "Settings…"),
    "action.about": ("Q&AI 데스크톱 정보", "About Q&AI Desktop"),
    "action.lang_ko": ("한국어", "Korean"),
    "action.lang_en": ("영어", "English"),
    "action.language": ("언어", "Language"),
    "status.cache": ("캐시: {path}", "Cache: {path}"),
    "status.newest": ("최신 관측일: {date}", "Newest observation: {date}"),
    "status.no_data": ("데이터 없음", "No data"),
    "about.sources": ("데이터 출처와 라이선스", "Data sources and licences"),
    "about.demo": ("예시 데이터(출처 없음): {n}개 시리즈", "Illustrative (unsourced) data: {n} series"),
    "about.body": ("AI 인프라 애널리스트를 위한 데스크톱 워크스테이션",
                   "A desktop workstation for AI-infrastructure analysts"),
    "demo.badge": ("예시 데이터", "Illustrative data"),
    "col.ticker": ("티커", "Ticker"),
    "col.name": ("종목명", "Name"),
    "col.market_cap": ("시가총액(십억달러)", "Market cap (USD bn)"),
    "col.per": ("12MF PER", "12MF PER"),
    "col.thesis1": ("투자 포인트", "Thesis"),
    "col.thesis2": ("주목할 점", "What to watch"),
    "col.as_of": ("기준일", "As of"),
    "col.series": ("시리즈", "Series"),
    "col.unit": ("단위", "Unit"),
    "col.last": ("최근값", "Last"),
    "col.last_date": ("최근일", "Last date"),
    "col.points": ("관측 수", "Points"),
    "col.source": ("출처", "Source"),
    "col.demo": ("예시", "Illustrative"),
    "col.fact": ("항목", "Fact"),
    "col.value": ("값", "Value"),
    "col.quote": ("본문 근거", "Quote from the note"),
    "charts.search": ("차트 검색…", "Search charts…"),
    "charts.source_prefix": ("자료: ", "Source: "),
    "scenarios.facts": ("노트의 수치", "Figures from the note"),
    "monitors.title": ("시장 신호", "Market signals"),
    "watchlist.note": ("주: 시가총액 십억달러", "Note: market cap in USD bn"),
    "error.title": ("오류", "Error"),
    "startup.damaged_no_backup": ("캐시 파일이 손상되었고 사용할 수 있는 백업이 없습니다: {path}",
                                  "The cache file is damaged and no usable backup exists: {path}"),
    "startup.damaged_restore": ("캐시 파일이 손상되었습니다: {path}\n가장 최근 자동 백업({backup})으로 "
                                "복원할까요? 손상된 파일은 옆에 보관됩니다.",
                                "The cache file is damaged: {path}\nRestore the newest automatic "
                                "backup ({backup})? The damaged file is kept beside it."),
    "startup.restored": ("복원했습니다. 손상된 파일: {damaged}", "Restored. The damaged file: {damaged}"),
}


def register(strings: dict[str, tuple[str, str]]) -> None:
    """Add a module's strings; a key registered twice with different text is a bug."""
    for key, pair in strings.items():
        if key in STRINGS and STRINGS[key] != pair:
            raise ValueError(f"i18n key {key!r} registered twice with different text")
        STRINGS[key] = pair


def tr(key: str, lang: str = "ko", **kwargs: object) -> str:
    ko, en = STRINGS[key]
    text = ko if lang == "ko" else en
    return text.format(**kwargs) if kwargs else text
