"""Inference gross margin after a compute multiplier and a price change (OpenAI 39% → ?).

Per unit of today's revenue (all fractions of 1):
    g  gross_margin           — today's gross margin; cost of revenue = 1 − g
    m  compute_multiplier     — compute cost ÷ m ("추론 비용 절반 이상 절감" → m = 2), m ≥ 1
    s  compute_share_of_cost  — part of cost of revenue that is compute (the rest is unchanged)
    p  price_change           — revenue per unit of work × (1 + p), p ≥ −0.5

    cost'             = (1 − g) × (s / m + 1 − s)
    new_gross_margin  = 1 − cost' / (1 + p)                (note: g 0.39, m 2, s 1 → 0.695)
    margin_change     = new_gross_margin − g               (fraction points)
    gap_to_target     = new_gross_margin − 0.52            (OpenAI's year-end target)
    gap_to_anthropic  = new_gross_margin − 0.70            (Anthropic's reported 70%+)
    new_cost_ratio    = cost' / (1 + p)                    (cost per unit of new revenue)
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Model
from ..outputs import Mark, Output
from ..params import ASSUMPTION, Param

OPENAI_SOURCE = "OpenAI 1Q26 GPM 39%, 2Q26 연말 목표 52%"
ANTHROPIC_SOURCE = "1Q26 의 추론 마진율(GPM)이 Anthropic 은 70% 상회, OpenAI는 39% 로 보도되는 중"
MULTIPLIER_SOURCE = "6월초 OpenAI는 기존 모델을 실행하는 추론 비용을 절반 이상 줄이는 방법 발견"

OPENAI_TARGET_GM = 0.52
ANTHROPIC_GM = 0.70

PARAMS = (
    Param("gross_margin", "현재 추론 마진율 (GPM)", "Current gross margin", "fraction",
          -0.5, 0.95, 0.01, 0.39, OPENAI_SOURCE, fmt=".0%"),
    Param("compute_multiplier", "Compute multiplier (비용 ÷ m)", "Compute multiplier (cost ÷ m)",
          "x", 1.0, 10.0, 0.1, 2.0, MULTIPLIER_SOURCE,
          rationale="'절반 이상 절감' → 비용 ÷ 2 (하한). / 'more than half' → cost ÷ 2 (floor).",
          fmt=".1f"),
    Param("compute_share_of_cost", "매출원가 중 Compute 비중", "Compute share of cost of revenue",
          "fraction", 0.0, 1.0, 0.01, 1.0, ASSUMPTION,
          rationale="노트의 39%→69.5% 읽기: 원가 전체가 추론 compute. / Whole cost is compute.",
          fmt=".0%"),
    Param("price_change", "토큰 가격 변화", "Token price change", "fraction",
          -0.5, 1.0, 0.01, 0.0, ASSUMPTION,
          rationale="노트: '낮은 C 보다 높은 P 로 인한 마진율' — 가격 효과는 별도 가정.",
          fmt="+.0%"),
)

OUTPUTS = (
    Output("new_gross_margin", "최적화 후 마진율", "Gross margin after", "fraction", ".1%"),
    Output("margin_change", "마진율 변화", "Margin change", "pp", "+.1%"),
    Output("gap_to_target", "OpenAI 목표(52%) 대비", "vs OpenAI target (52%)", "pp", "+.1%"),
    Output("gap_to_anthropic", "Anthropic(70%) 대비", "vs Anthropic (70%)", "pp", "+.1%"),
    Output("new_cost_ratio", "매출 대비 원가", "Cost per unit of revenue", "fraction", ".1%"),
)


def compute(p: Mapping[str, float]) -> dict[str, float]:
    """Outputs for a complete, validated parameter dict (see the module docstring)."""
    gm, m, s = p["gross_margin"], p["compute_multiplier"], p["compute_share_of_cost"]
    revenue = 1.0 + p["price_change"]  # ≥ 0.5 by the parameter range
    cost = (1.0 - gm) * (s / m + 1.0 - s)  # m ≥ 1 by the parameter range
    new_gm = 1.0 - cost / revenue
    return {
        "new_gross_margin": new_gm,
        "margin_change": new_gm - gm,
        "gap_to_target": new_gm - OPENAI_TARGET_GM,
        "gap_to_anthropic": new_gm - ANTHROPIC_GM,
        "new_cost_ratio": cost / revenue,
    }


MODEL = Model(
    id="inference_margin",
    title_ko="Compute multiplier → 추론 마진율",
    title_en="Compute multiplier → inference gross margin",
    description="Gross margin when compute cost is divided by a multiplier and prices move.",
    description_ko="추론 비용을 multiplier로 나누고 가격이 변할 때의 마진율 (OpenAI 39% 기준).",
    params=PARAMS,
    outputs=OUTPUTS,
    compute=compute,
    main_param="compute_multiplier",
    main_output="new_gross_margin",
    marks=(
        Mark("new_gross_margin", OPENAI_TARGET_GM, "OpenAI 연말 목표 52%", "OpenAI target 52%",
             OPENAI_SOURCE),
        Mark("new_gross_margin", ANTHROPIC_GM, "Anthropic 70%", "Anthropic 70%",
             ANTHROPIC_SOURCE),
    ),
)
