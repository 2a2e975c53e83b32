"""A card says "same as the note" only when the note states that figure and the value equals it;
assumed inputs say so; a miss says by how much and why."""

from __future__ import annotations

from qnai_desktop.core.scenarios.registry import get_model
from qnai_desktop.core.scenarios.verdict import note_mark, verdict


def _say(model_id: str, output: str, **overrides: float):
    model = get_model(model_id)
    params = {**model.defaults(), **overrides}
    defaults_out = model.compute(model.defaults())
    return verdict(model, output, model.compute(params)[output], params, defaults_out)


def test_the_notes_own_case_is_the_same_as_the_note() -> None:
    said = _say("meta_compute_sale", "added_supply_share")  # 17% × 20% = 3.4%: "about 3%"
    assert said.text("ko") == "노트 기준과 같음 (노트: 3% 내외)" and not said.differs


def test_a_moved_input_is_compared_with_the_notes_case() -> None:
    said = _say("meta_compute_sale", "added_supply_share", external_sale_fraction=0.35)
    assert said.text("ko") == "노트 기준 3.4% 대비 +2.6%p" and said.differs
    assert said.text("en") == "+2.6%p vs the note's case 3.4%"


def test_spec_decoding_defaults_do_not_claim_the_notes_plus_85() -> None:
    """α 85%, γ 1, c 0.05 (DeepSeek-V3's report) give 1.76x; the note's Dspark is 1.85x."""
    said = _say("spec_decoding", "speed_gain")
    assert said.differs
    assert said.text("ko") == "노트 +85% 대비 -9%p (가정 입력값)"
    assert said.detail("en").startswith("Inputs the note does not give (assumptions): "
                                         "Acceptance rate α 85%")
    speedup = _say("spec_decoding", "speedup")
    assert speedup.text("en") == "-0.09x vs the note's 1.85x (assumed inputs)"


def test_inputs_that_reach_the_notes_figure_agree_with_it() -> None:
    said = _say("spec_decoding", "speedup", acceptance_rate=0.85, draft_cost_ratio=0.0)
    assert said.text("en") == "Consistent with the note (Dspark +85%)" and not said.differs


def test_an_output_the_note_gives_no_figure_for_never_claims_the_note() -> None:
    model = get_model("spec_decoding")
    assert note_mark(model, "tokens_per_step") is None
    said = _say("spec_decoding", "tokens_per_step")
    assert said.text("en") == "From default assumptions (not a figure in the note)"
    moved = _say("spec_decoding", "tokens_per_step", draft_tokens=4)
    assert moved.text("en").startswith("+") and "vs the default 1.85" in moved.text("en")


def test_no_card_of_any_model_says_same_as_the_note_without_a_note_figure() -> None:
    from qnai_desktop.core.scenarios.registry import MODELS

    for model in MODELS.values():
        out = model.compute(model.defaults())
        for name in model.output_names:
            said = verdict(model, name, out[name], model.defaults(), out)
            if "Same as the note" in said.text("en"):
                mark = note_mark(model, name)
                assert mark is not None, (model.id, name)
