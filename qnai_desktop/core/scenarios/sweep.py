"""One- and two-input sweeps for charts and the sensitivity grid, plus CLI range parsing."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import ScenarioError
from .model import Model
from .validate import validate

MAX_POINTS = 10_000


def sweep(model: Model, params: Mapping[str, float | str], name: str,
          values: Iterable[float]) -> list[dict[str, float]]:
    """One row per value of ``name``: the complete parameters and every output, flat.

    Other parameters keep ``params`` (defaults where missing); a choice parameter such as
    ``year`` still fills what it sets unless ``params`` gives it explicitly.
    """
    model.param(name)
    rows = []
    for v in values:
        filled = validate(model, {**params, name: v})
        rows.append({**filled, **model.compute(filled)})
    return rows


def grid(model: Model, params: Mapping[str, float | str], x_name: str,
         x_values: Sequence[float], y_name: str, y_values: Sequence[float],
         output: str) -> pd.DataFrame:
    """``output`` over a two-input grid: rows are ``y_values``, columns ``x_values``.

    Like Excel's two-variable data table; index and columns are named after the inputs.
    """
    model.param(x_name)
    model.param(y_name)
    model.output(output)
    if x_name == y_name:
        raise ScenarioError(f"grid needs two different inputs, got {x_name!r} twice")
    table = np.empty((len(y_values), len(x_values)))
    for i, y in enumerate(y_values):
        for j, x in enumerate(x_values):
            filled = validate(model, {**params, x_name: x, y_name: y})
            table[i, j] = model.compute(filled)[output]
    return pd.DataFrame(table, index=pd.Index([float(y) for y in y_values], name=y_name),
                        columns=pd.Index([float(x) for x in x_values], name=x_name))


def parse_range(text: str) -> list[float]:
    """``"LO:HI:N"`` → N evenly spaced values from LO to HI inclusive (N = 1 gives [LO])."""
    parts = text.split(":")
    if len(parts) != 3:
        raise ScenarioError(f"expected LO:HI:N (e.g. 0:1:11), got {text!r}")
    try:
        lo, hi = float(parts[0]), float(parts[1])
        n = int(parts[2])
    except ValueError:
        raise ScenarioError(f"expected LO:HI:N with numbers and a whole N, got {text!r}") from None
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise ScenarioError(f"range bounds must be finite numbers, got {text!r}")
    if not 1 <= n <= MAX_POINTS:
        raise ScenarioError(f"N must be 1–{MAX_POINTS}, got {n} in {text!r}")
    return [float(v) for v in np.linspace(lo, hi, n)]
