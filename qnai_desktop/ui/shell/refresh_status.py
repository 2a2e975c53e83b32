"""The refresh panel's place in the status bar: one short line ("새로 고침 중… 3/13",
"새로 고침: 11 성공, 2 실패") that opens the panel on demand, so the panel never takes the
watchlist's rows unless she asks for it. Imports nothing heavy (the panel is built on first use)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from ..common.theme import set_tone


class RefreshStatusButton(QToolButton):
    """A flat status-bar button; ``sig_panel_requested`` when clicked."""

    sig_panel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self._state = ""
        self._stamps: list[str] = []
        self.clicked.connect(self.sig_panel_requested)
        self.retranslate()

    def set_state(self, text: str, tone: str = "") -> None:
        """Show the panel's one-line state (its tone: "" or "error")."""
        self._state = text
        self.setText(f"{text} ▸")  # ▸: it opens the panel
        set_tone(self, tone)

    def set_last_success(self, stamps: dict[str, str]) -> None:
        """When each source last succeeded (source → ISO time), shown in the tooltip."""
        self._stamps = [f"{name} {when.replace('T', ' ')[:16]}" for name, when in sorted(stamps.items())]
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if not self._state:
            self.setText(self.tr("Refresh ▸"))
        tip = self.tr("Show the refresh panel: each source's progress and problems")
        if self._stamps:
            tip += "\n\n" + self.tr("Last success:") + "\n" + "\n".join(self._stamps)
        self.setToolTip(tip)
