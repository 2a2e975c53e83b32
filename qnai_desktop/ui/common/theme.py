"""Light and dark themes; "system" follows the platform's colour scheme (Qt ≥ 6.5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    p = QPalette()
    base, alt, text = QColor(0x26, 0x28, 0x2B), QColor(0x31, 0x34, 0x38), QColor(0xE6, 0xE6, 0xE6)
    p.setColor(QPalette.ColorRole.Window, alt)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, alt)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, alt)
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.ToolTipBase, base)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Highlight, QColor(0x2F, 0x6F, 0xB3))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(0x9A, 0x9A, 0x9A))
    return p


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme``; return the effective one ('light' or 'dark')."""
    if theme not in THEMES:
        theme = "system"
    effective = ("dark" if system_is_dark() else "light") if theme == "system" else theme
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if effective == "dark" else app.style().standardPalette())
    return effective
