"""Where each series comes from and the one action that fills it — for a chart held back from a
pack ("no data: run `qnai-desktop refresh --source sec`") and for the sources overview
(``services/coverage.py``, ``qnai-desktop sources``).

Pure data: series-id patterns in catalogue order, each with the live source (its ``refresh``
name; ``links`` for the Bloomberg series a linked workbook fills) or the import a real value
needs, in Korean and English; and the series that are real data but only a **proxy** for what
the note shows (:data:`PROXIES`), with the sentence that says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from ..phrases import IMPORT_SERIES


@dataclass(frozen=True)
class FillHint:
    """How a group of series gets real data."""

    pattern: str
    source: str  # a refresh source name, or "" when only an import can fill it
    action_ko: str
    action_en: str

    def action(self, lang: str) -> str:
        return self.action_ko if lang == "ko" else self.action_en


def _refresh(pattern: str, source: str, what_ko: str, what_en: str, extra_ko: str = "",
             extra_en: str = "") -> FillHint:
    return FillHint(pattern, source,
                    f"{extra_ko}{what_ko} 새로고침: qnai-desktop refresh --source {source}",
                    f"{extra_en}refresh {what_en}: qnai-desktop refresh --source {source}")


#: The Bloomberg workbook she opens in Excel with the add-in, saves, and links once.
BLOOMBERG_TEMPLATE = "resources/templates/bloomberg_note_series.xlsx"


def _link(pattern: str, what_ko: str, what_en: str) -> FillHint:
    return FillHint(pattern, "links",
                    f"{what_ko}: Bloomberg 통합 문서({BLOOMBERG_TEMPLATE})를 Bloomberg 애드인으로 "
                    "채워 저장한 뒤 한 번 연결: qnai-desktop links add 파일",
                    f"{what_en}: fill the Bloomberg workbook ({BLOOMBERG_TEMPLATE}) with the "
                    "add-in, save it and link it once: qnai-desktop links add FILE")


def _import(pattern: str, what_ko: str, what_en: str) -> FillHint:
    return FillHint(pattern, "", f"{what_ko} 파일을 가져오기(Ctrl+I) 또는 qnai-desktop import",
                    f"import a {what_en} file (Ctrl+I) or qnai-desktop import")


#: The step the SEC-backed sources need first; dropped from the action once it is done.
SEC_SETUP_KO, SEC_SETUP_EN = "설정에서 SEC User-Agent를 넣고 ", "set the SEC User-Agent in Settings, then "


def without_setup(action: str) -> str:
    """The action with the SEC User-Agent step removed (for when it is already set)."""
    for step in (SEC_SETUP_KO, SEC_SETUP_EN):
        if action.startswith(step):
            return action[len(step):]
    return action


HINTS: tuple[FillHint, ...] = (
    _refresh("capex.*", "sec", "SEC 재무제표", "SEC filings", SEC_SETUP_KO, SEC_SETUP_EN),
    _refresh("agents.*", "coding_agents", "코딩 에이전트 커밋", "the coding-agent tracker"),
    _refresh("gpu_rent.*", "gpurentalprices", "GPU 임대료", "GPU rent"),
    _refresh("npm.*", "npm", "npm 다운로드", "npm downloads"),
    _refresh("openrouter.*", "openrouter_rankings", "OpenRouter 순위", "OpenRouter rankings",
             "설정에서 OpenRouter 키를 넣고 ", "set the OpenRouter key in Settings, then "),
    _refresh("epoch.*", "epoch", "Epoch AI", "Epoch AI"),
    _refresh("aa.*", "artificial_analysis", "Artificial Analysis", "Artificial Analysis",
             "설정에서 Artificial Analysis 키를 넣고 ",
             "set the Artificial Analysis key in Settings, then "),
    _refresh("statcounter.*", "statcounter", "StatCounter", "StatCounter"),
    # the provider's ids are meta.ad_price_yoy / meta.ad_impressions_yoy (a "meta.ads.*" pattern
    # matched neither, so a held-back Meta chart said "import the series")
    _refresh("meta.ad_*", "meta_ads", "Meta 실적 발표", "Meta's earnings releases",
             SEC_SETUP_KO, SEC_SETUP_EN),
    _refresh("spread_proxy.*", "fred", "FRED 신용스프레드", "FRED credit spreads"),
    _link("cds.*", "Bloomberg CDS", "Bloomberg CDS"),
    _link("silicondata.*", "SiliconData H100 지수(SDH100RT Index)",
          "SiliconData H100 index (SDH100RT Index)"),
    _link("bbg.*", "Bloomberg 컨센서스 PER·시가총액", "Bloomberg consensus P/E and market cap"),
    _import("similarweb.*", "SimilarWeb", "SimilarWeb"),
)


@dataclass(frozen=True)
class Proxy:
    """Real data that stands in for what the note shows, and the sentence that says so."""

    pattern: str
    note_ko: str
    note_en: str

    def note(self, lang: str) -> str:
        return self.note_ko if lang == "ko" else self.note_en


PROXIES: tuple[Proxy, ...] = (
    Proxy("spread_proxy.*", "신용스프레드 대용치, CDS 아님 (FRED의 ICE BofA 회사채 OAS)",
          "credit-spread proxy, not CDS (ICE BofA corporate OAS from FRED)"),
    Proxy("statcounter.share.*", "StatCounter 유입(referral) 점유율 — 노트의 SimilarWeb 방문 점유율이 아님",
          "StatCounter referral share — not the note's SimilarWeb visit share"),
)


def proxy_for(series_id: str) -> Proxy | None:
    return next((p for p in PROXIES if fnmatchcase(series_id, p.pattern)), None)


def hint_for(series_id: str) -> FillHint | None:
    return next((h for h in HINTS if fnmatchcase(series_id, h.pattern)), None)


def fill_actions(series_ids: Iterable[str], lang: str) -> list[str]:
    """The distinct actions that would fill ``series_ids`` (unknown ids: import them)."""
    out: list[str] = []
    unknown = []
    for sid in series_ids:
        hint = hint_for(sid)
        if hint is None:
            unknown.append(sid)
        elif hint.action(lang) not in out:
            out.append(hint.action(lang))
    if unknown:
        names = ", ".join(unknown[:3]) + ("…" if len(unknown) > 3 else "")
        out.append(IMPORT_SERIES.format(names=names).pick(lang))
    return out
