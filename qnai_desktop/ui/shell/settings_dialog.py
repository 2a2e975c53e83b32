"""Settings: language, theme, house style, cache location and backups, auto-refresh, API keys."""

from __future__ import annotations

from PySide6.QtCore import QUrl
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
from ..common.i18n import register, tr
from ..common.settings import make_settings
from ..common.theme import THEMES, set_tone

register({
    "settings.title": ("설정", "Settings"),
    "settings.language": ("언어", "Language"),
    "settings.theme": ("테마", "Theme"),
    "settings.theme.system": ("시스템 따르기", "Follow system"),
    "settings.theme.light": ("밝게", "Light"),
    "settings.theme.dark": ("어둡게", "Dark"),
    "settings.style": ("차트 하우스 스타일", "Chart house style"),
    "settings.cache": ("캐시 파일", "Cache file"),
    "settings.open_folder": ("폴더 열기", "Open folder"),
    "settings.backups": ("보관할 자동 백업 수", "Automatic backups kept"),
    "settings.refresh_interval": ("자동 새로고침 간격(분, 0=끔)", "Auto-refresh every (minutes, 0 = off)"),
    "settings.refresh_sources": ("자동 새로고침 소스", "Auto-refresh sources"),
    "settings.openrouter_key": ("OpenRouter API 키", "OpenRouter API key"),
    "settings.key_stored": ("저장됨: {masked}", "Stored: {masked}"),
    "settings.key_none": ("저장된 키 없음", "No key stored"),
    "settings.key_hint": ("키는 OS 키링에만 저장됩니다", "Keys are kept only in the OS keyring"),
})

REFRESH_SOURCES = list(PROVIDERS)


class SettingsDialog(QDialog):
    """Reads QSettings on open, writes on OK; API keys go to the OS keyring."""

    def __init__(self, cache_path: str, lang: str, styles: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        s = make_settings()
        self.setWindowTitle(tr("settings.title", lang))
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, key in (("ko", "action.lang_ko"), ("en", "action.lang_en")):
            self.language.addItem(tr(key, lang), code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.value("main/lang", lang))))
        form.addRow(tr("settings.language", lang), self.language)
        self.theme = QComboBox()
        for code in THEMES:
            self.theme.addItem(tr(f"settings.theme.{code}", lang), code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.value("ui/theme", "system"))))
        form.addRow(tr("settings.theme", lang), self.theme)
        self.style_box = QComboBox()
        self.style_box.addItems(styles)
        current_style = str(s.value("export/style", styles[0] if styles else ""))
        if current_style in styles:
            self.style_box.setCurrentText(current_style)
        form.addRow(tr("settings.style", lang), self.style_box)
        row = QWidget()
        hl = QHBoxLayout(row)
        hl.setContentsMargins(0, 0, 0, 0)
        self.cache_label = QLabel(cache_path)
        self.cache_label.setToolTip(cache_path)
        open_btn = QPushButton(tr("settings.open_folder", lang))
        open_btn.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(__import__("pathlib").Path(cache_path).parent))))
        hl.addWidget(self.cache_label, 1)
        hl.addWidget(open_btn)
        form.addRow(tr("settings.cache", lang), row)
        self.backups = QSpinBox()
        self.backups.setRange(0, 100)
        self.backups.setValue(int(s.value("cache/backups_keep", 5)))
        form.addRow(tr("settings.backups", lang), self.backups)
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 60)
        self.interval.setValue(int(s.value("refresh/interval_min", 0)))
        form.addRow(tr("settings.refresh_interval", lang), self.interval)
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
        form.addRow(tr("settings.refresh_sources", lang), src_row)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        stored = get_key("openrouter")
        self.key_status = QLabel(tr("settings.key_stored", lang, masked=masked(stored)) if stored
                                 else tr("settings.key_none", lang))
        self.key.setPlaceholderText(tr("settings.key_hint", lang))
        form.addRow(tr("settings.openrouter_key", lang), self.key)
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
