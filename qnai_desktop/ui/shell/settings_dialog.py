"""Settings: language, theme, house style, cache location and backups, auto-refresh, and what the
data sources need — the SEC User-Agent (a cache setting, written as an operation) and the API keys
(OS keyring only), through the same ``services.source_settings`` / ``services.secrets`` calls as
the CLI's ``fundamentals set-user-agent`` / ``set-key``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...services.fundamentals.sec import UA_SETTING
from ...services.providers import PROVIDERS
from ...services.secrets import SecretStoreError, get_key, masked, set_key
from ...services.source_settings import KEY_FIELDS, UserAgentError, normalize_user_agent, set_user_agent
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.operations import run_op
from ..common.settings import make_settings
from ..common.theme import THEMES, set_tone

#: what ``refresh`` runs (``services.refresh_sources.configured_providers``): the market-data
#: providers, then SEC filings and end-of-day quotes, then the linked workbooks
REFRESH_SOURCES = [*PROVIDERS, "sec", "quotes", "links"]


class SettingsDialog(QDialog):
    """Reads QSettings on open, writes on OK; API keys go to the OS keyring."""

    def __init__(self, cache_path: str, styles: list[str], parent: QWidget | None = None,
                 ctx: AppContext | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        sl = QGridLayout(src_row)
        sl.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(REFRESH_SOURCES):
            box = QCheckBox(name)
            box.setChecked(name in chosen)
            self.sources[name] = box
            sl.addWidget(box, i // 5, i % 5)
        self.sources_row = src_row
        form.addRow(QLabel(), src_row)
        self.sources_box = QGroupBox()
        sform = self.sources_form = QFormLayout(self.sources_box)
        self.user_agent = QLineEdit(ctx.cache.settings.get(UA_SETTING) or "" if ctx else "")
        self.user_agent.setEnabled(ctx is not None)
        self.user_agent.textEdited.connect(lambda _t: self._check_user_agent())
        self.user_agent_note = QLabel()
        self.user_agent_note.setWordWrap(False)  # one line: a wrapped label in a form row leaves a gap
        sform.addRow(QLabel(), self.user_agent)
        sform.addRow("", self.user_agent_note)
        self.keys: dict[str, QLineEdit] = {}
        self.key_states: dict[str, QLabel] = {}
        self._stored: dict[str, str | None] = {}
        for name in KEY_FIELDS:
            edit = self.keys[name] = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self._stored[name] = _stored_key(name)
            self.key_states[name] = QLabel()
            sform.addRow(QLabel(), edit)
            sform.addRow("", self.key_states[name])
        self.key, self.key_status = self.keys["openrouter"], self.key_states["openrouter"]
        self._stored_key = self._stored["openrouter"]
        form.addRow(self.sources_box)
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
                self.sources_row: self.tr("Auto-refresh sources")}
        for field, text in rows.items():
            self.form.labelForField(field).setText(text)
        self.sources_box.setTitle(self.tr("Data sources"))
        self.open_button.setText(self.tr("Open folder"))
        self.sources_form.labelForField(self.user_agent).setText(self.tr("SEC User-Agent"))
        self.user_agent.setPlaceholderText(
            self.tr("Your name and e-mail, e.g. Jane Analyst jane@example.com"))
        self._check_user_agent()
        labels = {"openrouter": self.tr("OpenRouter API key"),
                  "tiingo": self.tr("Quote service key (Tiingo)"),
                  "artificial_analysis": self.tr("Artificial Analysis API key")}
        for name, edit in self.keys.items():
            self.sources_form.labelForField(edit).setText(labels[name])
            edit.setPlaceholderText(self.tr("Keys are kept only in the OS keyring"))
            stored = self._stored[name]
            self.key_states[name].setText(self.tr("Stored: {masked}").format(masked=masked(stored))
                                          if stored else self.tr("No key stored"))

    def focus_field(self, name: str) -> QLineEdit | None:
        """Put the cursor in the field a source needs (``sec_user_agent`` or a key name)."""
        edit = self.user_agent if name == "sec_user_agent" else self.keys.get(name)
        if edit is not None:
            edit.setFocus()
        return edit

    def _check_user_agent(self) -> bool:
        """The inline note under the User-Agent field; False when the text would be refused."""
        text = self.user_agent.text().strip()
        ok = True
        if not text:
            note = self.tr("SEC filings (share counts) and Meta's ad metrics need it; "
                           "SEC asks for your name and a contact e-mail.")
        else:
            try:
                normalize_user_agent(text)
                note = self.tr("Sent to SEC EDGAR with every request.")
            except UserAgentError:
                ok = False
                note = self.tr("SEC asks for a name and a contact e-mail, "
                               "e.g. \"Jane Analyst jane@example.com\".")
        self.user_agent_note.setText(note)
        set_tone(self.user_agent_note, "" if ok else "error")
        return ok

    def values(self) -> dict[str, object]:
        return {"main/lang": self.language.currentData(), "ui/theme": self.theme.currentData(),
                "export/style": self.style_box.currentText(),
                "cache/backups_keep": self.backups.value(),
                "refresh/interval_min": self.interval.value(),
                "refresh/sources": ",".join(n for n, b in self.sources.items() if b.isChecked())}

    def save_and_accept(self) -> None:
        """Check the User-Agent, store the keys, then the settings; stay open on a problem."""
        if not self._check_user_agent():
            self.error.setText(self.user_agent_note.text())
            self.user_agent.setFocus()
            return
        for name, edit in self.keys.items():
            if not edit.text().strip():
                continue
            try:
                set_key(name, edit.text().strip())
            except SecretStoreError as exc:
                self.error.setText(self.tr("No OS keyring is available to keep the key; install "
                                           "and unlock one (e.g. GNOME Keyring or KWallet)."))
                self.error.setToolTip(str(exc))
                return
        ua = self.user_agent.text().strip()
        if self.ctx is not None and ua != (self.ctx.cache.settings.get(UA_SETTING) or ""):
            self.pending_op = run_op(self.ctx, self.parentWidget(), set_user_agent, ua).run()
        s = make_settings()
        for key, value in self.values().items():
            s.setValue(key, value)
        s.sync()
        self.accept()


def _stored_key(name: str) -> str | None:
    try:
        return get_key(name)
    except Exception:  # no keyring module or backend at all: nothing stored to show
        return None
