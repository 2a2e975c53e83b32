"""The built-in chart pack: every update chart of the Q&AI note plus the real-data charts."""

from __future__ import annotations

from qnai_desktop.core.charts.derived import (
    DSPARK_SPEED,
    MODEL_SOURCE_EN,
    MODEL_SOURCE_KO,
    SPEC_DECODING_SPEED,
    spec_decoding_inputs,
)
from qnai_desktop.core.charts.spec import ChartSpec, SeriesRef, TransformStep

#: Cumulative public GitHub commits at which a coding agent's intensity line starts (= 100).
#: 10k is reached by most agents in the 2025-01 … 2026-08 data; 1M (the npm threshold) only by
#: five, so it would hide most of the field.
COMMIT_INTENSITY_THRESHOLD = 10_000
NPM_INTENSITY_THRESHOLD = 1_000_000
#: Credit-spread proxies from FRED (ICE BofA OAS of Oracle's BBB band and of US high yield).
PROXY_BBB = "spread_proxy.us_bbb_oas"
PROXY_HY = "spread_proxy.us_hy_oas"

_USD_PER_GPU_HOUR = {"unit_ko": "달러/GPU-시간", "unit_en": "USD/GPU-hr"}
_USD_BN = {"unit_ko": "십억달러", "unit_en": "USD bn"}
_INDEX = {"unit_ko": "지수", "unit_en": "Index"}
_PCT = {"unit_ko": "%", "unit_en": "%"}
#: The note's "major AI capex" group, as written by services/fundamentals (SEC EDGAR).
CAPEX_COMPANIES = (("msft", "마이크로소프트", "Microsoft", "microsoft"),
                   ("googl", "알파벳", "Alphabet", "google"), ("amzn", "아마존", "Amazon", "amazon"),
                   ("meta", "메타", "Meta", "meta"), ("orcl", "오라클", "Oracle", "oracle"),
                   ("crwv", "코어위브", "CoreWeave", "coreweave"))


def _capex_refs(kind: str) -> tuple[SeriesRef, ...]:
    ids = {"ttm": "capex.{}.ttm", "share": "capex.share.{}"}
    return tuple(SeriesRef(ids[kind].format(t), ko, en, color=color)
                 for t, ko, en, color in CAPEX_COMPANIES)


