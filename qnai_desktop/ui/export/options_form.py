"""The export options both dialogs share: size preset or custom size, scale, background, style,
language. Reads and writes :class:`ExportOptions`; remembers the last choice in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ...services.export_plan import MAX_SCALE, MAX_SIDE, MIN_SIDE, SIZE_PRESETS, ExportOptions
from ..common.i18n import current_language
from ..common.settings import make_settings
from ..common.style import available_styles, load_style

CUSTOM = "custom"
PRESETS = {"slide_16_9": QT_TRANSLATE_NOOP("OptionsForm", "16:9 full slide (1920\u00d71080)"),
           "half_16_9": QT_TRANSLATE_NOOP("OptionsForm", "16:9 half slide (960\u00d7540)"),
           "slide_4_3": QT_TRANSLATE_NOOP("OptionsForm", "4:3 slide (1440\u00d71080)"),
           "custom": QT_TRANSLATE_NOOP("OptionsForm", "Custom")}


class OptionsForm(QWidget):
    """Size, scale, transparency, style and language of an export."""

    sig_options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = QComboBox()
        for key in (*SIZE_PRESETS, CUSTOM):
            self.preset.addItem(key, key)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box in (self.width_box, self.height_box):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSuffix(" px")
        size_row = QHBoxLayout()
        size_row.addWidget(self.preset, 1)
        size_row.addWidget(self.width_box)
        size_row.addWidget(self.height_box)
        self.scale = QSpinBox()
        self.scale.setRange(1, MAX_SCALE)
        self.scale.setSuffix("×")
        self.transparent = QCheckBox()
        self.style_box = QComboBox()
        self._styles = {}
        for name in available_styles():
            try:
                self._styles[name] = load_style(name)
            except ValueError:
                continue  # a broken style file must not break the dialog
            self.style_box.addItem(name, name)
        self.lang_box = QComboBox()
        for code in ("ko", "en"):
            self.lang_box.addItem(code, code)

        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.labels[0], size_row)
        form.addRow(self.labels[1], self.scale)
        form.addRow("", self.transparent)
        form.addRow(self.labels[2], self.style_box)
        form.addRow(self.labels[3], self.lang_box)
        self.retranslate()

        self.preset.currentIndexChanged.connect(self._preset_changed)
        for box in (self.width_box, self.height_box, self.scale):
            box.valueChanged.connect(lambda _v: self.sig_options_changed.emit())
        for combo in (self.style_box, self.lang_box):
            combo.currentIndexChanged.connect(lambda _i: self.sig_options_changed.emit())
        self.transparent.toggled.connect(lambda _on: self.sig_options_changed.emit())
        self.restore(current_language())  # titles and sources in the UI's language, unless chosen

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for i in range(self.preset.count()):
            self.preset.setItemText(i, self.tr(PRESETS[self.preset.itemData(i)]))
        self.transparent.setText(self.tr("Transparent background (PNG/SVG)"))
        lang = current_language()  # a house style's name is the style file's content
        for i in range(self.style_box.count()):
            self.style_box.setItemText(i, self._styles[self.style_box.itemData(i)].label(lang))
        self.lang_box.setItemText(0, self.tr("Korean"))
        self.lang_box.setItemText(1, self.tr("English"))
        for label, text in zip(self.labels, (self.tr("Size"), self.tr("Scale (PNG)"), self.tr("Style"),
                                             self.tr("Language of titles and sources")), strict=True):
            label.setText(text)

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        custom = key == CUSTOM
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)
        if not custom:
            w, h = SIZE_PRESETS[key]
            self.width_box.setValue(w)
            self.height_box.setValue(h)
        self.sig_options_changed.emit()

    def set_size(self, width: int, height: int) -> None:
        key = next((k for k, v in SIZE_PRESETS.items() if v == (width, height)), CUSTOM)
        self.preset.setCurrentIndex(self.preset.findData(key))
        self.width_box.setValue(width)
        self.height_box.setValue(height)
        self._preset_changed()

    def options(self, formats: tuple[str, ...]) -> ExportOptions:
        """The chosen options for ``formats`` (ValueError if the combination is impossible)."""
        return ExportOptions(formats=formats, width=self.width_box.value(),
                             height=self.height_box.value(), scale=self.scale.value(),
                             lang=self.lang_box.currentData(), transparent=self.transparent.isChecked(),
                             style=self.style_box.currentData() or "house_default")

    # -- persistence ---------------------------------------------------------------------
    def restore(self, lang: str) -> None:
        s = make_settings()
        self.set_size(int(s.value("export/width", 1920)), int(s.value("export/height", 1080)))
        self.scale.setValue(int(s.value("export/scale", 1)))
        self.transparent.setChecked(str(s.value("export/transparent", "false")) == "true")
        style = self.style_box.findData(str(s.value("export/style", "house_default")))
        self.style_box.setCurrentIndex(max(0, style))
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(lang)))

    def save(self) -> None:
        s = make_settings()
        s.setValue("export/width", self.width_box.value())
        s.setValue("export/height", self.height_box.value())
        s.setValue("export/scale", self.scale.value())
        s.setValue("export/transparent", "true" if self.transparent.isChecked() else "false")
        s.setValue("export/style", self.style_box.currentData())
