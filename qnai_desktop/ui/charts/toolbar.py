"""Buttons above the chart: date-range presets, log scale, table, copy image."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from ...core.charts.ranges import PRESETS

PRESET_LABELS = {"1M": QT_TRANSLATE_NOOP("ChartToolbar", "1M"),
                 "3M": QT_TRANSLATE_NOOP("ChartToolbar", "3M"),
                 "6M": QT_TRANSLATE_NOOP("ChartToolbar", "6M"),
                 "YTD": QT_TRANSLATE_NOOP("ChartToolbar", "YTD"),
                 "1Y": QT_TRANSLATE_NOOP("ChartToolbar", "1Y"),
                 "All": QT_TRANSLATE_NOOP("ChartToolbar", "All")}


class ChartToolbar(QWidget):
    sig_preset_requested = Signal(str)
    sig_log_toggled = Signal(bool)
    sig_table_toggled = Signal(bool)
    sig_copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.presets = QButtonGroup(self)
        self.preset_buttons: dict[str, QToolButton] = {}
        for name in PRESETS:
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, name=name: self.sig_preset_requested.emit(name))
            self.presets.addButton(button)
            self.preset_buttons[name] = button
            layout.addWidget(button)
        layout.addSpacing(12)
        self.log_button = QToolButton()
        self.log_button.setCheckable(True)
        self.log_button.toggled.connect(self.sig_log_toggled)
        self.table_button = QToolButton()
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self.sig_table_toggled)
        self.copy_button = QToolButton()
        self.copy_button.clicked.connect(self.sig_copy_requested)
        for button in (self.log_button, self.table_button, self.copy_button):
            layout.addWidget(button)
        layout.addStretch(1)
        self.set_preset("All")
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for name, button in self.preset_buttons.items():
            button.setText(self.tr(PRESET_LABELS[name]))
        self.log_button.setText(self.tr("Log"))
        self.log_button.setToolTip(self.tr("Log-scale y axis (line charts only)"))
        self.table_button.setText(self.tr("Table"))
        self.table_button.setToolTip(self.tr("Show the plotted numbers"))
        self.copy_button.setText(self.tr("Copy image"))
        self.copy_button.setToolTip(self.tr("1920×1080 image to the clipboard"))

    def set_preset(self, name: str | None) -> None:
        """Check the preset's button; None (a manual zoom) unchecks them all."""
        self.presets.setExclusive(False)
        for preset, button in self.preset_buttons.items():
            button.setChecked(preset == name)
        self.presets.setExclusive(True)

    def set_log(self, checked: bool, enabled: bool) -> None:
        self.log_button.blockSignals(True)
        self.log_button.setChecked(checked)
        self.log_button.blockSignals(False)
        self.log_button.setEnabled(enabled)

    def set_dates_enabled(self, enabled: bool) -> None:
        """Calendar presets make no sense on a days-since axis: only 'All' stays."""
        for name, button in self.preset_buttons.items():
            button.setEnabled(enabled or name == "All")
