"""Watchlist writes the repository lacks: apply a whole :class:`~..core.watchlist.Patch` in ONE
transaction (undo of a removal restores the row *and* its links together), and the latest value
of linked series. Functions over a Cache rather than methods, so the lead can fold them into
``WatchlistRepo`` later without touching callers' logic."""

from __future__ import annotations

from ..core.changes import ChangeSet
from ..core.watchlist import Patch
from .cache import Cache


def apply_patch(cache: Cache, patch: Patch, *, how: str = "edit", origin: str = "") -> ChangeSet:
    """Deletes, then upserts (validated, history-snapshotted), then links and settings — all or none."""
    change = ChangeSet()
    with cache._txn():
        for ticker in patch.delete:
            change.merge(cache.delete_company(ticker))
        if patch.upsert:
            change.merge(cache.upsert_companies(list(patch.upsert), how=how, origin=origin))
        for ticker, links in patch.links.items():
            change.merge(cache.set_links(ticker, list(links), how=how))
        for key, value in patch.settings.items():
            change.merge(cache.set_setting(key, value, how=how))
    return change


def links_of(cache: Cache, ticker: str) -> tuple[tuple[str, str], ...]:
    df = cache.links(ticker)
    return tuple(zip(df["kind"], df["target"], strict=True))


def latest_values(cache: Cache, series_ids: list[str]) -> dict[str, tuple[str, float]]:
    """``{series_id: (date, value)}`` of the newest non-empty observation (one indexed read each)."""
    out: dict[str, tuple[str, float]] = {}
    for sid in series_ids:
        row = cache.db.execute(
            "SELECT date, value FROM observations WHERE series_id = ? AND value IS NOT NULL"
            " ORDER BY date DESC LIMIT 1", [sid]).fetchone()
        if row is not None:
            out[sid] = (row[0], float(row[1]))
    return out
