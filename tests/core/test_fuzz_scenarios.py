"""Hostile input to every scenario parameter: never an unhandled exception, always a clear message.

Depth follows the Hypothesis profile (tests/conftest.py): CI runs the short profile; the long run
(≥ 10,000 cases per model) is
``HYPOTHESIS_PROFILE=long bash scripts/test.sh tests/core/test_fuzz_scenarios.py``.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qnai_desktop.core.scenarios import MODELS, ScenarioError, get_model, validate

ANY_VALUE = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**12, 10**12),
                      st.text(max_size=12), st.none(), st.booleans())


@pytest.mark.parametrize("model_id", sorted(MODELS))
@given(data=st.data())
def test_any_input_gives_outputs_or_a_named_error(model_id: str, data: st.DataObject) -> None:
    model = get_model(model_id)
    names = [p.name for p in model.params] + ["not_a_param"]
    chosen = data.draw(st.dictionaries(st.sampled_from(names), ANY_VALUE, max_size=len(names)))
    try:
        filled = validate(model, chosen)
    except ScenarioError as exc:
        message = str(exc)
        assert any(name in message for name in chosen), message
        return
    outputs = model.evaluate(filled)
    assert all(isinstance(v, float) and math.isfinite(v) for v in outputs.values()), outputs


@pytest.mark.parametrize("model_id", sorted(MODELS))
@given(data=st.data())
def test_in_range_inputs_always_evaluate(model_id: str, data: st.DataObject) -> None:
    model = get_model(model_id)
    params = {}
    for p in model.params:
        if getattr(p, "choices", None):
            params[p.name] = data.draw(st.sampled_from([c.value for c in p.choices]))
        elif p.integer:
            params[p.name] = data.draw(st.integers(math.ceil(p.min), math.floor(p.max)))
        else:
            params[p.name] = data.draw(st.floats(min_value=p.min, max_value=p.max,
                                                 allow_nan=False, allow_infinity=False))
    outputs = model.evaluate(validate(model, params))
    assert all(math.isfinite(v) for v in outputs.values())
