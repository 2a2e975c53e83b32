"""Every change the Watchlist tab can make, as undoable operations on the store.

Each operation validates with ``core.watchlist``, builds a (before, after) Patch pair and pushes
a PatchCommand; applying a patch is ONE store transaction (``services.watchlist_edits``) run on the
writer thread (``operations.run_op``) and announced once, so Ctrl+Z undoes the stored change and
every view redraws from the store.

One at a time: a patch is built from what is stored (whole rows), so the next operation — an edit,
an undo, an import, an export — starts only after the previous write landed (``_next``); typing
never waits for it, the queue does. A write that fails leaves the undo stack as it was before it.
Results come back as signals; this class never touches widgets.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.localized import Localized
from ...core.watchlist import (
    FIELD_LABELS,
    Benchmarks,
    CellError,
    Patch,
    clean_row,
    edit_patches,
    move_patches,
    new_company,
    parse_edit,
    parse_ticker,
    store_column,
)
from ...services import watchlist_edits
from ...services.fundamentals.live import ANALYST, current_earnings, set_earnings
from ..common.app_context import AppContext
from ..common.i18n import current_language
from ..common.operations import run_op
from ..common.tasks import Task, Work, while_alive
from .command import EstimateCommand, PatchCommand
from .model import fmt_per

ORIGIN = "watchlist tab"
BENCHMARKS = {"sp500": QT_TRANSLATE_NOOP("WatchlistOps", "S&P 500"),
              "bigtech": QT_TRANSLATE_NOOP("WatchlistOps", "Big-tech avg")}


def _short(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.10g}"
    text = str(value)
    return text if len(text) <= 24 else text[:23] + "…"


class WatchlistOps(QObject):
    sig_message = Signal(str, bool)  # text, is_error
    sig_export_failed = Signal(object)  # OutputPathError: the tab shows it in the error dialog
    sig_focus_requested = Signal(str, str)  # ticker, view column: select after a change lands
    sig_added = Signal(str)  # a new name was stored: the tab opens its name for typing
    sig_idle = Signal()  # every queued operation has landed (tests and benchmarks wait for it)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)
        self._waiting: deque[Callable[[], None]] = deque()
        self._in_flight = 0  # writes (or an import's file read) started and not yet landed

    @property
    def busy(self) -> bool:
        return self._in_flight > 0 or bool(self._waiting)

    # -- one at a time ------------------------------------------------------------------
    def _next(self, action: Callable[[], None]) -> None:
        """Run ``action`` (it reads the store and may start one write) after the writes before it."""
        self._waiting.append(action)
        self._drain()

    def _drain(self) -> None:
        while self._waiting and self._in_flight == 0:
            self._waiting.popleft()()
        if not self.busy:
            self.sig_idle.emit()

    def _landed(self) -> None:
        self._in_flight -= 1
        self._drain()

    # -- plumbing -----------------------------------------------------------------------
    def _apply(self, cmd: PatchCommand, patch: Patch, how: str, origin: str,
               direction: str) -> None:
        """Start writing ``patch`` (a command's redo or undo)."""
        self._in_flight += 1
        run_op(self.ctx, self, watchlist_edits.apply_patch, patch, how, origin) \
            .on_success(lambda _change: self._stored(cmd)) \
            .on_failure(lambda _exc: self._refused(cmd, direction)) \
            .run()

    def _stored(self, cmd: PatchCommand) -> None:
        if cmd.focus and cmd.focus[0]:
            self.sig_focus_requested.emit(*cmd.focus)
        if cmd.fresh:
            cmd.fresh = False
            self.sig_message.emit(self.tr("Saved: {what}").format(what=cmd.text()), False)
            if cmd.then is not None:
                cmd.then()
        self._landed()

    def _refused(self, cmd: PatchCommand, direction: str) -> None:
        """Nothing was written (the error dialog says why): put the stack back as it was."""
        if direction == "redo" and cmd.fresh:
            cmd.setObsolete(True)  # QUndoStack.undo drops an obsolete command without undo()
            self.undo_stack.undo()
        elif direction == "redo":
            cmd.skip_next = True
            self.undo_stack.undo()
        else:
            cmd.skip_next = True
            self.undo_stack.redo()
        self._landed()

    def _push(self, text: str, before: Patch, after: Patch, focus: tuple[str, str] | None,
              how: str = "edit", origin: str = ORIGIN, then: Callable[[], None] | None = None) -> None:
        cmd = PatchCommand(text, self._apply, before, after, focus, how=how, origin=origin)
        cmd.then = then  # after the first store only (a message, opening the new name)
        self.undo_stack.push(cmd)

    def reject(self, message: str) -> None:
        self.sig_message.emit(self.tr("Rejected — {msg}").format(msg=message), True)

    def undo(self) -> None:
        """Ctrl+Z: after the writes before it (the stack's own action would not wait)."""
        self._next(self.undo_stack.undo)

    def redo(self) -> None:
        self._next(self.undo_stack.redo)

    # -- operations ---------------------------------------------------------------------
    def edit_cell(self, ticker: object, col: str, text: str) -> tuple[bool, object]:
        """The table model's editor: (accepted?, value or the reason it was refused). The value
        is stored after the writes before it; the table redraws from the store then."""
        lang = current_language()  # a name or thesis line is typed in the language on screen
        store_col = store_column(col, lang)
        try:
            value = parse_edit(store_col, text)
        except CellError as exc:
            return False, exc.message(lang)
        self._next(lambda: self._edit(str(ticker), col, store_col, value))
        return True, value

    def _edit(self, ticker: str, col: str, store_col: str, value: object) -> None:
        row = self.ctx.cache.watchlist.company(ticker)
        if row is None or clean_row(row)[store_col] == value:
            return
        old = clean_row(row)[store_col]
        before, after = edit_patches(row, store_col, value)
        lang = current_language()
        field = Localized(*FIELD_LABELS[col]).pick(lang) if col in FIELD_LABELS else col
        label = self.tr("{ticker} {field}: {old} → {new}").format(
            ticker=ticker, field=field, old=_short(old), new=_short(value))
        self._push(label, before, after, (ticker, col))

    def add(self, text: str) -> str | None:
        """The new ticker (stored after the writes before it), or None when refused."""
        ticker = self._new_ticker(text)
        if ticker is not None:
            self._next(lambda: self._add(text))
        return ticker

    def _new_ticker(self, text: str) -> str | None:
        try:
            return parse_ticker(text, set(self.ctx.cache.watchlist.companies()["ticker"]))
        except CellError as exc:
            self.reject(exc.message(current_language()))
            return None

    def _add(self, text: str) -> None:
        ticker = self._new_ticker(text)  # again: a write before it may have added the name
        if ticker is None:
            return
        companies = self.ctx.cache.watchlist.companies()
        position = int(companies["position"].max()) + 1 if len(companies) else 1
        row = new_company(ticker, position, date.today())
        self._push(self.tr("Add {ticker}").format(ticker=ticker), Patch(delete=(ticker,)),
                   Patch(upsert=(row,)), (ticker, "name"), then=lambda: self.sig_added.emit(ticker))

    def remove(self, tickers: list[str]) -> bool:
        if not tickers:
            return False
        self._next(lambda: self._remove(list(tickers)))
        return True

    def _remove(self, tickers: list[str]) -> None:
        cache = self.ctx.cache
        found = [t for t in tickers if cache.watchlist.company(t) is not None]
        if not found:
            return
        rows = tuple(clean_row(cache.watchlist.company(t)) for t in found)
        links = {t: cache.watchlist.links_of(t) for t in found}  # undo restores the evidence links too
        label = ", ".join(found)
        removed = self.tr("{ticker} removed — Ctrl+Z to undo").format(ticker=label)
        self._push(self.tr("Remove {ticker}").format(ticker=label),
                   Patch(upsert=rows, links=links), Patch(delete=tuple(found)), None,
                   then=lambda: self.sig_message.emit(removed, False))

    def move(self, ticker: str, delta: int, column: str) -> bool:
        if move_patches(self.ctx.cache.watchlist.companies(), ticker, delta) is None:
            return False  # already first (or last)
        self._next(lambda: self._move(ticker, delta, column))
        return True

    def _move(self, ticker: str, delta: int, column: str) -> None:
        patches = move_patches(self.ctx.cache.watchlist.companies(), ticker, delta)
        if patches is not None:
            self._push(self.tr("Move {ticker}").format(ticker=ticker), *patches, (ticker, column))

    def set_benchmark(self, name: str, new: float) -> bool:
        old = getattr(Benchmarks.from_settings(self.ctx.cache.settings.get), name)
        if abs(new - old) < 1e-9:
            return False
        self._next(lambda: self._set_benchmark(name, new))
        return True

    def _set_benchmark(self, name: str, new: float) -> None:
        old = getattr(Benchmarks.from_settings(self.ctx.cache.settings.get), name)
        if abs(new - old) < 1e-9:
            return
        key = Benchmarks.KEYS[name]
        label = self.tr("Benchmark {name} {old}x → {new}x").format(
            name=self.tr(BENCHMARKS[name]), old=fmt_per(old), new=fmt_per(new))
        self._push(label, Patch(settings={key: f"{old:g}"}), Patch(settings={key: f"{new:g}"}), None)

    def set_links(self, ticker: str, links: tuple[tuple[str, str], ...]) -> bool:
        def push() -> None:
            before = self.ctx.cache.watchlist.links_of(ticker)
            self._push(self.tr("Change {ticker} evidence links").format(ticker=ticker),
                       Patch(links={ticker: before}), Patch(links={ticker: tuple(links)}),
                       (ticker, "ticker"))

        self._next(push)
        return True

    def set_stale_days(self, days: int) -> None:
        """A preference of the check, not data: stored (the CLI reads it too), not undoable."""
        run_op(self.ctx, self, watchlist_edits.set_stale_days, days).run()

    def import_path(self, path: Path | str) -> None:
        """Read and validate the whole file on a worker; on any fault nothing is written, else one
        undoable write (after the writes before it, and before the ones after)."""
        self._next(lambda: self._read_import(Path(path)))

    def _read_import(self, path: Path) -> None:
        from ...services.watchlist_io import WatchlistFileError, plan_import

        def read(work: Work):
            try:
                return plan_import(work.cache.watchlist.companies(), path)
            except WatchlistFileError as exc:
                return exc

        def planned(plan) -> None:
            if isinstance(plan, WatchlistFileError):
                self.sig_message.emit(self.tr("Nothing imported — {msg}").format(msg=str(plan)), True)
                return
            done = self.tr("{file}: {added} added, {changed} changed, {unchanged} unchanged").format(
                file=plan.file, added=plan.added, changed=plan.changed, unchanged=plan.unchanged)
            self._push(self.tr("Import {file}").format(file=plan.file), plan.before, plan.after,
                       None, how="import", origin=str(path),
                       then=lambda: self.sig_message.emit(done, False))

        self._in_flight += 1
        task = Task(read, db_path=self.ctx.cache.path, name="watchlist import")
        task.sig_task_succeeded.connect(while_alive(self, planned))
        task.sig_task_failed.connect(while_alive(self, lambda msg: self.sig_message.emit(
            self.tr("Nothing imported — {msg}").format(msg=msg), True)))
        task.sig_task_done.connect(while_alive(self, self._landed))
        task.start()

    def export_path(self, path: Path | str, headers: dict[str, str]) -> None:
        """Write the file on a worker, after the writes before it (so it holds every edit)."""
        self._next(lambda: self._export(Path(path), dict(headers)))

    def _export(self, path: Path, headers: dict[str, str]) -> None:
        from ...services.output_paths import OutputPathError
        from ...services.watchlist_io import WatchlistFileError, export_file
        from ..common.output_error import output_error_text

        lang = current_language()  # the file's headers and names: the language on screen

        def write(work: Work):
            try:
                return export_file(work.cache, path, lang=lang, headers=headers)
            except (OutputPathError, WatchlistFileError, OSError) as exc:
                return exc

        def written(outcome) -> None:
            if isinstance(outcome, OutputPathError):  # a read-only folder, a name too long, …
                self.sig_message.emit(output_error_text(outcome), True)
                self.sig_export_failed.emit(outcome)
            elif isinstance(outcome, Exception):
                self.sig_message.emit(str(outcome), True)
            else:
                self.sig_message.emit(self.tr("Wrote {n} names to {path}").format(
                    n=outcome, path=str(path)), False)

        self._in_flight += 1
        task = Task(write, db_path=self.ctx.cache.path, name="watchlist export")
        task.sig_task_succeeded.connect(while_alive(self, written))
        task.sig_task_failed.connect(while_alive(self, lambda msg: self.sig_message.emit(msg, True)))
        task.sig_task_done.connect(while_alive(self, self._landed))
        task.start()

    def set_earnings(self, ticker: str, usd_bn: float, as_of: str) -> bool:
        """The analyst's dated 12MF earnings estimate; the PER follows in the same transaction.
        Undoable: Ctrl+Z stores the estimate before it again (the note's, if it was), PER too."""
        def start() -> None:
            before = current_earnings(self.ctx.cache, ticker)
            after = {"value": float(usd_bn), "as_of": as_of, "source": ANALYST}
            if before is None:  # not in the watchlist: the write says so, nothing to undo
                self._in_flight += 1
                run_op(self.ctx, self, set_earnings, ticker, usd_bn, as_of) \
                    .expecting(KeyError, ValueError) \
                    .on_failure(self._earnings_refused).on_success(lambda _c: self._landed()).run()
                return
            label = self.tr("{ticker} 12MF earnings: {old} → {new}").format(
                ticker=ticker, old=f"{before['value']:,.1f}", new=f"{usd_bn:,.1f}")
            cmd = EstimateCommand(label, self._apply_estimate, ticker, before, after)
            cmd.then = lambda: self.sig_message.emit(self.tr(
                "{ticker} 12MF earnings {value} ({as_of}) → PER recomputed").format(
                ticker=ticker, value=f"{usd_bn:,.1f}", as_of=as_of), False)
            self.undo_stack.push(cmd)

        self._next(start)
        return True

    def _apply_estimate(self, cmd: PatchCommand, estimate: dict, _how: str, _origin: str,
                        direction: str) -> None:
        """Start storing ``estimate`` (a command's redo or undo) with the PER it gives."""
        ticker = cmd.ticker if isinstance(cmd, EstimateCommand) else ""
        self._in_flight += 1
        run_op(self.ctx, self, set_earnings, ticker, estimate["value"], estimate["as_of"],
               estimate["source"]) \
            .expecting(KeyError, ValueError) \
            .on_success(lambda _change: self._stored(cmd)) \
            .on_failure(lambda exc: self._estimate_refused(cmd, direction, exc)) \
            .run()

    def _estimate_refused(self, cmd: PatchCommand, direction: str, exc: BaseException) -> None:
        if isinstance(exc, (KeyError, ValueError)):
            self.sig_message.emit(self.tr("Not saved: {msg}").format(msg=str(exc)), True)
        self._refused(cmd, direction)

    def _earnings_refused(self, exc: BaseException) -> None:
        if isinstance(exc, (KeyError, ValueError)):
            self.sig_message.emit(self.tr("Not saved: {msg}").format(msg=str(exc)), True)
        self._landed()
