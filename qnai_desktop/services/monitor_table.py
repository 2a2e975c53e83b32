"""The monitor table as data: one row per monitor (the note's signals + the user's), from the cache.

Shared by the Monitors tab, ``qnai-desktop monitor`` and the alert service (derived series such as
the B200/H100 ratio are computed here, once, for both rows and rules).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from ..core.changes import ChangeSet
from ..core.charts.catalogue import build_catalogue
from ..core.charts.resolve import resolve_series
from ..core.monitors import DEFAULT_MONITORS, MonitorDef, derived_ratio, monitor_row, status_color
from ..core.param_axis import dated_only, is_param_series
from ..core.series import SeriesMeta, empty_frame
from ..store.cache import Cache
from ..store.errors import ValidationError

USER_MONITORS_KEY = "monitors.user"  # JSON list of {"series_id": ..., "adverse": "up"|"down"|null}
_ADVERSE = ("up", "down", None)

#: Columns of :func:`monitor_table`, in display order; the frame is indexed by series id.
TABLE_COLUMNS = [
    "name", "status", "source", "last", "last_date", "change_1d", "change_1w", "change_1m",
    "change_3m", "zscore_1y", "high_52w", "low_52w", "age_days", "n", "sparkline",
]


# -- which monitors -------------------------------------------------------------------------------
def user_monitors(cache: Cache) -> list[MonitorDef]:
    """The user's added monitors; entries that do not parse are skipped (never crash the tab)."""
    try:
        items = json.loads(cache.settings.get(USER_MONITORS_KEY, "[]") or "[]")
    except json.JSONDecodeError:
        return []
    out: list[MonitorDef] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            item = {"series_id": item}
        if not isinstance(item, dict) or not isinstance(item.get("series_id"), str):
            continue
        adverse = item.get("adverse")
        out.append(MonitorDef(item["series_id"], adverse=adverse if adverse in _ADVERSE else None))
    return out


def all_monitors(cache: Cache) -> list[MonitorDef]:
    """The note's monitors first, then the user's (each series once)."""
    seen = {m.series_id for m in DEFAULT_MONITORS}
    extra = [m for m in user_monitors(cache) if m.series_id not in seen]
    return [*DEFAULT_MONITORS, *extra]


def _save_user(cache: Cache, monitors: list[MonitorDef]) -> ChangeSet:
    items = [{"series_id": m.series_id, "adverse": m.adverse} for m in monitors]
    return cache.settings.set(USER_MONITORS_KEY, json.dumps(items, ensure_ascii=False))


def add_user_monitor(cache: Cache, series_id: str, adverse: str | None = None) -> ChangeSet:
    """Add any cached series as a monitor row. Raises ValidationError naming the field."""
    metas = cache.series.metas()
    if series_id not in metas:
        raise ValidationError(f"series: no series {series_id!r} in the cache")
    if is_param_series(metas[series_id]):
        raise ValidationError(f"series: {series_id!r} is a scenario curve (x is a model input, "
                              "not dates); it cannot be monitored")
    if adverse not in _ADVERSE:
        raise ValidationError(f"adverse: must be up, down or empty, got {adverse!r}")
    if any(m.series_id == series_id for m in all_monitors(cache)):
        return ChangeSet(unchanged=1, tables={"settings"})
    return _save_user(cache, [*user_monitors(cache), MonitorDef(series_id, adverse=adverse)])


def remove_user_monitor(cache: Cache, series_id: str) -> ChangeSet:
    kept = [m for m in user_monitors(cache) if m.series_id != series_id]
    return _save_user(cache, kept)


# -- data behind monitors and rules ---------------------------------------------------------------
def derived_defs() -> dict[str, MonitorDef]:
    return {m.series_id: m for m in DEFAULT_MONITORS if m.is_derived}


def known_metas(cache: Cache) -> dict[str, SeriesMeta]:
    """Cached dated series' metadata plus the derived monitors' (so rules may watch the ratio
    too). Parameter curves (published scenarios) are left out: their days are not dates."""
    metas = dated_only(cache.series.metas())
    for sid, mdef in derived_defs().items():
        metas.setdefault(sid, mdef.derived_meta(metas))
    return metas


