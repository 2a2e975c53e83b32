"""Property tests: every in-range input gives finite outputs; monotone where economics says so."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from qnai_desktop.core.scenarios import MODELS, Model, Param, get_model


def _value(p: Param) -> st.SearchStrategy[float]:
    if p.choices is not None:
        return st.sampled_from([c.value for c in p.choices])
    if p.integer:
        return st.integers(int(p.min), int(p.max)).map(float)
    return st.floats(p.min, p.max, allow_nan=False, allow_infinity=False)


def _params(model: Model) -> st.SearchStrategy[dict[str, float]]:
    return st.fixed_dictionaries({p.name: _value(p) for p in model.params})


def _case(model_id: str):
    model = get_model(model_id)
    return _params(model).map(lambda params: (model, params))


FRACTION = st.floats(0.0, 1.0, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(MODELS)).flatmap(_case))
def test_every_in_range_input_gives_finite_float_outputs(case):
    model, params = case
    out = model.evaluate(params)
    assert set(out) == set(model.output_names)
    assert all(isinstance(v, float) and math.isfinite(v) for v in out.values()), (params, out)


@given(_params(get_model("meta_compute_sale")), FRACTION, FRACTION)
def test_added_share_increases_with_sale_fraction(params, f1, f2):
    model = get_model("meta_compute_sale")
    lo, hi = sorted((f1, f2))
    a = model.evaluate({**params, "external_sale_fraction": lo})["added_supply_share"]
    b = model.evaluate({**params, "external_sale_fraction": hi})["added_supply_share"]
    assert a <= b


@given(_params(get_model("inference_margin")), st.floats(1.0, 10.0), st.floats(1.0, 10.0))
def test_margin_increases_with_compute_multiplier(params, m1, m2):
    model = get_model("inference_margin")
    lo, hi = sorted((m1, m2))
    a = model.evaluate({**params, "compute_multiplier": lo})["new_gross_margin"]
    b = model.evaluate({**params, "compute_multiplier": hi})["new_gross_margin"]
    assert a <= b + 1e-12


@given(_params(get_model("spec_decoding")), FRACTION, FRACTION)
def test_tokens_per_step_and_speedup_increase_with_acceptance(params, a1, a2):
    model = get_model("spec_decoding")
    lo, hi = sorted((a1, a2))
    a = model.evaluate({**params, "acceptance_rate": lo})
    b = model.evaluate({**params, "acceptance_rate": hi})
    assert a["tokens_per_step"] <= b["tokens_per_step"]
    assert a["speedup"] <= b["speedup"]
    assert 1.0 <= a["tokens_per_step"] <= params["draft_tokens"] + 1


@given(_params(get_model("nvidia_backstop")), FRACTION, FRACTION)
def test_buyback_exposure_falls_as_utilization_rises(params, u1, u2):
    model = get_model("nvidia_backstop")
    lo, hi = sorted((u1, u2))
    a = model.evaluate({**params, "utilization": lo})
    b = model.evaluate({**params, "utilization": hi})
    assert b["buyback_exposure_usd_bn_per_year"] <= a["buyback_exposure_usd_bn_per_year"] + 1e-12
    assert a["partner_revenue_usd_bn_per_year"] >= 0.0


@given(_params(get_model("meta_sotp")), st.floats(5.0, 50.0), st.floats(5.0, 50.0))
def test_implied_value_increases_with_core_multiple(params, k1, k2):
    model = get_model("meta_sotp")
    lo, hi = sorted((k1, k2))
    a = model.evaluate({**params, "core_multiple": lo})["implied_value_usd_bn"]
    b = model.evaluate({**params, "core_multiple": hi})["implied_value_usd_bn"]
    assert a <= b + 1e-9


@given(_params(get_model("ad_conversion")), FRACTION, FRACTION)
def test_incremental_revenue_increases_with_pass_through(params, t1, t2):
    model = get_model("ad_conversion")
    lo, hi = sorted((t1, t2))
    a = model.evaluate({**params, "pass_through": lo})["incremental_ad_revenue_usd_bn"]
    b = model.evaluate({**params, "pass_through": hi})["incremental_ad_revenue_usd_bn"]
    assert 0.0 <= a <= b
