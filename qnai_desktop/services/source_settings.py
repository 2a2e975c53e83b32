"""What a source needs before it can run — the SEC User-Agent and the API keys — and each
configured source's state, for the CLI and the window alike (one path, no Qt).

* The SEC User-Agent ("name e-mail", SEC's fair-access policy) is the cache setting
  ``sec.user_agent``: :func:`set_user_agent` validates and stores it (``fundamentals
  set-user-agent`` and Settings both call it); ``QNAI_SEC_USER_AGENT`` still wins at fetch time.
* Keys live in the OS keyring only (``services.secrets``): :data:`KEY_FIELDS` names the ones
  Settings offers, under the names the providers read.
* :func:`source_states` is the "Data sources" view: every source ``refresh`` runs
  (``configured_providers``, the same list), whether it can run now and, if not, what it needs,
  its last success, the series it keeps in the cache and its licence line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.changes import ChangeSet
from ..core.charts.fill_hints import hint_for
from ..store.cache import Cache
from .fundamentals.sec import UA_SETTING

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

#: The keys Settings offers: keyring name → (English label, source names that read it)
KEY_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "openrouter": ("OpenRouter", ("openrouter_rankings",)),
    "tiingo": ("Tiingo (end-of-day prices)", ("quotes",)),
    "artificial_analysis": ("Artificial Analysis", ("artificial_analysis",)),
}
#: What a source that cannot run needs; the window opens the Settings field of that name
READY, NEEDS_KEY, NEEDS_USER_AGENT, UNAVAILABLE = "ready", "needs_key", "needs_user_agent", "unavailable"
NO_LINKS = "no_links"  # the linked-workbook source with nothing linked yet


class UserAgentError(ValueError):
    """The text is not "a name and a contact e-mail"."""


def normalize_user_agent(text: str) -> str:
    """``"  Jane  Analyst jane@example.com "`` → ``"Jane Analyst jane@example.com"``; raises
    UserAgentError when there is no e-mail or no name beside it."""
    clean = " ".join(str(text).split())
    words = clean.split(" ") if clean else []
    emails = [w for w in words if _EMAIL.fullmatch(w.strip("<>()"))]
    if not emails:
        raise UserAgentError("SEC asks for a name and a contact e-mail, e.g. "
                             "\"Jane Analyst jane@example.com\"")
    if len(words) == len(emails):
        raise UserAgentError("SEC asks for a name beside the e-mail, e.g. "
                             "\"Jane Analyst jane@example.com\"")
    return clean


def set_user_agent(cache: Cache, text: str) -> ChangeSet:
    """Validate and store the SEC User-Agent (one transaction); an empty text clears it."""
    clean = normalize_user_agent(text) if text.strip() else ""
    return cache.settings.set(UA_SETTING, clean)


def user_agent(cache: Cache) -> str:
    return cache.settings.get(UA_SETTING) or ""


def key_for_source(source: str) -> str | None:
    """The keyring name a source reads (None for a keyless source)."""
    return next((k for k, (_l, names) in KEY_FIELDS.items() if source in names), None)


@dataclass(frozen=True)
class SourceState:
    """One refresh source as the Data sources view shows it."""

    name: str
    title_ko: str
    title_en: str
    state: str  # ready / needs_key / needs_user_agent / unavailable / no_links
    reason: str  # the source's own sentence when it cannot run ('' when ready)
    field: str  # the Settings field that fixes it ('' when none)
    last_success: str | None
    series: int  # real series in the cache this source keeps
    waiting: int  # series shown illustrative or missing until this source runs
    terms: str
    url: str

    def title(self, lang: str) -> str:
        return (self.title_ko if lang == "ko" else self.title_en) or self.name


def classify_unavailable(name: str, reason: str | None) -> tuple[str, str]:
    """(state, settings field) of a source from its ``unavailable()`` sentence."""
    if not reason:
        return READY, ""
    if "User-Agent" in reason:
        return NEEDS_USER_AGENT, "sec_user_agent"
    key = key_for_source(name)
    if key is not None and "key" in reason.lower():
        return NEEDS_KEY, key
    return UNAVAILABLE, ""


def source_states(cache: Cache) -> list[SourceState]:
    """Every source ``refresh`` would run, in its order, with what it needs (reads only)."""
    from .coverage import ILLUSTRATIVE, LIVE, MISSING, coverage
    from .refresh import last_success
    from .refresh_sources import configured_providers

    providers = configured_providers(cache)
    seen: dict[str, set[str]] = {}
    waiting: dict[str, set[str]] = {}
    for chart in coverage(cache):
        for s in chart.series:
            if s.origin == LIVE:
                seen.setdefault(s.origin_detail, set()).add(s.series_id)
            elif s.origin in (ILLUSTRATIVE, MISSING):
                hint = hint_for(s.series_id)  # the source the chart waits for
                source = s.origin_detail or (hint.source if hint is not None else "")
                if source:
                    waiting.setdefault(source, set()).add(s.series_id)
    links = len(cache.links.list())
    stamps = last_success(cache, [p.name for p in providers])
    out = []
    for p in providers:
        try:
            reason = p.unavailable()
        except Exception as exc:  # a broken setting must not hide the other sources
            reason = str(exc)
        state, field = classify_unavailable(p.name, reason)
        count = len(seen.get(p.name, ()))
        if p.name == "links":
            count = links
            if not links:
                state = NO_LINKS
        out.append(SourceState(p.name, p.title_ko, p.title_en, state, reason or "", field,
                               stamps.get(p.name), count, len(waiting.get(p.name, ())), p.terms,
                               getattr(p, "base_url", "") or ""))
    return out


def chart_action_source(chart) -> str:
    """The refresh source behind a chart's one action (``coverage.ChartCoverage``): a source
    name (``links`` for a Bloomberg workbook), ``import`` when only a file import fills it, or
    '' when nothing is needed."""
    if not chart.action_en:
        return ""
    row = next((s for s in chart.series if s.action_en == chart.action_en), None)
    if row is None:
        return ""
    if row.origin in ("live", "missing") and row.origin_detail:
        return row.origin_detail
    if row.origin == "linked":
        return "links"
    hint = hint_for(row.series_id)
    return hint.source if hint is not None and hint.source else "import"
