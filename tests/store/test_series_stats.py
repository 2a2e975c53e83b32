"""The kept per-series count and first/last date always equal a recount of the observations,
whatever sequence of writes ran (they replace a scan of every observation at start-up)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from qnai_desktop.core.series import SeriesBundle, SeriesMeta
from qnai_desktop.store.cache import Cache


def _bundle(sid: str, start: str, n: int, value: float = 1.0) -> SeriesBundle:
    meta = SeriesMeta(id=sid, title_ko=sid, title_en=sid, unit="count", frequency="D",
                      source="test")
    frame = pd.DataFrame({"date": pd.date_range(start, periods=n, freq="D"),
                          "value": np.full(n, value)})
    return SeriesBundle(meta, frame)


def test_writes_merges_and_deletes_keep_the_counts(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "c.sqlite") as c:
        c.series.write_bundles([_bundle("a", "2026-01-01", 10)], how="import")
        c.series.write_bundles([_bundle("a", "2025-12-25", 10, 2.0)], how="import")  # overlaps
        c.series.write_bundles([_bundle("b", "2026-02-01", 3), _bundle("b", "2026-02-03", 3)],
                               how="import")  # the same series twice in one call
        summary = c.series.summary().set_index("id")
        assert summary.loc["a", ["points", "first", "last"]].tolist() == [17, "2025-12-25",
                                                                          "2026-01-10"]
        assert summary.loc["b", ["points", "first", "last"]].tolist() == [5, "2026-02-01",
                                                                          "2026-02-05"]
        c.series.delete("a")
        assert "a" not in set(c.series.summary()["id"])
        assert c.series.newest_date().isoformat() == "2026-02-05"
        assert c.series.stats_drift() == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["x", "y", "z"]),
                          st.integers(0, 60), st.integers(0, 20), st.booleans()),
                min_size=1, max_size=12))
def test_any_sequence_of_writes_keeps_counts_equal_to_a_recount(tmp_path_factory, ops) -> None:
    path = tmp_path_factory.mktemp("stats") / "c.sqlite"
    with Cache.open(path) as c:
        for sid, offset, n, delete in ops:
            if delete:
                if sid in c.series.ids():
                    c.series.delete(sid)
                continue
            start = (pd.Timestamp("2026-01-01") + pd.Timedelta(days=offset)).date().isoformat()
            c.series.write_bundles([_bundle(sid, start, n, float(offset))], how="import")
        assert c.series.stats_drift() == []
