"""Two-input sensitivity tables (Excel's data table): axes centred on the case, heat, TSV."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .display import display_scale, format_output, format_param, snap, text
from .model import Model
from .params import Param

DEFAULT_POINTS = 7
_TOL = 1e-9


def nice_step(span: float) -> float:
    """The 1-2-5 number nearest below ``span`` (e.g. 2.5 -> 2, 0.07 -> 0.05); 1 for span <= 0."""
    if not span > 0 or not math.isfinite(span):
        return 1.0
    exp = math.floor(math.log10(span))
    for m in (5.0, 2.0, 1.0):
        if m * 10**exp <= span + 1e-12:
            return m * 10**exp
    return 10.0**exp


def axis_step(param: Param) -> float:
    """A round grid step: about 1/20 of the range in display units, a multiple of the slider step."""
    scale = display_scale(param.unit)
    step = nice_step((param.max - param.min) * scale / 20.0) / scale
    if param.integer:
        return max(1.0, round(step))
    return max(param.step, round(step / param.step) * param.step)


def grid_axis(param: Param, center: float, points: int = DEFAULT_POINTS,
              step: float | None = None) -> list[float]:
    """``points`` values ``center ± k·step`` inside the range, shifted to fit; fewer if too narrow.

    The centre (the current case) is always one of the values, so the table can outline it.
    """
    if points < 1:
        raise ValueError("points must be >= 1")
    step = axis_step(param) if step is None or not step > 0 else step
    center = snap(param, center)
    below = points // 2
    lo = center - below * step
    hi = lo + (points - 1) * step
    if lo < param.min - _TOL:
        shift = math.ceil((param.min - lo) / step - _TOL)
        lo, hi = lo + shift * step, hi + shift * step
    if hi > param.max + _TOL:
        shift = math.ceil((hi - param.max) / step - _TOL)
        lo, hi = lo - shift * step, hi - shift * step
    values = [round(lo + k * step, 10) + 0.0 for k in range(points)]  # no -0.0
    values = [v for v in values if param.min - _TOL <= v <= param.max + _TOL]
    if param.integer:
        values = [float(round(v)) for v in values]
    out = sorted(set(values) | {center})
    return out


def current_cell(table: pd.DataFrame, x: float, y: float) -> tuple[int, int] | None:
    """(row, column) of the cell at input values (x, y), or None when they are not on the grid."""
    cols = np.flatnonzero(np.isclose(table.columns.to_numpy(dtype=float), x, rtol=0, atol=1e-9))
    rows = np.flatnonzero(np.isclose(table.index.to_numpy(dtype=float), y, rtol=0, atol=1e-9))
    if not len(cols) or not len(rows):
        return None
    return int(rows[0]), int(cols[0])


def heat_levels(table: pd.DataFrame) -> np.ndarray:
    """Each cell's position between the table's min (0) and max (1); 0.5 when all are equal."""
    values = table.to_numpy(dtype=float)
    finite = values[np.isfinite(values)]
    if not finite.size:
        return np.full(values.shape, np.nan)
    lo, hi = float(finite.min()), float(finite.max())
    if hi - lo <= 1e-12 * max(1.0, abs(hi)):
        return np.where(np.isfinite(values), 0.5, np.nan)
    return (values - lo) / (hi - lo)


def _tsv_number(unit: str, value: float) -> str:
    """Spreadsheet-friendly: percent with a % sign (Excel reads it as a number), else plain."""
    if not math.isfinite(value):
        return ""
    if unit in ("fraction", "pp"):
        return f"{value * 100:.4g}%"
    return f"{value:.10g}"


def grid_tsv(model: Model, table: pd.DataFrame, output: str, lang: str = "ko") -> str:
    """The grid as tab-separated text for pasting into Excel: a corner cell, x header, y rows."""
    x_param, y_param = model.param(table.columns.name), model.param(table.index.name)
    out = model.output(output)
    corner = f"{text(out, lang)}: {text(y_param, lang)} \\ {text(x_param, lang)}"
    lines = ["\t".join([corner, *(_tsv_number(x_param.unit, x) for x in table.columns)])]
    for y, row in zip(table.index, table.to_numpy(dtype=float), strict=True):
        cells = [_tsv_number(y_param.unit, y), *(_tsv_number(out.unit, v) for v in row)]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def grid_text(model: Model, table: pd.DataFrame, output: str, lang: str = "en") -> str:
    """The grid as an aligned text table for the terminal, formatted like the UI."""
    x_param, y_param = model.param(table.columns.name), model.param(table.index.name)
    out = model.output(output)
    head = [f"{y_param.name} \\ {x_param.name}", *(format_param(x_param, x, lang)
                                                   for x in table.columns)]
    rows = [[format_param(y_param, y, lang), *(format_output(out, v, lang) for v in r)]
            for y, r in zip(table.index, table.to_numpy(dtype=float), strict=True)]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in [head, *rows]]
    return "\n".join([f"{out.name} ({text(out, lang)})", *lines])

