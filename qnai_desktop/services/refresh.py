"""Refresh the cache from the live sources: one source at a time, one transaction per source.

``run_refresh(cache, providers, progress=…, cancelled=…)`` reads the newest real (non-demo)
date of every series, lets each provider fetch what is newer, and only then writes that
source's bundles (replacing illustrative series) together with the setting
``refresh.last_success.<source>`` in ONE transaction. A source that fails, is cancelled or has
no key writes no data; every attempt is recorded in provenance (``how='fetch'``; the detail
says ok / failed: reason / cancelled / skipped). Plain callable, no Qt: the UI runs it on a
worker thread with the worker's own Cache and hands each source's write to the window's writer
(``write=``); the CLI runs it directly.

Each source has an overall deadline (``source_deadline`` s; default ``SOURCE_DEADLINE``, or the
environment variable ``QNAI_REFRESH_SOURCE_DEADLINE_S``): requests, retries and waits included.
Past it the source fails with "gave up after N s", writes no data, and the next source runs.
Before anything is written, every text of the bundles, dated values and the provenance line goes
through ``services.scrub`` (no stored API key, nor one the request sent, reaches the cache).

The fundamentals sources (``services.fundamentals``: SEC filings, end-of-day quotes) run here too:
their ``write_values(cache)`` (dated company values and the live PER/market-cap recompute) joins
the source's one transaction, and their notes (``provider.warnings``) end its provenance line.
``refresh --source sec|quotes``, ``fundamentals refresh`` and the window's refresh all call
:func:`run_refresh`.

A source that is not an HTTP provider — the linked workbooks (``services.links.LinkedFiles``,
source name ``links``) — is a :class:`LocalSource`: it reads its files itself and hands each of
its transactions to ``write``, so the window's writer thread queues them like any other; it gets
no HTTP client and no deadline, and reports one :class:`SourceResult` (``items``: one line per
file) like any provider.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ..core.changes import ChangeSet
from ..store.cache import Cache
from .importers.commit import write_replacing_demo
from .providers import Cancelled, FetchContext, HttpClient, Provider, ProviderError
from .refresh_keys import LAST_SUCCESS
from .refresh_reasons import kind_of_exception, kind_of_text, kind_of_unavailable
from .scrub import known_secrets, scrub_bundles, scrub_text, scrub_value
from .secrets import stored_keys

log = logging.getLogger(__name__)
SOURCE_DEADLINE = 300.0  # seconds per source: a slow server cannot hold up the whole refresh
DEADLINE_ENV = "QNAI_REFRESH_SOURCE_DEADLINE_S"
OK, FAILED, SKIPPED, CANCELLED = "ok", "failed", "skipped", "cancelled"
Progress = Callable[[str, int, int, str], None]  # source, done, total, message
#: ``write(fn, *args)`` runs ``fn(cache, *args)`` where the caller's writes go; returns its result
Write = Callable[..., Any]


@dataclass
class SourceResult:
    """What happened to one source in one run."""

    source: str
    status: str
    change: ChangeSet = field(default_factory=ChangeSet)
    error: str = ""
    requests: int = 0
    seconds: float = 0.0
    #: a local source's per-item outcome (a linked file each), as plain dicts
    items: list[dict] = field(default_factory=list)
    #: why it did not succeed, as a code the window translates (``services.refresh_reasons``)
    kind: str = ""

    def to_dict(self) -> dict:
        out = {"source": self.source, "status": self.status, "error": self.error,
               "added": self.change.added, "changed": self.change.changed,
               "unchanged": self.change.unchanged, "series": sorted(self.change.series),
               "requests": self.requests, "seconds": round(self.seconds, 3)}
        if self.kind:
            out["kind"] = self.kind
        if self.items:
            out["items"] = self.items
        return out


@dataclass
class RefreshResult:
    sources: list[SourceResult] = field(default_factory=list)

    @property
    def failed(self) -> list[SourceResult]:
        return [s for s in self.sources if s.status == FAILED]

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def change(self) -> ChangeSet:
        total = ChangeSet()
        for s in self.sources:
            total.merge(s.change)
        return total

    def to_dict(self) -> dict:
        return {"ok": self.ok, "sources": [s.to_dict() for s in self.sources]}


class LocalSource:
    """A refresh source that reads local files instead of fetching: subclasses set ``name`` and
    titles and implement :meth:`run`."""

    name = ""
    title_ko = ""
    title_en = ""
    terms = ""
    base_url = ""

    def unavailable(self) -> str | None:
        return None

    def run(self, cache: Cache, *, write: Write, progress: Progress, cancelled: Callable[[], bool],
            explicit: bool) -> SourceResult:
        """Read, write each transaction through ``write``, and say what happened."""
        raise NotImplementedError


def real_last_dates(cache: Cache) -> dict[str, date | None]:
    """Newest observation date of every real series (illustrative ones count as absent)."""
    df = cache.series.summary()
    return {r.id: date.fromisoformat(r.last) for r in df.itertuples()
            if not r.is_demo and isinstance(r.last, str) and r.last}


def last_success(cache: Cache, sources: list[str]) -> dict[str, str | None]:
    """ISO time of each source's last successful refresh (None if never)."""
    return {s: cache.settings.get(LAST_SUCCESS.format(s)) for s in sources}


def source_deadline(environ: dict[str, str] | None = None) -> float:
    """Seconds each source may take: ``QNAI_REFRESH_SOURCE_DEADLINE_S`` if set to a number > 0,
    else ``SOURCE_DEADLINE`` (an unreadable value is logged, naming the variable, and ignored)."""
    text = (os.environ if environ is None else environ).get(DEADLINE_ENV, "").strip()
    if not text:
        return SOURCE_DEADLINE
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        log.warning("%s=%r is not a number of seconds > 0; using %g s", DEADLINE_ENV, text,
                    SOURCE_DEADLINE)
        return SOURCE_DEADLINE
    return seconds


