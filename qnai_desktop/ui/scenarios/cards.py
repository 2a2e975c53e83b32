"""The open model's outputs as cards, the main output first and outlined."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QGridLayout, QWidget

from ...core.scenarios import Model
from ...core.scenarios.display import NA, format_output, text, unavailable
from ...core.scenarios.verdict import verdict
from ..common.i18n import current_language
from .card import ScenarioOutputCard


def columns_for(n: int) -> int:
    """Cards per row: full rows where possible (4 -> 4, 5 -> 3+2, 8 -> 4+4, 9 -> 3×3)."""
    return 4 if n in (4, 7, 8) else 3


class ScenarioOutputCards(QWidget):
    """``build`` once per model; ``show_outputs`` on every (throttled) change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: dict[str, ScenarioOutputCard] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(6)

    def build(self, model: Model) -> None:
        for card in self.cards.values():
            self._grid.removeWidget(card)
            card.hide()
            card.setParent(None)
            card.deleteLater()
        order = [model.main_output] + [o for o in model.output_names if o != model.main_output]
        self.cards = {}
        cols = columns_for(len(order))
        for i, name in enumerate(order):
            card = ScenarioOutputCard(main=name == model.main_output, parent=self)
            self._grid.addWidget(card, i // cols, i % cols)
            self.cards[name] = card

    def show_outputs(self, model: Model, outputs: Mapping[str, float], note: Mapping[str, float],
                     params: Mapping[str, float] | None = None) -> None:
        """``params`` (the inputs behind ``outputs``) let a card say "-" and how to get a value
        when an optional input is not given, instead of a false 0."""
        lang = current_language()  # labels, units and hints are the model's content
        na_now = unavailable(model, params or {})
        na_note = unavailable(model, model.defaults())
        for name, card in self.cards.items():
            out = model.output(name)
            if name in na_now:
                card.show_text(text(out, lang), NA, na_now[name].hint(lang), False)
                continue
            if name in na_note:  # the note gives no value to compare with
                card.show_text(text(out, lang), format_output(out, outputs[name], lang),
                               self.tr("Not given in the note"), True)
                continue
            said = verdict(model, name, outputs[name], params or model.defaults(), note)
            card.show_text(text(out, lang), format_output(out, outputs[name], lang),
                           said.text(lang), said.differs)
            card.delta.setToolTip(said.detail(lang))

    def text_of(self, name: str) -> str:
        """The value text a card shows (what the analyst reads)."""
        return self.cards[name].value.text()
