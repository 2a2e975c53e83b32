"""Cases side by side: inputs then outputs, one column per case, differences from the first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .model import Model
from .validate import validate

_RTOL = 1e-9


@dataclass(frozen=True)
class Comparison:
    """``values[row, case]``; rows are every input then every output (``kinds`` says which).

    ``differs[row, case]`` is True where a case differs from the first case (the reference,
    e.g. the note's values); the first column never differs from itself.
    """

    model: Model
    case_names: tuple[str, ...]
    row_names: tuple[str, ...]
    kinds: tuple[str, ...]  # "param" | "output"
    values: np.ndarray
    differs: np.ndarray

    def describe(self, row: int):
        """The Param or Output a row shows."""
        name = self.row_names[row]
        return self.model.param(name) if self.kinds[row] == "param" else self.model.output(name)


def compare(model: Model, cases: Sequence[tuple[str, Mapping[str, float | str]]]) -> Comparison:
    """Validate and evaluate each (name, params) case; raises ScenarioError on a bad case."""
    rows = [*model.param_names, *model.output_names]
    kinds = ["param"] * len(model.params) + ["output"] * len(model.outputs)
    values = np.empty((len(rows), len(cases)))
    for j, (_name, params) in enumerate(cases):
        filled = validate(model, params)
        result = {**filled, **model.compute(filled)}
        values[:, j] = [result[r] for r in rows]
    if cases:
        ref = values[:, :1]
        differs = ~np.isclose(values, ref, rtol=_RTOL, atol=1e-12)
    else:
        differs = np.zeros_like(values, dtype=bool)
    return Comparison(model, tuple(n for n, _ in cases), tuple(rows), tuple(kinds), values,
                      differs)
