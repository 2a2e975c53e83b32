"""MTP + speculative decoding speed-up (Leviathan, Kalman & Matias 2023, "Fast Inference from
Transformers via Speculative Decoding", ICML; eqs. for E[#tokens] and walltime improvement).

    α  acceptance_rate    — probability a drafted token is accepted (0–1)
    γ  draft_tokens       — tokens drafted per step (whole number ≥ 1)
    c  draft_cost_ratio   — cost of one draft step ÷ one target-model step (0–1)

    tokens_per_step   = (1 − α^(γ+1)) / (1 − α) = 1 + α + … + α^γ      tokens per target step
                        → γ + 1 at α = 1, → 1 at α = 0 (computed as the finite sum: no 0/0)
    speedup           = tokens_per_step / (γ·c + 1)                       x, walltime improvement
    speed_gain        = speedup − 1           (the note's Dspark "+85%" is speedup 1.85)
    latency_reduction = 1 − 1 / speedup       (time per token saved; speedup > 0 always)
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Model
from ..outputs import Mark, Output
from ..params import ASSUMPTION, Param

DSPARK_SOURCE = ("2026년 6월 DeepSeek 는 신규 V4 모델에 spec decoding 방식인 'Dspark' 적용하여 "
                 "모델 속도 85% 향상 (Latency 축소)")
DSPARK_SPEEDUP = 1.85

PARAMS = (
    Param("acceptance_rate", "수락률 α", "Acceptance rate α", "fraction", 0.0, 1.0, 0.01, 0.85,
          ASSUMPTION,
          rationale="DeepSeek-V3 기술보고서: MTP 2번째 토큰 수락률 85–90%. / DeepSeek-V3 "
                    "report: 2nd-token MTP acceptance 85–90%.",
          fmt=".0%"),
    Param("draft_tokens", "초안 토큰 수 γ", "Draft tokens γ", "tokens", 1, 16, 1, 1, ASSUMPTION,
          integer=True, rationale="DeepSeek-V3 MTP 깊이 1. / DeepSeek-V3 MTP depth 1.", fmt=".0f"),
    Param("draft_cost_ratio", "초안 비용 비율 c", "Draft cost ratio c", "x", 0.0, 1.0, 0.01, 0.05,
          ASSUMPTION,
          rationale="MTP 모듈 1개 ≈ 본 모델 한 스텝의 ~5%. / One MTP module ≈ 5% of a step.",
          fmt=".2f"),
)

OUTPUTS = (
    Output("tokens_per_step", "스텝당 생성 토큰", "Tokens per step", "tokens", ".2f"),
    Output("speedup", "속도 배수", "Speed-up", "x", ".2f"),
    Output("speed_gain", "속도 향상", "Speed gain", "fraction", "+.0%"),
    Output("latency_reduction", "토큰당 지연 축소", "Latency reduction per token", "fraction",
           ".0%"),
)


def compute(p: Mapping[str, float]) -> dict[str, float]:
    """Outputs for a complete, validated parameter dict (see the module docstring)."""
    alpha, gamma, c = p["acceptance_rate"], int(p["draft_tokens"]), p["draft_cost_ratio"]
    tokens, term = 0.0, 1.0
    for _ in range(gamma + 1):  # geometric sum: equals the closed form, finite at α = 1
        tokens += term
        term *= alpha
    speedup = tokens / (gamma * c + 1.0)
    return {
        "tokens_per_step": tokens,
        "speedup": speedup,
        "speed_gain": speedup - 1.0,
        "latency_reduction": 1.0 - 1.0 / speedup,
    }


MODEL = Model(
    id="spec_decoding",
    title_ko="MTP + Speculative decoding 속도 향상",
    title_en="MTP + speculative decoding speed-up",
    description="Expected tokens per step and walltime speed-up (Leviathan et al. 2023).",
    description_ko="수락률 α, 초안 토큰 γ, 초안 비용 c에 따른 스텝당 토큰과 속도 배수.",
    params=PARAMS,
    outputs=OUTPUTS,
    compute=compute,
    main_param="acceptance_rate",
    main_output="speedup",
    marks=(Mark("speedup", DSPARK_SPEEDUP, "Dspark +85%", "Dspark +85%", DSPARK_SOURCE,
                kind="note"),
           Mark("speed_gain", DSPARK_SPEEDUP - 1.0, "Dspark +85%", "Dspark +85%", DSPARK_SOURCE,
                kind="note"),
           Mark("latency_reduction", 1.0 - 1.0 / DSPARK_SPEEDUP, "Dspark +85% 기준",
                "Dspark +85% implied", DSPARK_SOURCE, kind="note")),
    chart_series=("draft_tokens", (1.0, 2.0, 4.0, 8.0)),
)
