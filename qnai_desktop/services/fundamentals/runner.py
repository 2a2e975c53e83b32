"""Run fundamentals sources: fetch, then ONE transaction for series, dated values and the live
recompute (a failing or cancelled source writes nothing but its provenance line). Notes such as
"NVDA: no capital-expenditure concept" stay on ``provider.warnings`` and in the provenance.

Mirrors ``services.refresh.run_refresh`` (and returns its result types) for providers that also
carry ``write_values(cache)``; once the refresh runs that hook itself, ``qnai-desktop refresh
--source sec`` and ``fundamentals refresh`` do the same thing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

from ...store.cache import Cache
from ..importers.commit import write_replacing_demo
from ..providers import Cancelled, FetchContext, HttpClient, Provider, ProviderError
from ..refresh import (
    CANCELLED,
    FAILED,
    LAST_SUCCESS,
    OK,
    SKIPPED,
    RefreshResult,
    SourceResult,
    real_last_dates,
    scrub_pending,
    source_deadline,
)
from ..scrub import known_secrets, scrub_bundles, scrub_text

log = logging.getLogger(__name__)


def run_fundamentals(cache: Cache, providers: list[Provider], *, explicit: bool = True,
                     today: date | None = None,
                     http_factory: Callable[[Callable[[], bool]], HttpClient] | None = None,
                     cancelled: Callable[[], bool] = lambda: False,
                     deadline: float | None = None) -> RefreshResult:
    """``deadline`` = seconds per source (default ``refresh.source_deadline()``)."""
    today = today or datetime.now(UTC).date()
    make_http = http_factory or (lambda cancel: HttpClient(cancelled=cancel))
    deadline = source_deadline() if deadline is None else deadline
    result = RefreshResult()
    for provider in providers:
        reason = provider.unavailable()
        if reason:
            res = SourceResult(provider.name, FAILED if explicit else SKIPPED, error=reason)
        else:
            http = make_http(cancelled)
            http.limit_source(deadline)
            res = _run_one(cache, provider, today, http, cancelled)
        if res.status != OK:
            cache.series.write_bundles([], how="fetch", origin=provider.base_url,
                                detail=f"refresh {provider.name}: {res.status}: {res.error}")
        result.sources.append(res)
    return result


def _run_one(cache: Cache, provider: Provider, today: date, http: HttpClient,
             cancelled: Callable[[], bool]) -> SourceResult:
    started = time.perf_counter()
    res = SourceResult(provider.name, OK)
    ctx = FetchContext(http, real_last_dates(cache), today, cancelled=cancelled)
    try:
        bundles = provider.fetch(ctx)
        ctx.check()
        secrets = known_secrets(http.sent_secrets)
        bundles = scrub_bundles(bundles, secrets)
        scrub_pending(provider, secrets)
        warnings = list(getattr(provider, "warnings", []))
        detail = f"refresh {provider.name}: ok, {http.requests} request(s)" + \
            (f"; {'; '.join(warnings)}" if warnings else "")
        with cache.transaction():
            res.change = write_replacing_demo(cache, bundles, how="fetch",
                                              origin=provider.base_url, detail=detail)
            res.change.merge(provider.write_values(cache))  # type: ignore[attr-defined]
            cache.settings.set(LAST_SUCCESS.format(provider.name),
                              datetime.now(UTC).isoformat(timespec="seconds"), how="fetch")
    except Cancelled:
        res.status, res.error = CANCELLED, "cancelled"
    except ProviderError as exc:
        res.status, res.error = FAILED, str(exc)
    except Exception as exc:  # a provider bug must not stop the other sources
        log.exception("fundamentals %s failed unexpectedly", provider.name)
        res.status, res.error = FAILED, f"unexpected error ({type(exc).__name__}: {exc})"
    finally:
        http.close()
    res.error = scrub_text(res.error, known_secrets(http.sent_secrets))
    res.requests = http.requests
    res.seconds = time.perf_counter() - started
    return res
