"""The batched write path of ``write_bundles`` must be indistinguishable from one series at a time.

``_arrays_many`` turns many observation frames into (date texts, values, counts) in one numpy pass;
``_insert_fresh`` writes every new series in one executemany. Both are checked against the
per-frame reference (``_arrays``) and against what a series-by-series write stores and counts.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from qnai_desktop.core.series import SeriesBundle, SeriesMeta
from qnai_desktop.store.cache import Cache
from qnai_desktop.store.series_repo import _arrays, _arrays_many

DAY0 = np.datetime64("2024-01-01", "s")


@st.composite
def frames(draw) -> pd.DataFrame:
    """An observation frame as importers, generators or a careless caller might hand it over."""
    shape = draw(st.sampled_from(["consecutive", "sorted", "as given", "far apart"]))
    if shape == "consecutive":  # a daily series: the common case of a big import
        start = draw(st.integers(-400, 400))
        days = list(range(start, start + draw(st.integers(1, 12))))
    else:
        days = draw(st.lists(st.integers(-400, 400), min_size=1, max_size=12))
        if shape != "as given":
            days = sorted(set(days))
        if shape == "far apart":  # a range too wide for the shared table of day texts
            days.append(250_000)
    seconds = draw(st.sampled_from([0, 3600]))  # a time of day is truncated to the day
    dates = DAY0 + np.array(days, dtype="int64") * np.timedelta64(86_400, "s") + np.timedelta64(seconds, "s")
    values = draw(st.lists(st.one_of(st.floats(-1e6, 1e6), st.just(float("nan"))),
                           min_size=len(days), max_size=len(days)))
    frame = pd.DataFrame({"date": dates, "value": np.array(values, dtype="float64")})
    kind = draw(st.sampled_from(["none", "absent", "some"]))
    if kind == "none":
        frame["n"] = pd.array([None] * len(days), dtype="Int64")
    elif kind == "some":
        frame["n"] = pd.array([draw(st.one_of(st.none(), st.integers(0, 50))) for _ in days],
                              dtype="Int64")
    return frame


def _same(a: tuple, b: tuple) -> bool:
    (ta, va, na), (tb, vb, nb) = a, b
    return (list(ta) == list(tb) and np.array_equal(va, vb, equal_nan=True)
            and (na is None) == (nb is None) and (na is None or na.tolist() == nb.tolist()))


@settings(max_examples=150, deadline=None)
@given(st.lists(frames(), min_size=1, max_size=8))
def test_arrays_many_equals_arrays_frame_by_frame(batch: list[pd.DataFrame]) -> None:
    expected = [_arrays(f) for f in batch]
    got = list(_arrays_many(batch))
    assert len(got) == len(expected)
    assert all(_same(g, e) for g, e in zip(got, expected, strict=True))


def _meta(sid: str) -> SeriesMeta:
    return SeriesMeta(id=sid, title_ko=sid, title_en=sid, unit="index", frequency="D", source="test")


def _bundle(sid: str, days: list[int], values: list[float],
            n: list[int | None] | None = None) -> SeriesBundle:
    frame = pd.DataFrame({"date": DAY0 + np.array(days) * np.timedelta64(86_400, "s"),
                          "value": np.array(values, dtype="float64")})
    if n is not None:
        frame["n"] = pd.array(n, dtype="Int64")
    return SeriesBundle(_meta(sid), frame)


def test_one_batch_of_new_and_stored_series_counts_and_stores_like_series_by_series(tmp_path: Path) -> None:
    first = [_bundle("a", [0, 1, 2], [1, 2, 3]), _bundle("b", [0, 1], [5, 6], [3, None])]
    second = [
        _bundle("a", [1, 2, 3], [2, 9, 4]),      # stored: 1 unchanged, 1 changed, 1 added
        _bundle("c", [5, 6, 7], [1, 1, 1]),      # new, no counts
        _bundle("d", [0], [7], [12]),            # new, with a count
        _bundle("c", [7, 8], [1, 2]),            # the same new series twice in one call
        SeriesBundle(_meta("e"), _bundle("e", [], []).frame),  # metadata only
    ]
    batched, single = Cache.open(tmp_path / "batched.sqlite"), Cache.open(tmp_path / "single.sqlite")
    batched.series.write_bundles(first, how="import")
    single.series.write_bundles(first, how="import")
    change = batched.series.write_bundles(second, how="import")
    assert (change.added, change.changed, change.unchanged) == (1 + 3 + 1 + 1, 1, 1 + 1)
    assert change.series == {"a", "c", "d", "e"}
    for b in second:  # the reference: one call per series
        single.series.write_bundles([b], how="import")
    for sid in "abcde":
        assert batched.series.observations(sid).equals(single.series.observations(sid)), sid
    assert batched.series.observations("c")["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-01-06", "2024-01-07", "2024-01-08", "2024-01-09"]
    assert batched.series.observations("d")["n"].tolist() == [12]
    assert set(batched.series.metas()) == {"a", "b", "c", "d", "e"}
    batched.close()
    single.close()
