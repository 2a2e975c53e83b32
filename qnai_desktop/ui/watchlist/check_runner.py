"""The report check (``core.watchlist.lint``) as the tab shows it: which cells to flag and the list
of findings, computed from plain frames.

After a cell edit, :class:`CheckRunner` reads the stored table on the task pool (its own
connection), checks it and builds the filter's search text there; the newest result is applied
on the GUI thread. A full redraw computes it in place (:func:`checked`) and makes any run still
going stale. The check reads every row (a thesis copied from another name, the note's own
figures), so it cannot be narrowed to the edited row — only moved off the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject

from ...core.watchlist import Benchmarks, Issue, lint, search_text, store_column
from ..common.tasks import Task, while_alive

Flags = dict[tuple[str, str], tuple[str, list[str]]]


@dataclass
class Checked:
    """The check's findings, the cells to flag, and the names the list shows."""

    issues: list[Issue]
    flagged: Flags
    names: dict[str, str]
    companies: pd.DataFrame | None = None  # the table it checked (runs on the pool only)
    haystack: np.ndarray | None = None  # and its search text (``core.watchlist.search_text``)


def checked(companies: pd.DataFrame, facts: pd.DataFrame, *, today: date, stale_days: int,
            bench: Benchmarks, lang: str) -> Checked:
    """Pure: the report check of ``companies`` as the table and the check list show it."""
    issues = lint(companies, facts, today=today, stale_days=stale_days, benchmarks=bench)
    flagged: Flags = {}
    for i in issues:
        sev, msgs = flagged.get((i.ticker, i.column), (i.severity, []))
        flagged[(i.ticker, i.column)] = ("error" if "error" in (sev, i.severity) else sev,
                                         [*msgs, i.message(lang)])
    names = dict(zip(companies["ticker"], companies[store_column("name", lang)], strict=True))
    return Checked(issues, flagged, names)


class CheckRunner(QObject):
    """Runs :func:`checked` on the pool; only the newest run's result reaches ``apply``."""

    def __init__(self, apply: Callable[[Checked], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._apply = apply
        self._generation = 0
        self._pending = 0

    @property
    def busy(self) -> bool:
        """A check started and not yet applied (tests wait for it)."""
        return self._pending > 0

    def forget_running(self) -> None:
        """A full redraw computed the check itself: results of runs started before are stale."""
        self._generation += 1

    def start(self, db_path: str, *, today: date, stale_days: int, bench: Benchmarks,
              lang: str) -> None:
        """Check the table as stored now (after the write that was just announced)."""
        self._generation += 1
        generation = self._generation
        self._pending += 1

        def run(work) -> Checked:
            companies = work.cache.watchlist.companies()
            result = checked(companies, work.cache.facts.all(), today=today,
                             stale_days=stale_days, bench=bench, lang=lang)
            result.companies, result.haystack = companies, search_text(companies)
            return result

        def done(result: Checked) -> None:
            if generation == self._generation:
                self._apply(result)

        def landed() -> None:
            self._pending -= 1

        task = Task(run, db_path=db_path, name="watchlist check")
        task.sig_task_succeeded.connect(while_alive(self, done))
        task.sig_task_done.connect(while_alive(self, landed))
        task.start()
