"""Monitor statistics checked against values worked out by hand."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qnai_desktop.core.monitors import (
    B200_H100_RATIO_ID,
    DEFAULT_MONITORS,
    WATCH_CDS_KO,
    WATCH_GPU_RENT_KO,
    SeriesArrays,
    derived_ratio,
    monitor_row,
    shift_months,
    status_color,
)
from qnai_desktop.core.monitors.arrays import to_day
from qnai_desktop.core.series import SeriesMeta, normalize_frame

CDS = SeriesMeta("cds.oracle_5y", "오라클 5년 CDS", "Oracle 5Y CDS", "bp", "D", "Bloomberg")
RENT = SeriesMeta(
    "gpu_rent.h100.median", "H100 렌트", "H100 rent", "usd_per_gpu_hour", "D", "gpurentalprices"
)
WEEKLY = SeriesMeta("w", "주간", "Weekly", "tokens_bn", "W", "OpenRouter")
MONTHLY = SeriesMeta("m", "월간", "Monthly", "usd_bn", "M", "Epoch AI")
SHARE = SeriesMeta("s", "점유율", "Share", "pct", "M", "SimilarWeb")


def frame(points: dict[str, float], counts: dict[str, int] | None = None) -> pd.DataFrame:
    data = {"date": list(points), "value": list(points.values())}
    if counts is not None:
        data["n"] = [counts.get(d) for d in points]
    return normalize_frame(pd.DataFrame(data))


def business_days(start: str, end: str, value: float = 100.0) -> dict[str, float]:
    return {d.date().isoformat(): value for d in pd.bdate_range(start, end)}


# --- changes ---------------------------------------------------------------------------------


def test_one_day_change_on_monday_compares_with_friday_in_bp():
    points = {"2025-06-26": 118.0, "2025-06-27": 120.0, "2025-06-30": 131.5}
    row = monitor_row(CDS, frame(points), today=date(2025, 6, 30))
    assert row["last_value"] == 131.5
    assert row["last_date"] == date(2025, 6, 30)
    assert row["change_unit"] == "bp"
    assert row["change_1d"] == pytest.approx(11.5)  # Sunday has no point → Friday's 120


def test_price_changes_are_percent_and_use_calendar_offsets():
    points = business_days("2024-12-02", "2025-03-31", 2.0)
    points.update({"2025-03-24": 2.5, "2025-02-28": 2.2, "2024-12-31": 1.6, "2025-03-31": 2.4})
    row = monitor_row(RENT, frame(points), today=date(2025, 3, 31))
    assert row["change_unit"] == "%"
    assert row["change_1d"] == pytest.approx((2.4 / 2.0 - 1) * 100)  # 30 Mar is Sunday → Fri 28
    assert row["change_1w"] == pytest.approx((2.4 / 2.5 - 1) * 100)  # 24 Mar
    assert row["change_1m"] == pytest.approx((2.4 / 2.2 - 1) * 100)  # 31 Mar − 1M = 28 Feb
    assert row["change_3m"] == pytest.approx(50.0)  # 31 Dec


def test_change_across_a_gap_uses_the_last_value_before_the_gap():
    points = {"2025-05-01": 100.0, "2025-05-02": 104.0, "2025-05-20": 110.0}
    row = monitor_row(CDS, frame(points), today=date(2025, 5, 20))
    assert row["change_1d"] == pytest.approx(6.0)
    assert row["change_1w"] == pytest.approx(6.0)
    assert row["change_1m"] is None  # nothing at or before 20 Apr


def test_series_shorter_than_the_window_has_no_change():
    points = business_days("2025-06-02", "2025-06-13")
    row = monitor_row(RENT, frame(points), today=date(2025, 6, 13))
    assert row["change_1w"] == pytest.approx(0.0)
    assert row["change_1m"] is None
    assert row["change_3m"] is None
    assert row["zscore_1y"] is None


def test_single_point_series_has_level_but_no_changes():
    row = monitor_row(CDS, frame({"2025-06-02": 90.0}), today=date(2025, 6, 2))
    assert row["last_value"] == 90.0
    assert [row[f"change_{k}"] for k in ("1d", "1w", "1m", "3m")] == [None] * 4
    assert row["high_52w"] == row["low_52w"] == 90.0


def test_monthly_series_skips_windows_shorter_than_its_spacing():
    points = {"2025-01-31": 10.0, "2025-02-28": 12.0, "2025-03-31": 15.0, "2025-04-30": 18.0}
    row = monitor_row(MONTHLY, frame(points), today=date(2025, 5, 2))
    assert row["change_1d"] is None and row["change_1w"] is None
    assert row["change_1m"] == pytest.approx(20.0)  # month end 30 Apr − 1M = 31 Mar, not 28 Feb
    assert row["change_3m"] == pytest.approx(80.0)  # 31 Jan


def test_percent_level_series_change_in_percentage_points():
    points = {"2025-03-31": 40.0, "2025-04-30": 37.5}
    row = monitor_row(SHARE, frame(points), today=date(2025, 5, 1))
    assert row["change_unit"] == "pp"
    assert row["change_1m"] == pytest.approx(-2.5)


def test_nan_values_are_no_values():
    points = {"2025-06-02": 100.0, "2025-06-03": 103.0, "2025-06-04": float("nan")}
    row = monitor_row(CDS, frame(points), today=date(2025, 6, 4))
    assert row["last_value"] == 103.0
    assert row["last_date"] == date(2025, 6, 3)
    assert row["change_1d"] == pytest.approx(3.0)


def test_shift_months_clamps_to_month_end():
    assert shift_months(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert shift_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert shift_months(date(2025, 1, 15), -3) == date(2024, 10, 15)
    assert shift_months(date(2025, 5, 31), -3) == date(2025, 2, 28)
    assert shift_months(date(2025, 4, 30), -1) == date(2025, 3, 31)  # month end stays month end
    assert shift_months(date(2025, 2, 28), -1) == date(2025, 1, 31)


# --- z-score and 52-week range ------------------------------------------------------------------


def test_zscore_against_hand_computed_value_and_window_boundary():
    last = date(2025, 6, 30)
    points = {
        (last - timedelta(days=365)).isoformat(): 999.0,  # exactly 365 days back: outside
        (last - timedelta(days=300)).isoformat(): 1.0,
        (last - timedelta(days=200)).isoformat(): 2.0,
        (last - timedelta(days=100)).isoformat(): 3.0,
        last.isoformat(): 6.0,
    }
    row = monitor_row(CDS, frame(points), today=last)
    # window [1, 2, 3, 6]: mean 3, sample std sqrt(14/3)
    assert row["zscore_1y"] == pytest.approx(3.0 / math.sqrt(14.0 / 3.0))
    assert row["high_52w"] == 6.0
    assert row["low_52w"] == 1.0


def test_zscore_needs_a_full_year_of_history():
    last = date(2025, 6, 30)
    points = {(last - timedelta(days=d)).isoformat(): float(d % 7) for d in range(0, 364)}
    row = monitor_row(CDS, frame(points), today=last)
    assert row["zscore_1y"] is None
    assert row["high_52w"] == 6.0


def test_flat_year_has_no_zscore():
    points = business_days("2024-01-01", "2025-06-30", 5.0)
    assert monitor_row(RENT, frame(points), today=date(2025, 6, 30))["zscore_1y"] is None


# --- freshness, quotes, sparkline ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "age", "stale"),
    [
        (date(2025, 6, 27), 0, False),  # Friday, same day
        (date(2025, 6, 30), 3, False),  # Monday after a Friday point
        (date(2025, 7, 1), 4, False),  # Tuesday after a Monday holiday
        (date(2025, 7, 2), 5, True),
    ],
)
def test_daily_data_goes_stale_after_two_days_plus_a_weekend(today, age, stale):
    row = monitor_row(CDS, frame({"2025-06-27": 120.0}), today=today)
    assert (row["age_days"], row["stale"]) == (age, stale)


def test_weekly_data_goes_stale_after_two_weeks():
    fr = frame({"2025-06-01": 1.0})
    assert monitor_row(WEEKLY, fr, today=date(2025, 6, 15))["stale"] is False
    assert monitor_row(WEEKLY, fr, today=date(2025, 6, 16))["stale"] is True


def test_empty_series_is_stale_with_nothing_to_show():
    row = monitor_row(CDS, frame({}), today=date(2025, 6, 30))
    assert row["last_value"] is None and row["age_days"] is None and row["stale"] is True
    assert row["sparkline"] == [] and row["n"] is None
    assert status_color(row) == "stale"


def test_quote_count_and_sparkline_of_the_last_points():
    points = business_days("2025-01-01", "2025-06-30")
    counts = {d: 7 for d in points}
    counts["2025-06-30"] = 12
    row = monitor_row(RENT, frame(points, counts), today=date(2025, 6, 30))
    assert row["n"] == 12
    assert len(row["sparkline"]) == 90
    assert monitor_row(CDS, frame({"2025-06-30": 1.0}), today=date(2025, 6, 30))["n"] is None


# --- status colours -----------------------------------------------------------------------------


def _row(z: float | None, stale: bool = False) -> dict:
    return {"last_value": 1.0, "stale": stale, "zscore_1y": z}


@pytest.mark.parametrize(
    ("z", "adverse", "level"),
    [
        (None, None, "ok"),
        (0.5, None, "ok"),
        (-1.2, None, "warn"),
        (2.4, None, "alert"),
        (2.4, "up", "alert"),
        (2.4, "down", "ok"),
        (-1.5, "down", "warn"),
    ],
)
def test_status_levels_follow_the_documented_z_rules(z, adverse, level):
    assert status_color(_row(z), adverse=adverse) == level


def test_stale_beats_any_z():
    assert status_color(_row(3.0, stale=True)) == "stale"


# --- derived ratio and default monitors ---------------------------------------------------------


def test_b200_h100_ratio_on_common_dates_only():
    b200 = frame({"2025-06-02": 6.0, "2025-06-03": 6.3, "2025-06-04": 6.0})
    h100 = frame({"2025-06-02": 2.0, "2025-06-04": 0.0, "2025-06-05": 2.2})
    out = derived_ratio(b200, h100)
    assert list(out["date"].dt.strftime("%Y-%m-%d")) == ["2025-06-02", "2025-06-04"]
    assert out["value"].iloc[0] == pytest.approx(3.0)
    assert math.isnan(out["value"].iloc[1])  # zero denominator
    assert str(out["date"].dtype) == "datetime64[s]" and str(out["n"].dtype) == "Int64"


def test_default_monitors_cover_the_notes_signals():
    ids = [m.series_id for m in DEFAULT_MONITORS]
    assert ids == [
        "cds.oracle_5y",
        "cds.coreweave_5y",
        "spread_proxy.us_bbb_oas",
        "spread_proxy.us_hy_oas",
        "silicondata.h100_index",
        "gpu_rent.h100.median",
        "gpu_rent.h200.median",
        "gpu_rent.b200.median",
        B200_H100_RATIO_ID,
    ]
    by_id = {m.series_id: m for m in DEFAULT_MONITORS}
    assert by_id["cds.oracle_5y"].watch("ko") == WATCH_CDS_KO
    assert "ORCL" in by_id["cds.oracle_5y"].tickers and "CRWV" in by_id["cds.coreweave_5y"].tickers
    assert by_id["gpu_rent.h100.median"].watch("ko") == WATCH_GPU_RENT_KO
    assert all(m.watch_en and m.tickers for m in DEFAULT_MONITORS)
    ratio = by_id[B200_H100_RATIO_ID]
    assert ratio.ratio_of == ("gpu_rent.b200.median", "gpu_rent.h100.median")
    meta = ratio.derived_meta({"gpu_rent.h100.median": RENT})
    assert (meta.unit, meta.frequency, meta.source) == ("ratio", "D", "gpurentalprices")


def test_ratio_row_reads_like_any_other_monitor():
    b200 = frame(business_days("2025-06-02", "2025-06-13", 6.0))
    h100 = frame(business_days("2025-06-02", "2025-06-13", 2.0))
    ratio = next(m for m in DEFAULT_MONITORS if m.is_derived)
    row = monitor_row(ratio.derived_meta({}), derived_ratio(b200, h100), today=date(2025, 6, 13))
    assert row["last_value"] == pytest.approx(3.0) and row["change_unit"] == "%"


# --- property: the array arithmetic matches a plain loop ----------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    offsets=st.lists(st.integers(0, 800), min_size=1, max_size=40, unique=True),
    window=st.integers(1, 400),
)
def test_change_matches_a_plain_loop(offsets, window):
    start = date(2023, 1, 1)
    points = {(start + timedelta(days=o)).isoformat(): float(o % 13 + 1) for o in offsets}
    arrays = SeriesArrays.from_frame(frame(points))
    days = sorted(offsets)
    last = days[-1]
    base = [o for o in days if o <= last - window]
    expected = None if not base else float(last % 13 + 1) - float(base[-1] % 13 + 1)
    got = arrays.change_since(to_day(start) + last - window, "diff")
    assert got == expected


def test_arrays_repair_unsorted_duplicate_dates():
    raw = pd.DataFrame(
        {
            "date": pd.to_datetime(["2025-01-03", "2025-01-01", "2025-01-03"]).astype("datetime64[s]"),
            "value": [3.0, 1.0, 4.0],
        }
    )
    arrays = SeriesArrays.from_frame(raw)
    assert list(arrays.values) == [1.0, 4.0]
    assert np.all(np.diff(arrays.days) > 0)


def test_microsecond_dates_from_pandas_3_read_the_same_days():
    points = {"1969-12-31": 1.0, "2025-06-02": 2.0}
    seconds = frame(points)
    micros = seconds.assign(date=seconds["date"].astype("datetime64[us]"))
    assert list(SeriesArrays.from_frame(micros).days) == [-1, to_day(date(2025, 6, 2))]
    assert list(SeriesArrays.from_frame(seconds).days) == [-1, to_day(date(2025, 6, 2))]
