"""A name's dated snapshots of market cap and PER: a small two-axis chart over a table."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.formatting import fmt_number
from ..common.theme import LIGHT
from .model import fmt_per

CAP_GREY = "#7f8c8d"
DISCOUNT_BLUE = LIGHT.discount  # the chart keeps its print colours in either theme
HOW = {"seed": QT_TRANSLATE_NOOP("WatchlistHistory", "Note (seed)"),
       "edit": QT_TRANSLATE_NOOP("WatchlistHistory", "Edit"),
       "import": QT_TRANSLATE_NOOP("WatchlistHistory", "Import"),
       "migration": QT_TRANSLATE_NOOP("WatchlistHistory", "Migration"),
       "fetch": QT_TRANSLATE_NOOP("WatchlistHistory", "Fetch")}


class WatchlistHistory(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()}, background="w")
        self.plot.setMinimumHeight(120)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.15)
        item.showAxis("right")
        self.cap_view = pg.ViewBox()
        item.scene().addItem(self.cap_view)
        item.getAxis("right").linkToView(self.cap_view)
        self.cap_view.setXLink(item)
        item.vb.sigResized.connect(self._sync_views)
        # Two curves made once and given new data per name: clearing and re-creating them (and
        # re-setting the axis labels' HTML) cost ~20 ms each time the selection moved.
        self.per_curve = item.plot([], [], pen=pg.mkPen(DISCOUNT_BLUE, width=2), symbol="o",
                                   symbolSize=6, symbolBrush=DISCOUNT_BLUE, symbolPen=None,
                                   connect="finite")
        self.cap_curve = pg.PlotDataItem(
            [], [], pen=pg.mkPen(CAP_GREY, width=1.5, style=Qt.PenStyle.DashLine), symbol="s",
            symbolSize=5, symbolBrush=CAP_GREY, symbolPen=None, connect="finite")
        self.cap_view.addItem(self.cap_curve)
        self._labels: tuple[str, str] | None = None
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.table)

    def _sync_views(self) -> None:
        self.cap_view.setGeometry(self.plot.getPlotItem().vb.sceneBoundingRect())

    def set_history(self, df: pd.DataFrame, current: dict | None = None) -> None:
        """Chart: the value in force at each as-of date (the last snapshot of that date, and the
        name's current row). Table: every recorded change, newest first (the audit trail)."""
        item = self.plot.getPlotItem()
        labels = ("PER", self.tr("Market cap"))
        if labels != self._labels:
            self._labels = labels
            item.setLabel("left", labels[0], color=DISCOUNT_BLUE)
            item.setLabel("right", labels[1], color=CAP_GREY)
        x, per, cap = _by_as_of(df, current)
        for curve, values in ((self.per_curve, per), (self.cap_curve, cap)):
            if x and np.isfinite(values).any():
                curve.setData(np.asarray(x, dtype=float), values)
            else:
                curve.setData([], [])
        if x:
            pad = 15 * 86400.0 if max(x) - min(x) < 86400.0 else 0.0  # one day: show a month
            item.setXRange(min(x) - pad, max(x) + pad, padding=0.05)
            _fit(item.vb, per)
            _fit(self.cap_view, cap)
        self._sync_views()
        self.table.setHorizontalHeaderLabels([self.tr("Recorded"), self.tr("As of"), self.tr("Market cap"),
                                              self.tr("12MF PER"), self.tr("How")])
        rows = df.iloc[::-1]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows.itertuples(index=False)):
            stamp = pd.to_datetime(r.at, utc=True, format="ISO8601", errors="coerce")
            when = stamp.tz_convert(None).strftime("%Y-%m-%d %H:%M") if pd.notna(stamp) else r.at
            cells = [when, r.as_of or "-", fmt_number(r.market_cap_usd_bn, 0), fmt_per(r.per_12mf),
                     self.tr(HOW[r.how]) if r.how in HOW else str(r.how)]
            for j, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if j in (2, 3):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, cell)


def _by_as_of(df: pd.DataFrame, current: dict | None) -> tuple[list[float], np.ndarray, np.ndarray]:
    """(day stamps, PER, market cap): the last snapshot of each as-of date, then the current row.
    Plain Python over a name's few snapshots — a pandas groupby here cost ~5 ms per selection."""
    rows = list(zip(df["as_of"], df["market_cap_usd_bn"], df["per_12mf"], strict=True)) \
        if len(df) else []
    if current is not None and current.get("as_of"):
        rows.append((current.get("as_of"), current.get("market_cap_usd_bn"),
                     current.get("per_12mf")))
    last: dict[datetime, list[float]] = {}
    for as_of, cap, per in rows:
        try:
            day = datetime.strptime(str(as_of)[:10], "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            continue
        kept = last.setdefault(day, [math.nan, math.nan])
        for i, v in enumerate((_float(per), _float(cap))):
            if not math.isnan(v):  # the last figure known on that day, per column
                kept[i] = v
    days = sorted(last)
    return ([d.timestamp() for d in days], np.array([last[d][0] for d in days], dtype=float),
            np.array([last[d][1] for d in days], dtype=float))


def _float(v: object) -> float:
    try:
        return float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def _fit(view: pg.ViewBox, values) -> None:
    """Y range with 10% air; a flat line sits mid-chart instead of on a 0.2-wide axis."""
    finite = values[np.isfinite(values)]
    if not len(finite):
        return
    lo, hi = float(finite.min()), float(finite.max())
    air = (hi - lo) * 0.1 or max(abs(hi) * 0.1, 1.0)
    view.setYRange(lo - air, hi + air, padding=0)

