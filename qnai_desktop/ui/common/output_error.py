"""An output path problem in the app's error dialog: the CLI's sentence, in Korean or English.

``services.output_paths.OutputPathError`` carries the path and the kind of problem; its words in
both languages are the pairs in ``core.phrases`` (the CLI prints the English ones), and
:func:`show_output_error` opens the dialog without a traceback.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ...services.output_paths import OutputPathError
from .error_dialog import ErrorDialog
from .i18n import current_language

log = logging.getLogger("qnai.ui")


def output_error_text(exc: BaseException) -> str:
    """One line: "cannot write PATH: reason" in the UI language (``str(exc)`` for other errors)."""
    if not isinstance(exc, OutputPathError):
        return str(exc)
    return exc.text(current_language())


def show_output_error(parent: QWidget | None, exc: BaseException) -> ErrorDialog:
    """Open (window-modal, not blocking) the error dialog with the sentence; no details."""
    text = output_error_text(exc)
    log.error("%s", text)
    dialog = ErrorDialog(text, "", parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
