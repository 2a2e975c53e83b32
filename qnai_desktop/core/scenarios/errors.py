"""Errors raised by the scenario layer; the UI and CLI decide how to show them."""

from __future__ import annotations


class ScenarioError(ValueError):
    """A bad request to a scenario model: unknown parameter, out-of-range value, bad range text."""


class UnknownModelError(ScenarioError, KeyError):
    """No model has this id. Also a ``KeyError`` so ``MODELS[id]``-style callers can catch it."""

    def __init__(self, model_id: str, valid: list[str]) -> None:
        self.model_id = model_id
        self.valid = valid
        super().__init__(f"unknown scenario model {model_id!r}; valid ids: {', '.join(valid)}")

    def __str__(self) -> str:
        # KeyError.__str__ would repr() the message; show it as plain text instead.
        return str(self.args[0])
