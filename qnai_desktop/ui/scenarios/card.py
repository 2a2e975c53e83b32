"""One output card: label, the value with its unit, and the note's value for reference."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..common.theme import set_tone

CARD_STYLE = "QFrame#scenarioCard { border-radius: 6px; }"  # colours: the theme's card tones


class ScenarioOutputCard(QFrame):
    """Shows text it is given; formatting is done by core.scenarios.display."""

    def __init__(self, main: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioCard")
        self.setStyleSheet(CARD_STYLE)
        set_tone(self, "card-main" if main else "card")
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 9pt;")
        set_tone(self.title, "card-muted")
        self.title.setWordWrap(True)
        self.value = QLabel()
        self.value.setStyleSheet("font-size: 16pt; font-weight: 600;")
        set_tone(self.value, "card-main-text" if main else "card-text")
        self.delta = QLabel()
        self.delta.setStyleSheet("font-size: 8pt;")
        set_tone(self.delta, "card-muted")
        # a verdict ("-0.09x vs the note's 1.85x (assumed inputs)") wraps: four cards in a row
        # must not widen the window (English runs longer than Korean)
        self.delta.setWordWrap(True)
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
            set_tone(self.delta, "card-info" if changed else "card-muted")
