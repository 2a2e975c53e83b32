"""Buttons above the chart: date-range presets, log scale, table, copy image."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from ...core.charts.ranges import PRESETS
from ..common.i18n import register, tr

register({
    "charts.preset.1M": ("1개월", "1M"),
    "charts.preset.3M": ("3개월", "3M"),
    "charts.preset.6M": ("6개월", "6M"),
    "charts.preset.YTD": ("연초 이후", "YTD"),
    "charts.preset.1Y": ("1년", "1Y"),
    "charts.preset.All": ("전체", "All"),
    "charts.log": ("로그", "Log"),
    "charts.log_tip": ("세로축 로그 스케일 (선 차트만)", "Log-scale y axis (line charts only)"),
    "charts.table": ("표", "Table"),
    "charts.table_tip": ("그려진 수치를 표로 보기", "Show the plotted numbers"),
    "charts.copy": ("이미지 복사", "Copy image"),
    "charts.copy_tip": ("1920×1080 PNG를 클립보드로 (슬라이드용)", "1920×1080 image to the clipboard"),
})


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

    def retranslate(self, lang: str) -> None:
        for name, button in self.preset_buttons.items():
            button.setText(tr(f"charts.preset.{name}", lang))
        for button, key in ((self.log_button, "charts.log"), (self.table_button, "charts.table"),
                            (self.copy_button, "charts.copy")):
            button.setText(tr(key, lang))
            button.setToolTip(tr(key + "_tip", lang))

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
