"""Charts held back from a pack: a chart with no data is not exported — an empty picture would
go out under her name — and the pack says which, why, and how to fill it (CLI, publish and the
window's pack dialog all go through :func:`hold_back`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qnai_desktop.core.charts import PreparedChart

if TYPE_CHECKING:
    from qnai_desktop.services.export_plan import ChartJob


@dataclass(frozen=True)
class HeldBack:
    """A chart left out of a pack because it has nothing to show, and how to fill it."""

    chart_id: str
    title_ko: str
    title_en: str
    reason_ko: str
    reason_en: str
    actions_ko: tuple[str, ...]
    actions_en: tuple[str, ...]

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en

    def reason(self, lang: str) -> str:
        return self.reason_ko if lang == "ko" else self.reason_en

    def actions(self, lang: str) -> tuple[str, ...]:
        return self.actions_ko if lang == "ko" else self.actions_en

    def line(self, lang: str) -> str:
        """One line for the CLI and the dialog: title — reason; what to do."""
        return f"{self.title(lang)} ({self.chart_id}) — {self.reason(lang)}; " + "; ".join(
            self.actions(lang))

    def to_dict(self) -> dict:
        return {"chart": self.chart_id, "title_ko": self.title_ko, "title_en": self.title_en,
                "reason_ko": self.reason_ko, "reason_en": self.reason_en,
                "actions_ko": list(self.actions_ko), "actions_en": list(self.actions_en)}


def _titled(prepared: PreparedChart, ids: Sequence[str], lang: str, most: int = 4) -> str:
    """The series by the chart's titles where it has them (마이크로소프트, not capex.msft.ttm)."""
    titled = {o.series_id: o.label(lang) for o in prepared.omitted if o.label(lang)}
    shown = [titled.get(sid, sid) for sid in ids]
    return ", ".join(shown[:most]) + ("…" if len(shown) > most else "")


def hold_back(jobs: Sequence[ChartJob]) -> tuple[list[ChartJob], list[HeldBack]]:
    """(charts to export, charts held back): a chart with no data in range is not exported —
    an empty picture would go out under her name — and says how to fill it."""
    from qnai_desktop.core.charts.fill_hints import fill_actions

    kept: list[ChartJob] = []
    held: list[HeldBack] = []
    for job in jobs:
        p = job.prepared
        if not p.is_empty:
            kept.append(job)
            continue
        absent = [sid for sid, why in p.skipped.items() if why in ("not in cache", "no observations")]
        wanted = absent or [ref.series_id for ref in job.spec.series]
        if absent:
            reason_ko = f"캐시에 없는 시리즈: {_titled(p, absent, 'ko')}"
            reason_en = f"series not in the cache: {_titled(p, absent, 'en')}"
        else:
            reason_ko, reason_en = "기간 안에 데이터가 없음", "no data in the chart's range"
        held.append(HeldBack(job.chart_id, p.title("ko"), p.title("en"), reason_ko, reason_en,
                             tuple(fill_actions(wanted, "ko")), tuple(fill_actions(wanted, "en"))))
    return kept, held
