"""Why a refresh source did not succeed, as a short code the window translates ("연결 실패",
"API 키 없음 — 설정에서 입력"); the source's own sentence (URL, status, detail) stays in
``SourceResult.error`` for the details view and the CLI. Plain functions, no Qt."""

from __future__ import annotations

import re

from .providers.errors import Cancelled, DeadlineError, HttpStatusError, SchemaError

CONNECTION, TIMEOUT, REFUSED, NOT_FOUND, RATE_LIMITED, SERVER_ERROR = (
    "connection", "timeout", "refused", "not_found", "rate_limited", "server_error")
BAD_RESPONSE, NO_KEY, NO_USER_AGENT, NO_LINKS, LINK_BROKEN, UNAVAILABLE, UNEXPECTED, CANCELLED = (
    "bad_response", "no_key", "no_user_agent", "no_links", "link_broken", "unavailable",
    "unexpected", "cancelled")
_HTTP = re.compile(r"\bHTTP (\d{3})\b")


def kind_of_exception(exc: BaseException) -> str:
    """The code of an exception a provider raised."""
    if isinstance(exc, Cancelled):
        return CANCELLED
    if isinstance(exc, DeadlineError):  # the deadline passed while retrying a refused connection
        return CONNECTION if "connection failed" in str(exc) else TIMEOUT
    if isinstance(exc, HttpStatusError):
        return _http_kind(exc.status)
    if isinstance(exc, SchemaError):
        return BAD_RESPONSE
    return kind_of_text(str(exc)) if str(exc) else UNEXPECTED


def kind_of_unavailable(reason: str) -> str:
    """The code of a source's ``unavailable()`` sentence (what it needs before it can run)."""
    if "User-Agent" in reason:
        return NO_USER_AGENT
    if "API key" in reason or " key" in reason:
        return NO_KEY
    if "no linked files" in reason:
        return NO_LINKS
    return UNAVAILABLE


def kind_of_text(error: str) -> str:
    """The code of an error sentence (HTTP client wording: ``services.providers.http``)."""
    text = error.lower()
    if text.startswith("unexpected error"):
        return UNEXPECTED
    if ("gave up after" in text and "deadline" in text) or "timed out" in text \
            or "no complete answer" in text:
        return TIMEOUT
    if "connection failed" in text:
        return CONNECTION
    if m := _HTTP.search(error):
        return _http_kind(int(m[1]))
    if "asks to wait" in text:
        return RATE_LIMITED
    if re.search(r"#\d+ .*: (moved|unreadable|conflict) —", error):
        return LINK_BROKEN
    if "no linked files" in text:
        return NO_LINKS
    if "cancelled" == text:
        return CANCELLED
    return UNEXPECTED


def _http_kind(status: int) -> str:
    if status in (401, 403):
        return REFUSED
    if status == 404:
        return NOT_FOUND
    if status == 429:
        return RATE_LIMITED
    if status >= 500:
        return SERVER_ERROR
    return BAD_RESPONSE
