"""Bundles written to data/series read back equal, and rewriting gives identical bytes."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qnai_desktop.core.series import SeriesBundle, SeriesMeta
from qnai_desktop.services.bundle_io import format_value, read_bundles, write_bundles


def make_bundle(sid: str, values: list[float], n: list | None = None, **meta) -> SeriesBundle:
    dates = pd.date_range("2026-01-01", periods=len(values), freq="D")
    df = pd.DataFrame({"date": dates, "value": values,
                       "n": pd.array(n if n is not None else [pd.NA] * len(values),
                                     dtype="Int64")})
    fields = {"title_ko": f"{sid} 한글 제목", "title_en": f"{sid} title", "unit": "pct",
              "frequency": "D", "source": "Test publisher", "source_ko": "테스트",
              "licence": 'CC BY 4.0 — "x, \'y\'"', "extra": {"query": sid, "days": [1, 2]}}
    fields.update(meta)
    return SeriesBundle(SeriesMeta(id=sid, **fields), df)


def sample() -> list[SeriesBundle]:
    return [
        make_bundle("b.second", [1.5, float("nan"), 3.0000000000001, 1e-7], n=[3, None, 0, 12]),
        make_bundle("a.first", [2212676.0, 0.0, -0.0], unit="count", is_demo=True),
        make_bundle("c.empty", []),
    ]


def test_round_trip_keeps_metadata_values_and_dtypes(tmp_path):
    written = sample()
    write_bundles(written, tmp_path, "group")
    read = read_bundles(tmp_path)
    assert [b.meta.id for b in read] == ["a.first", "b.second", "c.empty"]
    originals = {b.meta.id: b for b in written}
    for b in read:
        assert b.meta == originals[b.meta.id].meta
        assert str(b.frame["date"].dtype) == "datetime64[s]"
        assert b.frame["value"].dtype == "float64" and str(b.frame["n"].dtype) == "Int64"
        want = originals[b.meta.id].frame
        assert b.frame["date"].tolist() == want["date"].tolist()
        np.testing.assert_allclose(b.frame["value"], want["value"], rtol=1e-11)
        assert b.frame["n"].tolist() == want["n"].tolist()


def test_rerun_and_reordered_input_give_byte_identical_files(tmp_path):
    first, second, third = tmp_path / "1", tmp_path / "2", tmp_path / "3"
    write_bundles(sample(), first, "g")
    shuffled = sample()
    random.Random(4).shuffle(shuffled)
    write_bundles(shuffled, second, "g")
    write_bundles(read_bundles(first), third, "g")  # read → write is stable too
    for name in ("g.csv", "g.meta.json"):
        data = (first / name).read_bytes()
        assert data == (second / name).read_bytes() == (third / name).read_bytes()
        assert b"\r\n" not in data


def test_csv_is_long_sorted_and_uses_fixed_float_text(tmp_path):
    csv_path, meta_path = write_bundles(sample(), tmp_path, "g")
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "series_id,date,value,n"
    assert lines[1:4] == ["a.first,2026-01-01,2212676,", "a.first,2026-01-02,0,",
                          "a.first,2026-01-03,0,"]
    assert "b.second,2026-01-02,," in lines and "b.second,2026-01-04,1e-07,12" in lines
    assert "한글" in meta_path.read_text(encoding="utf-8")  # not \\u-escaped


def test_groups_are_separate_and_read_by_name(tmp_path):
    write_bundles(sample()[:1], tmp_path, "one")
    write_bundles(sample()[1:], tmp_path, "two")
    assert [b.meta.id for b in read_bundles(tmp_path, "one")] == ["b.second"]
    assert len(read_bundles(tmp_path)) == 3


def test_bad_input_is_refused(tmp_path):
    with pytest.raises(ValueError, match="twice"):
        write_bundles(sample() + sample()[:1], tmp_path, "g")
    with pytest.raises(ValueError, match="group name"):
        write_bundles(sample(), tmp_path, "../escape")
    write_bundles(sample(), tmp_path, "g")
    with (tmp_path / "g.csv").open("a", encoding="utf-8") as fh:
        fh.write("z.unknown,2026-01-01,1,\n")
    with pytest.raises(ValueError, match=r"g\.csv.*'z\.unknown'"):
        read_bundles(tmp_path)


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.floats(-1e300, 1e300) | st.just(float("nan")), max_size=20))
def test_any_float_survives_to_12_significant_digits(tmp_path_factory, values):
    folder = tmp_path_factory.mktemp("h")
    write_bundles([make_bundle("x", values)], folder, "g")
    (back,) = read_bundles(folder)
    np.testing.assert_allclose(back.frame["value"], values, rtol=1e-11, atol=0)
    assert format_value(float("nan")) == ""
