"""Chart curves: one output over the range of one input, validated once (fast enough per frame)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .model import Model
from .params import Param
from .validate import validate

CHART_POINTS = 101
MAX_INTEGER_POINTS = 200


def chart_x(param: Param, points: int = CHART_POINTS) -> np.ndarray:
    """x values spanning the parameter's whole range: every whole number for integer inputs."""
    if param.integer and param.max - param.min <= MAX_INTEGER_POINTS:
        return np.arange(param.min, param.max + 1.0, 1.0)
    xs = np.linspace(param.min, param.max, points)
    return np.unique(np.round(xs)) if param.integer else xs


def curve(model: Model, params: Mapping[str, float | str], x_name: str,
          x_values: Sequence[float] | np.ndarray, output: str) -> np.ndarray:
    """``output`` at each of ``x_values`` of ``x_name``, other inputs fixed at ``params``.

    ``params`` is validated once; x values are clamped into the input's range (so a curve from
    :func:`chart_x` never fails). Unlike :func:`~.sweep.sweep`, a choice's ``sets`` are not
    re-applied per point: the chart varies one input and holds the rest.
    """
    p = model.param(x_name)
    model.output(output)
    filled = validate(model, params)
    out = np.empty(len(x_values))
    for i, x in enumerate(x_values):
        filled[x_name] = min(max(float(x), p.min), p.max)
        out[i] = model.compute(filled)[output]
    return out
