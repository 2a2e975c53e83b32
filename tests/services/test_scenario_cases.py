"""Saved scenario cases and publishing a case as a chart, through a real seeded cache.

Also covers the pure helpers the tab, CLI and publishing share (core/scenarios/display,
sensitivity, compare, curves): they have no test file of their own in tests/core.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from qnai_desktop.core.charts import ChartSpec, prepare
from qnai_desktop.core.scenarios import ScenarioError, get_model, grid
from qnai_desktop.core.scenarios.compare import compare
from qnai_desktop.core.scenarios.curves import chart_x, curve
from qnai_desktop.core.scenarios.display import (
    format_delta,
    format_output,
    format_param,
    format_value,
    snap,
    source_text,
    step_decimals,
)
from qnai_desktop.core.scenarios.sensitivity import (
    current_cell,
    grid_axis,
    grid_tsv,
    heat_levels,
    nice_step,
)
from qnai_desktop.services import scenario_cases as sc

BEAR = "Bear: Meta sells 35%"
MCS = "meta_compute_sale"


def _snapshot(cache) -> tuple:
    cases = cache.cases.list()
    return (cases[["model_id", "name"]].values.tolist(), [str(p) for p in cases["params"]],
            len(cache.charts.list()), cache.series.ids())


# -- cases ------------------------------------------------------------------------------------
def test_save_compare_rename_delete_round_trip(cache) -> None:
    change = sc.save_case(cache, MCS, f"  {BEAR} ", {"external_sale_fraction": 0.35})
    assert change.added == 1 and "scenarios" in change.tables
    [case] = sc.load_cases(cache, MCS)
    assert case.name == BEAR  # trimmed
    assert case.params == {"year": 2026.0, "meta_capex_share": 0.17,
                           "external_sale_fraction": 0.35, "major_ai_capex_usd_bn": 0.0,
                           "actual_meta_ttm_share": 0.0}
    model = get_model(MCS)
    cmp = compare(model, [("note", model.defaults()), (BEAR, case.params)])
    row = cmp.row_names.index("added_supply_share")
    assert cmp.values[row].tolist() == pytest.approx([0.034, 0.0595])
    assert cmp.differs[row].tolist() == [False, True]
    assert not cmp.differs[cmp.row_names.index("meta_capex_share")].any()

    sc.rename_case(cache, MCS, BEAR, "Bear 35")
    assert [c.name for c in sc.load_cases(cache, MCS)] == ["Bear 35"]
    sc.delete_case(cache, MCS, "Bear 35")
    assert sc.load_cases(cache, MCS) == []


def test_autosave_is_listed_first_and_cannot_be_named_by_hand(cache) -> None:
    sc.save_case(cache, MCS, "A", {})
    sc.autosave(cache, MCS, {"external_sale_fraction": 0.25})
    sc.autosave(cache, MCS, {"external_sale_fraction": 0.3})  # overwrites, never piles up
    names = [c.name for c in sc.load_cases(cache, MCS)]
    assert names == [sc.CURRENT, "A"]
    assert sc.case_params(cache, MCS, sc.CURRENT)["external_sale_fraction"] == 0.3
    with pytest.raises(ScenarioError, match="reserved"):
        sc.save_case(cache, MCS, sc.CURRENT, {})


@pytest.mark.parametrize("name, why", [("", "empty"), ("   ", "empty"), ("a\tb", "control"),
                                       ("x" * 81, "at most 80"), (None, "text")])
def test_bad_case_names_leave_the_cache_unchanged(cache, name, why) -> None:
    sc.save_case(cache, MCS, "keep", {})
    before = _snapshot(cache)
    with pytest.raises(ScenarioError, match=why):
        sc.save_case(cache, MCS, name, {})
    with pytest.raises(ScenarioError, match=why):
        sc.rename_case(cache, MCS, "keep", name)
    assert _snapshot(cache) == before


@pytest.mark.parametrize("params, why", [
    ({"external_sale_fraction": "abc"}, "not a number"),
    ({"external_sale_fraction": 1.5}, "outside 0–1"),
    ({"year": 2030}, "2026F, 2027F"),
    ({"nope": 1}, "unknown parameter 'nope'"),
    ({"external_sale_fraction": float("nan")}, "finite"),
])
def test_bad_values_are_refused_before_writing(cache, params, why) -> None:
    before = _snapshot(cache)
    for op in (lambda: sc.save_case(cache, MCS, "x", params), lambda: sc.autosave(cache, MCS, params),
               lambda: sc.publish_case(cache, MCS, "x", params)):
        with pytest.raises(ScenarioError, match=why):
            op()
    assert _snapshot(cache) == before


def test_rename_and_delete_name_what_is_missing_or_taken(cache) -> None:
    sc.save_case(cache, MCS, "A", {})
    sc.save_case(cache, MCS, "B", {})
    with pytest.raises(ScenarioError, match="'B' already exists"):
        sc.rename_case(cache, MCS, "A", "B")
    with pytest.raises(ScenarioError, match="no case 'C'"):
        sc.rename_case(cache, MCS, "C", "D")
    with pytest.raises(ScenarioError, match="no case 'C'"):
        sc.delete_case(cache, MCS, "C")
    with pytest.raises(ScenarioError, match="saved cases: 'A', 'B'"):
        sc.case_params(cache, MCS, "C")
    with pytest.raises(ScenarioError, match="unknown scenario model"):
        sc.save_case(cache, "meta_sale", "A", {})


def test_stored_values_the_model_no_longer_knows_are_dropped_with_a_reason(cache) -> None:
    cache.cases.save(MCS, "old", {"external_sale_fraction": 0.3, "gone": 1, "year": 2031})
    [case] = sc.load_cases(cache, MCS)
    assert case.params["external_sale_fraction"] == 0.3 and case.params["year"] == 2026
    assert "gone" in case.problem and "year=2031" in case.problem


# -- publishing -------------------------------------------------------------------------------
def test_publish_writes_a_chart_the_chart_engine_draws(cache) -> None:
    sc.save_case(cache, MCS, BEAR, {"external_sale_fraction": 0.35, "meta_capex_share": 0.14})
    pub = sc.publish_case(cache, MCS, BEAR, sc.case_params(cache, MCS, BEAR))
    assert pub.chart_id.startswith("scenario.meta_compute_sale.bear_meta_sells_35_")
    assert {"series", "observations", "user_charts"} <= pub.change.tables
    [saved] = [s for s in cache.charts.list() if s["id"] == pub.chart_id]
    spec = ChartSpec.from_dict(saved)
    assert spec.origin == "user" and spec.kind == "line" and BEAR in spec.title_ko
    metas = cache.series.metas()
    chart = prepare(spec, cache.series.frames(list(pub.series_ids)), metas)
    assert not chart.skipped and not chart.is_demo
    assert chart.source("ko") == "자료: Q&AI 시나리오 (가정 기반), SK증권"
    assert "가정 기반 시나리오" in chart.note("ko") and "35%" in chart.note("ko")
    case_line, note_line = chart.series  # capex share differs, so the note's line is drawn too
    assert case_line.label_ko == BEAR and note_line.label_ko == "노트 기준"
    # y in percent over x = sale fraction 0..100 %: the case's slope is 14 %, the note's 17 %
    assert case_line.y[20] == pytest.approx(2.8) and note_line.y[20] == pytest.approx(3.4)
    meta = metas[pub.series_ids[0]]
    assert meta.source == sc.SOURCE_EN and meta.is_demo is False
    x = sc.x_for_dates(meta.extra, cache.series.observations(pub.series_ids[0])["date"])
    assert x[[0, 20, 100]].tolist() == [0.0, 20.0, 100.0]
    assert saved["scenario"]["x_param"] == "external_sale_fraction"


def test_publish_spec_decoding_draws_one_line_per_gamma_and_republish_replaces(cache) -> None:
    pub = sc.publish_case(cache, "spec_decoding", "빠른 초안", {"draft_tokens": 3})
    keys = [sid.rsplit(".", 1)[-1] for sid in pub.series_ids]
    assert keys == ["draft_tokens_1", "draft_tokens_2", "draft_tokens_3", "draft_tokens_4",
                    "draft_tokens_8"]
    frame = cache.series.observations(pub.series_ids[0])  # γ = 1 at α = 85 %: 1.85 / 1.05
    assert frame["value"].iloc[85] == pytest.approx(1.85 / 1.05)
    charts = len(cache.charts.list())
    again = sc.publish_case(cache, "spec_decoding", "빠른 초안", {"draft_tokens": 3})
    assert again.chart_id == pub.chart_id and len(cache.charts.list()) == charts
    assert again.change.unchanged == 5 * 101 and again.change.changed == 0  # same curves


def test_x_for_dates_ignores_dates_off_the_curve() -> None:
    extra = {"scenario": {"x_values": [0.0, 50.0, 100.0]}}
    dates = pd.to_datetime(["2000-01-01", "2000-01-03", "2000-01-09", "1999-12-31"])
    assert np.isnan(sc.x_for_dates(extra, dates)[2:]).all()
    assert sc.x_for_dates(extra, dates)[:2].tolist() == [0.0, 100.0]


def test_slugs_are_id_safe_and_distinct() -> None:
    assert sc.slug("Bear: Meta sells 35%").startswith("bear_meta_sells_35_")
    assert sc.slug("약세").startswith("case_") and sc.slug("약세") != sc.slug("강세")
    assert sc.slug("Bear 35") != sc.slug("bear-35")
    assert not set(sc.slug("a*b?[c]")) & set("*?[]")


# -- pure helpers: display, sensitivity, curves -----------------------------------------------
def test_values_read_like_the_note() -> None:
    assert format_value("fraction", ".1%", 0.17 * 0.35) == "6.0%"  # 5.95 %, rounded half up
    assert format_value("pp", "+.1%", 0.695 - 0.39) == "+30.5%p"
    assert format_value("pp", "+.1%", -1e-17) == "+0.0%p"
    assert format_value("x", ".2f", 1.85 / 1.05, "ko") == "1.76배"
    assert format_value("x", ".2f", 1.85 / 1.05, "en") == "1.76x"
    assert format_value("usd_bn", ",.0f", -0.2) == "0"
    assert format_value("usd_bn", ",.0f", float("inf")) == "-"
    sotp = get_model("meta_sotp")
    assert format_output(sotp.output("implied_value_usd_bn"), 1881.4, "ko") == "1,881 십억달러"
    assert format_delta(get_model(MCS).output("added_supply_share"), 0.0255) == "+2.6%p"
    year = get_model(MCS).param("year")
    assert format_param(year, 2027.0) == "2027F"


def test_sliders_snap_to_the_step_and_show_enough_decimals() -> None:
    m = get_model(MCS)
    assert snap(m.param("external_sale_fraction"), 0.23456) == 0.23
    assert snap(m.param("external_sale_fraction"), 7) == 1.0
    assert snap(get_model("spec_decoding").param("draft_tokens"), 2.6) == 3.0
    assert step_decimals(m.param("external_sale_fraction")) == 0  # 1 % steps
    assert step_decimals(get_model("ad_conversion").param("ig_conversion_lift")) == 1  # 0.5 %
    assert step_decimals(get_model("nvidia_backstop").param("rental_price")) == 2


def test_tooltips_quote_the_note_or_say_why_it_is_an_assumption() -> None:
    m = get_model(MCS)
    assert "Meta는 2026F 주요 AI Capex의 17%" in source_text(m.param("meta_capex_share"), "ko")
    assert source_text(m.param("major_ai_capex_usd_bn"), "en").startswith("Assumption")


def test_grid_axes_centre_on_the_case_and_stay_in_range() -> None:
    m = get_model(MCS)
    assert grid_axis(m.param("external_sale_fraction"), 0.2) == pytest.approx(
        [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35])
    assert grid_axis(m.param("meta_capex_share"), 0.17) == pytest.approx(
        [0.11, 0.13, 0.15, 0.17, 0.19, 0.21, 0.23])
    near_top = grid_axis(get_model("spec_decoding").param("acceptance_rate"), 0.97)
    assert max(near_top) <= 1.0 and 0.97 in near_top
    gammas = grid_axis(get_model("spec_decoding").param("draft_tokens"), 1)
    assert gammas == [1, 2, 3, 4, 5, 6, 7]
    costs = grid_axis(get_model("spec_decoding").param("draft_cost_ratio"), 0.05)
    assert costs[0] == 0 and math.copysign(1.0, costs[0]) == 1.0  # never prints "-0.00"
    assert nice_step(2.5) == 2 and nice_step(0.07) == 0.05 and nice_step(0) == 1


def test_grid_outline_heat_and_tsv() -> None:
    m = get_model(MCS)
    xs = grid_axis(m.param("external_sale_fraction"), 0.2)
    ys = grid_axis(m.param("meta_capex_share"), 0.17)
    table = grid(m, m.defaults(), "external_sale_fraction", xs, "meta_capex_share", ys,
                 "added_supply_share")
    assert current_cell(table, 0.2, 0.17) == (3, 3)
    assert current_cell(table, 0.21, 0.17) is None
    heat = heat_levels(table)
    assert heat.min() == 0 and heat.max() == 1 and heat[3, 3] == pytest.approx(
        (0.034 - 0.05 * 0.11) / (0.35 * 0.23 - 0.05 * 0.11))
    tsv = grid_tsv(m, table, "added_supply_share", "ko").splitlines()
    assert tsv[0].split("\t")[1:] == ["5%", "10%", "15%", "20%", "25%", "30%", "35%"]
    assert tsv[4].split("\t")[0] == "17%" and tsv[4].split("\t")[4] == "3.4%"
    assert len(tsv) == 8 and all(len(line.split("\t")) == 8 for line in tsv)


def test_curves_match_evaluate_and_cover_integer_inputs() -> None:
    m = get_model("spec_decoding")
    xs = chart_x(m.param("acceptance_rate"))
    ys = curve(m, {"draft_tokens": 2}, "acceptance_rate", xs, "speedup")
    assert len(xs) == 101 and ys[85] == pytest.approx(
        m.evaluate({"acceptance_rate": 0.85, "draft_tokens": 2})["speedup"])
    assert chart_x(m.param("draft_tokens")).tolist() == list(range(1, 17))
