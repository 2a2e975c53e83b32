"""The inputs of the open scenario model: one ScenarioParamRow per parameter."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.scenarios import Model
from .param_row import ScenarioParamRow


class ScenarioParamPanel(QWidget):
    """Rebuilt per model (and language); ``sync`` shows values without echoing them back."""

    sig_value_changing = Signal(str, float)
    sig_value_committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, ScenarioParamRow] = {}
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(2)

    def build(self, model: Model, params: Mapping[str, float]) -> None:
        for row in self.rows.values():
            self._box.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows = {}
        for p in model.params:
            row = ScenarioParamRow(p, self)
            row.set_value(params[p.name])
            row.sig_value_changing.connect(self.sig_value_changing)
            row.sig_value_committed.connect(self.sig_value_committed)
            self._box.addWidget(row)
            self.rows[p.name] = row

    def sync(self, params: Mapping[str, float]) -> None:
        """Show ``params``; a slider the user is dragging keeps its handle where the mouse is."""
        for name, row in self.rows.items():
            if not row.is_dragging():
                row.set_value(params[name])
