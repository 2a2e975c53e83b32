"""The Watchlist tab's writes as plain operations ``(cache, …) -> ChangeSet``. No Qt.

An edit, an add, a removal, a move, a benchmark or an imported file is a ``Patch`` (core.watchlist)
applied in ONE transaction; undo applies the patch of the state before. The report check's
staleness limit is a stored preference (the CLI reads it too), not an undoable edit.
"""

from __future__ import annotations

from ..core.changes import ChangeSet
from ..core.watchlist import STALE_SETTING, Patch
from ..store.cache import Cache


def apply_patch(cache: Cache, patch: Patch, how: str = "edit", origin: str = "") -> ChangeSet:
    """Deletes, then validated upserts, links and settings of ``patch``, in one transaction."""
    return cache.watchlist.apply_patch(patch, how=how, origin=origin)


def set_stale_days(cache: Cache, days: int) -> ChangeSet:
    """How many days old a figure may be before the report check flags it."""
    return cache.settings.set(STALE_SETTING, str(int(days)))
