"""Keeps the Watchlist tab's detail pane on the current name.

An explicit jump (``show_now``: the palette, a link, the report check) fills the pane at once. A
selection that moves by itself (keys, a stored edit focusing its cell) or a redrawn row asks for
it with ``schedule``: the pane then fills once requests stop for ``COALESCE_MS``, in four
event-loop turns — the name and its lines; its history chart; its evidence links; the figures
and what they rest on — so no turn holds the event loop for the whole pane.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
from PySide6.QtCore import QObject, QTimer

from ...services.fundamentals.live import value_table
from ..common.app_context import AppContext
from .detail import WatchlistDetail
from .links import describe_links

#: Requests this close together fill the pane once, after the last: arrowing down the table or
#: edits landing one after another do not redraw every name's chart on the way.
COALESCE_MS = 150


class DetailFeed(QObject):
    def __init__(self, ctx: AppContext, detail: WatchlistDetail,
                 current: Callable[[], str | None], derived: Callable[[str], dict],
                 after: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self._current, self._derived, self._after = current, derived, after
        self._timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._timer.timeout.connect(self._first)
        self._generation = 0
        self._slices = 0  # slices queued and not yet run

    @property
    def busy(self) -> bool:
        """A slice of the pane is still to come (tests wait for it)."""
        return self._timer.isActive() or self._slices > 0

    def schedule(self) -> None:
        self._timer.start()

    def show_now(self) -> None:
        """Fill the whole pane now (and drop any slices still queued)."""
        self._timer.stop()
        self._generation += 1
        ticker = self._name()
        if ticker is not None:
            self._history(ticker)
            self._links(ticker)
            self._values(ticker)

    # -- the slices ---------------------------------------------------------------------
    def _first(self) -> None:
        self._generation += 1
        if self.ctx.stopped:  # the window closed: its cache may be closed too
            return
        ticker = self._name()
        if ticker is None:
            return
        self._then(self._generation, ticker, [self._history, self._links, self._values])

    def _then(self, generation: int, ticker: str, parts: list[Callable[[str], None]]) -> None:
        """The next slice in the next turn (each queues the one after it: queued together, they
        would run in the same pass of the event loop)."""
        if parts:
            self._slices += 1
            QTimer.singleShot(0, self, lambda: self._later(generation, ticker, parts))

    def _later(self, generation: int, ticker: str, parts: list[Callable[[str], None]]) -> None:
        self._slices -= 1
        if generation == self._generation and not self.ctx.stopped and self._current() == ticker:
            parts[0](ticker)
            self._then(generation, ticker, parts[1:])

    def _name(self) -> str | None:
        """The name, its lines and its history chart; links follow. None: no name selected."""
        ticker = self._current()
        cache = self.ctx.cache
        row = cache.watchlist.company(ticker) if ticker else None
        if row is None:
            self.detail.show_company(None, {}, pd.DataFrame(), ())
            self._after()
            return None
        self.detail.show_company(row, self._derived(ticker), None, None)
        return ticker

    def _history(self, ticker: str) -> None:
        row = self.ctx.cache.watchlist.company(ticker)
        if row is not None:
            self.detail.history.set_history(self.ctx.cache.watchlist.history(ticker), row)

    def _links(self, ticker: str) -> None:
        self.detail.show_links(describe_links(self.ctx.cache, ticker))

    def _values(self, ticker: str) -> None:
        values = value_table(self.ctx.cache, date.today(), [ticker]).get(ticker, {})
        self.detail.values.show_values(ticker, values)
        self._after()
