"""Meta ad conversion gains (GEM: Instagram +5%, Facebook +3%) → incremental ad revenue.

    i  ig_conversion_lift   — Instagram conversion lift (fraction)
    f  fb_conversion_lift   — Facebook conversion lift (fraction)
    s  ig_revenue_share     — Instagram's share of ad revenue; Facebook gets 1 − s
    R  ad_revenue_usd_bn    — annual ad revenue, USD bn
    t  pass_through         — fraction of a conversion lift that becomes revenue (price × volume)

    blended_conversion_lift   = s·i + (1 − s)·f       fraction
    ad_revenue_growth         = blended × t           fraction
    incremental_ad_revenue    = R × blended × t       USD bn per year
    instagram_incremental     = R × s × i × t         USD bn per year
    facebook_incremental      = R × (1 − s) × f × t   USD bn per year
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Model
from ..outputs import Output
from ..params import ASSUMPTION, Param

LIFT_SOURCE = ("최근 실적발표에서도 신규 추천 모델인 GEM의 훈련 GPU 2배 늘려 광고 전환율을 "
               "Instagram +5%·Facebook +3% 기록")

PARAMS = (
    Param("ig_conversion_lift", "Instagram 전환율 개선", "Instagram conversion lift", "fraction",
          0.0, 0.3, 0.005, 0.05, LIFT_SOURCE, fmt="+.1%"),
    Param("fb_conversion_lift", "Facebook 전환율 개선", "Facebook conversion lift", "fraction",
          0.0, 0.3, 0.005, 0.03, LIFT_SOURCE, fmt="+.1%"),
    Param("ig_revenue_share", "광고매출 중 Instagram 비중", "Instagram share of ad revenue",
          "fraction", 0.0, 1.0, 0.01, 0.5, ASSUMPTION,
          rationale="노트 미기재; 반반 가정. / Not in the note; half-half.", fmt=".0%"),
    Param("ad_revenue_usd_bn", "연간 광고매출", "Annual ad revenue", "usd_bn", 0.0, 600.0, 5.0,
          200.0, ASSUMPTION, rationale="노트 미기재; 연 2,000억달러 규모 가정.", fmt=",.0f"),
    Param("pass_through", "매출 전가율", "Pass-through to revenue", "fraction", 0.0, 1.0, 0.05,
          1.0, ASSUMPTION,
          rationale="전환율 개선이 모두 광고 단가·노출 매출로 이어진다는 상한. / Upper bound.",
          fmt=".0%"),
)

OUTPUTS = (
    Output("blended_conversion_lift", "가중 전환율 개선", "Blended conversion lift", "fraction",
           "+.1%"),
    Output("ad_revenue_growth", "광고매출 증가율", "Ad revenue growth", "fraction", "+.1%"),
    Output("incremental_ad_revenue_usd_bn", "추가 광고매출", "Incremental ad revenue", "usd_bn",
           ",.1f"),
    Output("instagram_incremental_usd_bn", "Instagram 추가 매출", "Instagram incremental",
           "usd_bn", ",.1f"),
    Output("facebook_incremental_usd_bn", "Facebook 추가 매출", "Facebook incremental", "usd_bn",
           ",.1f"),
)


def compute(p: Mapping[str, float]) -> dict[str, float]:
    """Outputs for a complete, validated parameter dict (see the module docstring)."""
    s, t, revenue = p["ig_revenue_share"], p["pass_through"], p["ad_revenue_usd_bn"]
    ig = s * p["ig_conversion_lift"]
    fb = (1.0 - s) * p["fb_conversion_lift"]
    blended = ig + fb
    return {
        "blended_conversion_lift": blended,
        "ad_revenue_growth": blended * t,
        "incremental_ad_revenue_usd_bn": revenue * blended * t,
        "instagram_incremental_usd_bn": revenue * ig * t,
        "facebook_incremental_usd_bn": revenue * fb * t,
    }


MODEL = Model(
    id="ad_conversion",
    title_ko="GPU → 광고 전환율 → 광고매출",
    title_en="GPU → ad conversion → ad revenue",
    description="Incremental ad revenue from Instagram/Facebook conversion lifts.",
    description_ko="Instagram +5%·Facebook +3% 전환율 개선이 광고매출에 주는 효과.",
    params=PARAMS,
    outputs=OUTPUTS,
    compute=compute,
    main_param="pass_through",
    main_output="incremental_ad_revenue_usd_bn",
)
