"""Saved scenario cases and publishing a case as a chart: validate first, then write. No Qt.

Cases are stored per model with their *complete, validated* parameters, so a case keeps its
meaning if a default changes later. The autosaved "(current)" case is what the tab shows when
a slider is released; users cannot name a case that.

Publishing a case (see :func:`build_publication`): the Charts tab and the export pack draw
``ChartSpec`` s from cached *series*. A scenario curve is output-vs-input, not a time series, and
is published honestly as one: a *parameter chart* (``x_mode="param"``, x axis titled with the
input's name and unit). The cache keys observations by date, so each curve is stored as series
``scenario.<model>.<case>.<line>`` on placeholder days (``ANCHOR + i``) with the real x values,
input label and unit in ``extra["param_x"]`` (core/param_axis.py); every date-based reader
(charts, export checks, monitors, the status bar's newest date, the series list) recognises such
a series and never treats its days as dates. The anchor is in 2000 on purpose, so even an old
reader would not take the curve for current data. Series are ``is_demo=False`` (they are not
illustrative data) with source "Q&AI scenario (assumption-based)", so every source line says the
numbers come from a model.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..core.changes import ChangeSet
from ..core.charts import ChartSpec, SeriesRef
from ..core.param_axis import PARAM_X, ParamAxis, param_axis_of
from ..core.scenarios import Model, ScenarioError, get_model, validate
from ..core.scenarios.curves import chart_x, curve
from ..core.scenarios.display import NOT_GIVEN, display_scale, format_param, text, unit_text
from ..core.series import SeriesBundle, SeriesMeta
from ..store.cache import Cache

CURRENT = "(current)"
MAX_NAME = 80
SOURCE_EN = "Q&AI scenario (assumption-based)"
SOURCE_KO = "Q&AI 시나리오 (가정 기반)"
ANCHOR = pd.Timestamp("2000-01-01")
PUBLISH_POINTS = 101

#: scenario unit -> (series unit, factor applied to stored values)
_SERIES_UNITS = {"fraction": ("pct", 100.0), "pp": ("pct", 100.0), "x": ("ratio", 1.0),
                 "usd_bn": ("usd_bn", 1.0), "tokens": ("count", 1.0), "gpus": ("count", 1.0)}


@dataclass(frozen=True)
class SavedCase:
    """A stored case. ``problem`` says why stored values were dropped (model changed since)."""

    name: str
    params: dict[str, float]
    updated_at: str = ""
    problem: str = ""


@dataclass(frozen=True)
class Publication:
    """What publishing a case wrote: the user chart id, its series and the change."""

    chart_id: str
    series_ids: tuple[str, ...]
    change: ChangeSet = field(default_factory=ChangeSet)


# -- names ---------------------------------------------------------------------------------
def check_name(name: str) -> str:
    """The trimmed case name, or ScenarioError saying what is wrong with it."""
    if not isinstance(name, str):
        raise ScenarioError("case name: must be text")
    name = name.strip()
    if not name:
        raise ScenarioError("case name: must not be empty")
    if len(name) > MAX_NAME:
        raise ScenarioError(f"case name: at most {MAX_NAME} characters (got {len(name)})")
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise ScenarioError("case name: must not contain control characters (tabs, newlines)")
    if name == CURRENT:
        raise ScenarioError(f"case name: {CURRENT!r} is reserved for the autosaved current values")
    return name


def slug(name: str) -> str:
    """An id-safe, stable form of a case name: ascii words plus a short hash (Korean names too)."""
    ascii_words = re.findall(r"[a-z0-9]+", name.lower())
    base = "_".join(ascii_words)[:40].strip("_") or "case"
    return f"{base}_{hashlib.sha1(name.encode()).hexdigest()[:6]}"


# -- cases ---------------------------------------------------------------------------------
def save_case(cache: Cache, model_id: str, name: str, params: Mapping[str, Any]) -> ChangeSet:
    """Validate the name and every value, then store the complete parameters."""
    model = get_model(model_id)
    name = check_name(name)
    return cache.cases.save(model.id, name, validate(model, params))


def autosave(cache: Cache, model_id: str, params: Mapping[str, Any]) -> ChangeSet:
    """Store the on-screen values as the model's "(current)" case (slider released)."""
    model = get_model(model_id)
    return cache.cases.save(model.id, CURRENT, validate(model, params))