def series_frames(cache: Cache, ids: Iterable[str],
                  metas: Mapping[str, SeriesMeta]) -> dict[str, pd.DataFrame]:
    """Observation frames for ``ids``; derived ids are computed from their legs."""
    derived = derived_defs()
    frames: dict[str, pd.DataFrame] = {}

    def load(sid: str) -> pd.DataFrame:
        if sid not in frames:
            frames[sid] = cache.series.observations(sid) if sid in metas else empty_frame()
        return frames[sid]

    for sid in ids:
        mdef = derived.get(sid)
        if mdef is not None and mdef.ratio_of is not None:
            frames[sid] = derived_ratio(load(mdef.ratio_of[0]), load(mdef.ratio_of[1]))
        else:
            load(sid)
    return frames


def chart_for(mdef: MonitorDef, available: Iterable[str]) -> str:
    """The first note chart that plots the series (or both legs of a ratio), else the series id."""
    wanted = set(mdef.ratio_of or (mdef.series_id,))
    available = list(available)
    for spec in build_catalogue():
        if wanted <= set(resolve_series(spec, available)):
            return spec.id
    return mdef.series_id


def _linked_tickers(mdef: MonitorDef, links: pd.DataFrame) -> list[str]:
    targets = {mdef.series_id, *(mdef.ratio_of or ())}
    linked = links[links["kind"].isin(["series", "monitor"]) & links["target"].isin(targets)]
    return list(dict.fromkeys([*mdef.tickers, *linked["ticker"]]))


# -- rows -----------------------------------------------------------------------------------------
def monitor_rows(cache: Cache, today: date, lang: str = "ko") -> list[dict]:
    """One dict per monitor: ``core.monitors.monitor_row`` plus status, label, watch point,
    linked tickers (with names), the chart to open and the source line."""
    metas = known_metas(cache)
    monitors = [m for m in all_monitors(cache) if m.series_id in metas]
    frames = series_frames(cache, [m.series_id for m in monitors], metas)
    links = cache.watchlist.links()
    names = {r.ticker: (r.name_ko if lang == "ko" else r.name_en)
             for r in cache.watchlist.companies().itertuples()}
    cached_ids = list(cache.series.metas())
    rows = []
    for mdef in monitors:
        meta = metas[mdef.series_id]
        row = monitor_row(meta, frames[mdef.series_id], today)
        label = (mdef.label_ko if lang == "ko" else mdef.label_en) or meta.title(lang)
        tickers = _linked_tickers(mdef, links)
        source = meta.source_ko if lang == "ko" and meta.source_ko else meta.source
        row.update({
            "name": label,
            "status": status_color(row, mdef.adverse),
            "adverse": mdef.adverse,
            "source": source,
            "watch": mdef.watch(lang),
            "tickers": tickers,
            "ticker_names": {t: names.get(t, t) for t in tickers},
            "chart_id": chart_for(mdef, cached_ids),
            "is_derived": mdef.is_derived,
            "is_user": mdef not in DEFAULT_MONITORS,
        })
        rows.append(row)
    return rows


def monitor_table(rows: list[dict]) -> pd.DataFrame:
    """The table the tab shows: numeric columns stay numbers (sorting), indexed by series id."""
    df = pd.DataFrame(
        {
            "name": [r["name"] for r in rows],
            "status": [r["status"] for r in rows],
            "source": [r["source"] for r in rows],
            "last": pd.array([r["last_value"] for r in rows], dtype="Float64").astype("float64"),
            "last_date": pd.to_datetime([r["last_date"] for r in rows]),
            **{f"change_{k}": pd.array([r[f"change_{k}"] for r in rows], dtype="Float64")
               .astype("float64") for k in ("1d", "1w", "1m", "3m")},
            **{k: pd.array([r[k] for r in rows], dtype="Float64").astype("float64")
               for k in ("zscore_1y", "high_52w", "low_52w")},
            "sparkline": [r["sparkline"] for r in rows],
            "age_days": pd.array([r["age_days"] for r in rows], dtype="Float64").astype("float64"),
            "n": pd.array([r["n"] for r in rows], dtype="Float64").astype("float64"),
        },
        index=pd.Index([r["series_id"] for r in rows], name="series_id"),
        columns=TABLE_COLUMNS,
    )
    return df


def rows_to_json(rows: list[dict]) -> list[dict]:
    """JSON-ready rows (dates as ISO text) for the CLI."""
    out = []
    for row in rows:
        item = {k: v for k, v in row.items() if k != "ticker_names"}
        item["last_date"] = row["last_date"].isoformat() if row["last_date"] else None
        out.append(item)
    return out
