"""The note's watch points as alert rules a new cache starts with (armed, enabled).

Each rule carries the note's own sentence as its reason, so an alert says which thesis it
tests. Thresholds are the analyst's morning-check figures: a CDS rise of 60 bp in 20 days, an H100
median rent 4% lower than a month before, the B200 premium over H100 shrinking by a tenth in a
month (newest GPUs sold off first would be the oversupply the note does not yet see).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..localized import Localized
from .definitions import B200_H100_RATIO_ID

# The note's sentences, quoted as written ("안정적 B200, H100 대여 가격이 보여주는 결론").
REASON_CDS = Localized("한동안 안정적이었던 Oracle, Coreweave의 CDS spread가 다시 올라올 수 있는 계기",
                       "Oracle's and CoreWeave's CDS spreads, stable for a while, could rise again")
REASON_RENT = Localized("실제로 GPU 대여 가격에 우려가 전가되는지 주목 필요",
                        "Watch whether the worries actually pass through to GPU rental prices")
REASON_RATIO = Localized("아직까지는 B200, H100 대여 가격 견고, 산업계에는 과잉 공급 우려 제한적",
                         "B200 and H100 rents still firm: the industry sees little oversupply so far")

CDS_RISE_BP, CDS_DAYS = 60, 20
RENT_DROP_PCT, RATIO_DROP_PCT, MONTH_DAYS = 4, 10, 30


@dataclass(frozen=True)
class WatchRule:
    """One seeded rule: its name (content, both languages), condition and the note's reason."""

    key: str
    name: Localized
    spec: dict[str, Any]
    reason: Localized


def _cds(series: str) -> dict[str, Any]:
    return {"kind": "change_over", "series": series, "n_days": CDS_DAYS, "measure": "diff",
            "direction": "up", "threshold": CDS_RISE_BP}


def _drop(series: str, pct: float) -> dict[str, Any]:
    return {"kind": "change_over", "series": series, "n_days": MONTH_DAYS, "measure": "pct",
            "direction": "down", "threshold": pct}


WATCH_RULES: tuple[WatchRule, ...] = (
    WatchRule("cds_coreweave", Localized("코어위브 CDS 급등", "CoreWeave CDS jump"),
              _cds("cds.coreweave_5y"), REASON_CDS),
    WatchRule("cds_oracle", Localized("오라클 CDS 급등", "Oracle CDS jump"),
              _cds("cds.oracle_5y"), REASON_CDS),
    WatchRule("rent_h100", Localized("H100 대여 가격 하락", "H100 rent drop"),
              _drop("gpu_rent.h100.median", RENT_DROP_PCT), REASON_RENT),
    WatchRule("rent_ratio", Localized("B200/H100 가격 비율 하락", "B200/H100 rent ratio drop"),
              _drop(B200_H100_RATIO_ID, RATIO_DROP_PCT), REASON_RATIO),
)

_SEEDED_NAMES = {n: w.name for w in WATCH_RULES for n in (w.name.ko, w.name.en)}


def rule_display_name(name: str, lang: str) -> str:
    """A seeded watch point's name in the UI language ("코어위브 CDS 급등" reads "CoreWeave CDS
    jump" in the English UI); any other name — hers, or one she changed — as stored."""
    seeded = _SEEDED_NAMES.get(name.strip())
    return seeded.pick(lang) if seeded is not None else name
