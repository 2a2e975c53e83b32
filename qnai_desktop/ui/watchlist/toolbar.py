"""The Watchlist tab's controls: filter, add/remove/reorder, undo/redo, columns, import/export,
and the benchmark PERs. Only widgets; the tab connects them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter names and thesis (Ctrl+F)"))
        self.new_ticker.setPlaceholderText(self.tr("New ticker"))
        self.add.setText(self.tr("Add"))
        self.remove.setText(self.tr("Remove"))
        self.up.setToolTip(self.tr("Up") + " (Alt+↑)")
        self.down.setToolTip(self.tr("Down") + " (Alt+↓)")
        self.columns.setText(self.tr("Columns"))
        self.import_.setText(self.tr("Import…"))
        self.export.setText(self.tr("Export…"))


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
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.note.setText(self.tr("Note: market cap in USD bn; PER premium (+) / discount (−) vs "
                                  "benchmark"))
        bench = self.tr("Benchmark PER")
        self.bench_label.setText(f"<b>{bench}</b>")
        self.sp500_label.setText(self.tr("S&P 500"))
        self.bigtech_label.setText(self.tr("Big-tech avg"))
        for box in (self.sp500, self.bigtech):
            box.setSuffix(self.tr("x"))
