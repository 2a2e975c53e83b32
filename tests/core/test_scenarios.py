"""Scenario models against hand-computed values, the note's own figures, and edge cases."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from qnai_desktop.core.scenarios import (
    ASSUMPTION,
    MODELS,
    ScenarioError,
    UnknownModelError,
    get_model,
    grid,
    model_ids,
    parse_range,
    sweep,
    validate,
)

NOTE = Path("/work/shared/seed/000_66d96ea4018c404e.txt")
IDS = ["meta_compute_sale", "inference_margin", "spec_decoding", "nvidia_backstop", "meta_sotp",
       "ad_conversion"]


# -- registry and descriptions -----------------------------------------------------------------
def test_registry_lists_the_six_models_in_the_notes_order():
    assert model_ids() == IDS
    assert list(MODELS) == IDS


def test_unknown_model_names_it_and_lists_valid_ids():
    with pytest.raises(UnknownModelError) as err:
        get_model("meta_sale")
    msg = str(err.value)
    assert "'meta_sale'" in msg and "meta_compute_sale" in msg and "ad_conversion" in msg
    assert isinstance(err.value, KeyError) and isinstance(err.value, ScenarioError)


@pytest.mark.parametrize("model_id", IDS)
def test_every_default_is_in_range_and_every_output_is_described(model_id):
    model = get_model(model_id)
    out = model.evaluate()
    assert list(out) == model.output_names
    assert all(isinstance(v, float) and math.isfinite(v) for v in out.values())
    for p in model.params:
        assert p.min <= p.default <= p.max and p.step > 0
        assert p.label_ko and p.label_en and p.source
        assert p.rationale or not p.is_assumption, f"{p.name}: say why the assumption"


@pytest.mark.parametrize("model_id", IDS)
def test_description_is_json_ready(model_id):
    d = json.loads(json.dumps(get_model(model_id).describe(), ensure_ascii=False))
    assert d["id"] == model_id and d["params"] and d["outputs"]
    assert {p["assumption"] for p in d["params"]} <= {True, False}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(not NOTE.exists(), reason="the research note is not on this machine")
def test_every_non_assumption_source_is_quoted_verbatim_from_the_note():
    note = _squash(NOTE.read_text(encoding="utf-8"))
    for model in MODELS.values():
        sources = [p.source for p in model.params] + [m.source for m in model.marks]
        for source in sources:
            if source != ASSUMPTION:
                assert _squash(source) in note, f"{model.id}: {source!r} not in the note"


# -- meta_compute_sale -------------------------------------------------------------------------
def test_note_17pct_times_20pct_is_3_4pct():
    out = get_model("meta_compute_sale").evaluate()
    assert out["added_supply_share"] == pytest.approx(0.17 * 0.20) == pytest.approx(0.034)
    assert out["added_supply_usd_bn"] == 0.0  # no capex total given: dollar figure n/a


def test_choosing_2027f_sets_meta_share_to_14pct():
    model = get_model("meta_compute_sale")
    filled = validate(model, {"year": "2027F"})
    assert filled["year"] == 2027.0 and filled["meta_capex_share"] == 0.14
    assert model.evaluate({"year": 2027})["added_supply_share"] == pytest.approx(0.028)


def test_an_explicit_share_wins_over_the_year_preset():
    filled = validate(get_model("meta_compute_sale"), {"year": 2027, "meta_capex_share": 0.2})
    assert filled["meta_capex_share"] == 0.2


def test_added_supply_in_dollars_when_capex_total_given():
    out = get_model("meta_compute_sale").evaluate({"major_ai_capex_usd_bn": 600})
    assert out["added_supply_usd_bn"] == pytest.approx(600 * 0.034)  # 20.4
    assert out["meta_capex_usd_bn"] == pytest.approx(102.0)


# -- inference_margin --------------------------------------------------------------------------
def test_note_39pct_with_cost_halved_is_69_5pct():
    out = get_model("inference_margin").evaluate()
    assert out["new_gross_margin"] == pytest.approx(1 - 0.61 / 2) == pytest.approx(0.695)
    assert out["gap_to_target"] == pytest.approx(0.695 - 0.52)
    assert out["gap_to_anthropic"] == pytest.approx(0.695 - 0.70)
    assert out["margin_change"] == pytest.approx(0.305)


def test_only_the_compute_part_of_cost_is_divided():
    # cost 0.61, half of it compute: 0.305/2 + 0.305 = 0.4575 → margin 0.5425
    out = get_model("inference_margin").evaluate({"compute_share_of_cost": 0.5})
    assert out["new_gross_margin"] == pytest.approx(0.5425)


def test_price_change_scales_revenue():
    # cost 0.305 per old revenue, revenue × 0.8 → cost ratio 0.38125
    out = get_model("inference_margin").evaluate({"price_change": -0.2})
    assert out["new_cost_ratio"] == pytest.approx(0.305 / 0.8)
    assert out["new_gross_margin"] == pytest.approx(1 - 0.305 / 0.8)


def test_multiplier_one_leaves_margin_unchanged():
    out = get_model("inference_margin").evaluate({"compute_multiplier": 1})
    assert out["new_gross_margin"] == pytest.approx(0.39) and out["margin_change"] == 0.0


# -- spec_decoding -----------------------------------------------------------------------------
def _paper(alpha: float, gamma: int, c: float) -> tuple[float, float]:
    tokens = (1 - alpha ** (gamma + 1)) / (1 - alpha)
    return tokens, tokens / (gamma * c + 1)


def test_paper_formula_at_alpha_085_gamma_1_c_005():
    out = get_model("spec_decoding").evaluate()
    tokens, speedup = _paper(0.85, 1, 0.05)
    assert out["tokens_per_step"] == pytest.approx(tokens) == pytest.approx(1.85)
    assert out["speedup"] == pytest.approx(speedup) == pytest.approx(1.85 / 1.05)
    assert out["speed_gain"] == pytest.approx(1.85 / 1.05 - 1)
    assert out["latency_reduction"] == pytest.approx(1 - 1.05 / 1.85)


@pytest.mark.parametrize(("alpha", "gamma", "c"), [(0.6, 3, 0.1), (0.9, 8, 0.02), (0.3, 2, 1.0)])
def test_finite_sum_matches_the_papers_closed_form(alpha, gamma, c):
    out = get_model("spec_decoding").evaluate(
        {"acceptance_rate": alpha, "draft_tokens": gamma, "draft_cost_ratio": c})
    tokens, speedup = _paper(alpha, gamma, c)
    assert out["tokens_per_step"] == pytest.approx(tokens)
    assert out["speedup"] == pytest.approx(speedup)


def test_alpha_one_limit_is_gamma_plus_one():
    out = get_model("spec_decoding").evaluate({"acceptance_rate": 1.0, "draft_tokens": 4})
    assert out["tokens_per_step"] == 5.0
    assert out["speedup"] == pytest.approx(5 / 1.2)


def test_alpha_zero_is_one_token_and_a_slowdown_by_draft_cost():
    out = get_model("spec_decoding").evaluate({"acceptance_rate": 0.0, "draft_tokens": 2})
    assert out["tokens_per_step"] == 1.0
    assert out["speedup"] == pytest.approx(1 / 1.1) and out["speed_gain"] < 0


def test_dspark_mark_is_plus_85pct_on_speedup():
    marks = {m.output: m for m in get_model("spec_decoding").marks}
    assert (marks["speedup"].value, marks["speedup"].kind) == (1.85, "note")
    assert marks["speed_gain"].value == pytest.approx(0.85) and "85%" in marks["speedup"].source


def test_draft_tokens_must_be_whole():
    with pytest.raises(ScenarioError, match=r"draft_tokens=1\.5 must be a whole number in 1–16"):
        validate(get_model("spec_decoding"), {"draft_tokens": 1.5})


# -- nvidia_backstop ---------------------------------------------------------------------------
def test_backstop_defaults_by_hand():
    out = get_model("nvidia_backstop").evaluate()
    hours_bn = 500 * 500 * 8760 / 1e9  # 2.19 bn GPU-hours a year
    assert out["gpus"] == 250_000
    assert out["partner_revenue_usd_bn_per_year"] == pytest.approx(hours_bn * (0.7 * 3 + 0.3 * 2))
    assert out["guaranteed_floor_usd_bn_per_year"] == pytest.approx(hours_bn * 2)
    assert out["nvidia_revenue_share_usd_bn_per_year"] == pytest.approx(0.2 * hours_bn * 0.7)
    assert out["buyback_exposure_usd_bn_per_year"] == pytest.approx(hours_bn * 0.3 * 2)
    assert out["partner_revenue_usd_bn_term"] == pytest.approx(
        6 * out["partner_revenue_usd_bn_per_year"])


def test_utilization_zero_means_floor_only_and_full_buyback():
    out = get_model("nvidia_backstop").evaluate({"utilization": 0})
    floor = out["guaranteed_floor_usd_bn_per_year"]
    assert out["partner_revenue_usd_bn_per_year"] == pytest.approx(floor)
    assert out["buyback_exposure_usd_bn_per_year"] == pytest.approx(floor)
    assert out["nvidia_revenue_share_usd_bn_per_year"] == 0.0


def test_utilization_one_means_no_buyback():
    out = get_model("nvidia_backstop").evaluate({"utilization": 1})
    assert out["buyback_exposure_usd_bn_per_year"] == 0.0
    assert out["partner_revenue_usd_bn_per_year"] == pytest.approx(500 * 500 * 8760 * 3 / 1e9)


def test_no_revenue_share_when_rental_below_backstop():
    out = get_model("nvidia_backstop").evaluate({"rental_price": 1.5})
    assert out["nvidia_revenue_share_usd_bn_per_year"] == 0.0


# -- meta_sotp ---------------------------------------------------------------------------------
def test_sotp_defaults_from_the_watchlist_table():
    out = get_model("meta_sotp").evaluate()
    earnings = 1523 / 18
    value = earnings * 22 + 2 * 10 + 0
    assert out["core_earnings_usd_bn"] == pytest.approx(earnings)  # 84.6
    assert out["implied_value_usd_bn"] == pytest.approx(value)  # 1,881.4
    assert out["upside"] == pytest.approx(value / 1523 - 1)  # +23.5%
    assert out["implied_per"] == pytest.approx(value / earnings)  # 22.2x


def test_big_tech_multiple_25x_without_data_centres_is_25_over_18():
    out = get_model("meta_sotp").evaluate({"core_multiple": 25, "ai_dc_capacity_gw": 0})
    assert out["upside"] == pytest.approx(25 / 18 - 1)


def test_zero_per_means_no_core_earnings_not_a_division_error():
    out = get_model("meta_sotp").evaluate({"current_per": 0, "net_cash_usd_bn": 50})
    assert out["core_earnings_usd_bn"] == 0.0 and out["core_value_usd_bn"] == 0.0
    assert out["implied_value_usd_bn"] == pytest.approx(70.0)
    assert out["implied_per"] == 0.0
    assert out["upside"] == pytest.approx(70 / 1523 - 1)
    tiny = get_model("meta_sotp").evaluate({"current_per": 1e-300})  # n/a too, not 1e303
    assert tiny["core_earnings_usd_bn"] == 0.0


# -- ad_conversion -----------------------------------------------------------------------------
def test_ad_conversion_defaults_by_hand():
    out = get_model("ad_conversion").evaluate()
    assert out["blended_conversion_lift"] == pytest.approx(0.5 * 0.05 + 0.5 * 0.03)
    assert out["incremental_ad_revenue_usd_bn"] == pytest.approx(8.0)
    assert out["instagram_incremental_usd_bn"] == pytest.approx(5.0)
    assert out["facebook_incremental_usd_bn"] == pytest.approx(3.0)


def test_pass_through_scales_incremental_revenue():
    out = get_model("ad_conversion").evaluate({"pass_through": 0.5, "ig_revenue_share": 0.6})
    blended = 0.6 * 0.05 + 0.4 * 0.03
    assert out["ad_revenue_growth"] == pytest.approx(blended * 0.5)
    assert out["incremental_ad_revenue_usd_bn"] == pytest.approx(200 * blended * 0.5)


# -- validation messages -----------------------------------------------------------------------
def test_out_of_range_names_parameter_and_range():
    with pytest.raises(ScenarioError, match=r"external_sale_fraction=1\.5 is outside 0–1"):
        get_model("meta_compute_sale").evaluate({"external_sale_fraction": 1.5})


def test_unknown_parameter_names_it_and_lists_valid_ones():
    with pytest.raises(ScenarioError, match=r"unknown parameter 'fraction' for meta_compute_sale;"
                                            r" valid: year, meta_capex_share"):
        validate(get_model("meta_compute_sale"), {"fraction": 0.2})


def test_bad_year_lists_choices():
    with pytest.raises(ScenarioError, match="year=2028F is not one of 2026F, 2027F"):
        validate(get_model("meta_compute_sale"), {"year": "2028F"})


@pytest.mark.parametrize("bad", ["abc", float("nan"), float("inf"), True])
def test_non_numbers_are_rejected_with_the_range(bad):
    with pytest.raises(ScenarioError, match=r"utilization=.* \(allowed 0–1\)"):
        validate(get_model("nvidia_backstop"), {"utilization": bad})


def test_numeric_text_is_accepted_and_float_noise_clamped():
    filled = validate(get_model("nvidia_backstop"),
                      {"utilization": "0.5", "revenue_share": 1 + 1e-12})
    assert filled["utilization"] == 0.5 and filled["revenue_share"] == 1.0


def test_validate_fills_defaults_and_keeps_given_values():
    model = get_model("inference_margin")
    filled = validate(model, {"compute_multiplier": 3})
    assert filled == {**model.defaults(), "compute_multiplier": 3.0}


# -- sweep, grid, ranges -----------------------------------------------------------------------
def test_sweep_rows_carry_the_input_and_every_output():
    model = get_model("meta_compute_sale")
    rows = sweep(model, {}, "external_sale_fraction", [0.0, 0.1, 0.2])
    assert [r["external_sale_fraction"] for r in rows] == [0.0, 0.1, 0.2]
    assert [r["added_supply_share"] for r in rows] == pytest.approx([0.0, 0.017, 0.034])
    assert set(model.output_names) <= set(rows[0])


def test_sweeping_year_moves_the_share_it_sets():
    rows = sweep(get_model("meta_compute_sale"), {}, "year", [2026, 2027])
    assert [r["added_supply_share"] for r in rows] == pytest.approx([0.034, 0.028])


def test_sweep_rejects_out_of_range_values():
    with pytest.raises(ScenarioError, match=r"acceptance_rate=1\.2 is outside 0–1"):
        sweep(get_model("spec_decoding"), {}, "acceptance_rate", [0.5, 1.2])


def test_grid_shape_labels_and_a_cell_by_hand():
    model = get_model("inference_margin")
    xs = parse_range("1:4:4")  # multiplier 1, 2, 3, 4
    ys = parse_range("0.3:0.5:3")  # gross margin 0.3, 0.4, 0.5
    table = grid(model, {}, "compute_multiplier", xs, "gross_margin", ys, "new_gross_margin")
    assert isinstance(table, pd.DataFrame) and table.shape == (3, 4)
    assert table.index.name == "gross_margin" and table.columns.name == "compute_multiplier"
    assert list(table.columns) == [1.0, 2.0, 3.0, 4.0]
    # gm 0.4, multiplier 3: cost 0.6/3 = 0.2 → 0.8
    assert table.loc[0.4, 3.0] == pytest.approx(0.8)
    assert table.iat[0, 0] == pytest.approx(0.3)  # multiplier 1 leaves 30%


def test_grid_rejects_same_input_twice_and_unknown_output():
    model = get_model("spec_decoding")
    with pytest.raises(ScenarioError, match="two different inputs"):
        grid(model, {}, "acceptance_rate", [0.5], "acceptance_rate", [0.5], "speedup")
    with pytest.raises(ScenarioError, match=r"unknown output 'speed'.*valid: tokens_per_step"):
        grid(model, {}, "acceptance_rate", [0.5], "draft_tokens", [1], "speed")


def test_parse_range():
    assert parse_range("0:1:5") == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert parse_range("2:2:1") == [2.0]
    assert parse_range("-0.5:1:3") == [-0.5, 0.25, 1.0]


@pytest.mark.parametrize("text", ["0:1", "a:1:3", "0:1:2.5", "0:1:0", "0:inf:3", "0:1:100001"])
def test_parse_range_rejects_bad_text(text):
    with pytest.raises(ScenarioError):
        parse_range(text)


def test_english_count_units_are_singular_after_exactly_one() -> None:
    """"1 tokens" read wrong in the English UI; Korean has no plural."""
    from qnai_desktop.core.scenarios.display import format_delta, format_param
    from qnai_desktop.core.scenarios.models import spec_decoding

    gamma = next(p for p in spec_decoding.PARAMS if p.label_en.startswith("Draft tokens"))
    assert [format_param(gamma, v, "en") for v in (1, 2)] == ["1 token", "2 tokens"]
    assert [format_param(gamma, v, "ko") for v in (1, 2)] == ["1 토큰", "2 토큰"]
    assert (format_delta(gamma, 1, "en"), format_delta(gamma, -1, "en")) == ("+1 token", "-1 token")
    assert format_delta(gamma, 3, "en") == "+3 tokens"
