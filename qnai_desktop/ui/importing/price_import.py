"""File → Import prices…, and price files dropped on the window: the same service as
``qnai-desktop fundamentals import-prices`` (``services.fundamentals.import_prices``: closes of
the watchlist's names, then market cap and PER recomputed), run as an operation on the writer
thread. A file that is not a price file of watchlist names goes to the import dialog instead;
a file that cannot be read says so in her language, naming the file, with the reader's sentence
under "details"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from ...services.datasets import DatasetError
from ..common.app_context import AppContext
from ..common.error_dialog import ErrorDialog
from ..common.operations import run_op, show_error_later
from ..common.tasks import Task

FILTER = "CSV / Excel (*.csv *.xlsx *.xls *.txt)"


def _prices(cache, path, dry_run=False):
    from ...services.fundamentals import import_prices

    return import_prices(cache, path, dry_run=dry_run)


def _sniff(w, paths: list[str]) -> bool:
    """True when every file is a price file of watchlist names (dry run, on a worker)."""
    for path in paths:
        try:
            res = _prices(w.cache, path, dry_run=True)
        except (DatasetError, OSError, ValueError):
            return False
        if not res.closes or res.unmatched:
            return False
    return bool(paths)


class PriceImporter(QObject):
    """Runs price imports for ``window``; ``last`` is the last PriceImport, ``dialog`` the last
    message shown (tests read both)."""

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.last = None
        self.dialog: ErrorDialog | None = None
        self.op = None
        self.task: Task | None = None

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import prices"), "", FILTER)
        if path:
            self.run(path)

    def run(self, path: str):
        self.op = run_op(self.ctx, self.window, _prices, path).expecting(DatasetError, OSError) \
            .on_success(lambda res, path=path: self._done(path, res)) \
            .on_failure(lambda exc, path=path: self._failed(path, exc)).run()
        return self.op

    def import_or_else(self, paths: list[str], fallback: Callable[[list[str]], None]) -> None:
        self.task = Task(lambda w: _sniff(w, paths), db_path=self.ctx.cache.path, name="sniff prices")
        self.task.sig_task_succeeded.connect(
            lambda prices: [self.run(p) for p in paths] if prices else fallback(paths))
        self.task.sig_task_failed.connect(lambda _m: fallback(paths))
        self.task.start()

    def _done(self, path: str, res) -> None:
        self.last = res
        name = Path(path).name
        if not res.closes:
            found = ", ".join(res.unmatched) or self.tr("none")
            self._show(self.tr("No column of {file} is the price of a watchlist name; nothing was "
                               "imported.").format(file=name),
                       self.tr("Columns found: {found}").format(found=found))
            return
        closes = ", ".join(f"{t} {v:,.2f} ({d})" for t, (d, v) in sorted(res.closes.items()))
        self.ctx.sig_status_message.emit(self.tr(
            "Prices imported from {file}: {closes} — market cap and PER follow").format(
                file=name, closes=closes))

    def _failed(self, path: str, exc: BaseException) -> None:
        self._show(self.tr("{file} could not be read as a price file; nothing was imported.")
                   .format(file=Path(path).name), str(exc))

    def _show(self, summary: str, details: str) -> None:
        self.dialog = show_error_later(summary, details, self.window)
