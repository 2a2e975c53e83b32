"""The Scenarios tab's model: which scenario model is open and its current inputs.

Widgets only listen (``sig_params_changed``) and call the setters; the math is in
``core.scenarios``. Each model's inputs are remembered for the session, so switching models and
back keeps what the analyst was doing; every model opens on the note's values.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from ...core.scenarios import MODELS, Model, get_model, validate
from ...core.scenarios.display import snap


class ScenarioState(QObject):
    """Current model and complete, validated parameters; outputs computed on demand."""

    sig_model_changed = Signal(str)  # model id
    sig_params_changed = Signal(str)  # name of the input that moved, "" for many

    def __init__(self, model_id: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._params: dict[str, dict[str, float]] = {}
        self.model: Model = get_model(model_id or next(iter(MODELS)))
        self._outputs: dict[str, float] | None = None

    # -- reading -------------------------------------------------------------------------
    @property
    def params(self) -> dict[str, float]:
        return self._params.setdefault(self.model.id, self.model.defaults())

    def outputs(self) -> dict[str, float]:
        """Every output for the current inputs (computed once per change)."""
        if self._outputs is None:
            self._outputs = self.model.compute(self.params)
        return self._outputs

    def is_default(self, name: str) -> bool:
        p = self.model.param(name)
        return abs(self.params[name] - p.default) <= 1e-9 * max(1.0, abs(p.default))

    # -- changing ------------------------------------------------------------------------
    def set_model(self, model_id: str) -> None:
        if model_id != self.model.id:
            self.model = get_model(model_id)
            self._outputs = None
            self.sig_model_changed.emit(model_id)

    def set_param(self, name: str, value: float) -> None:
        """Snap to the input's step; a choice (``year``) also sets what it implies (capex share)."""
        p = self.model.param(name)
        value = snap(p, value)
        if value == self.params.get(name):
            return
        new = {**self.params, name: value}
        choice = p.choice(value) if p.choices is not None else None
        if choice is not None:
            new.update(choice.sets)
        self._replace(validate(self.model, new), name)

    def load(self, params: Mapping[str, float]) -> None:
        """Show a stored case (missing inputs take the note's values)."""
        self._replace(validate(self.model, params), "")

    def reset(self) -> None:
        self._replace(self.model.defaults(), "")

    def _replace(self, params: dict[str, float], name: str) -> None:
        self._params[self.model.id] = params
        self._outputs = None
        self.sig_params_changed.emit(name)
