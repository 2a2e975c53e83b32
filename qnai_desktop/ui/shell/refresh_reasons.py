"""A refresh source's short reason in the UI language (codes: ``services.refresh_reasons``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

REASONS = {
    "connection": QT_TRANSLATE_NOOP("RefreshReasons", "connection failed"),
    "timeout": QT_TRANSLATE_NOOP("RefreshReasons", "no answer in time"),
    "refused": QT_TRANSLATE_NOOP("RefreshReasons", "refused by the server — check the key or User-Agent"),
    "not_found": QT_TRANSLATE_NOOP("RefreshReasons", "not found on the server"),
    "rate_limited": QT_TRANSLATE_NOOP("RefreshReasons", "too many requests — try again later"),
    "server_error": QT_TRANSLATE_NOOP("RefreshReasons", "server error — try again later"),
    "bad_response": QT_TRANSLATE_NOOP("RefreshReasons", "unexpected answer from the server"),
    "no_key": QT_TRANSLATE_NOOP("RefreshReasons", "no API key — enter it in Settings"),
    "no_user_agent": QT_TRANSLATE_NOOP("RefreshReasons", "no SEC User-Agent — enter it in Settings"),
    "no_links": QT_TRANSLATE_NOOP("RefreshReasons", "no linked files"),
    "link_broken": QT_TRANSLATE_NOOP("RefreshReasons", "a linked file moved or could not be read"),
    "unavailable": QT_TRANSLATE_NOOP("RefreshReasons", "not available"),
    "cancelled": QT_TRANSLATE_NOOP("RefreshReasons", "cancelled"),
    "unexpected": QT_TRANSLATE_NOOP("RefreshReasons", "unexpected error"),
}


def reason_text(kind: str) -> str:
    """``"no_key"`` → "API 키 없음 — 설정에서 입력" (Korean UI)."""
    return QCoreApplication.translate("RefreshReasons", REASONS.get(kind, REASONS["unexpected"]))
