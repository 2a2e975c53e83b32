"""An overall deadline for one HTTP request, enforced at every socket read and write.

httpx's timeouts are per socket operation: a server that sends one byte every 5 s never trips a
20 s read timeout, so a trickling header or body would hang a refresh forever. Here each socket
read waits at most a short slice (``SLICE`` s) and is repeated until a byte arrives, the read
timeout is used up, the deadline passes, or the run is cancelled — so bytes trickling in never
extend the deadline, and Cancel is honoured within a slice even while a read is blocked.

Why not a watchdog thread that closes the socket: closing a socket from another thread does not
wake a blocked ``recv`` on Linux, and before the headers arrive httpx exposes no socket to close.
The guard instead wraps httpcore's network backend (``install``), so it sees every socket of the
client, including the header phase and the TLS handshake (each handshake step is bounded by the
time left, not sliced). Name resolution (``getaddrinfo``) cannot be bounded this way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import httpcore
import httpx

SLICE = 0.25  # seconds a blocked read waits before the guard looks at the clock and Cancel


class DeadlineGuard:
    """The deadline (``time.monotonic()`` value, None = none) of the request now running."""

    def __init__(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        self.deadline: float | None = None
        self.cancelled = cancelled

    def left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    @property
    def expired(self) -> bool:
        left = self.left()
        return left is not None and left <= 0

    def bound(self, timeout: float | None, error: type[Exception]) -> float | None:
        """``timeout`` shortened to the time left; ``error`` when none is left or cancelled."""
        if self.cancelled():
            raise error("cancelled")
        left = self.left()
        if left is None:
            return timeout
        if left <= 0:
            raise error("request deadline passed")
        return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose reads and writes end when the guard's deadline passes."""

    def __init__(self, stream: httpcore.NetworkStream, guard: DeadlineGuard) -> None:
        self._stream, self._guard = stream, guard

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        own_end = None if timeout is None else time.monotonic() + timeout  # the read timeout
        while True:
            left = self._guard.bound(None, httpcore.ReadTimeout)  # raises: deadline, cancel
            wait = SLICE if left is None else min(SLICE, left)
            if own_end is not None:
                wait = min(wait, own_end - time.monotonic())
                if wait <= 0:
                    raise httpcore.ReadTimeout("timed out")
            try:
                return self._stream.read(max_bytes, wait)
            except httpcore.ReadTimeout:
                pass  # only a slice ended; a timed-out recv consumed nothing, so read on

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._guard.bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname,
                                     self._guard.bound(timeout, httpcore.ConnectTimeout))
        return DeadlineStream(tls, self._guard)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """Wraps httpcore's backend: every connection's stream is a :class:`DeadlineStream`."""

    def __init__(self, backend: httpcore.NetworkBackend, guard: DeadlineGuard) -> None:
        self._backend, self._guard = backend, guard

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, self._guard.bound(timeout, httpcore.ConnectTimeout),
                                           local_address, socket_options)
        return DeadlineStream(stream, self._guard)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(
            path, self._guard.bound(timeout, httpcore.ConnectTimeout), socket_options)
        return DeadlineStream(stream, self._guard)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def install(transport: httpx.BaseTransport, guard: DeadlineGuard) -> bool:
    """Put ``guard`` under an httpx transport's connection pool; False if it has none (a mock
    transport: then only the body's chunks are checked, see :class:`CheckedBody`)."""
    pool = getattr(transport, "_pool", None)  # httpx.HTTPTransport → httpcore.ConnectionPool
    backend = getattr(pool, "_network_backend", None)
    if backend is None:
        return False
    if not isinstance(backend, DeadlineBackend):
        pool._network_backend = DeadlineBackend(backend, guard)  # type: ignore[union-attr]
    return True


class CheckedBody(httpx.SyncByteStream):
    """A response body read chunk by chunk, failing once the guard's deadline has passed
    (covers transports without sockets, e.g. ``httpx.MockTransport`` in tests)."""

    def __init__(self, stream: httpx.SyncByteStream, guard: DeadlineGuard,
                 request: httpx.Request) -> None:
        self._stream, self._guard, self._request = stream, guard, request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if self._guard.expired:
                raise httpx.ReadTimeout("request deadline passed", request=self._request)
            yield chunk

    def close(self) -> None:
        self._stream.close()
