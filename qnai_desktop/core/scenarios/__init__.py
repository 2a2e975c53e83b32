"""Scenario models: the note's arguments as pure ``evaluate(params) -> outputs`` functions.

Parameters and outputs are described as data (labels ko/en, units, ranges, defaults, the note's
sentence as source) so the Scenarios tab, the CLI and tests all read one description. No Qt.
"""

from __future__ import annotations

from .errors import ScenarioError, UnknownModelError
from .model import Model
from .outputs import Mark, Output
from .params import ASSUMPTION, UNITS, Choice, Param
from .registry import MODELS, get_model, model_ids
from .sweep import grid, parse_range, sweep
from .validate import validate

__all__ = [
    "ASSUMPTION",
    "MODELS",
    "UNITS",
    "Choice",
    "Mark",
    "Model",
    "Output",
    "Param",
    "ScenarioError",
    "UnknownModelError",
    "get_model",
    "grid",
    "model_ids",
    "parse_range",
    "sweep",
    "validate",
]
