"""Register the bundled CJK font (if shipped) and pick a UI font that has Hangul glyphs."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ...paths import resources_dir

PREFERRED = ["Noto Sans KR", "Noto Sans CJK KR", "NanumGothic", "Malgun Gothic",
             "Apple SD Gothic Neo", "Source Han Sans KR"]


def register_fonts() -> list[str]:
    """Add every font file under resources/fonts; return the families added."""
    families: list[str] = []
    folder = resources_dir() / "fonts"
    for path in sorted(folder.glob("*.[ot]t[fc]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def korean_family() -> str | None:
    """The first available family that can render Korean."""
    available = set(QFontDatabase.families())
    for fam in PREFERRED:
        if fam in available:
            return fam
    for fam in QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        return fam
    return None


def apply_app_font(app: QApplication, point_size: int = 10) -> str | None:
    register_fonts()
    fam = korean_family()
    if fam:
        font = QFont(fam, point_size)
        app.setFont(font)
    return fam