def load_cases(cache: Cache, model_id: str) -> list[SavedCase]:
    """The model's cases, "(current)" first; values the model no longer knows are dropped."""
    model = get_model(model_id)
    out: list[SavedCase] = []
    for row in cache.cases.list(model.id).itertuples():
        params, problems = {}, []
        for key, value in dict(row.params).items():
            try:
                params[key] = validate(model, {key: value})[key]
            except ScenarioError as exc:
                problems.append(str(exc))
        try:
            params = validate(model, params)
        except ScenarioError as exc:  # pragma: no cover - each key was checked above
            problems.append(str(exc))
            params = model.defaults()
        out.append(SavedCase(row.name, params, row.updated_at, "; ".join(problems)))
    return sorted(out, key=lambda c: (c.name != CURRENT, c.name))


def case_params(cache: Cache, model_id: str, name: str) -> dict[str, float]:
    """A stored case's parameters; ScenarioError naming the case and the ones that exist."""
    cases = {c.name: c for c in load_cases(cache, model_id)}
    if name not in cases:
        have = ", ".join(repr(n) for n in cases) or "none saved yet"
        raise ScenarioError(f"no case {name!r} for {model_id}; saved cases: {have}")
    return cases[name].params


def _existing(cache: Cache, model_id: str, name: str) -> None:
    names = set(cache.cases.list(model_id)["name"])
    if name not in names:
        raise ScenarioError(f"no case {name!r} for {model_id}")


def rename_case(cache: Cache, model_id: str, old: str, new: str) -> ChangeSet:
    """Rename a stored case; the new name is checked like a saved one and must be free."""
    model = get_model(model_id)
    new = check_name(new)
    _existing(cache, model.id, old)
    if new == old:
        return ChangeSet(tables={"scenarios"})
    if new in set(cache.cases.list(model.id)["name"]):
        raise ScenarioError(f"case name: {new!r} already exists")
    return cache.cases.rename(model.id, old, new)


def delete_case(cache: Cache, model_id: str, name: str) -> ChangeSet:
    """Delete a stored case (a published chart of it stays in the Charts tab)."""
    model = get_model(model_id)
    _existing(cache, model.id, name)
    return cache.cases.delete(model.id, name)


# -- publishing ----------------------------------------------------------------------------
def x_for_dates(extra: Mapping[str, Any], dates: pd.DatetimeIndex | np.ndarray) -> np.ndarray:
    """The scenario x value of each placeholder date of a published series (NaN if unknown)."""
    axis = param_axis_of(extra)
    if axis is None:
        raise ScenarioError("not a published scenario curve (no parameter axis)")
    return axis.x_for(dates)


def _lines(model: Model, name: str, params: dict[str, float], lang_label: str
           ) -> list[tuple[str, str, str, dict[str, float]]]:
    """(key, label ko, label en, params) per published line."""
    if model.chart_series is not None:
        sname, values = model.chart_series
        sp = model.param(sname)
        vals = sorted({*values, params[sname]})
        return [(f"{sname}_{v:g}".replace(".", "p"), f"{sp.label_ko} = {format_param(sp, v, 'ko')}",
                 f"{sp.label_en} = {format_param(sp, v, 'en')}", {**params, sname: v}) for v in vals]
    lines = [("case", lang_label, lang_label, params)]
    base = model.defaults()
    xs = chart_x(model.param(model.main_param))
    if not np.allclose(curve(model, params, model.main_param, xs, model.main_output),
                       curve(model, base, model.main_param, xs, model.main_output)):
        lines.append(("note", "노트 기준", "The note's values", base))
    return lines


