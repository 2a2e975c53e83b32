"""Annotations as values, and difference arrows whose label comes from the data."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from qnai_desktop.core.annotations import (
    annotations_from_rows,
    arrow_label,
    difference_label,
    epoch_seconds,
    value_at,
)


def _series(pairs: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([epoch_seconds(date.fromisoformat(d)) for d in pairs], dtype="float64")
    return x, np.array(list(pairs.values()), dtype="float64")


@pytest.mark.parametrize(("start", "end", "points", "lang", "want"), [
    (100, 185, False, "ko", "+85%"),
    (2.50, 2.40, False, "ko", "\u22124%"),  # H100 rent down 4% m/m, typographic minus
    (2.0, 2.01, False, "en", "+0.5%"),
    (250, 250, False, "ko", "0%"),
    (31.0, 34.2, True, "ko", "+3.2%p"),
    (31.0, 34.2, True, "en", "+3.2 pp"),
    (60.0, 45.0, True, "ko", "\u221215%p"),
])
def test_difference_labels(start, end, points, lang, want) -> None:
    assert difference_label(start, end, points=points, lang=lang) == want


def test_no_ratio_from_zero_or_missing_values() -> None:
    assert difference_label(0, 5, points=False) is None
    assert difference_label(float("nan"), 5, points=False) is None


def test_the_arrow_label_recomputes_when_the_data_changes() -> None:
    x, y = _series({"2026-06-01": 250.0, "2026-06-30": 300.0, "2026-07-31": 400.0})
    assert arrow_label(x, y, date(2026, 6, 1), date(2026, 7, 31), points=False) == "+60%"
    y[-1] = 500.0  # the source revised July
    assert arrow_label(x, y, date(2026, 6, 1), date(2026, 7, 31), points=False) == "+100%"
    # a date between observations takes the last value before it (as of)
    assert arrow_label(x, y, date(2026, 6, 15), date(2026, 7, 31), points=False) == "+100%"
    assert arrow_label(x, y, date(2026, 5, 1), date(2026, 7, 31), points=False) is None


def test_value_at_skips_missing_values() -> None:
    x, y = _series({"2026-07-01": 1.0, "2026-07-02": float("nan")})
    assert value_at(x, y, epoch_seconds(date(2026, 7, 5))) == 1.0


def test_rows_from_the_store_become_annotations() -> None:
    rows = pd.DataFrame([{"id": 3, "chart_id": "cds_oracle_coreweave", "kind": "arrow",
                          "date": "2026-06-01", "label_ko": "", "label_en": "move",
                          "spec": {"series": "cds.oracle_5y", "to": "2026-07-31",
                                   "detail_en": "why"}, "created_at": "x"}])
    a = annotations_from_rows(rows)[0]
    assert a.day == date(2026, 6, 1) and a.to_day == date(2026, 7, 31)
    assert a.series_id == "cds.oracle_5y" and a.label("ko") == "move" and a.detail("ko") == "why"
