"""Fill a new cache with the note's embedded data: watchlist, facts, links, real and demo series,
the note's dated events on their charts, and alert rules for the note's watch points."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.changes import ChangeSet
from ..paths import data_dir
from ..store.cache import Cache


def _read_csv(path: Path) -> list[dict]:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return df.to_dict("records")


def _num(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def watchlist_rows(folder: Path | None = None) -> list[dict]:
    """The note's coverage table as printed (CoreWeave's PER is n/a)."""
    rows = _read_csv((folder or data_dir()) / "watchlist.csv")
    for r in rows:
        r["market_cap_usd_bn"] = _num(r["market_cap_usd_bn"])
        r["per_12mf"] = _num(r["per_12mf"])
        r["position"] = int(r["position"])
    return rows


def fact_rows(folder: Path | None = None) -> list[dict]:
    rows = _read_csv((folder or data_dir()) / "facts.csv")
    for r in rows:
        r["value"] = float(r["value"])
    return rows


def seed_cache(cache: Cache, folder: Path | None = None, *, include_demo: bool = True) -> ChangeSet:
    """Load everything in ONE transaction, so a failed seed leaves an empty cache."""
    from .bundle_io import read_bundles

    folder = folder or data_dir()
    total = ChangeSet()
    with cache.transaction():
        total.merge(cache.watchlist.upsert_companies(watchlist_rows(folder), how="seed",
                                           origin="data/watchlist.csv"))
        total.merge(cache.facts.write(fact_rows(folder), how="seed", origin="data/facts.csv"))
        links = pd.read_csv(folder / "links.csv", dtype=str)
        for ticker, group in links.groupby("ticker", sort=False):
            cache.watchlist.set_links(str(ticker), list(zip(group["kind"], group["target"], strict=True)),
                            how="seed")
        series_dir = folder / "series"
        if series_dir.is_dir():
            total.merge(cache.series.write_bundles(read_bundles(series_dir), how="seed",
                                            origin="data/series"))
        if include_demo:
            from .demo_data import all_demo_bundles

            total.merge(cache.series.write_bundles(all_demo_bundles(), how="seed",
                                            origin="qnai_desktop.services.demo_data",
                                            detail="illustrative (is_demo)"))
        # imported here: a new cache needs them once, an existing one (every start) never
        from .alerts import seed_watch_rules
        from .annotations import seed_events

        total.merge(seed_events(cache, folder))
        total.merge(seed_watch_rules(cache))  # the note's watch points, armed from day one
        cache.settings.set("benchmark_per.sp500", "22", how="seed")
        cache.settings.set("benchmark_per.bigtech", "25", how="seed")
    return total


def open_cache(path: Path | str | None = None, *, seed: bool = True) -> Cache:
    """Open the cache, seeding it from ``data/`` the first time (empty file)."""
    cache = Cache.open(path)
    if seed and cache.is_empty():
        seed_cache(cache)
    return cache
