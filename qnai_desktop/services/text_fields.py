"""Validators for the few pieces of response text a provider may store (the whitelist's checks).

A server's text reaches the cache only through fields that a provider names explicitly, and each
such value is checked to be what it claims to be: an as-of stamp is an ISO date or date-time
(anything else is dropped), an identifier is a short token, a note is short plain text. Keys
echoed by a server are removed afterwards by :mod:`.scrub`, which runs on everything written.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9._+-]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]+")


def iso_stamp(value: object) -> str:
    """``value`` if it is an ISO date or date-time (``2026-07-13``, ``2026-07-13T02:00:00Z``),
    else ``""``: a field that claims to be a date stores a date or nothing."""
    if not isinstance(value, str) or not _ISO_STAMP.fullmatch(value):
        return ""
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        return ""
    return value


def token(value: object, max_len: int = 40) -> str:
    """A lower-case identifier (letters, digits, ``. _ + -``) of at most ``max_len``, else ``""``."""
    if not isinstance(value, str) or len(value) > max_len or not _TOKEN.fullmatch(value):
        return ""
    return value


def plain_text(value: object, max_len: int = 200) -> str:
    """One line of text: control and bidi characters become spaces, runs of space one space,
    cut to ``max_len`` characters (with an ellipsis)."""
    if not isinstance(value, str):
        return ""
    text = " ".join(_CONTROL.sub(" ", value).split())
    return text if len(text) <= max_len else text[: max_len - 1] + "…"
