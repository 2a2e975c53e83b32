"""A request pacer: at most ``rate`` request starts per second (SEC's fair-access limit is 10)."""

from __future__ import annotations

import time
from collections.abc import Callable


class Throttle:
    """Call :meth:`wait` before each request; it sleeps just enough to keep the pace."""

    def __init__(self, rate: float = 10.0, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = 1.0 / rate
        self.clock, self.sleep = clock, sleep
        self._next = float("-inf")

    def wait(self) -> None:
        now = self.clock()
        if now < self._next:
            self.sleep(self._next - now)
            now = self._next
        self._next = now + self.interval
