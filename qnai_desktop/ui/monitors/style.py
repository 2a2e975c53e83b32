"""Colours of the Monitors tab, in one place so the table, sparklines and legend agree.

One rule each, chosen to read at once: the status chip (green / amber / red / grey) says how far
a signal sits from its 1-year mean in the direction that hurts the thesis, or that its data is
stale; red text on a change says the move went the adverse way. Arrows carry the direction, so
red never has to mean "up" (Korean screens) or "down" (US screens).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

# level: (chip background, chip text, sparkline dot)
STATUS_COLORS: dict[str, tuple[str, str, str]] = {
    "ok": ("#e3f2e6", "#1b5e20", "#2e7d32"),
    "warn": ("#fff1c2", "#7a5200", "#f2a900"),
    "alert": ("#fbd9d5", "#a61b12", "#d32f2f"),
    "stale": ("#e6e9ec", "#4a5a66", "#90a4ae"),
}
ADVERSE_RED = "#c62828"
DEMO_RED = "#b3261e"
MUTED = "#6b7780"
LINE = "#34495e"
STALE_BG = "#eef0f2"
STATUS_LABELS = {"ok": QT_TRANSLATE_NOOP("MonitorStatus", "Normal"),
                 "warn": QT_TRANSLATE_NOOP("MonitorStatus", "Watch"),
                 "alert": QT_TRANSLATE_NOOP("MonitorStatus", "Alert"),
                 "stale": QT_TRANSLATE_NOOP("MonitorStatus", "Stale")}


def status_label(level: str) -> str:
    return QCoreApplication.translate("MonitorStatus", STATUS_LABELS[level])


def chip_background(level: str) -> QColor:
    return QColor(STATUS_COLORS.get(level, STATUS_COLORS["stale"])[0])


def chip_text(level: str) -> QColor:
    return QColor(STATUS_COLORS.get(level, STATUS_COLORS["stale"])[1])


def dot_color(level: str) -> QColor:
    return QColor(STATUS_COLORS.get(level, STATUS_COLORS["stale"])[2])


def _chip(level: str) -> str:
    bg, fg, _dot = STATUS_COLORS[level]
    label = status_label(level)
    return f"<span style='background:{bg}; color:{fg}'>&nbsp;{label}&nbsp;</span>"


def legend_html() -> str:
    """The one-line key under the title."""
    chips = {level: _chip(level) for level in STATUS_COLORS}
    legend = QCoreApplication.translate(
        "MonitorsTab", "<b>Status</b> {ok} under 1σ from the 1-year mean in the adverse direction "
        "&nbsp;{warn} 1σ+ &nbsp;{alert} 2σ+ &nbsp;{stale} no update for twice the expected spacing "
        "&nbsp;│&nbsp; <b>Change</b> ▲up ▼down, <span style='color:{red}'>red</span> = the "
        "direction that hurts the thesis (CDS up, GPU rent down) &nbsp;│&nbsp; spreads in bp, "
        "prices in %")
    return legend.format(red=ADVERSE_RED, **chips)
