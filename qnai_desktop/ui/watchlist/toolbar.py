"""The Watchlist tab's controls: filter, add/remove/reorder, undo/redo, columns, import/export,
and the benchmark PERs. Only widgets; the tab connects them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from ..common.theme import qcolor, set_tone
from .strings import tr


def _bench_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(1.0, 200.0)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setKeyboardTracking(False)
    box.setFixedWidth(84)
    return box


def _glyph_icon(glyph: str) -> QIcon:
    """Qt's style has no undo/redo icons; draw the usual arrows (disabled state is derived)."""
    pix = QPixmap(32, 32)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    font = QFont(painter.font())
    font.setPixelSize(26)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(qcolor("line"))
    painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pix)


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class WatchlistToolbar(QWidget):
    def __init__(self, undo: QAction, redo: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(120)
        self.count = QLabel()
        set_tone(self.count, "muted")
        self.new_ticker = QLineEdit()
        self.new_ticker.setFixedWidth(72)
        self.add = QToolButton()
        self.remove = QToolButton()
        self.up = QToolButton()
        self.up.setText("▲")
        self.down = QToolButton()
        self.down.setText("▼")
        # Icon-only: the actions' text names the command ("실행 취소 META PER 18 → 17") and
        # would make the bar jump in width; it shows as the tooltip instead.
        undo.setIcon(_glyph_icon("↶"))
        redo.setIcon(_glyph_icon("↷"))
        self.undo = QToolButton()
        self.undo.setDefaultAction(undo)
        self.redo = QToolButton()
        self.redo.setDefaultAction(redo)
        for button in (self.undo, self.redo):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.columns = QToolButton()
        self.columns.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns.setMinimumWidth(56)
        self.columns_menu = QMenu(self.columns)
        self.columns.setMenu(self.columns_menu)
        self.import_ = QToolButton()
        self.export = QToolButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter, 2)
        layout.addWidget(self.count)
        layout.addStretch(1)
        for w in (self.new_ticker, self.add, self.remove, _separator(), self.up, self.down,
                  _separator(), self.undo, self.redo, _separator(), self.columns, self.import_,
                  self.export):
            layout.addWidget(w)

    def retranslate(self, lang: str) -> None:
        self.filter.setPlaceholderText(tr("wl.filter", lang))
        self.new_ticker.setPlaceholderText(tr("wl.add.placeholder", lang))
        self.add.setText(tr("wl.add", lang))
        self.remove.setText(tr("wl.remove", lang))
        self.up.setToolTip(tr("wl.up", lang) + " (Alt+↑)")
        self.down.setToolTip(tr("wl.down", lang) + " (Alt+↓)")
        self.columns.setText(tr("wl.columns", lang))
        self.import_.setText(tr("wl.import", lang))
        self.export.setText(tr("wl.export", lang))


class WatchlistFooter(QWidget):
    """Under the table, like the note's "주:" line: units, then the editable benchmark PERs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        set_tone(self.note, "muted")
        self.note.setMinimumWidth(1)  # a narrow window clips the note rather than growing
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-weight: bold;")
        set_tone(self.message, "error")
        self.bench_label = QLabel()
        self.sp500_label = QLabel()
        self.bigtech_label = QLabel()
        self.sp500 = _bench_box()
        self.bigtech = _bench_box()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note, 1)
        layout.addSpacing(12)
        layout.addWidget(self.message, 1)
        for w in (self.bench_label, self.sp500_label, self.sp500, self.bigtech_label, self.bigtech):
            layout.addWidget(w)

    def retranslate(self, lang: str) -> None:
        self.note.setText(tr("wl.unit_note", lang))
        self.bench_label.setText(f"<b>{tr('wl.bench', lang)}</b>")
        self.sp500_label.setText(tr("wl.bench.sp500", lang))
        self.bigtech_label.setText(tr("wl.bench.bigtech", lang))
        for box in (self.sp500, self.bigtech):
            box.setSuffix(tr("wl.bench.suffix", lang))
