"""Where each series comes from and the one action that fills it — for a chart held back from a
pack ("no data: run `qnai-desktop refresh --source sec`") and for the sources overview.

Pure data: series-id patterns in catalogue order, each with the live source (its ``refresh``
name) or the import a real value needs, in Korean and English.
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


def _import(pattern: str, what_ko: str, what_en: str) -> FillHint:
    return FillHint(pattern, "", f"{what_ko} 파일을 가져오기(Ctrl+I) 또는 qnai-desktop import",
                    f"import a {what_en} file (Ctrl+I) or qnai-desktop import")


HINTS: tuple[FillHint, ...] = (
    _refresh("capex.*", "sec", "SEC 재무제표", "SEC filings",
             "설정에서 SEC User-Agent를 넣고 ", "set the SEC User-Agent in Settings, then "),
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
    _refresh("meta.ads.*", "meta_ads", "Meta 실적 발표", "Meta's earnings releases"),
    _refresh("spread_proxy.*", "fred", "FRED 신용스프레드", "FRED credit spreads"),
    _import("cds.*", "Bloomberg CDS", "Bloomberg CDS"),
    _import("silicondata.*", "Bloomberg SiliconData(SDH100RT Index)",
            "Bloomberg SiliconData (SDH100RT Index)"),
    _import("similarweb.*", "SimilarWeb", "SimilarWeb"),
)


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
