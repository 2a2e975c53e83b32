"""Formula injection (OWASP "CSV injection"): escaping text for spreadsheets, and undoing it.

A text cell starting with ``= + - @`` (or a tab / carriage return) runs as a formula when Excel,
Sheets or LibreOffice open the file, so every text cell the app writes to CSV, XLSX or the
clipboard goes through :func:`escape_formula` (a leading ``'``), and every text cell read back
from a file goes through :func:`unescape_formula`. Text that already starts with ``'`` gets one
more, so the inverse is exact for any text: export → import gives back what was stored. Numbers
are never escaped (a negative number is a number, not a formula).
"""

from __future__ import annotations

#: Cells starting with these are formulas to Excel/Sheets/LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_NEXT = frozenset("=+-@\t\r'")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula."""
    return text.startswith(FORMULA_PREFIXES)


def escape_formula(text: str) -> str:
    """``=1+1`` → ``'=1+1``; ``'a`` → ``''a`` (so :func:`unescape_formula` is exact); else unchanged."""
    return "'" + text if text.startswith((*FORMULA_PREFIXES, "'")) else text


def unescape_formula(text: str) -> str:
    """Undo :func:`escape_formula`: drop a leading ``'`` that stands before a formula character or
    another ``'``. A lone ``'`` or ``'abc`` (not something we escaped) is kept as it is."""
    if len(text) > 1 and text[0] == "'" and text[1] in _ESCAPED_NEXT:
        return text[1:]
    return text
