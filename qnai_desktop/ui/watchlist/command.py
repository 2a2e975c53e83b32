"""One undo command for every watchlist operation: apply the ``after`` patch, undo = apply the
``before`` patch. Each direction is one store transaction, so Ctrl+Z undoes the stored change,
not just the screen.

Writes run on the writer thread: ``redo``/``undo`` START the write and return. When it fails the
owner puts the stack back without writing: ``skip_next`` makes the next redo/undo a no-op, so the
stack can step back over a failed redo (or forward over a failed undo) and keep the command."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ...core.watchlist import Patch

#: (command, patch, how, origin, direction "redo"/"undo") -> None; starts the write.
Applier = Callable[["PatchCommand", Patch, str, str, str], None]


class PatchCommand(QUndoCommand):
    def __init__(self, text: str, apply: Applier, before: Patch, after: Patch,
                 focus: tuple[str, str] | None = None, *, how: str = "edit",
                 origin: str = "") -> None:
        super().__init__(text)
        self._apply, self.before, self.after, self.focus = apply, before, after, focus
        self.how, self.origin = how, origin
        self.fresh = True  # not yet stored once: a failed first write drops the command
        self.skip_next = False
        self.then: Callable[[], None] | None = None  # run once, when first stored

    def redo(self) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        self._apply(self, self.after, self.how, self.origin, "redo")

    def undo(self) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        # provenance names the undo; "edit" because the user, not a file, made this write
        self._apply(self, self.before, "edit", f"undo: {self.text()}", "undo")


class EstimateCommand(PatchCommand):
    """An earnings-estimate edit: ``before``/``after`` are ``{value, as_of, source}`` of one
    name's 12MF estimate (not Patches); the owner's applier stores one with its PER, so Ctrl+Z
    puts the previous estimate — and the PER computed from it — back in one transaction."""

    def __init__(self, text: str, apply: Applier, ticker: str, before: dict, after: dict) -> None:
        super().__init__(text, apply, before, after, (ticker, "per_12mf"))  # type: ignore[arg-type]
        self.ticker = ticker