def run_refresh(cache: Cache, providers: list[Provider | LocalSource], *,
                progress: Progress | None = None,
                cancelled: Callable[[], bool] = lambda: False, explicit: bool = False,
                today: date | None = None,
                http_factory: Callable[[Callable[[], bool]], HttpClient] | None = None,
                deadline: float | None = None, write: Write | None = None) -> RefreshResult:
    """Run ``providers`` in order; ``explicit`` makes an unavailable source (no key) a failure;
    ``deadline`` = seconds per source (default :func:`source_deadline`); ``write`` runs each
    source's transaction (default: on ``cache``; the window passes its writer thread's)."""
    progress = progress or (lambda source, done, total, message: None)
    today = today or datetime.now(UTC).date()
    make_http = http_factory or (lambda cancel: HttpClient(cancelled=cancel))
    deadline = source_deadline() if deadline is None else deadline
    keys = stored_keys()  # read once per run; scrubbed from every source's output
    write = write or (lambda fn, *args: fn(cache, *args))
    result = RefreshResult()
    last_dates = real_last_dates(cache)
    for provider in providers:
        name = provider.name
        if cancelled():
            result.sources.append(SourceResult(name, CANCELLED, error="cancelled before start"))
            continue
        if isinstance(provider, LocalSource):
            started = time.perf_counter()
            res = provider.run(cache, write=write, progress=progress, cancelled=cancelled,
                               explicit=explicit)
            res.seconds = time.perf_counter() - started
            if res.status != OK and not res.kind:
                res.kind = kind_of_text(res.error)
            result.sources.append(res)
            continue
        reason = provider.unavailable()
        if reason:
            status = FAILED if explicit else SKIPPED
            result.sources.append(write(_record, provider, SourceResult(
                name, status, error=reason, kind=kind_of_unavailable(reason))))
            progress(name, 1, 1, reason)
            continue
        http = make_http(cancelled)
        http.limit_source(deadline)
        result.sources.append(_run_one(write, provider, last_dates, today, progress, cancelled,
                                       http, keys))
    return result


def scrub_pending(provider: Provider, secrets: list[str]) -> None:
    """Scrub what a fundamentals source keeps for ``write_values`` (dated rows, warnings)."""
    for attr in ("pending", "warnings"):
        if isinstance(getattr(provider, attr, None), list):
            setattr(provider, attr, scrub_value(getattr(provider, attr), secrets))


def _run_one(write: Write, provider: Provider, last_dates: dict[str, date | None], today: date,
             progress: Progress, cancelled: Callable[[], bool], http: HttpClient,
             keys: list[str]) -> SourceResult:
    name, started = provider.name, time.perf_counter()
    ctx = FetchContext(http, last_dates, today, lambda d, t, m: progress(name, d, t, m), cancelled)
    res = SourceResult(name, OK)
    try:
        bundles = provider.fetch(ctx)
        ctx.check()  # cancelled, or past the deadline, while the last response was parsed
        res.requests = http.requests
        secrets = known_secrets(keys, http.sent_secrets, keyring=False)
        bundles = scrub_bundles(bundles, secrets)
        scrub_pending(provider, secrets)
        res.change = write(_store_source, provider, bundles, http.requests)
    except Cancelled:
        res.status, res.error, res.kind = CANCELLED, "cancelled", "cancelled"
    except ProviderError as exc:
        res.status, res.error, res.kind = FAILED, str(exc), kind_of_exception(exc)
    except Exception as exc:  # a provider bug must not stop the other sources
        log.exception("refresh %s failed unexpectedly", name)
        res.status, res.error = FAILED, f"unexpected error ({type(exc).__name__}: {exc})"
        res.kind = "unexpected"
    finally:
        http.close()
    res.error = scrub_text(res.error, known_secrets(keys, http.sent_secrets, keyring=False))
    res.requests = http.requests
    res.seconds = time.perf_counter() - started
    progress(name, 1, 1, res.error or res.change.summary())
    return res if res.status == OK else write(_record, provider, res)


def _store_source(cache: Cache, provider: Provider, bundles: list, requests: int) -> ChangeSet:
    """One source's data, its dated values and its last-success time: ONE transaction."""
    name = provider.name
    notes = list(getattr(provider, "warnings", []))  # fundamentals: "NVDA: no capex concept"
    detail = f"refresh {name}: ok, {requests} request(s)" + (
        f"; {'; '.join(notes)}" if notes else "")
    # bulk (foreign keys paused) is safe here: write_values touches company values and
    # history, which no ON DELETE CASCADE relies on
    with cache.transaction(bulk=True):  # series, observations, settings, company values
        change = write_replacing_demo(cache, bundles, how="fetch", origin=provider.base_url,
                                      detail=detail)
        write_values = getattr(provider, "write_values", None)
        if write_values is not None:  # fundamentals: dated values + live recompute, same txn
            change.merge(write_values(cache))
        cache.settings.set(LAST_SUCCESS.format(name),
                           datetime.now(UTC).isoformat(timespec="seconds"), how="fetch")
    return change


def _record(cache: Cache, provider: Provider, res: SourceResult) -> SourceResult:
    """Provenance for a run that wrote no data (an empty write: one row, no observations)."""
    cache.series.write_bundles([], how="fetch", origin=provider.base_url,
                        detail=f"refresh {provider.name}: {res.status}"
                               + (f": {res.error}" if res.error else ""))
    return res
