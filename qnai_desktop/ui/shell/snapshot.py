"""Shell first: the window she saw last, painted before pandas and pyqtgraph are imported.

At quit the main window writes a small JSON beside the settings file: its menus and tabs, the
watchlist as the table showed it (texts, colours, alignment, column widths, her sort and
filter), and the status line. At the next start ``ShellWindow`` paints that picture from
PySide6 alone (~0.3 s after the process starts, against ~1.2 s for the bare imports of PySide6,
pyqtgraph and pandas), marked "loading" in the status bar and not editable; the real window
takes its place, at the same geometry, as soon as it is built. A snapshot of another cache file,
of another language, of an older format, or one that cannot be read is ignored: the window
then starts as before. Nothing here touches the cache file (``benchmarks/startup.py``,
``tests/ui/test_shell_first.py``). This module imports nothing of pandas, numpy, pyqtgraph or the
store: keep it that way.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QPoint, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..common.settings import make_settings, settings_path

log = logging.getLogger(__name__)

VERSION = 1
# Rows kept in the snapshot (her watchlist is 8 names; a long one is cut, the window shows
# the rest a second later).
MAX_ROWS = 200


def snapshot_path() -> Path:
    return settings_path().with_name("window_snapshot.json")


def _color(value: Any) -> str | None:
    if isinstance(value, QBrush):
        value = value.color() if value.style() != Qt.BrushStyle.NoBrush else None
    return value.name(QColor.NameFormat.HexArgb) if isinstance(value, QColor) and value.isValid() else None


def table_picture(view: QTableView, page: QWidget | None = None) -> dict[str, Any]:
    """What a table view shows: header, widths, hidden columns, its place on its tab ``page``,
    and per cell text, alignment, fore- and background (read through its model, so in her
    sort and filter order)."""
    model = view.model()
    header = view.horizontalHeader()
    cols = range(model.columnCount())
    role = Qt.ItemDataRole
    rows = []
    for r in range(min(model.rowCount(), MAX_ROWS)):
        row = []
        for c in cols:
            i = model.index(r, c)
            align = model.data(i, role.TextAlignmentRole)
            row.append({"text": str(model.data(i, role.DisplayRole) or ""),
                        "align": int(align.value if hasattr(align, "value") else align or 0),
                        "fg": _color(model.data(i, role.ForegroundRole)),
                        "bg": _color(model.data(i, role.BackgroundRole))})
        rows.append(row)
    at = view.mapTo(page, QPoint(0, 0)) if page is not None and page.isAncestorOf(view) else QPoint(0, 0)
    return {"headers": [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in cols],
            "widths": [header.sectionSize(c) for c in cols],
            "hidden": [view.isColumnHidden(c) for c in cols],
            "row_height": view.verticalHeader().defaultSectionSize(),
            "heights": [view.rowHeight(r) for r in range(len(rows))],
            "rect": [at.x(), at.y(), view.width(), view.height()],
            "rows": rows}


def write_snapshot(picture: dict[str, Any]) -> None:
    """Write atomically (a temporary file, then a rename); a failure is logged, never raised —
    losing the snapshot only costs the next start its early picture."""
    path = snapshot_path()
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"version": VERSION, **picture}, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except OSError:
        log.warning("window snapshot not written: %s", path, exc_info=True)


def read_snapshot(db: Path, lang: str) -> dict[str, Any] | None:
    """The snapshot of this cache file in this language, or None."""
    try:
        data = json.loads(snapshot_path().read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION or data.get("lang") != lang:
        return None
    if data.get("db") != str(Path(db).resolve()):
        return None
    table = data.get("watchlist")
    if table is not None and not _valid_table(table):
        return None
    return data


def _valid_table(table: Any) -> bool:
    if not isinstance(table, dict):
        return False
    headers, widths, rows = table.get("headers"), table.get("widths"), table.get("rows")
    return (isinstance(headers, list) and isinstance(widths, list) and isinstance(rows, list)
            and len(widths) == len(headers)
            and all(isinstance(r, list) and len(r) == len(headers)
                    and all(isinstance(c, dict) and isinstance(c.get("text"), str) for c in r)
                    for r in rows))


class ShellWindow(QMainWindow):
    """The last window's picture: menus and tabs by name, the watchlist's cells, "loading"."""

    def __init__(self, snapshot: dict[str, Any]) -> None:
        super().__init__()
        self.setWindowTitle(str(snapshot.get("title", "")))
        for title in snapshot.get("menus", []):
            self.menuBar().addMenu(str(title)).setEnabled(False)
        self.tabs = QTabWidget()
        titles = [str(t) for t in snapshot.get("tabs", [])]
        current = int(snapshot.get("tab", 0) or 0)
        self.table: QTableWidget | None = None
        for i, title in enumerate(titles):
            page = QWidget()
            layout = QVBoxLayout(page)
            table = snapshot.get("watchlist")
            if i == 0 and table is not None:
                self.table = self._table(table)
                rect = table.get("rect")
                if isinstance(rect, list) and len(rect) == 4 and rect[2] > 0 and rect[3] > 0:
                    self.table.setParent(page)  # where the window's table was: no jump
                    self.table.setGeometry(*(int(v) for v in rect))
                else:
                    layout.addWidget(self.table, 3)
                    layout.addStretch(2)
            self.tabs.addTab(page, title)
        self.tabs.setCurrentIndex(min(max(current, 0), max(len(titles) - 1, 0)))
        self.setCentralWidget(self.tabs)
        self.status = QLabel(QCoreApplication.translate("ShellWindow", "Loading…"))
        self.statusBar().addWidget(self.status)
        for text in snapshot.get("status", []):
            self.statusBar().addWidget(QLabel(str(text)))
        for text in snapshot.get("status_right", []):
            self.statusBar().addPermanentWidget(QLabel(str(text)))
        geometry = make_settings().value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    @staticmethod
    def _table(picture: dict[str, Any]) -> QTableWidget:
        rows, headers = picture["rows"], picture["headers"]
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a picture
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setWordWrap(True)
        if isinstance(picture.get("row_height"), int) and picture["row_height"] > 0:
            table.verticalHeader().setDefaultSectionSize(picture["row_height"])
        for c, width in enumerate(picture["widths"]):
            table.setColumnWidth(c, int(width))
            if c < len(picture.get("hidden", [])) and picture["hidden"][c]:
                table.setColumnHidden(c, True)
        heights = picture.get("heights")
        for r, row in enumerate(rows):
            if isinstance(heights, list) and r < len(heights) and isinstance(heights[r], int):
                table.setRowHeight(r, heights[r])
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell["text"])
                if cell.get("align"):
                    item.setTextAlignment(Qt.AlignmentFlag(int(cell["align"])))
                if cell.get("fg"):
                    item.setForeground(QColor(cell["fg"]))
                if cell.get("bg"):
                    item.setBackground(QColor(cell["bg"]))
                table.setItem(r, c, item)
        return table


def capture(window: QMainWindow, db: Path, lang: str) -> dict[str, Any]:
    """The main window's picture for the next start. The watchlist is read from its table if
    that tab was built this session; otherwise the previous snapshot's table is kept."""
    tabs: QTabWidget = window.tabs  # type: ignore[attr-defined]
    built = window.pages.built  # type: ignore[attr-defined]
    page = built.get("watchlist")
    if page is not None:
        table: dict[str, Any] | None = table_picture(page.view, page)
    else:
        previous = read_snapshot(db, lang)
        table = previous.get("watchlist") if previous else None
    return {"db": str(Path(db).resolve()), "lang": lang, "title": window.windowTitle(),
            "menus": [a.text() for a in window.menuBar().actions() if a.text()],
            "tabs": [tabs.tabText(i) for i in range(tabs.count())],
            "tab": tabs.currentIndex(),
            "status": [window.cache_label.text()],  # type: ignore[attr-defined]
            "status_right": [window.newest_label.text()],  # type: ignore[attr-defined]
            "watchlist": table}


def save(window: QMainWindow, db: Path, lang: str) -> None:
    """Capture and write at quit; never raises (quitting must not fail over a picture)."""
    try:
        write_snapshot(capture(window, db, lang))
    except Exception:  # a widget gone, an odd model value: the next start just has no picture
        log.warning("window snapshot not taken", exc_info=True)
