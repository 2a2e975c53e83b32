"""Saving and deleting a user's chart. No Qt.

A published scenario chart (services/scenario_cases.py) owns its curves: series
``<chart id>.<line>`` that are parameter curves (core/param_axis.py) and exist only to be drawn
by it. Deleting the chart deletes them too, in the same transaction, so no orphaned curve stays
behind in the Charts tab's series list. Any other series a user chart plots is left alone.
"""

from __future__ import annotations

from ..core.changes import ChangeSet
from ..core.param_axis import is_param_series
from ..store.cache import Cache


def owned_curves(cache: Cache, chart_id: str) -> list[str]:
    """The parameter curves published for ``chart_id`` (``<chart id>.<line>``)."""
    prefix = chart_id + "."
    return sorted(sid for sid, meta in cache.series.metas().items()
                  if sid.startswith(prefix) and is_param_series(meta))


def delete_user_chart(cache: Cache, chart_id: str) -> ChangeSet:
    """Delete the saved chart (and the curves it owns); ``changed`` is 0 if there was none."""
    with cache.transaction():  # nested writes below become savepoints of this one transaction
        change = cache.charts.delete(chart_id)
        if change.changed:
            for sid in owned_curves(cache, chart_id):
                change.merge(cache.series.delete(sid))
    change.tables |= {"user_charts"}
    return change


def save_user_chart(cache: Cache, chart_id: str, spec: dict) -> ChangeSet:
    """Store (or replace) one of the user's charts: ``spec`` is ``ChartSpec.to_dict()``."""
    return cache.charts.save(chart_id, spec)