def build_publication(model: Model, name: str, params: Mapping[str, Any]
                      ) -> tuple[list[SeriesBundle], dict[str, Any]]:
    """Pure: the series bundles and the user-chart dict that publish ``name`` (see module doc)."""
    filled = validate(model, params)
    label = "현재 값" if name == CURRENT else name
    xp, out = model.param(model.main_param), model.output(model.main_output)
    series_unit, factor = _SERIES_UNITS.get(out.unit, ("index", 1.0))
    xs = chart_x(xp, PUBLISH_POINTS)
    axis = ParamAxis(tuple(round(float(x) * display_scale(xp.unit), 10) for x in xs),
                     xp.label_ko, xp.label_en, unit_text(xp.unit, "ko"), unit_text(xp.unit, "en"),
                     ANCHOR.date())
    dates = axis.dates().astype("datetime64[s]")
    chart_id = f"scenario.{model.id}.{slug(name)}"
    scenario = {"model": model.id, "case": name, "params": filled, "x_param": xp.name}
    bundles, refs = [], []
    for key, label_ko, label_en, line_params in _lines(model, name, filled, label):
        ys = curve(model, line_params, xp.name, xs, out.name) * factor
        if not all(math.isfinite(y) for y in ys):
            raise ScenarioError(f"{model.id}: curve for {name!r} is not finite")
        sid = f"{chart_id}.{key}"
        meta = SeriesMeta(
            id=sid, title_ko=f"{model.title_ko} — {label} ({label_ko})",
            title_en=f"{model.title_en} — {label} ({label_en})", unit=series_unit,
            frequency="D", source=SOURCE_EN, source_ko=SOURCE_KO,
            note_ko=f"시나리오 곡선: x = {xp.label_ko} (날짜 아님)",
            note_en=f"Scenario curve: x = {xp.label_en} (not dates)",
            is_demo=False, licence="own model",
            extra={PARAM_X: axis.to_dict(), "scenario": {**scenario, "line": key}})
        frame = pd.DataFrame({"date": dates, "value": ys})
        bundles.append(SeriesBundle(meta, frame))
        refs.append(SeriesRef(sid, label_ko, label_en))
    not_given = {rule.param for rule in NOT_GIVEN.get(model.id, ()) if filled[rule.param] == 0.0}

    def summary(lang: str) -> str:  # inputs left at "0 = not given" are left out, not shown as 0
        return ", ".join(f"{text(p, lang)} {format_param(p, filled[p.name], lang)}"
                         for p in model.params if p.name not in not_given)

    x_range = {lang: f"{format_param(xp, xs[0], lang)}–{format_param(xp, xs[-1], lang)}"
               for lang in ("ko", "en")}
    spec = ChartSpec(
        id=chart_id,
        title_ko=f"{model.title_ko}: {label}", title_en=f"{model.title_en}: {label}",
        kind="line", series=tuple(refs),
        unit_ko=f"{out.label_ko} ({unit_text(out.unit, 'ko')})",
        unit_en=f"{out.label_en} ({unit_text(out.unit, 'en')})",
        note_ko=f"가로축 {xp.label_ko} {x_range['ko']}. 가정 기반 시나리오: {summary('ko')}",
        note_en=f"x axis: {xp.label_en}, {x_range['en']}. Assumption-based scenario: "
                f"{summary('en')}",
        origin="user", x_mode="param",
        x_label_ko=axis.label_ko, x_label_en=axis.label_en,
        x_unit_ko=axis.unit_ko, x_unit_en=axis.unit_en)
    return bundles, {**spec.to_dict(), "scenario": scenario}


def publish_case(cache: Cache, model_id: str, name: str, params: Mapping[str, Any]) -> Publication:
    """Store the case's curves as series and a user chart the Charts tab and export pack draw."""
    model = get_model(model_id)
    if name != CURRENT:
        name = check_name(name)
    bundles, spec = build_publication(model, name, params)  # everything checked before writing
    change = cache.series.write_bundles(bundles, how="edit", origin=f"scenario:{model.id}:{name}")
    change.merge(cache.charts.save(spec["id"], spec))
    change.tables |= {"user_charts"}
    return Publication(spec["id"], tuple(b.meta.id for b in bundles), change)
