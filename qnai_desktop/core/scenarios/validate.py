"""Fill and check a parameter dict against a model's description."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .errors import ScenarioError
from .params import Param

if TYPE_CHECKING:
    from .model import Model

_TOL = 1e-9  # float noise from linspace/slider steps is clamped, not rejected


def validate(model: Model, params: Mapping[str, float | str]) -> dict[str, float]:
    """Return a complete parameter dict: given values checked, the rest from defaults.

    A choice parameter (``year``) fills the parameters its choice ``sets`` unless those were
    given explicitly. Values may be numbers or numeric text (``"0.2"``); a choice also accepts
    its label (``"2027F"``). Raises ScenarioError naming the parameter and its allowed range.
    """
    out = model.defaults()
    for name, raw in params.items():
        p = model.param(name)
        out[name] = _check(p, raw)
    for p in model.params:
        if p.choices is None:
            continue
        choice = p.choice(out[p.name])
        if choice is None:
            continue
        for target, value in choice.sets.items():
            if target not in params:
                out[target] = float(value)
    return out


def _check(p: Param, raw: float | str) -> float:
    if p.choices is not None:
        choice = p.choice(raw if isinstance(raw, str) else _number(p, raw))
        if choice is None and isinstance(raw, str):
            try:  # "2027" as text; a label such as "2027F" was matched above
                choice = p.choice(float(raw))
            except ValueError:
                choice = None
        if choice is None:
            raise ScenarioError(f"{p.name}={raw} is not one of {p.range_text()}")
        return float(choice.value)
    value = _number(p, raw)
    if not p.min - _TOL <= value <= p.max + _TOL:
        raise ScenarioError(f"{p.name}={value:g} is outside {p.range_text()}")
    value = min(max(value, p.min), p.max)
    if p.integer and abs(value - round(value)) > _TOL:
        raise ScenarioError(f"{p.name}={value:g} must be a whole number in {p.range_text()}")
    return float(round(value)) if p.integer else float(value)


def _number(p: Param, raw: float | str) -> float:
    if isinstance(raw, bool):
        raise ScenarioError(f"{p.name}={raw} is not a number (allowed {p.range_text()})")
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ScenarioError(f"{p.name}={raw!r} is not a number "
                            f"(allowed {p.range_text()})") from None
    if not math.isfinite(value):
        raise ScenarioError(f"{p.name}={raw} is not a finite number (allowed {p.range_text()})")
    return value
