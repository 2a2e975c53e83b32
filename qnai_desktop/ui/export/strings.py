"""User-visible strings of the export dialogs (ko, en), registered at import."""

from __future__ import annotations

from ..common.i18n import register

STRINGS: dict[str, tuple[str, str]] = {
    "export.title": ("차트 내보내기", "Export chart"),
    "export.pack_title": ("차트 팩 내보내기", "Export chart pack"),
    "export.format": ("형식", "Format"),
    "export.formats": ("형식", "Formats"),
    "export.size": ("크기", "Size"),
    "export.preset.slide_16_9": ("16:9 전체 슬라이드 (1920×1080)", "16:9 full slide (1920×1080)"),
    "export.preset.half_16_9": ("16:9 절반 슬라이드 (960×540)", "16:9 half slide (960×540)"),
    "export.preset.slide_4_3": ("4:3 슬라이드 (1440×1080)", "4:3 slide (1440×1080)"),
    "export.preset.custom": ("사용자 지정", "Custom"),
    "export.scale": ("배율 (PNG)", "Scale (PNG)"),
    "export.transparent": ("투명 배경 (PNG/SVG)", "Transparent background (PNG/SVG)"),
    "export.style": ("스타일", "Style"),
    "export.lang": ("제목·출처 언어", "Language of titles and sources"),
    "export.lang.ko": ("한국어", "Korean"),
    "export.lang.en": ("영어", "English"),
    "export.folder": ("저장 폴더", "Folder"),
    "export.browse": ("찾아보기…", "Browse…"),
    "export.charts": ("차트", "Charts"),
    "export.all": ("모두 선택", "Select all"),
    "export.none": ("모두 해제", "Select none"),
    "export.save": ("저장…", "Save…"),
    "export.copy": ("이미지 복사", "Copy image"),
    "export.copied": ("차트 이미지를 클립보드에 복사했습니다", "Chart image copied to the clipboard"),
    "export.start": ("내보내기", "Export"),
    "export.cancel": ("취소", "Cancel"),
    "export.close": ("닫기", "Close"),
    "export.warnings": ("확인 사항", "Warnings"),
    "export.no_warnings": ("확인 사항 없음", "No warnings"),
    "export.progress": ("{done}/{total} {what}", "{done}/{total} {what}"),
    "export.done": ("{n}개 파일을 {folder}에 저장했습니다 ({sec:.1f}초)",
                    "{n} files written to {folder} ({sec:.1f} s)"),
    "export.saved": ("{path}에 저장했습니다", "Saved to {path}"),
    "export.cancelled": ("취소했습니다. 아무 파일도 쓰지 않았습니다.",
                         "Cancelled; no files were written."),
    "export.failed": ("내보내기 실패: {error}", "Export failed: {error}"),
    "export.no_folder": ("저장 폴더를 고르세요", "Choose a folder"),
    "export.no_charts": ("차트를 하나 이상 고르세요", "Choose at least one chart"),
    "export.no_format": ("형식을 하나 이상 고르세요", "Choose at least one format"),
    "export.preview": ("미리보기", "Preview"),
    "export.action_pack": ("차트 팩 내보내기…", "Export pack…"),
}

register(STRINGS)
