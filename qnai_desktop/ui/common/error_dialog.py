"""One friendly dialog for every failure: a short sentence, collapsible copyable details."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...logs import log_path, redact
from .i18n import register, tr
from .theme import set_tone

register({
    "error.details_show": ("자세히 보기", "Show details"),
    "error.details_hide": ("자세히 숨기기", "Hide details"),
    "error.copy": ("복사", "Copy"),
    "error.unexpected": ("예상하지 못한 오류가 발생했습니다. 작업 중이던 데이터는 안전합니다.",
                         "Something unexpected went wrong. Your cached data is safe."),
    "error.log_at": ("로그 파일: {path}", "Log file: {path}"),
})

log = logging.getLogger("qnai.ui")


class ErrorDialog(QDialog):
    """Summary sentence on top; details (traceback or message) hidden until asked for."""

    def __init__(self, summary: str, details: str = "", lang: str = "ko",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(tr("error.title", lang))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(redact(details))
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.toggle = QPushButton(tr("error.details_show", lang))
        self.toggle.setEnabled(bool(details))
        self.toggle.clicked.connect(self.toggle_details)
        self.copy_button = QPushButton(tr("error.copy", lang))
        self.copy_button.clicked.connect(self.copy_details)
        where = QLabel(tr("error.log_at", lang, path=str(log_path())))
        set_tone(where, "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.addButton(self.toggle, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.resize(560, 180)

    def toggle_details(self) -> None:
        show = not self.details.isVisible()
        self.details.setVisible(show)
        self.toggle.setText(tr("error.details_show" if not show else "error.details_hide", self.lang))
        self.resize(self.width(), 420 if show else 180)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.summary.text()}\n\n{self.details.toPlainText()}")


def show_error(summary: str, details: str = "", lang: str = "ko",
               parent: QWidget | None = None) -> None:
    log.error("%s\n%s", summary, details)
    ErrorDialog(summary, details, lang, parent).exec()


def install_excepthook(lang_getter, parent_getter,
                       on_damage: Callable[[BaseException], None] | None = None) -> None:
    """Unhandled exceptions in slots show the dialog instead of vanishing into stderr.

    Damage SQLite reports goes to ``on_damage`` (the window then offers a restore) instead of
    the generic dialog; the store's own errors show their sentence, not "unexpected"."""
    from ...store import health
    from ...store.errors import CorruptCacheError, StoreError

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unhandled exception\n%s", details)
        sys.__stderr__.write(redact(details)) if sys.__stderr__ else None
        if on_damage is not None and (isinstance(exc, CorruptCacheError) or health.is_damage(exc)):
            on_damage(exc)
            return
        summary = str(exc) if isinstance(exc, StoreError) else tr("error.unexpected", lang_getter())
        try:
            ErrorDialog(summary, details, lang_getter(), parent_getter()).exec()
        except Exception:
            pass

    sys.excepthook = hook