def build_catalogue() -> list[ChartSpec]:
    """Fresh built-in chart specs, in the note's order, then the real-data charts."""
    return [
        ChartSpec(
            id="openrouter_tokens",
            title_ko="OpenRouter 토큰 사용량",
            title_en="OpenRouter token usage",
            kind="area_stacked",
            series=(SeriesRef("openrouter.tokens.*"),),
            transforms=(TransformStep("resample", {"rule": "W"}),),
            unit_ko="십억 토큰 (주간)",
            unit_en="bn tokens (weekly)",
        ),
        ChartSpec(
            id="coding_agent_intensity",
            title_ko="주요 Coding Agent 활용 강도 (백만회 달성일 = 100)",
            title_en="Coding-agent usage intensity (day of 1M downloads = 100)",
            kind="line",
            series=(SeriesRef("npm.downloads.*"),),
            transforms=(
                TransformStep(
                    "rebase_at_threshold",
                    {"threshold": NPM_INTENSITY_THRESHOLD, "cumulative": True},
                ),
            ),
            note_ko="업데이트 및 다운로드 수 기준",
            note_en="Based on update and download counts",
            x_mode="days_since",
            **_INDEX,
        ),
        ChartSpec(
            id="gpu_rent_silicondata",
            title_ko="GPU 렌탈 가격 추이 (SiliconData)",
            title_en="GPU rental price (SiliconData H100 index)",
            kind="line",
            series=(SeriesRef("silicondata.h100_index", "H100 지수", "H100 index"),),
            **_USD_PER_GPU_HOUR,
        ),
        ChartSpec(
            id="llm_share",
            title_ko="LLM 별 점유율 추이",
            title_en="LLM traffic share",
            kind="area_pct",
            # StatCounter's referral share (real) when fetched; until then the note's SimilarWeb
            # visit share (illustrative). The source line names whichever is drawn.
            series=(
                SeriesRef("statcounter.share.*"),
                SeriesRef("similarweb.share.*", unless=("statcounter.share.*",)),
            ),
            transforms=(TransformStep("share_of_total"),),
            **_PCT,
        ),
        ChartSpec(
            id="ai_lab_arr",
            title_ko="주요 AI Labs ARR 추이",
            title_en="AI lab ARR",
            kind="line",
            series=(SeriesRef("epoch.arr.*"),),
            points="reports",  # point-in-time figures: steps, one marker per report
            **_USD_BN,
        ),
        ChartSpec(
            id="ai_lab_valuation",
            title_ko="주요 AI Labs 기업가치 추이",
            title_en="AI lab valuation (post-money)",
            kind="line",
            series=(SeriesRef("epoch.valuation.*"),),
            points="reports",  # point-in-time figures: steps, one marker per report
            **_USD_BN,
        ),
        ChartSpec(
            id="inference_cost_tiers",
            title_ko="지능 수준 별 LLM 추론 비용 추이",
            title_en="LLM inference cost by intelligence tier",
            kind="log",
            series=(
                SeriesRef("aa.inference_cost.frontier", "최선단", "Frontier"),
                SeriesRef("aa.inference_cost.near_frontier", "차선단", "Near-frontier"),
                SeriesRef("aa.inference_cost.mid", "중간", "Mid"),
                SeriesRef("aa.inference_cost.small", "소형", "Small"),
                SeriesRef("aa.inference_cost.*"),
            ),
            unit_ko="달러/백만 토큰 (로그)",
            unit_en="USD per 1M tokens (log)",
        ),
        # the note's Compute Multiplier section: computed series (core/charts/derived.py)
        ChartSpec(
            id="spec_decoding_vs_usual",
            title_ko="기존 방식과 MTP + Speculative decoding 비교",
            title_en="Usual decoding vs MTP + speculative decoding",
            kind="bar",
            series=(SeriesRef(SPEC_DECODING_SPEED, MODEL_SOURCE_KO, MODEL_SOURCE_EN,
                              color="deepseek"),),
            x_mode="param",
            unit_ko="배, 기존 방식 = 1",
            unit_en="x, usual decoding = 1",
            note_ko=f"모형 추정, 노트에 없는 가정 입력: {spec_decoding_inputs('ko')}. "
                    "속도 = 스텝당 생성 토큰 ÷ (1 + 초안 토큰 수 × 초안 비용) (Leviathan et al. 2023)",
            note_en=f"Model estimate; inputs the note does not give (assumed): "
                    f"{spec_decoding_inputs('en')}. Speed = tokens per step / (1 + draft tokens x "
                    "draft cost) (Leviathan et al. 2023)",
        ),
        ChartSpec(
            id="dspark_speedup",
            title_ko="Dspark 적용 전후 동일 모델 속도 (DeepSeek V4)",
            title_en="Same model, with and without Dspark (DeepSeek V4)",
            kind="bar",
            series=(SeriesRef(DSPARK_SPEED, "노트 수치", "The note's figure", color="deepseek"),),
            x_mode="param",
            unit_ko="배, 적용 전 = 1",
            unit_en="x, before Dspark = 1",
            note_ko="2026년 6월 DeepSeek 신규 V4 모델에 spec decoding 방식 'Dspark' 적용, 모델 "
                    "속도 85% 향상 (Latency 축소) — 노트 원문",
            note_en="June 2026: DeepSeek applied 'Dspark' (speculative decoding) to its new V4 "
                    "model, 85% faster with lower latency — as the note states",
        ),
        ChartSpec(
            id="meta_ads",
            title_ko="Meta 광고 단가 및 노출량 추이",
            title_en="Meta ad price and impressions",
            kind="bar",
            series=(
                SeriesRef("meta.ad_price_yoy", "광고 단가", "Avg. price per ad", color="meta"),
                SeriesRef(
                    "meta.ad_impressions_yoy",
                    "광고 노출량",
                    "Ad impressions",
                    color="meta_secondary",
                ),
            ),
            unit_ko="% YoY",
            unit_en="% YoY",
        ),
        ChartSpec(
            id="cds_oracle_coreweave",
            title_ko="Oracle, CoreWeave CDS 스프레드",
            title_en="Oracle and CoreWeave CDS spread",
            kind="line",
            # FRED's ICE BofA index spreads are rating-band PROXIES, not CDS: their own ids (the
            # cds.* glob cannot take them), their own labels, drawn only when cached
            series=(
                SeriesRef("cds.*"),
                SeriesRef(PROXY_BBB, "BBB 회사채 OAS (대용치, CDS 아님)", "US BBB OAS (proxy, not CDS)"),
                SeriesRef(PROXY_HY, "하이일드 OAS (대용치, CDS 아님)", "US HY OAS (proxy, not CDS)"),
            ),
            unit_ko="bp",
            unit_en="bp",
        ),
        ChartSpec(
            id="gpu_rent_b200_h100",
            title_ko="B200, H100 렌탈 가격 추이",
            title_en="B200 and H100 rental price",
            kind="line",
            series=(
                SeriesRef("gpu_rent.b200.median", "B200", "B200"),
                SeriesRef("gpu_rent.h100.median", "H100", "H100"),
            ),
            note_ko="일별 공개 오퍼 중앙값",
            note_en="Daily median of public offers",
            **_USD_PER_GPU_HOUR,
        ),
        ChartSpec(
            id="coding_agent_commit_share",
            title_ko="주요 Coding Agent GitHub 커밋 점유율",
            title_en="Coding agents' share of public GitHub commits",
            kind="area_stacked",
            series=tuple(
                SeriesRef(f"agents.share.{agent}")
                for agent in ("claude", "cursor_editor", "copilot", "cursor_bg", "jules", "devin")
            ),
            transforms=(TransformStep("moving_average", {"window": 7}),),
            # the agents left out are named on the image (issue 17: no silent omission)
            note_ko="전체 공개 커밋 대비 비중, 7일 이동평균; Codex, Aider, Amp, Amazon Q, Junie, "
                    "OpenCode, Windsurf는 제외",
            note_en="Share of all public commits, 7-day moving average; Codex, Aider, Amp, "
                    "Amazon Q, Junie, OpenCode and Windsurf not shown",
            **_PCT,
        ),
        ChartSpec(
            id="coding_agent_commit_intensity",
            title_ko="주요 Coding Agent 커밋 강도 (누적 1만건 달성일 = 100)",
            title_en="Coding-agent commit intensity (day of 10k cumulative commits = 100)",
            kind="log",
            series=(SeriesRef("agents.commits.*", exclude=("agents.commits.total",)),),
            transforms=(
                TransformStep(
                    "rebase_at_threshold",
                    {"threshold": COMMIT_INTENSITY_THRESHOLD, "cumulative": True},
                ),
            ),
            note_ko="Agent 서명이 있는 GitHub 공개 커밋 누적 기준",
            note_en="Based on cumulative public GitHub commits signed by each agent",
            x_mode="days_since",
            **_INDEX,
        ),
        ChartSpec(
            id="gpu_rent_by_model",
            title_ko="GPU 모델별 렌탈 가격 (중앙값)",
            title_en="GPU rental price by model (median)",
            kind="line",
            series=(SeriesRef("gpu_rent.*.median"),),
            note_ko="일별 공개 오퍼 중앙값",
            note_en="Daily median of public offers",
            **_USD_PER_GPU_HOUR,
        ),
        ChartSpec(
            id="ai_capex",
            title_ko="주요 AI Capex",
            title_en="Major AI capex",
            kind="area_stacked",
            series=_capex_refs("ttm"),
            note_ko="현금흐름표 유형자산 취득액 최근 4분기 합, 달력 분기말 기준 (공시 기준)",
            note_en="Purchases of property and equipment, trailing four quarters, at calendar "
                    "quarter ends (as filed)",
            unit_ko="십억달러 (최근 4분기 합)",
            unit_en="USD bn (trailing four quarters)",
        ),
        ChartSpec(
            id="ai_capex_share",
            title_ko="주요 AI Capex 중 기업별 비중",
            title_en="Share of major AI capex by company",
            kind="area_pct",
            series=_capex_refs("share"),
            note_ko="최근 4분기 Capex 기준. 노트: Meta 2026F 17%, 2027F 14%",
            note_en="Trailing-four-quarter capex. Note: Meta 17% in 2026F, 14% in 2027F",
            **_PCT,
        ),
    ]


def catalogue_by_id() -> dict[str, ChartSpec]:
    """Built-in charts keyed by id."""
    return {spec.id: spec for spec in build_catalogue()}
