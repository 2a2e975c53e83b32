"""The one interface every live source implements, and what a fetch is given.

A provider only reads the network and returns ``SeriesBundle``s; it never touches the cache.
``services.refresh`` reads the last cached dates before, and writes the bundles after, in one
transaction per source, so a failing or cancelled source leaves the cache exactly as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ...core.series import SeriesBundle
from .errors import Cancelled
from .http import HttpClient


@dataclass
class FetchContext:
    """What a fetch may use: the HTTP client, the cache's newest real dates, today, callbacks."""

    http: HttpClient
    last_dates: dict[str, date | None] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    progress: Callable[[int, int, str], None] = lambda done, total, message: None
    cancelled: Callable[[], bool] = lambda: False

    def last(self, series_id: str) -> date | None:
        """Newest cached date of a REAL series (None when absent or illustrative)."""
        return self.last_dates.get(series_id)

    def check(self) -> None:
        """Raise ``Cancelled`` when the run was cancelled, ``DeadlineError`` when the source's
        deadline has passed (providers call this between steps)."""
        if self.cancelled():
            raise Cancelled("cancelled")
        self.http.check_source()


class Provider:
    """Subclasses set the class attributes and implement :meth:`fetch`."""

    name = ""  # source name in the UI, the CLI (--source) and settings keys
    env = ""  # QNAI_<env>_BASE_URL overrides default_base_url
    default_base_url = ""
    title_ko = ""
    title_en = ""
    terms = ""  # licence / terms of use, shown in the panel and stored in each series

    def __init__(self, base_url: str | None = None) -> None:
        env_url = os.environ.get(f"QNAI_{self.env}_BASE_URL", "").strip()
        self.base_url = (base_url or env_url or self.default_base_url).rstrip("/")

    def series_ids(self) -> list[str]:
        """The series this source writes (their last dates are passed to :meth:`fetch`)."""
        return []

    def unavailable(self) -> str | None:
        """Why the source cannot run now (e.g. no API key), or None."""
        return None

    def fetch(self, ctx: FetchContext) -> list[SeriesBundle]:
        raise NotImplementedError
