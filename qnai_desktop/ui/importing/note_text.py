"""The import preview's notes (``ImportPreview.notes``, English from the readers) in the UI
language: the known sentences are matched and translated; anything else (a Bloomberg header's
own "Start Date: …" lines) is shown as the file has it."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_NOTES = [
    (re.compile(r"^delimiter (?P<d>.+)$"), QT_TRANSLATE_NOOP("ImportNotes", "delimiter {d}")),
    (re.compile(r"^sheet (?P<s>.+) skipped: no table$"),
     QT_TRANSLATE_NOOP("ImportNotes", "sheet {s} skipped: no table")),
    (re.compile(r"^(?P<n>\d+) row\(s\) above the header read as notes$"),
     QT_TRANSLATE_NOOP("ImportNotes", "{n} row(s) above the header read as notes")),
    (re.compile(r"^NN/NN/YYYY dates read day-first \(a first part is above 12\)$"),
     QT_TRANSLATE_NOOP("ImportNotes", "NN/NN/YYYY dates read day-first (a first part is above 12)")),
    (re.compile(r"^(?P<label>.+): no values \(blank or #N/A\), skipped$"),
     QT_TRANSLATE_NOOP("ImportNotes", "{label}: no values (blank or #N/A), skipped")),
]


def note_text(note: str) -> str:
    """``"1 row(s) above the header read as notes"`` → "머리글 위 1개 행은 메모로 읽음" (Korean UI)."""
    for pattern, text in _NOTES:
        if m := pattern.match(note):
            return QCoreApplication.translate("ImportNotes", text).format(**m.groupdict())
    return note
