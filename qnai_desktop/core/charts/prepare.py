"""Turn a chart spec plus cached frames into a PreparedChart: resolve, transform, align. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from qnai_desktop.core import transforms as tf
from qnai_desktop.core.charts.colors import colors_for
from qnai_desktop.core.charts.derived import with_derived
from qnai_desktop.core.charts.labels import display_name
from qnai_desktop.core.charts.lines import source_line
from qnai_desktop.core.charts.omissions import NO_DATA, OTHER, THRESHOLD, Omission
from qnai_desktop.core.charts.prepared import PreparedChart, PreparedSeries
from qnai_desktop.core.charts.resolve import resolve_refs, unresolved_refs
from qnai_desktop.core.charts.spec import REPORT_MERGE_DAYS, ChartSpec, SeriesRef, TransformStep
from qnai_desktop.core.param_axis import ParamAxis, param_axis
from qnai_desktop.core.series import SeriesMeta

_DAY = np.timedelta64(1, "D")


@dataclass
class _Working:
    """One series while the transform steps run: values by date and the rebase date if any."""

    values: pd.Series
    base_date: pd.Timestamp | None = None
    x_axis: ParamAxis | None = None  # parameter charts: what each stored day stands for


class _Skip(Exception):
    """A series cannot be plotted; the message is the reason kept in ``skipped`` (English, for
    logs and the manifest), ``omission`` what the footnote on the image says."""

    def __init__(self, message: str, reason: str = OTHER, threshold: float | None = None,
                 cumulative: bool = False) -> None:
        super().__init__(message)
        self.reason, self.threshold, self.cumulative = reason, threshold, cumulative


def _apply_step(step: TransformStep, work: _Working, meta: SeriesMeta | None) -> _Working:
    params = dict(step.params)
    s = work.values
    if step.name in ("rebase_at_threshold", "index_to"):
        fn = tf.rebase_at_threshold if step.name == "rebase_at_threshold" else tf.index_to
        result = fn(s, **params)
        if not result.ok:
            if result.reason == "no observations":
                raise _Skip(result.reason, NO_DATA)
            if step.name == "rebase_at_threshold" and "never reached" in result.reason:
                raise _Skip(result.reason, THRESHOLD, float(params.get("threshold", 1_000_000)),
                            bool(params.get("cumulative", False)))
            raise _Skip(result.reason)
        rebased = pd.Series(result.frame["value"].to_numpy(), index=pd.DatetimeIndex(result.frame["date"]))
        return _Working(rebased, result.base_date)
    if step.name == "resample" and params.get("how") is None:
        if meta is None:
            raise _Skip("unknown unit: cannot choose how to resample")
        params["unit"] = meta.unit
    fn = {
        "yoy_pct": tf.yoy_pct,
        "moving_average": tf.moving_average,
        "resample": tf.resample,
        "cumulative_sum": tf.cumulative_sum,
    }[step.name]
    return _Working(fn(s, **params), work.base_date, work.x_axis)


def _run_steps(
    spec: ChartSpec,
    working: dict[str, _Working],
    metas: Mapping[str, SeriesMeta],
    skipped: dict[str, str],
    why: dict[str, _Skip],
) -> dict[str, _Working]:
    for step in spec.transforms:
        if step.is_cross_series:
            shares = tf.share_of_total({sid: w.values for sid, w in working.items()})
            working = {sid: _Working(shares[sid], w.base_date, w.x_axis)
                       for sid, w in working.items()}
            continue
        after: dict[str, _Working] = {}
        for sid, work in working.items():
            try:
                after[sid] = _apply_step(step, work, metas.get(sid))
            except _Skip as skip:
                skipped[sid] = str(skip)
                why[sid] = skip
        working = after
    return working


def _x_of(values: pd.Series, spec: ChartSpec, work: _Working) -> np.ndarray:
    if spec.x_mode == "param" and work.x_axis is not None:
        return work.x_axis.x_for(values.index)
    base_date = work.base_date
    dates = pd.DatetimeIndex(values.index).astype("datetime64[s]").to_numpy()
    if spec.x_mode == "days_since":
        return ((dates - np.datetime64(base_date, "s")) / _DAY).astype("float64")
    # pandas 3 dates are datetime64[us]: go through [s] so epoch seconds are not off by 1000x.
    return dates.astype("int64").astype("float64")


def _plotted(spec: ChartSpec, working: dict[str, _Working]) -> dict[str, pd.Series]:
    """Final y per series keyed by x; stacked kinds share one x with missing points as 0."""
    by_x: dict[str, pd.Series] = {}
    for sid, work in working.items():
        x = _x_of(work.values, spec, work)
        y = pd.Series(work.values.to_numpy(dtype="float64"), index=x)
        if spec.x_mode == "param":  # days off the curve have no x; points go left to right
            y = y[~np.isnan(x)].sort_index()
        by_x[sid] = y
    if spec.stacked and by_x:
        wide = pd.concat(by_x, axis=1).sort_index().dropna(how="all").fillna(0.0)
        return {sid: wide[sid] for sid in by_x}
    return {sid: s.dropna() for sid, s in by_x.items()}


def _label(ref: SeriesRef, key: str, meta: SeriesMeta | None, lang: str) -> str:
    return ref.label(lang) or display_name(key, lang, meta)


def _omission(sid: str, ref: SeriesRef, meta: SeriesMeta | None, skip: _Skip) -> Omission:
    """The footnote's record of a left-out series, titled like a legend entry; a series with no
    title at all keeps an empty label (counted, never shown by id)."""
    key = ref.key_for(sid)
    labels = [_label(ref, key, meta, lang) for lang in ("ko", "en")]
    labels = ["" if label in (sid, key) and meta is None and not ref.label(lang) else label
              for label, lang in zip(labels, ("ko", "en"), strict=True)]
    return Omission(sid, labels[0], labels[1], skip.reason, skip.threshold, skip.cumulative)


def _last_date(values: pd.Series) -> date | None:
    valid = values.dropna()
    return valid.index.max().date() if len(valid) else None


def _table(spec: ChartSpec, plotted: dict[str, pd.Series]) -> pd.DataFrame:
    if not plotted:
        index_name = {"date": "date", "param": "x"}.get(spec.x_mode, "days")
        return pd.DataFrame(index=pd.Index([], name=index_name, dtype="float64"))
    table = pd.concat(plotted, axis=1).sort_index()
    if spec.x_mode == "date":
        table.index = pd.to_datetime(table.index.to_numpy().astype("int64"), unit="s")
        table.index = table.index.astype("datetime64[s]")
        table.index.name = "date"
    else:
        table.index.name = "x" if spec.x_mode == "param" else "days"
    return table


def _categories(working: dict[str, _Working], plotted: dict[str, pd.Series]
                ) -> tuple[tuple[float, str, str], ...]:
    """Names of a category axis, from the plotted curves' parameter axes (first name wins)."""
    named: dict[float, tuple[str, str]] = {}
    for sid in plotted:
        axis = working[sid].x_axis
        if axis is None or not (axis.names_ko or axis.names_en):
            continue
        for i, x in enumerate(axis.values):
            named.setdefault(float(x), ((axis.names_ko or axis.names_en)[i],
                                        (axis.names_en or axis.names_ko)[i]))
    xs = {float(x) for y in plotted.values() for x in y.index}
    if not named or not xs <= set(named):
        return ()
    return tuple((x, *named[x]) for x in sorted(xs))


