"""One output card: label, the value with its unit, and the note's value for reference."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

CARD_STYLE = ("QFrame#scenarioCard {{ background: {bg}; border: 1px solid {border};"
              " border-radius: 6px; }}")


class ScenarioOutputCard(QFrame):
    """Shows text it is given; formatting is done by core.scenarios.display."""

    def __init__(self, main: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioCard")
        self.setStyleSheet(CARD_STYLE.format(bg="#fff5f6" if main else "#fafafa",
                                             border="#ea002c" if main else "#dddddd"))
        self.title = QLabel()
        self.title.setStyleSheet("color: #555; font-size: 9pt;")
        self.title.setWordWrap(True)
        self.value = QLabel()
        self.value.setStyleSheet(f"color: {'#b0001f' if main else '#111'}; font-size: 16pt;"
                                 " font-weight: 600;")
        self.delta = QLabel()
        self.delta.setStyleSheet("color: #888; font-size: 8pt;")
        self._changed = False
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 6)
        box.setSpacing(0)
        for w in (self.title, self.value, self.delta):
            box.addWidget(w)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def show_text(self, title: str, value: str, delta: str, changed: bool) -> None:
        self.title.setText(title)
        self.value.setText(value)
        self.delta.setText(delta)
        if changed != self._changed:  # restyling re-polishes the widget: only when it flips
            self._changed = changed
            self.delta.setStyleSheet(f"color: {'#1f4e79' if changed else '#888'}; font-size: 8pt;")
