"""Meta sum-of-the-parts: core business at a peer multiple + AI data centres + net cash.

    M  market_cap_usd_bn    — watchlist market cap, USD bn (note table: 1,523)
    q  current_per          — watchlist 12MF PER, x (note table: 18); below 0.5 (the first
                              slider step, e.g. 0) = earnings n/a, like the table's '-'
    k  core_multiple        — multiple for the core business, x (S&P 22 / big-tech 25)
    W  ai_dc_capacity_gw    — AI data-centre capacity valued separately, GW
    v  value_per_gw_usd_bn  — neocloud-style value or resale value, USD bn per GW
    N  net_cash_usd_bn      — net cash (negative = net debt), USD bn

    core_earnings  E = M / q          USD bn (0 when q < 0.5: no earnings to capitalise)
    core_value       = E × k          USD bn
    ai_dc_value      = W × v          USD bn
    implied_value  V = E·k + W·v + N  USD bn
    upside           = V / M − 1      fraction (M ≥ 100 by the parameter range)
    implied_per      = V / E          x (0 when E = 0)
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Model
from ..outputs import Mark, Output
from ..params import ASSUMPTION, Param

TABLE_SOURCE = "메타 플랫폼스 시가총액: 1,523 12MF PER: 18"
MULTIPLE_SOURCE = "Meta의 12MFWD PER는 17배로 S&P 22배, 빅테크 평균 25배 수준 대비 강한 할인"
SOTP_NOTE = ("Capex 통해 지은 AIDC를 네오클라우드화한다고 가정할 경우 본업+AIDC를 SOTP하여 주가 "
             "상향 가능하다는 보고서 존재")
WATCHLIST_MARKET_CAP = 1523.0
PER_NA_BELOW = 0.5  # a PER under half a turn is '-' (n/a); also keeps M / q finite

PARAMS = (
    Param("market_cap_usd_bn", "시가총액", "Market cap", "usd_bn", 100.0, 5000.0, 1.0,
          WATCHLIST_MARKET_CAP, TABLE_SOURCE, rationale="주: 시가총액 십억달러 (watchlist).",
          fmt=",.0f"),
    Param("current_per", "현재 12MF PER", "Current 12MF PER", "x", 0.0, 60.0, 0.5, 18.0,
          TABLE_SOURCE, rationale="0.5 미만(0 포함) = 이익 n/a (노트 표의 '-'). / Below 0.5 = n/a.",
          fmt=".1f"),
    Param("core_multiple", "본업 적용 배수", "Core multiple", "x", 5.0, 50.0, 0.5, 22.0,
          MULTIPLE_SOURCE, rationale="S&P 22배 (빅테크 평균 25배 대안).", fmt=".1f"),
    Param("ai_dc_capacity_gw", "AI DC 용량", "AI data-centre capacity", "gw", 0.0, 20.0, 0.1,
          2.0, ASSUMPTION, rationale=f"노트 미기재. 노트: '{SOTP_NOTE}'", fmt=".1f"),
    Param("value_per_gw_usd_bn", "GW당 가치", "Value per GW", "usd_bn_per_gw", 0.0, 60.0, 0.5,
          10.0, ASSUMPTION,
          rationale="네오클라우드 EV/GW 또는 외부 판매 '청산 가치' 가정. / Neocloud or resale.",
          fmt=".1f"),
    Param("net_cash_usd_bn", "순현금", "Net cash", "usd_bn", -300.0, 300.0, 5.0, 0.0, ASSUMPTION,
          rationale="노트 미기재; 음수 = 순차입. / Not in the note; negative = net debt.",
          fmt=",.0f"),
)

OUTPUTS = (
    Output("core_earnings_usd_bn", "본업 이익 (12MF)", "Core earnings (12MF)", "usd_bn", ",.1f"),
    Output("core_value_usd_bn", "본업 가치", "Core value", "usd_bn", ",.0f"),
    Output("ai_dc_value_usd_bn", "AI DC 가치", "AI data-centre value", "usd_bn", ",.0f"),
    Output("implied_value_usd_bn", "SOTP 가치", "SOTP value", "usd_bn", ",.0f"),
    Output("upside", "시가총액 대비 상승여력", "Upside vs market cap", "fraction", "+.1%"),
    Output("implied_per", "내재 PER", "Implied PER", "x", ".1f"),
)


def compute(p: Mapping[str, float]) -> dict[str, float]:
    """Outputs for a complete, validated parameter dict (see the module docstring)."""
    market_cap, per = p["market_cap_usd_bn"], p["current_per"]
    earnings = market_cap / per if per >= PER_NA_BELOW else 0.0
    core = earnings * p["core_multiple"]
    ai_dc = p["ai_dc_capacity_gw"] * p["value_per_gw_usd_bn"]
    value = core + ai_dc + p["net_cash_usd_bn"]
    return {
        "core_earnings_usd_bn": earnings,
        "core_value_usd_bn": core,
        "ai_dc_value_usd_bn": ai_dc,
        "implied_value_usd_bn": value,
        "upside": value / market_cap - 1.0,
        "implied_per": value / earnings if earnings > 0.0 else 0.0,
    }


MODEL = Model(
    id="meta_sotp",
    title_ko="Meta SOTP: 본업 + AI DC",
    title_en="Meta sum-of-the-parts: core + AI data centres",
    description="Core earnings at a peer multiple plus AI data centres valued per GW plus cash.",
    description_ko="본업 이익 × 동종 배수 + AI DC 용량 × GW당 가치 + 순현금 vs 현재 시가총액.",
    params=PARAMS,
    outputs=OUTPUTS,
    compute=compute,
    main_param="core_multiple",
    main_output="implied_value_usd_bn",
    marks=(Mark("implied_value_usd_bn", WATCHLIST_MARKET_CAP, "현재 시가총액 1,523",
                "Market cap 1,523", TABLE_SOURCE),),
)
