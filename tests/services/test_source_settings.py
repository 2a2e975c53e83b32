"""What a source needs (User-Agent, keys), its state, and why a refresh failed — without Qt."""

from __future__ import annotations

import pytest

from qnai_desktop.services.providers.errors import DeadlineError, HttpStatusError, ProviderError, SchemaError
from qnai_desktop.services.refresh import run_refresh
from qnai_desktop.services.refresh_reasons import kind_of_exception, kind_of_text, kind_of_unavailable
from qnai_desktop.services.refresh_sources import configured_providers
from qnai_desktop.services.source_settings import (
    UserAgentError,
    normalize_user_agent,
    set_user_agent,
    source_states,
)


def test_user_agent_needs_a_name_and_an_email() -> None:
    assert normalize_user_agent("  Jane   Analyst  jane@example.com ") == "Jane Analyst jane@example.com"
    for bad in ("Jane Analyst", "jane@example.com", "Jane jane@", ""):
        with pytest.raises(UserAgentError):
            normalize_user_agent(bad)


def test_set_user_agent_is_what_the_sec_sources_read(cache, monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    set_user_agent(cache, "Jane Analyst jane@example.com")
    by_name = {p.name: p for p in configured_providers(cache)}
    assert by_name["sec"].user_agent == "Jane Analyst jane@example.com"
    assert by_name["meta_ads"].unavailable() is None
    with pytest.raises(UserAgentError):
        set_user_agent(cache, "no email here")
    assert by_name["sec"].user_agent == "Jane Analyst jane@example.com"


def test_source_states_say_what_each_source_needs(cache, monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    monkeypatch.delenv("QNAI_ARTIFICIAL_ANALYSIS_API_KEY", raising=False)
    monkeypatch.setattr("qnai_desktop.services.secrets.get_key", lambda name: None)
    states = {s.name: s for s in source_states(cache)}
    assert list(states) == [p.name for p in configured_providers(cache)]
    assert (states["sec"].state, states["sec"].field) == ("needs_user_agent", "sec_user_agent")
    assert (states["quotes"].state, states["quotes"].field) == ("needs_key", "tiingo")
    assert (states["artificial_analysis"].state, states["artificial_analysis"].field) == (
        "needs_key", "artificial_analysis")
    assert states["fred"].state == "ready" and states["fred"].terms.startswith("ICE")
    assert states["links"].state == "no_links"
    # illustrative series name the source they wait for (the inference-cost chart: AA)
    assert states["npm"].waiting > 0 and states["artificial_analysis"].waiting > 0


@pytest.mark.parametrize(("exc", "kind"), [
    (ProviderError("connection failed (ConnectError): https://x/y (gave up after 3 tries)"), "connection"),
    (ProviderError("timed out after 20 s: https://x/y (gave up after 3 tries)"), "timeout"),
    (DeadlineError("gave up after 300 s (the source's deadline)"), "timeout"),
    (DeadlineError("gave up after 3 s (the source's deadline): connection failed (ConnectError): "
                   "http://x; a retry in 2 s would pass it"), "connection"),
    (HttpStatusError("HTTP 401 from https://x", 401), "refused"),
    (HttpStatusError("HTTP 404 from https://x", 404), "not_found"),
    (ProviderError("HTTP 503 from https://x (gave up after 3 tries)"), "server_error"),
    (ProviderError("HTTP 429 from https://x; the server asks to wait 900 s"), "rate_limited"),
    (SchemaError("expected a list"), "bad_response"),
])
def test_failures_have_a_short_kind(exc, kind) -> None:
    assert kind_of_exception(exc) == kind


def test_unavailable_and_link_kinds() -> None:
    assert kind_of_unavailable("no Artificial Analysis API key: set …") == "no_key"
    assert kind_of_unavailable("SEC EDGAR needs a User-Agent naming you") == "no_user_agent"
    assert kind_of_text("#3 book.xlsx: moved — /x/book.xlsx is not there any more") == "link_broken"


def test_run_refresh_records_the_kind(cache, monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    result = run_refresh(cache, configured_providers(cache, ["sec"]), explicit=True)
    assert [(s.status, s.kind) for s in result.sources] == [("failed", "no_user_agent")]
    assert result.to_dict()["sources"][0]["kind"] == "no_user_agent"
