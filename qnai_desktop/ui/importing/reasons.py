"""The import dialog's sentences: why a file was refused (in her language) and the counts.

The importers (Qt-free) say why in English — "not a valid date (month must be in 1..12)" — and
the dialog already puts the row, column and value in Korean before it ("57행, '날짜' 열, 값
'2026.13.45'"). Each known reason is matched here and its template translated through Qt
Linguist (context ``ImportReasons``), the quoted pieces (days, ids, counts) carried over; a
reason not listed stays as the importer wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...core.changes import ChangeSet
from ...services.datasets import DatasetError


def _pattern(template: str) -> re.Pattern[str]:
    """The English template as a pattern: ``{name}`` matches any text, the rest literally."""
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)"
                              for i, p in enumerate(parts)))


T = "ImportReasons"  # lupdate needs the literal context below; this is for the lookups
# The importers' reasons, most specific first (the source text is the English reason).
REASONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ImportReasons", "not a valid date ({detail})"),
    QT_TRANSLATE_NOOP("ImportReasons", "cannot read as a date"),
    QT_TRANSLATE_NOOP("ImportReasons", "cannot read as a number (',' is read as a thousands separator)"),
    QT_TRANSLATE_NOOP("ImportReasons", "cannot read as a number"),
    QT_TRANSLATE_NOOP("ImportReasons", "number too large (not finite)"),
    QT_TRANSLATE_NOOP("ImportReasons", "not a finite number"),
    QT_TRANSLATE_NOOP("ImportReasons", "a value without a date"),
    QT_TRANSLATE_NOOP("ImportReasons", "a row without a series id"),
    QT_TRANSLATE_NOOP("ImportReasons", "a row without a date"),
    QT_TRANSLATE_NOOP("ImportReasons",
                      "date {day} appears twice for series {sid} (rows {first} and {second})"),
    QT_TRANSLATE_NOOP("ImportReasons", "more cells than the header's {width}"),
    QT_TRANSLATE_NOOP("ImportReasons", "a TRUE/FALSE cell is not a number"),
    QT_TRANSLATE_NOOP("ImportReasons", "a TRUE/FALSE cell is not a date"),
    QT_TRANSLATE_NOOP("ImportReasons", "a date where a number was expected"),
    QT_TRANSLATE_NOOP("ImportReasons", "Excel error {text}"),
    QT_TRANSLATE_NOOP("ImportReasons", "Bloomberg was still loading when the sheet was saved"),
    QT_TRANSLATE_NOOP("ImportReasons", "number {number} is not an Excel date serial ({range})"),
    QT_TRANSLATE_NOOP("ImportReasons", "values in a column without a header"),
    QT_TRANSLATE_NOOP("ImportReasons", "no values found (every value cell is blank or #N/A)"),
    QT_TRANSLATE_NOOP("ImportReasons", "not a readable CSV file ({detail})"),
    QT_TRANSLATE_NOOP("ImportReasons", 'a quoted cell is never closed (a " without its closing ")'),
)
# Python's own date errors inside "not a valid date (…)"
DETAILS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ImportReasons", "month must be in 1..12"),
    QT_TRANSLATE_NOOP("ImportReasons", "day is out of range for month"),
    QT_TRANSLATE_NOOP("ImportReasons", "year {year} is out of range"),
)
_REASONS = tuple((_pattern(t), t) for t in REASONS)
_DETAILS = tuple((_pattern(t), t) for t in DETAILS)


def _translated(text: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str | None:
    for pattern, template in table:
        m = pattern.fullmatch(text)
        if m:
            fields = m.groupdict()
            if "detail" in fields:
                fields["detail"] = _translated(fields["detail"], _DETAILS) or fields["detail"]
            return QCoreApplication.translate(T, template).format(**fields)
    return None


def reason_text(reason: str) -> str:
    """The importer's English reason in the UI language (unknown reasons unchanged)."""
    return _translated(reason.strip(), _REASONS) or reason


def describe_error(error: DatasetError | str) -> str:
    """'57행, '날짜' 열, 값 '2026.13.45': reason' — where first, as the analyst looks for it."""
    if isinstance(error, str):
        return error
    reason = str(error).split(": ", 1)[-1].rsplit(" [", 1)[0]
    value = getattr(error, "value", None)
    if value is not None:
        reason = reason.rsplit(" (value ", 1)[0]
    where = []
    if error.row is not None:
        where.append(QCoreApplication.translate("ImportDialog", "row {row}").format(row=error.row))
    if error.column is not None:
        where.append(QCoreApplication.translate("ImportDialog", "column '{column}'").format(
            column=error.column))
    if value is not None:
        where.append(QCoreApplication.translate("ImportDialog", "value '{value}'").format(value=value))
    reason = reason_text(reason)
    return f"{', '.join(where)}: {reason}" if where else reason


def summary(change: ChangeSet) -> str:
    text = QCoreApplication.translate("ImportDialog", "{added:,} added, {changed:,} changed, "
                                      "{unchanged:,} unchanged")
    return text.format(added=change.added, changed=change.changed, unchanged=change.unchanged)
