"""One catalogue of user-visible UI strings in Korean and English.

``tr(key, lang)`` looks a key up. The shell's strings are below; each tab or dialog module keeps
its own table and adds it with :func:`register` at import time (so modules owned by different
people never edit one file). tests/ui/test_i18n.py fails when an entry lacks either language.
"""

from __future__ import annotations

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
