"""Nvidia's "revenue-sharing + credit-support" backstop for neoclouds, per year and over the term.

    P   capacity_mw           — supported capacity, MW
    n   gpus_per_mw           — GPUs per MW of facility power
    r   rental_price          — market rental, USD per GPU-hour
    b   backstop_price        — pre-agreed buy-back price, USD per GPU-hour
    u   utilization           — fraction of GPU-hours leased at r (0–1); the rest is idle
    k   revenue_share         — Nvidia's share of partner revenue above the backstop floor
    T   term_years            — take-or-pay term, years (note: 6)

    G = P × n GPUs;  H = G × 8,760 GPU-hours per year
    partner_revenue  = H × (u·r + (1 − u)·b) / 1e9       USD bn/yr (idle hours bought back at b)
    guaranteed_floor = H × b / 1e9                       USD bn/yr (revenue if nothing is leased)
    nvidia_share     = k × max(0, partner_revenue − guaranteed_floor)     USD bn/yr
    buyback_exposure = H × (1 − u) × b / 1e9             USD bn/yr Nvidia pays for idle capacity
    *_term           = per-year value × T                USD bn, undiscounted, constant inputs
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Model
from ..outputs import Output
from ..params import ASSUMPTION, Param

HOURS_PER_YEAR = 8760.0
CAPACITY_SOURCE = "초기 계약자는 Sharon AI, Firmus로 아직 500MW 내외 규모"
TERM_SOURCE = ("네오클라우드에 최소매출을 보장(6년 take-or-pay)하고, 백스톱 초과분 매출을 일부 "
               "나눠 갖는 구조")
BUYBACK_NOTE = ("파트너가 GPU 임차 수요처 확보 실패 시 엔비디아가 유휴 GPU 용량을 사전 합의 가격에 "
                "재매입")

PARAMS = (
    Param("capacity_mw", "지원 용량", "Supported capacity", "mw", 0.0, 5000.0, 50.0, 500.0,
          CAPACITY_SOURCE, fmt=",.0f"),
    Param("gpus_per_mw", "MW당 GPU", "GPUs per MW", "gpus_per_mw", 100.0, 2000.0, 10.0, 500.0,
          ASSUMPTION,
          rationale="GB200 NVL72 랙 ≈ 120–130 kW/72 GPU + 냉각·손실 → ≈ 500 GPU/MW.",
          fmt=",.0f"),
    Param("rental_price", "시장 대여 가격", "Market rental price", "usd_per_gpu_hour",
          0.0, 20.0, 0.05, 3.0, ASSUMPTION,
          rationale="노트 차트 'B200, H100 렌탈 가격 추이' — 수치 미기재, B200 수준 가정.",
          fmt=".2f"),
    Param("backstop_price", "백스톱(재매입) 가격", "Backstop (buy-back) price",
          "usd_per_gpu_hour", 0.0, 20.0, 0.05, 2.0, ASSUMPTION,
          rationale=f"노트: '{BUYBACK_NOTE}' — 가격 비공개.", fmt=".2f"),
    Param("utilization", "임대율", "Utilization (leased share)", "fraction", 0.0, 1.0, 0.01, 0.7,
          ASSUMPTION, rationale="임차 수요처 확보 비율 가정.", fmt=".0%"),
    Param("revenue_share", "엔비디아 매출 공유 비율", "Nvidia revenue share", "fraction",
          0.0, 1.0, 0.01, 0.2, ASSUMPTION,
          rationale="노트: '백스톱 초과분 매출을 일부 나눠 갖는 구조' — 비율 비공개.", fmt=".0%"),
    Param("term_years", "계약 기간", "Term", "years", 1, 10, 1, 6, TERM_SOURCE, integer=True,
          fmt=".0f"),
)

OUTPUTS = (
    Output("gpus", "GPU 수", "GPUs", "gpus", ",.0f"),
    Output("partner_revenue_usd_bn_per_year", "파트너 매출 (연)", "Partner revenue / yr",
           "usd_bn", ",.2f"),
    Output("guaranteed_floor_usd_bn_per_year", "보장 최소매출 (연)", "Guaranteed floor / yr",
           "usd_bn", ",.2f"),
    Output("nvidia_revenue_share_usd_bn_per_year", "엔비디아 매출 공유 (연)",
           "Nvidia revenue share / yr", "usd_bn", ",.2f"),
    Output("buyback_exposure_usd_bn_per_year", "엔비디아 재매입 부담 (연)",
           "Nvidia buy-back exposure / yr", "usd_bn", ",.2f"),
    Output("partner_revenue_usd_bn_term", "파트너 매출 (계약기간)", "Partner revenue, term",
           "usd_bn", ",.1f"),
    Output("guaranteed_floor_usd_bn_term", "보장 최소매출 (계약기간)", "Guaranteed floor, term",
           "usd_bn", ",.1f"),
    Output("nvidia_revenue_share_usd_bn_term", "엔비디아 매출 공유 (계약기간)",
           "Nvidia revenue share, term", "usd_bn", ",.1f"),
    Output("buyback_exposure_usd_bn_term", "엔비디아 재매입 부담 (계약기간)",
           "Nvidia buy-back exposure, term", "usd_bn", ",.1f"),
)


def compute(p: Mapping[str, float]) -> dict[str, float]:
    """Outputs for a complete, validated parameter dict (see the module docstring)."""
    gpus = p["capacity_mw"] * p["gpus_per_mw"]
    hours_bn = gpus * HOURS_PER_YEAR / 1e9  # bn GPU-hours per year
    u, rent, floor_price = p["utilization"], p["rental_price"], p["backstop_price"]
    revenue = hours_bn * (u * rent + (1.0 - u) * floor_price)
    floor = hours_bn * floor_price
    share = p["revenue_share"] * max(0.0, revenue - floor)
    buyback = hours_bn * (1.0 - u) * floor_price
    term = p["term_years"]
    return {
        "gpus": gpus,
        "partner_revenue_usd_bn_per_year": revenue,
        "guaranteed_floor_usd_bn_per_year": floor,
        "nvidia_revenue_share_usd_bn_per_year": share,
        "buyback_exposure_usd_bn_per_year": buyback,
        "partner_revenue_usd_bn_term": revenue * term,
        "guaranteed_floor_usd_bn_term": floor * term,
        "nvidia_revenue_share_usd_bn_term": share * term,
        "buyback_exposure_usd_bn_term": buyback * term,
    }


MODEL = Model(
    id="nvidia_backstop",
    title_ko="엔비디아 백스톱: 최소매출 보장 + 매출 공유",
    title_en="Nvidia backstop: guaranteed floor + revenue share",
    description="Partner revenue, guaranteed floor, Nvidia's share and buy-back exposure.",
    description_ko="파트너 매출, 보장 최소매출, 엔비디아 매출 공유와 유휴 용량 재매입 부담.",
    params=PARAMS,
    outputs=OUTPUTS,
    compute=compute,
    main_param="utilization",
    main_output="partner_revenue_usd_bn_per_year",
)
