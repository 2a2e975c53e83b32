"""Series transforms against hand-computed values, including the edge cases the issue names."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qnai_desktop.core import transforms as tf
from qnai_desktop.core.series import empty_frame


def obs(dates: list[str], values: list[float], unit: str = "s") -> pd.DataFrame:
    return pd.DataFrame({"date": pd.to_datetime(dates).astype(f"datetime64[{unit}]"), "value": values})


def daily(start: str, values: list[float]) -> pd.DataFrame:
    dates = pd.date_range(start, periods=len(values), freq="D")
    return pd.DataFrame({"date": dates, "value": [float(v) for v in values]})


def as_dict(frame: pd.DataFrame) -> dict[str, float]:
    return {str(d.date()): v for d, v in zip(frame["date"], frame["value"], strict=True)}


# --- aggregation rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "how"),
    [
        ("count", "sum"),
        ("tokens_bn", "sum"),
        ("pct", "mean"),
        ("usd_bn", "last"),
        ("usd_per_gpu_hour", "last"),
        ("usd_per_m_tokens", "last"),
        ("bp", "last"),
        ("index", "last"),
        ("usd", "last"),
    ],
)
def test_aggregation_for_unit(unit: str, how: str) -> None:
    assert tf.aggregation_for_unit(unit) == how


def test_aggregation_for_unknown_unit_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        tf.aggregation_for_unit("furlongs")


# --- rebase at threshold ------------------------------------------------------------------


def test_rebase_on_level_starts_on_first_day_at_threshold() -> None:
    result = tf.rebase_at_threshold(daily("2025-01-01", [5, 8, 12, 10, 20]), threshold=10)
    assert result.ok
    assert result.base_date == pd.Timestamp("2025-01-03")
    assert result.frame["days"].tolist() == [0.0, 1.0, 2.0]
    assert result.frame["value"].tolist() == pytest.approx([100.0, 250 / 3, 500 / 3])


def test_rebase_on_cumulative_sum_rebases_the_cumulative_series() -> None:
    frame = daily("2025-01-01", [400_000, 300_000, 500_000, 200_000])
    result = tf.rebase_at_threshold(frame, threshold=1_000_000, cumulative=True)
    # cumulative 0.4M, 0.7M, 1.2M, 1.4M -> day 0 is Jan 3 (1.2M = 100)
    assert result.base_date == pd.Timestamp("2025-01-03")
    assert result.frame["days"].tolist() == [0.0, 1.0]
    assert result.frame["value"].tolist() == pytest.approx([100.0, 1.4 / 1.2 * 100])


def test_rebase_level_after_cumulative_threshold() -> None:
    frame = daily("2025-01-01", [400_000, 300_000, 500_000, 200_000])
    result = tf.rebase_at_threshold(frame, 1_000_000, cumulative=True, rebase_level=True)
    assert result.frame["value"].tolist() == pytest.approx([100.0, 40.0])


def test_rebase_counts_calendar_days_across_gaps() -> None:
    frame = obs(["2025-01-01", "2025-01-02", "2025-01-05", "2025-01-09"], [6, 6, 1, 3])
    result = tf.rebase_at_threshold(frame, threshold=12, cumulative=True)
    assert result.base_date == pd.Timestamp("2025-01-02")
    assert result.frame["days"].tolist() == [0.0, 3.0, 7.0]
    assert result.frame["value"].tolist() == pytest.approx([100.0, 13 / 12 * 100, 16 / 12 * 100])


def test_rebase_skips_missing_values_in_the_cumulative_sum() -> None:
    frame = daily("2025-01-01", [5, math.nan, 5, 5])
    result = tf.rebase_at_threshold(frame, threshold=10, cumulative=True)
    assert result.base_date == pd.Timestamp("2025-01-03")
    assert result.frame["value"].tolist() == pytest.approx([100.0, 150.0])


def test_rebase_never_reaching_threshold_gives_empty_frame_and_reason() -> None:
    result = tf.rebase_at_threshold(daily("2025-01-01", [1, 2, 3]), threshold=1_000_000)
    assert not result.ok
    assert result.base_date is None
    assert result.frame.empty
    assert list(result.frame.columns) == ["date", "days", "value"]
    assert "never reached 1,000,000" in result.reason


def test_rebase_all_zeros_never_reaches_threshold() -> None:
    result = tf.rebase_at_threshold(daily("2025-01-01", [0, 0, 0]), threshold=1, cumulative=True)
    assert not result.ok and "never reached" in result.reason


def test_rebase_single_point_at_threshold_is_day_zero_100() -> None:
    result = tf.rebase_at_threshold(obs(["2025-03-01"], [2_000_000]))
    assert result.frame["days"].tolist() == [0.0]
    assert result.frame["value"].tolist() == [100.0]


def test_rebase_empty_frame_has_reason() -> None:
    result = tf.rebase_at_threshold(empty_frame())
    assert not result.ok and result.reason == "no observations"


def test_rebase_rejects_non_positive_threshold() -> None:
    with pytest.raises(ValueError):
        tf.rebase_at_threshold(daily("2025-01-01", [1]), threshold=0)


def test_rebase_accepts_a_series_indexed_by_date() -> None:
    s = pd.Series([1.0, 20.0], index=pd.to_datetime(["2025-01-01", "2025-01-03"]))
    result = tf.rebase_at_threshold(s, threshold=10)
    assert result.frame["days"].tolist() == [0.0]


# --- index to a date ----------------------------------------------------------------------


def test_index_to_uses_nearest_observation_on_or_after_date() -> None:
    frame = obs(["2025-01-01", "2025-01-08", "2025-01-15"], [50, 80, 120])
    result = tf.index_to(frame, "2025-01-05")
    assert result.base_date == pd.Timestamp("2025-01-08")
    assert result.frame["value"].tolist() == pytest.approx([100.0, 150.0])
    assert result.frame["days"].tolist() == [0.0, 7.0]


def test_index_to_after_last_date_gives_reason() -> None:
    result = tf.index_to(obs(["2025-01-01"], [1.0]), "2025-02-01")
    assert not result.ok and "no observation on or after" in result.reason


def test_index_to_zero_base_gives_reason() -> None:
    result = tf.index_to(obs(["2025-01-01", "2025-01-02"], [0.0, 1.0]), "2025-01-01")
    assert not result.ok and "zero" in result.reason


def test_index_to_skips_missing_value_on_the_date() -> None:
    frame = obs(["2025-01-01", "2025-01-02", "2025-01-03"], [math.nan, 4.0, 5.0])
    assert tf.index_to(frame, "2025-01-01").frame["value"].tolist()[-2:] == [100.0, 125.0]


# --- YoY ----------------------------------------------------------------------------------


def test_yoy_daily_uses_observation_at_or_before_within_tolerance() -> None:
    frame = obs(
        ["2024-01-10", "2024-06-01", "2025-01-10", "2025-01-12", "2025-02-20"],
        [100, 50, 120, 130, 90],
    )
    out = as_dict(tf.yoy_pct(frame, freq="D"))
    assert math.isnan(out["2024-01-10"]) and math.isnan(out["2024-06-01"])
    assert out["2025-01-10"] == pytest.approx(20.0)  # base 2024-01-10, 1 day before 2024-01-11
    assert out["2025-01-12"] == pytest.approx(30.0)  # base 2024-01-10, 3 days before target
    assert math.isnan(out["2025-02-20"])  # nearest base 42 days early: beyond 7-day tolerance


def test_yoy_monthly_across_a_leap_year_and_a_gap() -> None:
    dates = ["2024-01-01", "2024-02-01", "2024-03-01", "2025-01-01", "2025-03-01", "2025-04-01"]
    frame = obs(dates, [10, 20, 40, 15, 50, 30])
    out = as_dict(tf.yoy_pct(frame))  # monthly inferred
    assert out["2025-01-01"] == pytest.approx(50.0)
    assert out["2025-03-01"] == pytest.approx(25.0)
    # 2025-04-01 -> 2024-04-01; last base 2024-03-01 is 31 days earlier: inside monthly tolerance
    assert out["2025-04-01"] == pytest.approx(-25.0)


def test_yoy_zero_base_is_nan_not_inf() -> None:
    out = tf.yoy_pct(obs(["2024-03-31", "2025-03-31"], [0.0, 5.0]), freq="Q")
    assert math.isnan(out["value"].iloc[1])


def test_yoy_single_point_and_empty() -> None:
    assert math.isnan(tf.yoy_pct(obs(["2025-01-01"], [3.0]))["value"].iloc[0])
    assert tf.yoy_pct(empty_frame()).empty


def test_infer_frequency() -> None:
    assert tf.infer_frequency(pd.date_range("2025-01-01", periods=5, freq="D")) == "D"
    assert tf.infer_frequency(pd.date_range("2025-01-01", periods=5, freq="W")) == "W"
    assert tf.infer_frequency(pd.date_range("2025-01-01", periods=5, freq="MS")) == "M"
    assert tf.infer_frequency(pd.date_range("2025-01-01", periods=5, freq="QS")) == "Q"
    assert tf.infer_frequency(pd.DatetimeIndex(["2025-01-01"])) == "D"


# --- moving average, cumulative sum -------------------------------------------------------


def test_moving_average_over_observations() -> None:
    out = tf.moving_average(daily("2025-01-01", [1, 2, 3, 4]), 3)["value"].tolist()
    assert math.isnan(out[0]) and math.isnan(out[1])
    assert out[2:] == pytest.approx([2.0, 3.0])


def test_moving_average_over_a_time_span_respects_gaps() -> None:
    frame = obs(["2025-01-01", "2025-01-02", "2025-01-10"], [2, 4, 9])
    assert tf.moving_average(frame, "7D")["value"].tolist() == pytest.approx([2.0, 3.0, 9.0])


def test_moving_average_single_point_is_nan_until_window_full() -> None:
    assert math.isnan(tf.moving_average(obs(["2025-01-01"], [5.0]), 7)["value"].iloc[0])


def test_cumulative_sum_keeps_gaps_as_nan() -> None:
    out = tf.cumulative_sum(daily("2025-01-01", [1, math.nan, 2]))["value"].tolist()
    assert out[0] == 1.0 and math.isnan(out[1]) and out[2] == 3.0


def test_cumulative_sum_of_all_zeros_and_empty() -> None:
    assert tf.cumulative_sum(daily("2025-01-01", [0, 0]))["value"].tolist() == [0.0, 0.0]
    assert tf.cumulative_sum(empty_frame()).empty


# --- resample -----------------------------------------------------------------------------


def test_resample_weekly_sums_flows_with_sunday_labels() -> None:
    frame = daily("2025-01-01", list(range(1, 13)))  # Wed 1 Jan .. Sun 12 Jan
    out = as_dict(tf.resample(frame, "W", unit="count"))
    assert out == {"2025-01-05": 15.0, "2025-01-12": 63.0}


def test_resample_weekly_levels_take_last_and_shares_take_mean() -> None:
    frame = daily("2025-01-01", list(range(1, 13)))
    assert as_dict(tf.resample(frame, "W", unit="usd_per_gpu_hour")) == {
        "2025-01-05": 5.0,
        "2025-01-12": 12.0,
    }
    assert as_dict(tf.resample(frame, "W", unit="pct")) == {
        "2025-01-05": 3.0,
        "2025-01-12": 9.0,
    }


def test_resample_gap_week_is_nan_not_zero() -> None:
    frame = obs(["2025-01-01", "2025-01-15"], [3, 4])
    out = tf.resample(frame, "W", how="sum")
    assert out["value"].iloc[0] == 3.0 and math.isnan(out["value"].iloc[1])
    assert out["value"].iloc[2] == 4.0


def test_resample_monthly_and_quarterly_period_end_labels() -> None:
    frame = obs(["2025-01-15", "2025-02-10", "2025-02-20", "2025-04-02"], [1, 2, 3, 4])
    monthly = as_dict(tf.resample(frame, "M", unit="bp"))
    assert list(monthly) == ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"]
    assert [monthly["2025-01-31"], monthly["2025-02-28"], monthly["2025-04-30"]] == [1, 3, 4]
    assert math.isnan(monthly["2025-03-31"])
    quarterly = as_dict(tf.resample(frame, "Q", unit="count"))
    assert quarterly == {"2025-03-31": 6.0, "2025-06-30": 4.0}


def test_resample_last_skips_missing_values() -> None:
    frame = daily("2025-01-06", [1, 2, math.nan])
    assert tf.resample(frame, "W", how="last")["value"].tolist() == [2.0]


def test_resample_needs_how_or_unit_and_a_known_rule() -> None:
    with pytest.raises(ValueError):
        tf.resample(daily("2025-01-01", [1]), "W")
    with pytest.raises(ValueError):
        tf.resample(daily("2025-01-01", [1]), "H", how="sum")


def test_resample_single_point_and_empty() -> None:
    assert as_dict(tf.resample(obs(["2025-01-01"], [7.0]), "M", how="sum")) == {"2025-01-31": 7.0}
    assert tf.resample(empty_frame(), "W", how="sum").empty


# --- share of total -----------------------------------------------------------------------


def test_share_of_total_aligned_on_dates() -> None:
    a = obs(["2025-01-01", "2025-01-02"], [1, 3])
    b = obs(["2025-01-01", "2025-01-02", "2025-01-03"], [1, 1, 2])
    out = tf.share_of_total({"a": a, "b": b})
    assert list(out) == ["a", "b"]
    assert out["b"]["value"].tolist() == pytest.approx([50.0, 25.0, 100.0])
    assert out["a"]["value"].tolist()[:2] == pytest.approx([50.0, 75.0])
    assert math.isnan(out["a"]["value"].iloc[2])  # a missing on Jan 3: NaN share


def test_share_of_total_with_zero_total_is_nan_not_inf() -> None:
    a = daily("2025-01-01", [0, 2])
    b = daily("2025-01-01", [0, 2])
    out = tf.share_of_total({"a": a, "b": b})
    values = out["a"]["value"].to_numpy()
    assert math.isnan(values[0]) and values[1] == 50.0
    assert not np.isinf(values).any()


def test_share_of_total_empty_inputs() -> None:
    assert tf.share_of_total({}) == {}
    out = tf.share_of_total({"a": empty_frame()})
    assert out["a"].empty


# --- contract ------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_outputs_have_second_precision_dates_whatever_the_input(unit: str) -> None:
    frame = obs(["2025-01-01", "2025-01-02"], [1.0, 2.0], unit=unit)
    assert tf.cumulative_sum(frame)["date"].dtype == "datetime64[s]"
    assert tf.rebase_at_threshold(frame, 1).frame["date"].dtype == "datetime64[s]"
    assert tf.resample(frame, "W", how="sum")["date"].dtype == "datetime64[s]"


def test_transforms_do_not_mutate_input_and_drop_n() -> None:
    frame = daily("2025-01-01", [3, 1, 2])
    frame["n"] = pd.array([1, 2, 3], dtype="Int64")
    before = frame.copy()
    out = tf.moving_average(frame, 2)
    pd.testing.assert_frame_equal(frame, before)
    assert list(out.columns) == ["date", "value"]


def test_series_in_series_out() -> None:
    s = pd.Series([1.0, 2.0], index=pd.to_datetime(["2025-01-01", "2025-01-02"]), name="x")
    out = tf.cumulative_sum(s)
    assert isinstance(out, pd.Series) and out.name == "x" and out.tolist() == [1.0, 3.0]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 1e6), st.floats(0, 1e6), st.floats(0, 1e6)),
        min_size=1,
        max_size=20,
    )
)
def test_shares_sum_to_100_where_the_total_is_positive(rows: list[tuple[float, ...]]) -> None:
    frames = {k: daily("2025-01-01", [r[i] for r in rows]) for i, k in enumerate("abc")}
    out = tf.share_of_total(frames)
    total = sum(out[k]["value"].fillna(0.0).to_numpy() for k in "abc")
    positive = np.array([sum(r) > 0 for r in rows])
    assert np.allclose(total[positive], 100.0)
    assert all(out[k]["value"][~positive].isna().all() for k in "abc")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1e5), min_size=1, max_size=40), st.floats(1, 1e6))
def test_rebased_series_is_100_on_day_zero(values: list[float], threshold: float) -> None:
    result = tf.rebase_at_threshold(daily("2025-01-01", values), threshold, cumulative=True)
    if result.ok:
        assert result.frame["days"].iloc[0] == 0.0
        assert result.frame["value"].iloc[0] == pytest.approx(100.0)
        assert (result.frame["value"].diff().dropna() >= -1e-9).all()  # cumulative: no dips
    else:
        assert sum(values) < threshold
