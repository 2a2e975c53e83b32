"""One undo command for every watchlist operation: apply the ``after`` patch, undo = apply the
``before`` patch. Each direction is one store transaction, so Ctrl+Z undoes the stored change,
not just the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ...core.watchlist import Patch

#: (patch, focus, how, origin) -> stored?  focus = (ticker, view column) to select afterwards.
Applier = Callable[[Patch, tuple[str, str] | None, str, str], bool]


class PatchCommand(QUndoCommand):
    def __init__(self, text: str, apply: Applier, before: Patch, after: Patch,
                 focus: tuple[str, str] | None = None, *, how: str = "edit",
                 origin: str = "") -> None:
        super().__init__(text)
        self._apply, self.before, self.after, self.focus = apply, before, after, focus
        self.how, self.origin = how, origin

    def redo(self) -> None:
        if not self._apply(self.after, self.focus, self.how, self.origin):
            self.setObsolete(True)  # the store refused: QUndoStack.push drops the command

    def undo(self) -> None:
        # provenance names the undo; "edit" because the user, not a file, made this write
        self._apply(self.before, self.focus, "edit", f"undo: {self.text()}")
