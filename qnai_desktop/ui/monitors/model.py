"""The monitor table model: PandasTableModel plus per-row units, status colours and tooltips.

Numbers stay numbers in the frame (so sorting is numeric); this model formats them with the
row's unit (bp for spreads, % for prices), colours the status chip and adverse moves, and hands
the sparkline values to the delegate. Everything it shows was computed before the reset: no query
and no arithmetic beyond formatting happens in ``data()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.formatting import fmt_auto, fmt_date, is_missing
from ...core.localized import Localized
from ...core.monitors import stale_after_days
from ...core.series import FREQUENCIES, UNITS
from ...services.monitor_table import TABLE_COLUMNS, monitor_table
from ..common.i18n import current_language
from ..common.pandas_model import PandasTableModel
from ..common.theme import qcolor
from .style import chip_background, chip_text, status_label

Index = QModelIndex | QPersistentModelIndex
CHANGE_COLUMNS = ("change_1d", "change_1w", "change_1m", "change_3m")
_ROLE = Qt.ItemDataRole
#: change units as written after a number (content: Korean writes percentage points "%p")
_CHANGE_UNITS = {"bp": Localized("bp", "bp"), "pp": Localized("%p", "pp"), "%": Localized("%", "%")}
COLUMN_TITLES = {"name": QT_TRANSLATE_NOOP("MonitorTableModel", "Monitor"),
                 "status": QT_TRANSLATE_NOOP("MonitorTableModel", "Status"),
                 "source": QT_TRANSLATE_NOOP("MonitorTableModel", "Source"),
                 "last": QT_TRANSLATE_NOOP("MonitorTableModel", "Last"),
                 "unit": QT_TRANSLATE_NOOP("MonitorTableModel", "Unit"),
                 "last_date": QT_TRANSLATE_NOOP("MonitorTableModel", "Date"),
                 "change_1d": QT_TRANSLATE_NOOP("MonitorTableModel", "1D"),
                 "change_1w": QT_TRANSLATE_NOOP("MonitorTableModel", "1W"),
                 "change_1m": QT_TRANSLATE_NOOP("MonitorTableModel", "1M"),
                 "change_3m": QT_TRANSLATE_NOOP("MonitorTableModel", "3M"),
                 "zscore_1y": QT_TRANSLATE_NOOP("MonitorTableModel", "z (1Y)"),
                 "high_52w": QT_TRANSLATE_NOOP("MonitorTableModel", "52W high"),
                 "low_52w": QT_TRANSLATE_NOOP("MonitorTableModel", "52W low"),
                 "sparkline": QT_TRANSLATE_NOOP("MonitorTableModel", "Trend (last 90)"),
                 "age_days": QT_TRANSLATE_NOOP("MonitorTableModel", "Age"),
                 "n": QT_TRANSLATE_NOOP("MonitorTableModel", "Quotes")}
FREQUENCY_NAMES = {"D": QT_TRANSLATE_NOOP("MonitorTableModel", "daily"),
                   "W": QT_TRANSLATE_NOOP("MonitorTableModel", "weekly"),
                   "M": QT_TRANSLATE_NOOP("MonitorTableModel", "monthly"),
                   "Q": QT_TRANSLATE_NOOP("MonitorTableModel", "quarterly"),
                   "A": QT_TRANSLATE_NOOP("MonitorTableModel", "annual")}
_SHORT_UNITS = {"usd_per_gpu_hour": "$/GPU·h", "usd_per_m_tokens": "$/1M tok", "index": ""}


def format_change(value: Any, change_unit: str, lang: str) -> str:
    """``▲ 16.3bp`` / ``▼ 4.0%`` / ``0.0%``; ``-`` when the history is shorter than the window."""
    if is_missing(value):
        return "-"
    unit = _CHANGE_UNITS[change_unit].pick(lang) if change_unit in _CHANGE_UNITS else change_unit
    v = float(value)
    if round(v, 1) == 0:
        return f"0.0{unit}"
    arrow = "▲" if v > 0 else "▼"
    return f"{arrow} {abs(v):,.1f}{unit}"


def short_unit(unit: str, lang: str) -> str:
    """Units compact enough for a table cell: ``bp``, ``$/GPU·h``, ``x``/``배``."""
    if unit in _SHORT_UNITS:
        return _SHORT_UNITS[unit]
    return UNITS[unit].pick(lang) if unit in UNITS else unit


def is_adverse(value: Any, adverse: str | None) -> bool:
    if is_missing(value) or adverse is None or round(float(value), 1) == 0:
        return False
    return (float(value) > 0) == (adverse == "up")


class MonitorTableModel(PandasTableModel):
    """Rows are monitors (index = series id); ``STATUS_ROLE`` gives a row's colour level."""

    STATUS_ROLE = int(_ROLE.UserRole) + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._info: dict[str, dict] = {}

    def set_rows(self, rows: list[dict]) -> None:
        """Show monitor rows from ``services.monitor_table.monitor_rows``."""
        self._info = {r["series_id"]: r for r in rows}
        self._headers_map = self._titles()
        self.set_frame(monitor_table(rows))

    def _titles(self) -> dict[str, str]:
        return {c: self.tr(COLUMN_TITLES[c]) for c in TABLE_COLUMNS}

    def retranslate(self) -> None:
        """Column titles in the UI language (cells read it as they are drawn)."""
        self.set_headers(self._titles())

    def info(self, row: int) -> dict:
        """The full monitor row (watch point, tickers, chart id …) at view row ``row``."""
        return self._info[self.row_label(row)]

    def row_of(self, series_id: str) -> int:
        for r in range(self.rowCount()):
            if self.row_label(r) == series_id:
                return r
        return -1

    # -- Qt -------------------------------------------------------------------------------
    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self._columns[index.column()]
        info = self.info(index.row())
        if role == self.STATUS_ROLE:
            return info["status"]
        if role == _ROLE.DisplayRole:
            return self._display(col, info, self.value(index.row(), index.column()))
        if role == _ROLE.ToolTipRole:
            return self._tooltip(col, info)
        if role == _ROLE.ForegroundRole:
            return self._foreground(col, info, self.value(index.row(), index.column()))
        if role == _ROLE.BackgroundRole:
            if col == "status":
                return chip_background(info["status"])
            if col == "age_days" and info["stale"]:
                return qcolor("chip_stale_bg")
            return None
        if role == _ROLE.FontRole and (col == "name" or (col == "source" and info["is_demo"])):
            font = QFont()
            font.setBold(True)
            return font
        if role == _ROLE.TextAlignmentRole and col == "status":
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)

    def _display(self, col: str, info: dict, value: Any) -> str:
        lang = current_language()  # unit words are content
        if col == "status":
            return status_label(info["status"])
        if col == "source":
            return self.tr("Illustrative data") if info["is_demo"] else str(value)
        if col in CHANGE_COLUMNS:
            return format_change(value, info["change_unit"], lang)
        if col == "zscore_1y":
            return "-" if is_missing(value) else f"{float(value):+.1f}σ"
        if col == "sparkline":
            return ""
        if col == "age_days":
            if is_missing(value):
                return self.tr("no data")
            days = self.tr("⚠ {n}d") if info["stale"] else self.tr("{n}d")
            return days.format(n=int(value))
        if col == "n":
            return "-" if is_missing(value) else f"{int(value):,}"
        if col == "last":
            unit = short_unit(info["unit"], lang)
            return f"{fmt_auto(value)} {unit}".rstrip() if not is_missing(value) else "-"
        if col in ("high_52w", "low_52w"):
            return fmt_auto(value)
        if col == "last_date":
            return fmt_date(value)
        return str(value)

    def _foreground(self, col: str, info: dict, value: Any) -> QColor | None:
        if col == "status":
            return chip_text(info["status"])
        if col in CHANGE_COLUMNS and is_adverse(value, info["adverse"]):
            return qcolor("error")
        if col == "source":
            return qcolor("error" if info["is_demo"] else "muted")
        if col == "age_days" and info["stale"]:
            return qcolor("chip_stale_fg")  # on the stale background
        if col == "last_date":
            return qcolor("muted")
        return None

    def _tooltip(self, col: str, info: dict) -> str | None:
        lang = current_language()
        if col == "source" and info["is_demo"]:
            return self.tr("Illustrative, unsourced data ({source} layout); replaced when real data is "
                           "imported.").format(source=info["source"])
        if col == "name":
            return f"{info['name']}\n{info['watch']}" if info["watch"] else info["name"]
        if col == "last":
            return UNITS[info["unit"]].pick(lang) if info["unit"] in UNITS else info["unit"]
        if col == "source":
            return info["source"]
        if col in CHANGE_COLUMNS:
            window = self.tr(COLUMN_TITLES[col])
            change_unit = _CHANGE_UNITS.get(info["change_unit"])
            unit = change_unit.pick(lang) if change_unit else ""
            return self.tr("{window} change ({unit}) · red = the direction that hurts the thesis").format(
                window=window, unit=unit)
        if col == "zscore_1y":
            return self.tr("Standard deviations of the last value from its 1-year mean (- without a year "
                           "of history)")
        if col == "n":
            return self.tr("Public offers (quotes) behind the last value")
        if col in ("age_days", "status"):
            freq = info["frequency"]
            age = "-" if info["age_days"] is None else info["age_days"]
            text = self.tr("{age} days since the last point · expected {freq} ({spacing} d) · stale after "
                           "{limit} d")
            return text.format(age=age, freq=self.tr(FREQUENCY_NAMES[freq]), spacing=FREQUENCIES[freq],
                               limit=stale_after_days(freq))
        return None
