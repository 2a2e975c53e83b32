"""One HTTP client for every provider: deadlines, a User-Agent, TLS verification, polite retries.

Deadlines: each request (headers and body, redirects included) must be complete within
``deadline`` seconds (default 60), however slowly the bytes trickle in (see :mod:`.deadline`);
:meth:`HttpClient.limit_source` adds an overall deadline for everything a source does with this
client — requests, retries and the waits between them — after which it raises ``DeadlineError``
("gave up after N s"). A retry whose wait would pass that deadline is not attempted.

Retries: 429 and 5xx responses and transport errors (timeouts, refused connections, a body cut
off mid-way) are retried up to ``retries`` times with exponential backoff (1 s, 2 s, 4 s …); a
``Retry-After`` header (seconds or an HTTP date) replaces the backoff. A wait longer than
``max_wait`` is not slept: the fetch fails at once with the server's wait in the message, so a
refresh never hangs for an hour. ``sleep`` is injectable (tests pass a recorder) and the default
one wakes up early when the run is cancelled.

Redirects are followed only within the requested origin (scheme, host, port; at most
``MAX_REDIRECTS``): a redirect to another host, or from https to http, is refused with a
``ProviderError``, so a fetch never contacts a server other than the configured base URL's.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from ... import __version__
from .deadline import CheckedBody, DeadlineGuard, install
from .errors import Cancelled, DeadlineError, HttpStatusError, ProviderError, SchemaError

USER_AGENT = f"qnai-desktop/{__version__} (research workstation; +https://github.com/qnai/qnai-desktop)"
TIMEOUT = httpx.Timeout(20.0, connect=5.0)
DEADLINE = 60.0  # seconds for one whole request, however slowly its bytes arrive
MAX_REDIRECTS = 5
_SECRET_QUERY = re.compile(r"([?&](?:key|api_key|apikey|token|access_token)=)[^&]*", re.I)


def redact(url: str) -> str:
    return _SECRET_QUERY.sub(r"\1***", url)


def retry_after(response: httpx.Response, now: Callable[[], float] = time.time) -> float | None:
    """Seconds the server asks us to wait (``Retry-After``: delta-seconds or HTTP-date)."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now())


