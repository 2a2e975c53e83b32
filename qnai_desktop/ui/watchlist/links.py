"""Evidence links as the detail pane shows them: labels from the series metadata, the chart
catalogue and the scenario registry, and each linked series' latest value (read once per
selection, never from a paint event)."""

from __future__ import annotations

from ...core.charts.catalogue import catalogue_by_id
from ...core.formatting import fmt_auto, fmt_number
from ...core.localized import Localized
from ...core.series import UNITS
from ...store.cache import Cache
from ..common.i18n import current_language
from .detail import LinkRow

KIND_ORDER = {"chart": 0, "series": 1, "monitor": 2, "scenario": 3}


def _scenario_titles(lang: str) -> dict[str, str]:
    from ...core.scenarios.registry import MODELS

    return {mid: Localized(m.title_ko, m.title_en).pick(lang) for mid, m in MODELS.items()}


def link_choices(cache: Cache) -> list[tuple[str, str, str]]:
    """Everything a name can be linked to: (kind, target, label in the UI language)."""
    lang = current_language()
    charts = [("chart", cid, spec.title(lang)) for cid, spec in catalogue_by_id().items()]
    series = [("series", sid, meta.title(lang)) for sid, meta in sorted(cache.series.metas().items())]
    scenarios = [("scenario", mid, title) for mid, title in _scenario_titles(lang).items()]
    return charts + series + scenarios


def describe_links(cache: Cache, ticker: str) -> tuple[LinkRow, ...]:
    """A name's links as the detail pane lists them, labels in the UI language."""
    lang = current_language()
    df = cache.watchlist.links(ticker)
    metas = {}  # only the linked series: reading every series' metadata took ~10 ms per name
    for kind, target in zip(df["kind"], df["target"], strict=True):
        if kind == "series":
            try:
                metas[target] = cache.series.meta(target)
            except KeyError:
                pass  # linked to a series no longer in the cache: listed by its id
    charts = catalogue_by_id()
    scenarios = _scenario_titles(lang)
    latest = cache.series.latest_values([t for k, t in zip(df["kind"], df["target"], strict=True)
                                   if k == "series"])
    out = []
    for kind, target in sorted(zip(df["kind"], df["target"], strict=True),
                               key=lambda kt: (KIND_ORDER.get(kt[0], 9), kt[1])):
        value = day = ""
        if kind == "series" and target in metas:
            meta = metas[target]
            label = meta.title(lang)
            if target in latest:
                day, v = latest[target]
                unit = UNITS[meta.unit].pick(lang) if meta.unit in UNITS else meta.unit
                value = f"{fmt_number(v, 1)}%" if unit == "%" else f"{fmt_auto(v)} {unit}"
        elif kind == "chart" and target in charts:
            label = charts[target].title(lang)
        elif kind == "scenario":
            label = scenarios.get(target, target)
        else:
            label = target
        out.append(LinkRow(kind, target, label, value, day))
    return tuple(out)
