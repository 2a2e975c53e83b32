"""Colours of the Monitors tab, in one place so the table, sparklines and legend agree.

One rule each, chosen to read at once: the status chip (green / amber / red / grey) says how far
a signal sits from its 1-year mean in the direction that hurts the thesis, or that its data is
stale; red text on a change says the move went the adverse way. Arrows carry the direction, so
red never has to mean "up" (Korean screens) or "down" (US screens).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from ..common.theme import colors, qcolor

LEVELS = ("ok", "warn", "alert", "stale")
# level: sparkline dot (a mark on the plot, not text); chips take the theme's chip_<level>_bg/_fg
STATUS_COLORS: dict[str, str] = {"ok": "#2e7d32", "warn": "#f2a900", "alert": "#d32f2f",
                                 "stale": "#90a4ae"}
STATUS_LABELS = {"ok": QT_TRANSLATE_NOOP("MonitorStatus", "Normal"),
                 "warn": QT_TRANSLATE_NOOP("MonitorStatus", "Watch"),
                 "alert": QT_TRANSLATE_NOOP("MonitorStatus", "Alert"),
                 "stale": QT_TRANSLATE_NOOP("MonitorStatus", "Stale")}


def status_label(level: str) -> str:
    return QCoreApplication.translate("MonitorStatus", STATUS_LABELS[level])


def chip_background(level: str) -> QColor:
    return qcolor(f"chip_{level if level in LEVELS else 'stale'}_bg")


def chip_text(level: str) -> QColor:
    return qcolor(f"chip_{level if level in LEVELS else 'stale'}_fg")


def dot_color(level: str) -> QColor:
    return QColor(STATUS_COLORS.get(level, STATUS_COLORS["stale"]))


def _chip(level: str) -> str:
    bg, fg = chip_background(level).name(), chip_text(level).name()
    label = status_label(level)
    return f"<span style='background:{bg}; color:{fg}'>&nbsp;{label}&nbsp;</span>"


def legend_html() -> str:
    """The one-line key under the title."""
    chips = {level: _chip(level) for level in LEVELS}
    legend = QCoreApplication.translate(
        "MonitorsTab", "<b>Status</b> {ok} under 1σ from the 1-year mean in the adverse direction "
        "&nbsp;{warn} 1σ+ &nbsp;{alert} 2σ+ &nbsp;{stale} no update for twice the expected spacing "
        "&nbsp;│&nbsp; <b>Change</b> ▲up ▼down, <span style='color:{red}'>red</span> = the "
        "direction that hurts the thesis (CDS up, GPU rent down) &nbsp;│&nbsp; spreads in bp, "
        "prices in %")
    return legend.format(red=colors().error, **chips)