def prepare(
    spec: ChartSpec,
    frames: Mapping[str, pd.DataFrame | pd.Series],
    metas: Mapping[str, SeriesMeta],
) -> PreparedChart:
    """Resolve the chart's series, apply its transforms, and package arrays, flags and table.

    Series that cannot be drawn (not cached, empty, never reaching a threshold) are left out and
    listed in ``skipped`` with the reason, so the view can say why a line is missing.
    """
    frames, metas = with_derived(spec, frames, metas)
    available = set(frames) | set(metas)
    skipped = {pattern: "not in cache" for pattern in unresolved_refs(spec, available)}
    # a named series that is not cached is left out; an empty glob names no series
    why: dict[str, _Skip] = {p: _Skip("not in cache", NO_DATA) for p in skipped
                             if not any(ref.is_glob for ref in spec.series if ref.series_id == p)}
    refs = resolve_refs(spec, available)
    working: dict[str, _Working] = {}
    last_dates: dict[str, date | None] = {}
    for sid, _ in refs:
        frame = frames.get(sid)
        values = tf.to_series(frame) if frame is not None else None
        if values is None or values.dropna().empty:
            skipped[sid] = "no observations"
            why[sid] = _Skip("no observations", NO_DATA)
            continue
        if spec.points == "reports":
            values = tf.merge_close_reports(values, REPORT_MERGE_DAYS)
        # a parameter curve's days are placeholders: only a parameter chart may draw it, and a
        # parameter chart draws nothing else
        axis = param_axis(metas.get(sid))
        if (axis is None) != (spec.x_mode != "param"):
            skipped[sid] = ("not a parameter curve (dated series)" if axis is None
                            else "a parameter curve, not dated data")
            why[sid] = _Skip(skipped[sid])
            continue
        working[sid] = _Working(values, x_axis=axis)
        last_dates[sid] = _last_date(values) if axis is None else None  # a curve has no date
    working = _run_steps(spec, working, metas, skipped, why)
    plotted = _plotted(spec, working)

    # Colours come from every resolved series, so a line keeps its colour when another is skipped.
    colours = colors_for([ref.color or sid for sid, ref in refs])
    series: list[PreparedSeries] = []
    for (sid, ref), colour in zip(refs, colours, strict=True):
        if sid not in plotted:
            continue
        meta = metas.get(sid)
        key = ref.key_for(sid)
        y = plotted[sid]
        series.append(
            PreparedSeries(
                series_id=sid,
                key=key,
                label_ko=_label(ref, key, meta, "ko"),
                label_en=_label(ref, key, meta, "en"),
                axis=ref.axis,
                color=colour,
                unit=meta.unit if meta else "",
                is_demo=bool(meta.is_demo) if meta else False,
                x=y.index.to_numpy(dtype="float64"),
                y=y.to_numpy(dtype="float64"),
                base_date=working[sid].base_date,
            )
        )
    plotted_ids = [s.series_id for s in series]
    ref_of = dict(refs)
    plain = {ref.series_id: ref for ref in spec.series if not ref.is_glob}
    order = {sid: i for i, (sid, _) in enumerate(refs)}  # the footnote lists in plotting order
    omitted = tuple(_omission(sid, ref_of.get(sid) or plain[sid], metas.get(sid), skip)
                    for sid, skip in sorted(why.items(), key=lambda kv: order.get(kv[0], -1))
                    if sid in ref_of or sid in plain)
    cited = {sid: metas[sid] for sid in plotted_ids if sid in metas}
    return PreparedChart(
        spec=spec,
        series=tuple(series),
        table=_table(spec, {sid: plotted[sid] for sid in plotted_ids}),
        source_ko=source_line(spec, cited, "ko"),
        source_en=source_line(spec, cited, "en"),
        skipped=skipped,
        categories=_categories(working, {sid: plotted[sid] for sid in plotted_ids}),
        omitted=omitted,
        last_dates={sid: last_dates.get(sid) for sid in plotted_ids},
        frequencies={sid: metas[sid].frequency for sid in plotted_ids if sid in metas},
    )
