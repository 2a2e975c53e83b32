"""Settings: language, theme, house style, cache location and backups, auto-refresh, API keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...services.providers import PROVIDERS
from ...services.secrets import SecretStoreError, get_key, masked, set_key
from ..common.i18n import current_language
from ..common.settings import make_settings
from ..common.theme import THEMES, set_tone

REFRESH_SOURCES = list(PROVIDERS)


class SettingsDialog(QDialog):
    """Reads QSettings on open, writes on OK; API keys go to the OS keyring."""

    def __init__(self, cache_path: str, styles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        s = make_settings()
        self.form = form = QFormLayout(self)
        self.language = QComboBox()
        for code in ("ko", "en"):
            self.language.addItem("", code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        form.addRow(QLabel(), self.language)
        self.theme = QComboBox()
        for code in THEMES:
            self.theme.addItem("", code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.value("ui/theme", "system"))))
        form.addRow(QLabel(), self.theme)
        self.style_box = QComboBox()
        self.style_box.addItems(styles)
        current_style = str(s.value("export/style", styles[0] if styles else ""))
        if current_style in styles:
            self.style_box.setCurrentText(current_style)
        form.addRow(QLabel(), self.style_box)
        row = QWidget()
        hl = QHBoxLayout(row)
        hl.setContentsMargins(0, 0, 0, 0)
        self.cache_label = QLabel(cache_path)
        self.cache_label.setToolTip(cache_path)
        self.open_button = open_btn = QPushButton()
        open_btn.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(__import__("pathlib").Path(cache_path).parent))))
        hl.addWidget(self.cache_label, 1)
        hl.addWidget(open_btn)
        self.cache_row = row
        form.addRow(QLabel(), row)
        self.backups = QSpinBox()
        self.backups.setRange(0, 100)
        self.backups.setValue(int(s.value("cache/backups_keep", 5)))
        form.addRow(QLabel(), self.backups)
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 60)
        self.interval.setValue(int(s.value("refresh/interval_min", 0)))
        form.addRow(QLabel(), self.interval)
        chosen = set(str(s.value("refresh/sources", ",".join(REFRESH_SOURCES))).split(","))
        self.sources: dict[str, QCheckBox] = {}
        src_row = QWidget()
        sl = QHBoxLayout(src_row)
        sl.setContentsMargins(0, 0, 0, 0)
        for name in REFRESH_SOURCES:
            box = QCheckBox(name)
            box.setChecked(name in chosen)
            self.sources[name] = box
            sl.addWidget(box)
        self.sources_row = src_row
        form.addRow(QLabel(), src_row)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self._stored_key = get_key("openrouter")
        self.key_status = QLabel()
        form.addRow(QLabel(), self.key)
        form.addRow("", self.key_status)
        self.error = QLabel()
        set_tone(self.error, "error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save_and_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language.setItemText(0, self.tr("Korean"))
        self.language.setItemText(1, self.tr("English"))
        themes = {"system": self.tr("Follow system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for i in range(self.theme.count()):
            self.theme.setItemText(i, themes.get(self.theme.itemData(i), self.theme.itemData(i)))
        rows = {self.language: self.tr("Language"), self.theme: self.tr("Theme"),
                self.style_box: self.tr("Chart house style"), self.cache_row: self.tr("Cache file"),
                self.backups: self.tr("Automatic backups kept"),
                self.interval: self.tr("Auto-refresh every (minutes, 0 = off)"),
                self.sources_row: self.tr("Auto-refresh sources"), self.key: self.tr("OpenRouter API key")}
        for field, text in rows.items():
            self.form.labelForField(field).setText(text)
        self.open_button.setText(self.tr("Open folder"))
        self.key_status.setText(self.tr("Stored: {masked}").format(masked=masked(self._stored_key))
                                if self._stored_key else self.tr("No key stored"))
        self.key.setPlaceholderText(self.tr("Keys are kept only in the OS keyring"))

    def values(self) -> dict[str, object]:
        return {"main/lang": self.language.currentData(), "ui/theme": self.theme.currentData(),
                "export/style": self.style_box.currentText(),
                "cache/backups_keep": self.backups.value(),
                "refresh/interval_min": self.interval.value(),
                "refresh/sources": ",".join(n for n, b in self.sources.items() if b.isChecked())}

    def save_and_accept(self) -> None:
        if self.key.text():
            try:
                set_key("openrouter", self.key.text().strip())
            except SecretStoreError as exc:
                self.error.setText(str(exc))
                return
        s = make_settings()
        for key, value in self.values().items():
            s.setValue(key, value)
        s.sync()
        self.accept()
