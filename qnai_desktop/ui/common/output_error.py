"""An output path problem in the app's error dialog: the CLI's sentence, in Korean or English.

``services.output_paths.OutputPathError`` carries the path and the kind of problem; here each
kind gets its Korean words (the English ones are the service's own, so the GUI and the CLI say
the same thing), and :func:`show_output_error` opens the dialog without a traceback.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ...services.output_paths import REASONS, OutputPathError
from .error_dialog import ErrorDialog
from .i18n import register, tr

_KO = {
    "name_too_long": "이름이 너무 깁니다",
    "read_only": "폴더가 읽기 전용입니다",
    "read_only_fs": "드라이브가 읽기 전용입니다",
    "not_a_folder": "{part}은(는) 폴더가 아니라 파일입니다",
    "is_a_folder": "같은 이름의 폴더가 있습니다",
    "no_folder": "폴더가 없습니다",
    "disk_full": "디스크가 가득 찼습니다",
    "other": "{detail}",
}
register({"output.cannot_write": ("{path}에 쓸 수 없습니다: {reason}", "cannot write {path}: {reason}"),
          **{f"output.reason.{kind}": (_KO[kind], en) for kind, en in REASONS.items()}})

log = logging.getLogger("qnai.ui")


def output_error_text(exc: BaseException, lang: str) -> str:
    """One line: "cannot write PATH: reason" in ``lang`` (``str(exc)`` for other errors)."""
    if not isinstance(exc, OutputPathError):
        return str(exc)
    reason = tr(f"output.reason.{exc.kind}", lang, **exc.reason_args())
    return tr("output.cannot_write", lang, path=str(exc.path), reason=reason)


def show_output_error(parent: QWidget | None, exc: BaseException, lang: str) -> ErrorDialog:
    """Open (window-modal, not blocking) the error dialog with the sentence; no details."""
    text = output_error_text(exc, lang)
    log.error("%s", text)
    dialog = ErrorDialog(text, "", lang, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