class HttpClient:
    """``get``/``get_json``/``get_text`` with retries; close it (or use ``with``) when done."""

    def __init__(self, *, timeout: httpx.Timeout = TIMEOUT, retries: int = 3, backoff: float = 1.0,
                 max_wait: float = 60.0, sleep: Callable[[float], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 transport: httpx.BaseTransport | None = None, deadline: float = DEADLINE) -> None:
        self.verify = True  # TLS certificates are always verified; there is no switch to turn it off
        self.retries, self.backoff, self.max_wait = retries, backoff, max_wait
        self.cancelled = cancelled
        self.sleep = self._cancellable_sleep if sleep is None else sleep
        self.requests = 0
        self.timeout = timeout
        self.deadline = deadline
        self.sent_secrets: set[str] = set()  # credentials sent in headers (scrubbed from output)
        self._guard = DeadlineGuard(lambda: self.cancelled())
        self._source_end: float | None = None
        self.source_deadline: float | None = None  # seconds; see limit_source
        transport = transport or httpx.HTTPTransport(verify=self.verify)
        install(transport, self._guard)
        self._client = httpx.Client(timeout=timeout, verify=self.verify, follow_redirects=False,
                                    headers={"User-Agent": USER_AGENT}, transport=transport)

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def limit_source(self, seconds: float | None) -> None:
        """From now on, every request, retry and wait of this client ends within ``seconds``."""
        self.source_deadline = seconds
        self._source_end = None if seconds is None else time.monotonic() + seconds

    def check_source(self, doing: str = "") -> None:
        """Raise ``DeadlineError`` once the source's deadline has passed."""
        if self._source_end is not None and time.monotonic() >= self._source_end:
            raise DeadlineError(f"gave up after {self.source_deadline:g} s (the source's deadline)"
                                + (f" while {doing}" if doing else ""))

    def _cancellable_sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.cancelled():
                raise Cancelled("cancelled")
            time.sleep(min(0.1, left))

    def get(self, url: str, *, params: dict | None = None, headers: dict | None = None,
            ok_404: bool = False) -> httpx.Response:
        """The response (2xx, or 404 when ``ok_404``); raises ProviderError after retries."""
        shown = redact(url)
        secrets = _header_secrets(headers)  # a server may echo the key in its error body
        self.sent_secrets.update(secrets)
        for attempt in range(self.retries + 1):
            if self.cancelled():
                raise Cancelled("cancelled")
            self.check_source(f"fetching {shown}")
            self.requests += 1
            wait: float | None = None
            try:
                resp = self._same_origin_get(url, params, headers)
            except httpx.TimeoutException:
                if self.cancelled():
                    raise Cancelled("cancelled") from None
                self.check_source(f"fetching {shown}")
                problem = (f"no complete answer within {self.deadline:g} s (the request deadline; "
                           f"the server sends too slowly): {shown}" if self._guard.expired
                           else f"timed out after {self.timeout.read:g} s: {shown}")
            except httpx.TransportError as exc:
                problem = f"connection failed ({type(exc).__name__}): {shown}"
            else:
                status = resp.status_code
                if status < 400 or (status == 404 and ok_404):
                    return resp
                problem = _scrub(f"HTTP {status}{_detail(resp)} from {shown}", secrets)
                if status != 429 and status < 500:
                    raise HttpStatusError(problem, status)
                wait = retry_after(resp)
            finally:
                self._guard.deadline = None
            if attempt == self.retries:
                raise ProviderError(f"{problem} (gave up after {attempt + 1} tries)")
            wait = self.backoff * 2 ** attempt if wait is None else wait
            if wait > self.max_wait:
                raise ProviderError(f"{problem}; the server asks to wait {wait:.0f} s (more than "
                                    f"{self.max_wait:.0f} s): try again later")
            if self._source_end is not None and time.monotonic() + wait >= self._source_end:
                raise DeadlineError(f"gave up after {self.source_deadline:g} s (the source's "
                                    f"deadline): {problem}; a retry in {wait:g} s would pass it")
            self.sleep(wait)
        raise AssertionError("unreachable")

    def _same_origin_get(self, url: str, params: dict | None, headers: dict | None) -> httpx.Response:
        """GET, following redirects that stay on the requested origin; refuse any other."""
        end = time.monotonic() + self.deadline
        self._guard.deadline = end if self._source_end is None else min(end, self._source_end)
        resp = self._send(self._client.build_request("GET", url, params=params, headers=headers))
        origin = _origin(resp.request.url)
        for _ in range(MAX_REDIRECTS):
            nxt = resp.next_request  # set by httpx for a redirect when it does not follow it
            if nxt is None:
                return resp
            resp.close()
            if _origin(nxt.url) != origin:
                raise ProviderError(f"refused a redirect from {redact(url)} to "
                                    f"{redact(str(nxt.url))}: only the configured base URL's "
                                    "server is contacted")
            resp = self._send(nxt)
        resp.close()
        raise ProviderError(f"more than {MAX_REDIRECTS} redirects from {redact(url)}")

    def _send(self, request: httpx.Request) -> httpx.Response:
        """Send; read the body (unless it is a redirect) chunk by chunk under the deadline."""
        resp = self._client.send(request, stream=True)
        if resp.next_request is None:
            resp.stream = CheckedBody(resp.stream, self._guard, request)  # type: ignore[arg-type]
            try:
                resp.read()
            finally:
                resp.close()
        return resp

    def get_json(self, url: str, **kwargs: Any) -> Any:
        resp = self.get(url, **kwargs)
        try:
            return resp.json()
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            # ValueError: JSONDecodeError, and an integer of over 4,300 digits (int max_str_digits);
            # RecursionError: arrays/objects nested deeper than the interpreter's recursion limit
            raise SchemaError(f"invalid JSON from {redact(url)} (truncated, too deeply nested or "
                              f"not JSON: {type(exc).__name__}: {str(exc)[:120]})") from None

    def get_text(self, url: str, **kwargs: Any) -> str:
        resp = self.get(url, **kwargs)
        try:
            return resp.content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SchemaError(f"not UTF-8 text from {redact(url)} ({exc})") from None


def _header_secrets(headers: dict | None) -> list[str]:
    """Credentials in the request headers (``Bearer <key>`` and the bare key), longest first."""
    found: set[str] = set()
    for name, value in (headers or {}).items():
        if name.casefold() in ("authorization", "x-api-key", "api-key") and str(value).strip():
            found |= {str(value).strip(), str(value).split(None, 1)[-1].strip()}
    return sorted(found, key=len, reverse=True)


def _scrub(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def _detail(resp: httpx.Response) -> str:
    """A short reason from an error body (npm: {"error": …}; OpenRouter: {"error": {"message"}})."""
    try:
        body = resp.json()
    except (ValueError, UnicodeDecodeError, RecursionError):
        return ""
    err = body.get("error") if isinstance(body, dict) else None
    if isinstance(err, dict):
        err = err.get("message")
    return f" ({str(err)[:200]})" if err else ""

