"""Meta sells part of its AI compute: how much AI-infrastructure supply that adds.

Inputs (fractions of 1 unless stated):
    year  y  — 2026F or 2027F; choosing it sets s (2026F → 0.17, 2027F → 0.14)
    s  meta_capex_share        — Meta's share of major AI capex in that year
    f  external_sale_fraction  — fraction of Meta's compute sold to outsiders
    C  major_ai_capex_usd_bn   — major AI capex, USD bn; 0 = not given (dollar outputs are 0)
    a  actual_meta_ttm_share   — Meta's actual share of the group's trailing-four-quarter capex
                                 from SEC filings (``capex.share.meta``); 0 = no filings data.
                                 Data, not a slider choice: the CLI and the app fill it from the
                                 cache, so the model itself stays pure.

Outputs:
    added_supply_share  = s × f        fraction of major AI capex   (note: 17% × 20% = 3.4%)
    added_supply_usd_bn = s × f × C    USD bn
    meta_capex_usd_bn   = s × C        USD bn
    actual_ttm_share    = a            beside the note's s (0 = n/a)
    actual_vs_note_pp   = a − s        percentage points (0 when a is n/a)
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Model
from ..outputs import Mark, Output
from ..params import ASSUMPTION, Choice, Param

SHARE_SOURCE = "Meta는 2026F 주요 AI Capex의 17%, 2027F 주요 AI Capex의 14% 차지"
SALE_SOURCE = ("확보 Compute의 20% 외부 판매 가정 시 주요 AI Capex에서 3% 내외 AI 인프라 "
               "추가 출회 가능")

PARAMS = (
    Param("year", "기준 연도", "Year", "year", 2026, 2027, 1, 2026, SHARE_SOURCE,
          choices=(Choice(2026, "2026F", {"meta_capex_share": 0.17}),
                   Choice(2027, "2027F", {"meta_capex_share": 0.14})), fmt=".0f"),
    Param("meta_capex_share", "주요 AI Capex 중 Meta 비중", "Meta share of major AI capex",
          "fraction", 0.0, 0.5, 0.01, 0.17, SHARE_SOURCE, fmt=".0%"),
    Param("external_sale_fraction", "Compute 외부 판매 비율", "Share of compute sold externally",
          "fraction", 0.0, 1.0, 0.01, 0.20, SALE_SOURCE, fmt=".0%"),
    Param("major_ai_capex_usd_bn", "주요 AI Capex 총액", "Major AI capex", "usd_bn",
          0.0, 3000.0, 10.0, 0.0, ASSUMPTION,
          rationale="노트에 총액 없음: 0 = 미입력(달러 환산 생략). / Not in the note; 0 = n/a.",
          fmt=",.0f"),
    Param("actual_meta_ttm_share", "실제 Meta Capex 비중 (공시, 최근 4분기)",
          "Actual Meta share of capex (filings, TTM)", "fraction", 0.0, 1.0, 0.001, 0.0, ASSUMPTION,
          rationale="SEC EDGAR 공시 기준 MSFT·GOOGL·AMZN·META·ORCL·CRWV 최근 4분기 Capex 중 Meta "
                    "비중(앱이 캐시에서 채움); 0 = 데이터 없음. / Meta's share of the group's "
                    "trailing-four-quarter capex in SEC filings, filled from the cache; 0 = n/a.",
          fmt=".1%"),
)

OUTPUTS = (
    Output("added_supply_share", "AI 인프라 추가 출회 (주요 AI Capex 대비)",
           "Added AI-infra supply (share of major AI capex)", "fraction", ".1%"),
    Output("added_supply_usd_bn", "추가 출회 규모", "Added supply", "usd_bn", ",.1f"),
    Output("meta_capex_usd_bn", "Meta AI Capex", "Meta AI capex", "usd_bn", ",.1f"),
    Output("actual_ttm_share", "실제 Meta Capex 비중 (TTM)", "Actual Meta capex share (TTM)",
           "fraction", ".1%"),
    Output("actual_vs_note_pp", "실제 − 노트 비중", "Actual minus note share", "pp", "+.1%"),
)


def compute(p: Mapping[str, float]) -> dict[str, float]:
    """Outputs for a complete, validated parameter dict (see the module docstring)."""
    share, fraction, capex = (p["meta_capex_share"], p["external_sale_fraction"],
                              p["major_ai_capex_usd_bn"])
    actual = p.get("actual_meta_ttm_share", 0.0)
    return {
        "added_supply_share": share * fraction,
        "added_supply_usd_bn": share * fraction * capex,
        "meta_capex_usd_bn": share * capex,
        "actual_ttm_share": actual,
        "actual_vs_note_pp": actual - share if actual > 0 else 0.0,
    }


MODEL = Model(
    id="meta_compute_sale",
    title_ko="Meta Compute 외부 판매 → AI 인프라 추가 공급",
    title_en="Meta selling compute → added AI-infra supply",
    description="Meta's share of major AI capex × the fraction of its compute sold outside.",
    description_ko="주요 AI Capex 중 Meta 비중 × 외부 판매 비율 = 추가 출회되는 AI 인프라 비중.",
    params=PARAMS,
    outputs=OUTPUTS,
    compute=compute,
    main_param="external_sale_fraction",
    main_output="added_supply_share",
    marks=(Mark("added_supply_share", 0.03, "노트: 3% 내외", "Note: about 3%", SALE_SOURCE, kind="note",
                tolerance=0.005),),
)
