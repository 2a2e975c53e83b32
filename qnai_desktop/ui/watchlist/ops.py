"""Every change the Watchlist tab can make, as undoable operations on the store.

Each operation validates with ``core.watchlist``, builds a (before, after) Patch pair and pushes
a PatchCommand; applying a patch is ONE store transaction (``apply_patch``) followed by
``ctx.notify``, so Ctrl+Z undoes the stored change and every view redraws from the store.
Results come back as return values and signals; this class never touches widgets.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.localized import Localized
from ...core.watchlist import (
    FIELD_LABELS,
    STALE_SETTING,
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
from ...services.fundamentals.live import set_earnings
from ...store.errors import StoreError
from ..common.app_context import AppContext
from ..common.i18n import current_language
from .command import PatchCommand
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

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)
        self._last_ok = False

    # -- plumbing -----------------------------------------------------------------------
    def _apply(self, patch: Patch, focus: tuple[str, str] | None, how: str = "edit",
               origin: str = ORIGIN) -> bool:
        try:
            change = self.ctx.cache.watchlist.apply_patch(patch, how=how, origin=origin)
        except StoreError as exc:
            self.sig_message.emit(self.tr("Not saved: {msg}").format(msg=str(exc)), True)
            self._last_ok = False
            return False
        self._last_ok = True
        self.ctx.notify(change)
        if focus and focus[0]:
            self.sig_focus_requested.emit(*focus)
        return True

    def _push(self, text: str, before: Patch, after: Patch, focus: tuple[str, str] | None,
              how: str = "edit", origin: str = ORIGIN) -> bool:
        self._last_ok = False
        self.undo_stack.push(PatchCommand(text, self._apply, before, after, focus, how=how,
                                          origin=origin))
        if self._last_ok:
            self.sig_message.emit(self.tr("Saved: {what}").format(what=text), False)
        return self._last_ok

    def reject(self, message: str) -> None:
        self.sig_message.emit(self.tr("Rejected — {msg}").format(msg=message), True)

    # -- operations ---------------------------------------------------------------------
    def edit_cell(self, ticker: object, col: str, text: str) -> tuple[bool, object]:
        """The table model's editor: (stored?, value or the reason it was refused)."""
        lang = current_language()  # a name or thesis line is typed in the language on screen
        store_col = store_column(col, lang)
        try:
            value = parse_edit(store_col, text)
        except CellError as exc:
            return False, exc.message(lang)
        row = self.ctx.cache.watchlist.company(str(ticker))
        if row is None:
            return False, str(ticker)
        old = clean_row(row)[store_col]
        if old == value:
            return True, value
        before, after = edit_patches(row, store_col, value)
        field = Localized(*FIELD_LABELS[col]).pick(lang) if col in FIELD_LABELS else col
        label = self.tr("{ticker} {field}: {old} → {new}").format(
            ticker=ticker, field=field, old=_short(old), new=_short(value))
        return self._push(label, before, after, (str(ticker), col)), value

    def add(self, text: str) -> str | None:
        companies = self.ctx.cache.watchlist.companies()
        try:
            ticker = parse_ticker(text, set(companies["ticker"]))
        except CellError as exc:
            self.reject(exc.message(current_language()))
            return None
        position = int(companies["position"].max()) + 1 if len(companies) else 1
        row = new_company(ticker, position, date.today())
        ok = self._push(self.tr("Add {ticker}").format(ticker=ticker), Patch(delete=(ticker,)),
                        Patch(upsert=(row,)), (ticker, "name"))
        return ticker if ok else None

    def remove(self, tickers: list[str]) -> bool:
        if not tickers:
            return False
        cache = self.ctx.cache
        rows = tuple(clean_row(cache.watchlist.company(t)) for t in tickers)
        links = {t: cache.watchlist.links_of(t) for t in tickers}  # undo restores the evidence links too
        label = ", ".join(tickers)
        ok = self._push(self.tr("Remove {ticker}").format(ticker=label),
                        Patch(upsert=rows, links=links), Patch(delete=tuple(tickers)), None)
        if ok:
            self.sig_message.emit(self.tr("{ticker} removed — Ctrl+Z to undo").format(ticker=label),
                                  False)
        return ok

    def move(self, ticker: str, delta: int, column: str) -> bool:
        patches = move_patches(self.ctx.cache.watchlist.companies(), ticker, delta)
        if patches is None:
            return False
        return self._push(self.tr("Move {ticker}").format(ticker=ticker), *patches, (ticker, column))

    def set_benchmark(self, name: str, new: float) -> bool:
        old = getattr(Benchmarks.from_settings(self.ctx.cache.settings.get), name)
        if abs(new - old) < 1e-9:
            return False
        key = Benchmarks.KEYS[name]
        label = self.tr("Benchmark {name} {old}x → {new}x").format(
            name=self.tr(BENCHMARKS[name]), old=fmt_per(old), new=fmt_per(new))
        return self._push(label, Patch(settings={key: f"{old:g}"}),
                          Patch(settings={key: f"{new:g}"}), None)

    def set_links(self, ticker: str, links: tuple[tuple[str, str], ...]) -> bool:
        before = self.ctx.cache.watchlist.links_of(ticker)
        return self._push(self.tr("Change {ticker} evidence links").format(ticker=ticker),
                          Patch(links={ticker: before}), Patch(links={ticker: tuple(links)}),
                          (ticker, "ticker"))

    def set_stale_days(self, days: int) -> None:
        """A preference of the check, not data: stored (the CLI reads it too), not undoable."""
        self.ctx.notify(self.ctx.cache.settings.set(STALE_SETTING, str(days)))

    def import_path(self, path: Path | str) -> bool:
        """Validate the whole file; on any fault nothing is written, else one undoable write."""
        from ...services.watchlist_io import WatchlistFileError, plan_import

        try:
            plan = plan_import(self.ctx.cache.watchlist.companies(), path)
        except WatchlistFileError as exc:
            self.sig_message.emit(self.tr("Nothing imported — {msg}").format(msg=str(exc)), True)
            return False
        ok = self._push(self.tr("Import {file}").format(file=plan.file), plan.before, plan.after,
                        None, how="import", origin=str(path))
        if ok:
            text = self.tr("{file}: {added} added, {changed} changed, {unchanged} unchanged")
            self.sig_message.emit(text.format(file=plan.file, added=plan.added, changed=plan.changed,
                                              unchanged=plan.unchanged), False)
        return ok

    def export_path(self, path: Path | str, headers: dict[str, str]) -> int:
        from ...services.output_paths import OutputPathError
        from ...services.watchlist_io import WatchlistFileError, export_file
        from ..common.output_error import output_error_text

        try:
            n = export_file(self.ctx.cache, path, lang=current_language(), headers=headers)
        except OutputPathError as exc:  # a read-only folder, a name too long, …: one sentence
            self.sig_message.emit(output_error_text(exc), True)
            self.sig_export_failed.emit(exc)
            return 0
        except (WatchlistFileError, OSError) as exc:
            self.sig_message.emit(str(exc), True)
            return 0
        self.sig_message.emit(self.tr("Wrote {n} names to {path}").format(n=n, path=str(path)), False)
        return n

    def set_earnings(self, ticker: str, usd_bn: float, as_of: str) -> bool:
        """The analyst's dated 12MF earnings estimate; the PER follows in the same transaction
        (kept in the name's history, not on the undo stack: enter the old estimate to go back)."""
        try:
            change = set_earnings(self.ctx.cache, ticker, usd_bn, as_of)
        except (StoreError, KeyError, ValueError) as exc:
            self.sig_message.emit(self.tr("Not saved: {msg}").format(msg=str(exc)), True)
            return False
        self.ctx.notify(change)
        self.sig_message.emit(self.tr("{ticker} 12MF earnings {value} ({as_of}) → PER recomputed").format(
            ticker=ticker, value=f"{usd_bn:,.1f}", as_of=as_of), False)
        return True
