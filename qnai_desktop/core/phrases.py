"""The sentences and words the app writes into content, in Korean and English: one catalogue.

The CLI speaks English, but what it writes with ``--lang`` (alert messages, export sheets,
slide notes, chart axes, output-path errors) reads from these pairs, and so do the window and the
exported charts, whose language is the export's choice rather than the UI's. UI chrome — menus,
buttons, dialogs — is not here: it is in the Qt Linguist catalogues under ``ui/``.
"""

from __future__ import annotations

from .localized import Localized

# -- chart axes, read-outs and badges (charts, exports) ----------------------------------------
X_AXIS = Localized("가로축", "x")
CATEGORY = Localized("구분", "Case")  # the x column of a category chart (bars by name)
DATE = Localized("날짜", "Date")
DAYS_SINCE = Localized("경과일", "Days since")
DAY_N = Localized("{days:,}일", "day {days:,}")
RIGHT_AXIS = Localized(" (우)", " (R)")
ILLUSTRATIVE = Localized("예시 데이터", "Illustrative data")
#: the chart's state on every image: the newest observation shown, and how old it is when stale
AS_OF_STAMP = Localized("기준: {date}", "As of {date}")
STALE_ALL = Localized(" · {days:,}일 경과", " · {days:,} days old")
STALE_SOME = Localized(" · {names} {days:,}일 경과", " · {names} {days:,} days old")
#: the source line of invented numbers: never a real publisher's name alone
ILLUSTRATIVE_SOURCE = Localized("예시 데이터 — 실제 자료 아님 ({names})",
                                "Illustrative data — not a real source ({names})")
#: the footnote naming series a chart leaves out ("주: Codex, Amazon Q는 누적 1만 미달로 제외")
OMITTED_CUMULATIVE = Localized("{names}{topic} 누적 {n} 미달로 제외",
                               "{names} not shown (cumulative total below {n})")
OMITTED_LEVEL = Localized("{names}{topic} {n} 미달로 제외", "{names} not shown (never reached {n})")
OMITTED_NO_DATA = Localized("{names}{topic} 데이터가 없어 제외", "{names} not shown (no data)")
OMITTED_HIDDEN = Localized("{names}{topic} 숨김", "{names} hidden")
OMITTED_OTHER = Localized("{names}{topic} 그릴 수 없어 제외", "{names} not shown (cannot be drawn)")
NAMES_MORE = Localized("{names} 외 {n}개", "{names} and {n} more")
CHART_NO_DATA = Localized("데이터 없음 — 새로 고침(Ctrl+R) 또는 가져오기(Ctrl+I)로 채우세요",
                          "No data yet — refresh (Ctrl+R) or import (Ctrl+I) to fill it")

# -- scenario values and tooltips --------------------------------------------------------------
TIMES = Localized("배", "x")
ASSUMPTION_HEAD = Localized("가정 (노트에 없는 값)", "Assumption (not in the note)")
NOTE_HEAD = Localized("노트: ", "Note: ")

# -- alert messages (monitor --lang, the Monitors tab) -----------------------------------------
NO_DATA = Localized("데이터 없음", "no data")
DAYS_OLD = Localized("{days:.0f}일 경과", "{days:.0f} days old")
MEASURED_ON = Localized("{text} ({when})", "{text} on {when}")

# -- watchlist column names by language of the text (export headers, check messages) -----------
TEXT_LANGUAGE = {"ko": Localized("한국어", "Korean"), "en": Localized("영문", "English")}

# -- data exports: the sheets of an XLSX, the notes under a slide ------------------------------
DATA_SHEET = Localized("데이터", "Data")
INFO_SHEET = Localized("정보", "Info")
INFO_LABELS = {
    "chart": Localized("차트", "Chart"), "title": Localized("제목", "Title"),
    "unit": Localized("단위", "Unit"), "source": Localized("자료", "Source"),
    "note": Localized("주", "Note"), "as_of": Localized("기준일", "As of"),
    "demo": Localized("예시 데이터", "Illustrative data"), "yes": Localized("예", "yes"),
    "no": Localized("아니오", "no"), "series": Localized("시리즈", "Series"),
    "label": Localized("이름", "Label"), "licence": Localized("라이선스", "Licence"),
    "first": Localized("시작일", "First"), "points": Localized("관측 수", "Points"),
}
AS_OF_LINE = Localized("기준일: ", "As of: ")
CONTAINS_DEMO = Localized("※ 예시 데이터 포함 (실제 데이터 아님)",
                          "※ Contains illustrative data (not real observations)")
PROVENANCE_HEAD = Localized("데이터 출처:", "Data provenance:")
DEMO_TAG = Localized(" [예시]", " [illustrative]")
# the flag on illustrative numbers in a CSV/XLSX: a leading comment line, a per-row column
CSV_AS_OF = Localized("기준: ", "As of: ")
UNDATED = Localized("날짜 없음", "undated")
ILLUSTRATIVE_FLAG = Localized("예시 데이터 — 실제 자료 아님", "Illustrative data — not a real source")
ILLUSTRATIVE_COLUMN = Localized("예시 데이터", "illustrative")
# a held-back chart's series that no refresh source fills (core.charts.fill_hints)
IMPORT_SERIES = Localized("{names} 시리즈를 가져오기(Ctrl+I)", "import the series {names} (Ctrl+I)")

# -- a file that cannot be written (export, watchlist export; the CLI's own sentence) ----------
CANNOT_WRITE = Localized("{path}에 쓸 수 없습니다: {reason}", "cannot write {path}: {reason}")
OUTPUT_REASONS: dict[str, Localized] = {
    "name_too_long": Localized("이름이 너무 깁니다", "the name is too long"),
    "read_only": Localized("폴더가 읽기 전용입니다", "the folder is read-only"),
    "read_only_fs": Localized("드라이브가 읽기 전용입니다", "the drive is read-only"),
    "not_a_folder": Localized("{part}은(는) 폴더가 아니라 파일입니다", "{part} is a file, not a folder"),
    "is_a_folder": Localized("같은 이름의 폴더가 있습니다", "a folder of that name is in the way"),
    "no_folder": Localized("폴더가 없습니다", "the folder does not exist"),
    "disk_full": Localized("디스크가 가득 찼습니다", "the disk is full"),
    "other": Localized("{detail}", "{detail}"),
}
