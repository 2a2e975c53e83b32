"""One friendly dialog for every failure: a short sentence, collapsible copyable details."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent
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
from .theme import set_tone

log = logging.getLogger("qnai.ui")


class ErrorDialog(QDialog):
    """Summary sentence on top; details (traceback or message) hidden until asked for."""

    def __init__(self, summary: str, details: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(redact(details))
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.toggle = QPushButton()
        self.toggle.setEnabled(bool(details))
        self.toggle.clicked.connect(self.toggle_details)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_details)
        self.where = where = QLabel()
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
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Error"))
        self.toggle.setText(self.tr("Hide details") if self.details.isVisibleTo(self)
                            else self.tr("Show details"))
        self.copy_button.setText(self.tr("Copy"))
        self.where.setText(self.tr("Log file: {path}").format(path=str(log_path())))

    def toggle_details(self) -> None:
        show = not self.details.isVisible()
        self.details.setVisible(show)
        self.retranslate()
        self.resize(self.width(), 420 if show else 180)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.summary.text()}\n\n{self.details.toPlainText()}")


def show_error(summary: str, details: str = "", parent: QWidget | None = None) -> None:
    log.error("%s\n%s", summary, details)
    ErrorDialog(summary, details, parent).exec()


def install_excepthook(parent_getter, on_damage: Callable[[BaseException], None] | None = None) -> None:
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
        summary = str(exc) if isinstance(exc, StoreError) else QCoreApplication.translate(
            "ErrorDialog", "Something unexpected went wrong. Your cached data is safe.")
        try:
            ErrorDialog(summary, details, parent_getter()).exec()
        except Exception:
            pass

    sys.excepthook = hook
