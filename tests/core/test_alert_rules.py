"""Alert rules: validation, JSON round trip, plain-language previews, edge-triggered firing."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qnai_desktop.core.monitors import (
    AlertEvent,
    FrameCache,
    Rule,
    RuleError,
    describe,
    evaluate_rules,
    monitor_row,
    parse_rule,
    parse_rules,
    rules_from_json,
    rules_to_json,
)
from qnai_desktop.core.series import SeriesMeta, normalize_frame

ORACLE = SeriesMeta("cds.oracle_5y", "오라클 5년 CDS", "Oracle 5Y CDS", "bp", "D", "Bloomberg")
H100 = SeriesMeta(
    "gpu_rent.h100.median",
    "H100 대여 가격",
    "H100 median rent",
    "usd_per_gpu_hour",
    "D",
    "gpurentalprices.com",
)
METAS = {m.id: m for m in (ORACLE, H100)}
START = date(2025, 1, 1)


def frame_of(values: list[float], start: date = START) -> pd.DataFrame:
    dates = [start + timedelta(days=i) for i in range(len(values))]
    return normalize_frame(pd.DataFrame({"date": dates, "value": values}))


def replay(rule: Rule, series: dict[str, list[float]]) -> list[int]:
    """Import one more day at a time, evaluate, and return the days on which an event fired."""
    state: dict[str, bool] = {}
    fired: list[int] = []
    days = max(len(v) for v in series.values())
    for day in range(days):
        frames = {sid: frame_of(values[: day + 1]) for sid, values in series.items()}
        events, state = evaluate_rules([rule], frames, METAS, START + timedelta(days=day), state, lang="en")
        fired.extend(day for _ in events)
    return fired


# --- each kind fires once per crossing and re-arms ----------------------------------------------


def test_level_above_fires_once_and_rearms_after_dropping_back():
    rule = parse_rule({"id": "r", "kind": "level_above", "series": ORACLE.id, "threshold": 150})
    values = [100, 140, 160, 170, 180, 140, 150, 165, 170]
    assert replay(rule, {ORACLE.id: values}) == [2, 7]  # 150 is not above 150


def test_level_below_fires_once_and_rearms():
    rule = parse_rule({"id": "r", "kind": "level_below", "series": H100.id, "threshold": 2.0})
    values = [2.3, 2.1, 1.9, 1.8, 2.05, 1.95, 1.9]
    assert replay(rule, {H100.id: values}) == [2, 5]


def test_change_over_in_bp_fires_once_per_move():
    rule = parse_rule(
        {
            "id": "oracle-jump",
            "kind": "change_over",
            "series": ORACLE.id,
            "n_days": 5,
            "measure": "diff",
            "direction": "up",
            "threshold": 50,
        }
    )
    values = [100.0] * 6 + [130, 155, 160, 160, 160, 160, 160, 160, 215]
    # day 7: 155 − 100 (day 2) = 55 ≥ 50; holds until day 11 (160 − 130 = 30 on day 11);
    # day 14: 215 − 160 = 55 fires again.
    assert replay(rule, {ORACLE.id: values}) == [7, 14]


def test_change_over_in_percent_down_needs_enough_history():
    rule = parse_rule(
        {
            "id": "rent-down",
            "kind": "change_over",
            "series": H100.id,
            "n_days": 3,
            "measure": "pct",
            "direction": "down",
            "threshold": 10,
        }
    )
    # days 0–2 have nothing 3 days back; day 3: 1.8/2.0 − 1 = −10% exactly (a float −9.99…)
    # fires and holds on day 4; day 5 is flat; day 8: 1.7/2.0 − 1 = −15% fires again.
    values = [2.0, 2.0, 2.0, 1.8, 1.8, 2.0, 2.0, 2.0, 1.7]
    fired = replay(rule, {H100.id: values})
    assert fired == [3, 8]


def test_zscore_beyond_fires_on_a_spike_and_not_again_while_it_lasts():
    rule = parse_rule({"id": "z", "kind": "zscore_beyond", "series": ORACLE.id, "k": 3, "direction": "up"})
    calm = [100.0 + (i % 5) for i in range(380)]
    values = [*calm, 125.0, 126.0, 101.0, 130.0]
    state: dict[str, bool] = {}
    fired = []
    for day in range(376, len(values)):
        frames = {ORACLE.id: frame_of(values[: day + 1])}
        events, state = evaluate_rules([rule], frames, METAS, START, state)
        fired.extend(day for _ in events)
    assert fired == [380, 383]


def test_zscore_rule_uses_the_same_number_as_the_monitor_row():
    values = [100.0 + (i % 7) * 3 for i in range(400)] + [140.0]
    fr = frame_of(values)
    rule = parse_rule({"id": "z", "kind": "zscore_beyond", "series": ORACLE.id, "k": 1})
    events, _ = evaluate_rules([rule], {ORACLE.id: fr}, METAS, START, {})
    row = monitor_row(ORACLE, fr, today=START)
    assert events[0].value == pytest.approx(row["zscore_1y"])


def test_stale_rule_fires_when_data_stops_and_rearms_when_it_resumes():
    rule = parse_rule({"id": "s", "kind": "stale_older_than", "series": ORACLE.id, "n_days": 3})
    state: dict[str, bool] = {}
    fired = []
    for day in range(12):
        last_point = 0 if day < 8 else 8  # a refresh on day 8 brings fresh data
        frames = {ORACLE.id: frame_of([100.0] * (last_point + 1))}
        events, state = evaluate_rules([rule], frames, METAS, START + timedelta(days=day), state)
        fired.extend(day for _ in events)
        if events:
            assert events[0].value == 4.0 and events[0].at == START + timedelta(days=day)
    assert fired == [4]  # ages 4..7 persist; after day 8 the age only reaches 3
    events, _ = evaluate_rules([rule], {}, METAS, START, {})
    assert events[0].value is None  # a series with no data at all is stale


def test_and_rule_fires_only_when_every_part_holds():
    thesis_break = parse_rule(
        {
            "id": "thesis-break",
            "name": "Thesis break",
            "kind": "all_of",
            "rules": [
                {"kind": "level_above", "series": ORACLE.id, "threshold": 150},
                {
                    "kind": "change_over",
                    "series": H100.id,
                    "n_days": 2,
                    "measure": "pct",
                    "direction": "down",
                    "threshold": 5,
                },
            ],
        }
    )
    oracle = [140, 160, 160, 160, 160, 160, 140, 160]
    h100 = [2.0, 2.0, 2.0, 1.8, 1.8, 1.8, 1.8, 1.6]
    # day 1: CDS above but rent flat; day 3: both; 4: rent −10% (still both); 5: rent 0% → false;
    # day 7: CDS back above and rent −11% → fires again.
    assert replay(thesis_break, {ORACLE.id: oracle, H100.id: h100}) == [3, 7]


# --- events -------------------------------------------------------------------------------------


def test_event_carries_rule_series_value_and_a_readable_message():
    rule = parse_rule(
        {
            "id": "oracle-50bp",
            "kind": "change_over",
            "series": ORACLE.id,
            "n_days": 20,
            "measure": "diff",
            "direction": "up",
            "threshold": 50,
        }
    )
    values = [120.0] * 25 + [182.0]
    events, state = evaluate_rules(
        [rule], {ORACLE.id: frame_of(values)}, METAS, date(2025, 1, 27), {}, lang="en"
    )
    assert state == {"oracle-50bp": True}
    assert events == [
        AlertEvent(
            "oracle-50bp",
            ORACLE.id,
            62.0,
            182.0,
            "Oracle 5Y CDS rises 50 bp or more within 20 days — +62 bp, 182 bp on 2025-01-26",
            date(2025, 1, 26),
        )
    ]
    ko, _ = evaluate_rules([rule], {ORACLE.id: frame_of(values)}, METAS, START, {}, lang="ko")
    assert ko[0].message == "오라클 5년 CDS 20일 내 50 bp 이상 상승 — +62 bp, 182 bp (2025-01-26)"
    assert events[0].to_dict()["at"] == "2025-01-26"


def test_missing_series_and_disabled_rules_stay_silent():
    level = parse_rule({"id": "a", "kind": "level_above", "series": "nope", "threshold": 1})
    off = parse_rule(
        {"id": "b", "kind": "level_above", "series": ORACLE.id, "threshold": 1, "enabled": False}
    )
    events, state = evaluate_rules([level, off], {ORACLE.id: frame_of([5.0])}, METAS, START, {})
    assert events == [] and state == {"a": False, "b": False}


def test_a_prebuilt_frame_cache_gives_the_same_answer():
    rule = parse_rule({"id": "a", "kind": "level_above", "series": ORACLE.id, "threshold": 1})
    frames = {ORACLE.id: frame_of([5.0])}
    assert evaluate_rules([rule], FrameCache(frames), METAS, START, {}) == evaluate_rules(
        [rule], frames, METAS, START, {}
    )


# --- previews -----------------------------------------------------------------------------------


def test_plain_language_previews_in_english_and_korean():
    def rule(**kw):
        return parse_rule({"id": "x", **kw})

    jump = rule(
        kind="change_over",
        series=ORACLE.id,
        n_days=20,
        measure="diff",
        direction="up",
        threshold=50,
    )
    assert describe(jump, METAS, "en") == "Oracle 5Y CDS rises 50 bp or more within 20 days"
    assert describe(jump, METAS, "ko") == "오라클 5년 CDS 20일 내 50 bp 이상 상승"
    above = rule(kind="level_above", series=H100.id, threshold=2.5)
    assert describe(above, METAS, "en") == "H100 median rent is above 2.5 USD/GPU-hr"
    assert describe(above, METAS, "ko") == "H100 대여 가격 2.5 달러/GPU-시간 초과"
    z = rule(kind="zscore_beyond", series=ORACLE.id, k=2)
    assert describe(z, METAS, "en") == (
        "Oracle 5Y CDS is 2 or more standard deviations away from its 1-year average"
    )
    stale = rule(kind="stale_older_than", series="cds.unknown", n_days=7)
    assert describe(stale, METAS, "ko") == "cds.unknown 7일 넘게 데이터 갱신 없음"
    thesis = rule(
        kind="all_of",
        name="Thesis break",
        rules=[
            {"kind": "level_above", "series": ORACLE.id, "threshold": 150},
            {
                "kind": "change_over",
                "series": H100.id,
                "n_days": 30,
                "measure": "pct",
                "direction": "down",
                "threshold": 10,
            },
        ],
    )
    assert describe(thesis, METAS, "en") == (
        "Thesis break: Oracle 5Y CDS is above 150 bp and H100 median rent falls 10% or more within 30 days"
    )
    assert describe(thesis, METAS, "ko") == (
        "Thesis break: 오라클 5년 CDS 150 bp 초과, H100 대여 가격 30일 내 10% 이상 하락 (동시 충족)"
    )


# --- validation ---------------------------------------------------------------------------------

VALID = {"id": "r", "kind": "level_above", "series": ORACLE.id, "threshold": 150}
CHANGE = {
    "id": "c",
    "kind": "change_over",
    "series": ORACLE.id,
    "n_days": 20,
    "measure": "diff",
    "direction": "up",
    "threshold": 50,
}


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({**VALID, "kind": "level_sideways"}, "kind", "unknown kind 'level_sideways'"),
        ({k: v for k, v in VALID.items() if k != "series"}, "series", "required"),
        ({**VALID, "series": "  "}, "series", "required"),
        ({k: v for k, v in VALID.items() if k != "id"}, "id", "required"),
        ({**VALID, "threshold": float("nan")}, "threshold", "finite"),
        ({**VALID, "threshold": float("inf")}, "threshold", "finite"),
        ({**VALID, "threshold": "150"}, "threshold", "number"),
        ({**VALID, "threshold": True}, "threshold", "number"),
        ({**CHANGE, "n_days": -5}, "n_days", "at least 1"),
        ({**CHANGE, "n_days": 2.5}, "n_days", "whole number"),
        ({**CHANGE, "threshold": -50}, "threshold", "direction"),
        ({**CHANGE, "direction": "sideways"}, "direction", "up, down"),
        ({**CHANGE, "measure": "bps"}, "measure", "diff, pct"),
        ({**VALID, "k": 2}, "k", "not a field of level_above"),
        ({"id": "z", "kind": "zscore_beyond", "series": "s", "k": 0}, "k", "greater than 0"),
        ({"id": "a", "kind": "all_of", "rules": []}, "rules", "non-empty"),
        (
            {"id": "a", "kind": "all_of", "rules": [VALID, {**CHANGE, "threshold": math.inf}]},
            "rules[1].threshold",
            "finite",
        ),
        (["not", "a", "dict"], "rule", "expected an object"),
    ],
)
def test_invalid_rules_are_rejected_with_the_field_named(data, field, words):
    with pytest.raises(RuleError) as caught:
        parse_rule(data)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert words in str(caught.value)


def test_rule_sets_reject_duplicate_ids_and_bad_json():
    with pytest.raises(RuleError, match=r"\[1\]\.id: duplicate id 'r'"):
        parse_rules([VALID, VALID])
    with pytest.raises(RuleError, match=r"\[0\]\.threshold"):
        parse_rules([{**VALID, "threshold": None}])
    with pytest.raises(RuleError, match="json: not valid JSON"):
        rules_from_json("[{")


# --- JSON round trip ----------------------------------------------------------------------------

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(0.01, 1e3, allow_nan=False, allow_infinity=False)
series_ids = st.sampled_from([ORACLE.id, H100.id, "cds.coreweave_5y"])
leaf = st.one_of(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["level_above", "level_below"]),
            "series": series_ids,
            "threshold": finite,
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("change_over"),
            "series": series_ids,
            "n_days": st.integers(1, 3650),
            "measure": st.sampled_from(["diff", "pct"]),
            "direction": st.sampled_from(["up", "down"]),
            "threshold": positive,
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("zscore_beyond"),
            "series": series_ids,
            "k": positive,
            "direction": st.sampled_from(["up", "down", "both"]),
        }
    ),
    st.fixed_dictionaries(
        {"kind": st.just("stale_older_than"), "series": series_ids, "n_days": st.integers(1, 400)}
    ),
)
rule_dicts = st.recursive(
    leaf,
    lambda children: st.fixed_dictionaries(
        {"kind": st.just("all_of"), "rules": st.lists(children, min_size=1, max_size=3)}
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(data=rule_dicts, name=st.text(max_size=12), enabled=st.booleans())
def test_every_rule_survives_a_json_round_trip(data, name, enabled):
    rule = parse_rule({"id": "rule-1", "name": name, "enabled": enabled, **data})
    again = parse_rule(json.loads(json.dumps(rule.to_dict(), ensure_ascii=False)))
    assert again == rule
    assert rules_from_json(rules_to_json([rule])) == [rule]


def test_rule_json_is_readable():
    rule = parse_rule(CHANGE)
    assert rule.to_dict() == CHANGE
    assert parse_rule({"id": "z", "kind": "zscore_beyond", "series": "s", "k": 2}).direction == ("both")
