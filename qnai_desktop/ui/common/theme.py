"""Light and dark themes; "system" follows the platform's colour scheme (Qt ≥ 6.5).

A theme is a palette plus :class:`ThemeColors`, the app's few named colours (muted text, ok / warn
/ error, premium / discount, chips, badges, tags, cards) in a light and a dark version. Widgets
never write a colour: a label says what it is with :func:`set_tone` (``tone="muted"``) and the
theme's one application stylesheet (:func:`stylesheet`) colours it, so a theme switch recolours
every widget at once; item models and HTML read :func:`colors`/:func:`qcolor` when they paint.
Every text/background pair passes WCAG AA (4.5:1) in both themes (tests/ui/test_theme_contrast.py).
Chart house colours (the note's print style, ``style.HouseStyle``) are not themed.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class ThemeColors:
    """Named colours of one theme. ``*_fg`` is drawn on the matching ``*_bg``; a bare tone
    (muted, ok, warn, error, info, premium, discount) is text on the window or table base."""

    muted: str      # secondary text: notes, hints, sources, units
    ok: str
    warn: str
    error: str
    info: str       # a value that changed, a note figure
    premium: str    # PER above the benchmark (Korean screens: red above, blue below)
    discount: str
    badge_fg: str   # "illustrative data" badge
    badge_bg: str
    issue_error_bg: str  # table cells the report check flags, and their text
    issue_warn_bg: str
    issue_fg: str
    stale_bg: str   # values past their date, and their text
    stale_fg: str
    diff_bg: str    # a compared value that differs from the first case
    diff_fg: str
    output_bg: str  # result rows of the comparison
    output_fg: str
    chip_ok_bg: str  # monitor status chips
    chip_ok_fg: str
    chip_warn_bg: str
    chip_warn_fg: str
    chip_alert_bg: str
    chip_alert_fg: str
    chip_stale_bg: str
    chip_stale_fg: str
    tag_note_bg: str  # scenario input tags: from the note / an assumption
    tag_note_fg: str
    tag_note_border: str
    tag_assumption_bg: str
    tag_assumption_fg: str
    tag_assumption_border: str
    card_bg: str    # scenario output cards (the main one stands out)
    card_fg: str
    card_border: str
    card_main_bg: str
    card_main_fg: str
    card_main_border: str
    card_muted: str  # secondary text on a card
    panel_bg: str   # a preview box
    panel_fg: str
    drop_fg: str    # the import dialog's drop zone
    drop_border: str
    select_bg: str  # a light table selection that keeps chips readable (monitors)
    select_fg: str
    alternate_bg: str
    line: str       # sparkline


LIGHT = ThemeColors(
    muted="#56616a", ok="#1b5e20", warn="#7a5200", error="#a61b12", info="#1f4e79",
    premium="#b71c1c", discount="#1a4f9c", badge_fg="#ffffff", badge_bg="#b3261e",
    issue_error_bg="#fbd9d5", issue_warn_bg="#fff1c2", issue_fg="#222222",
    stale_bg="#fff1c2", stale_fg="#222222", diff_bg="#fff2b3", diff_fg="#1a1a1a",
    output_bg="#f4f6f9", output_fg="#1a1a1a",
    chip_ok_bg="#e3f2e6", chip_ok_fg="#1b5e20", chip_warn_bg="#fff1c2", chip_warn_fg="#7a5200",
    chip_alert_bg="#fbd9d5", chip_alert_fg="#a61b12", chip_stale_bg="#e6e9ec",
    chip_stale_fg="#4a5a66",
    tag_note_bg="#e6eef7", tag_note_fg="#1f4e79", tag_note_border="#9db7d5",
    tag_assumption_bg="#fff1d6", tag_assumption_fg="#7a4a00", tag_assumption_border="#f0c36d",
    card_bg="#fafafa", card_fg="#111111", card_border="#dddddd", card_main_bg="#fff5f6",
    card_main_fg="#b0001f", card_main_border="#ea002c", card_muted="#555555",
    panel_bg="#f4f6f8", panel_fg="#1a1a1a", drop_fg="#4a5a6a", drop_border="#8a9bb0",
    select_bg="#d6e4f5", select_fg="#1a1a1a", alternate_bg="#f7f8fa", line="#34495e",
)

DARK = ThemeColors(
    muted="#a3adb6", ok="#81c995", warn="#f2c14e", error="#ff8a80", info="#8ab4f8",
    premium="#ff8a80", discount="#8ab4f8", badge_fg="#ffffff", badge_bg="#b3261e",
    issue_error_bg="#5c2622", issue_warn_bg="#4f4114", issue_fg="#f1f1f1",
    stale_bg="#4f4114", stale_fg="#f1f1f1", diff_bg="#4f4114", diff_fg="#f1f1f1",
    output_bg="#2f3338", output_fg="#e6e6e6",
    chip_ok_bg="#1f3d26", chip_ok_fg="#a8dab5", chip_warn_bg="#4a3b0d", chip_warn_fg="#ffd666",
    chip_alert_bg="#5c2622", chip_alert_fg="#ffb4ab", chip_stale_bg="#3d444b",
    chip_stale_fg="#d0d7de",
    tag_note_bg="#1e3550", tag_note_fg="#b6d0f5", tag_note_border="#3d5f8a",
    tag_assumption_bg="#47350f", tag_assumption_fg="#ffd27a", tag_assumption_border="#8a6d2b",
    card_bg="#2a2d31", card_fg="#f1f1f1", card_border="#4a4e54", card_main_bg="#3b2226",
    card_main_fg="#ff9a9a", card_main_border="#ea002c", card_muted="#b4bcc4",
    panel_bg="#2a2d31", panel_fg="#e6e6e6", drop_fg="#c3ccd5", drop_border="#7d8b99",
    select_bg="#2f4f75", select_fg="#ffffff", alternate_bg="#2c2f33", line="#b0bec5",
)

#: tone → the declarations the theme's stylesheet gives a widget with that ``tone`` property
_TONES = {
    "muted": "color: {muted};", "ok": "color: {ok};", "warn": "color: {warn};",
    "error": "color: {error};", "info": "color: {info};",
    "badge": "color: {badge_fg}; background: {badge_bg};",
    "panel": "color: {panel_fg}; background: {panel_bg};",
    "drop": "color: {drop_fg}; border-color: {drop_border};",
    "tag-note": "color: {tag_note_fg}; background: {tag_note_bg}; border: 1px solid {tag_note_border};",
    "tag-assumption": "color: {tag_assumption_fg}; background: {tag_assumption_bg};"
                      " border: 1px solid {tag_assumption_border};",
    "card": "background: {card_bg}; border: 1px solid {card_border};",
    "card-main": "background: {card_main_bg}; border: 1px solid {card_main_border};",
    "card-text": "color: {card_fg}; background: transparent; border: none;",
    "card-main-text": "color: {card_main_fg}; background: transparent; border: none;",
    "card-muted": "color: {card_muted}; background: transparent; border: none;",
    "soft-table": "alternate-background-color: {alternate_bg}; selection-background-color: {select_bg};"
                  " selection-color: {select_fg};",
    "card-info": "color: {info}; background: transparent; border: none;",
}
_current = LIGHT
_qcolors: dict[tuple[int, str], QColor] = {}


def colors() -> ThemeColors:
    """The named colours of the theme in force (light until a theme is applied)."""
    return _current


def qcolor(name: str) -> QColor:
    """``colors().<name>`` as a QColor (cached: item models call this while painting)."""
    key = (id(_current), name)
    found = _qcolors.get(key)
    if found is None:
        found = _qcolors[key] = QColor(getattr(_current, name))
    return found


def stylesheet(theme: ThemeColors) -> str:
    """The application stylesheet of a theme: one rule per tone, nothing else."""
    values = {f.name: getattr(theme, f.name) for f in fields(theme)}
    return "\n".join(f'*[tone="{tone}"] {{ {rule.format(**values)} }}' for tone, rule in _TONES.items())


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour ``widget`` as ``tone`` (see ``_TONES``; "" for none), re-polished if it changed."""
    if (widget.property("tone") or "") == tone:
        return
    widget.setProperty("tone", tone or None)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


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
    p.setColor(QPalette.ColorRole.Link, QColor(0x8A, 0xB4, 0xF8))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(0x8C, 0x93, 0x9A))
    return p


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme``; return the effective one ('light' or 'dark')."""
    global _current
    if theme not in THEMES:
        theme = "system"
    effective = ("dark" if system_is_dark() else "light") if theme == "system" else theme
    _current = DARK if effective == "dark" else LIGHT
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if effective == "dark" else app.style().standardPalette())
    app.setStyleSheet(stylesheet(_current))
    return effective


def _luminance(color: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(color.redF()) + 0.7152 * lin(color.greenF()) + 0.0722 * lin(color.blueF())


def contrast_ratio(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    la, lb = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_text(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (heat-map cells); one of the two
    always reaches 4.5:1."""
    dark, light = QColor("#000000"), QColor("#ffffff")
    return dark if contrast_ratio(dark, background) >= contrast_ratio(light, background) else light
