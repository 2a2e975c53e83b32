"""What a chart's slide says about its state: the as-of stamp, stale and illustrative marks, the
source line — the same words the images carry (issue 17), in the deck's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...core.export_checks import ExportWarning
from ...core.phrases import ILLUSTRATIVE_FLAG
from ..export_plan import ChartJob
from .text import DEMO_RED, MUTED, STALE_ORANGE

Run = tuple[str, str, bool]  # text, colour, bold


@dataclass(frozen=True)
class ChartMarks:
    """Stamp runs (inside the chart: the unit, the as-of date, the stale and illustrative marks),
    the lines under it, and the two flags."""

    stamp: tuple[Run, ...]
    source_lines: tuple[str, ...]
    demo: bool
    stale: bool
    #: the stamp as long as it can get (stale and illustrative): the room a chart keeps for it,
    #: so an update that adds a mark never runs it into the legend
    longest: str = ""

    @property
    def stamp_text(self) -> str:
        return "".join(t for t, _, _ in self.stamp)


def illustrative(lang: str) -> str:
    return ILLUSTRATIVE_FLAG.pick(lang)


def chart_marks(job: ChartJob, warnings: Sequence[ExportWarning], lang: str) -> ChartMarks:
    """The marks of ``job`` given its pre-export findings (``core.export_checks``)."""
    ko = lang == "ko"
    p = job.prepared
    units = [u for u in (p.unit(lang), p.unit(lang, "right")) if u]
    unit: list[Run] = [("(" + " / ".join(units) + ")  ", MUTED, False)] if units else []
    if job.undated and p.categories:  # bars by case (the note's figure or a model's): no curve
        stamp: list[Run] = [("날짜 없음" if ko else "Undated", MUTED, False)]
    elif job.undated:
        stamp = [("가정 기반 곡선 (날짜 없음)" if ko else "Assumption-based curve (undated)",
                  MUTED, False)]
    else:
        day = job.as_of.isoformat() if job.as_of else ("날짜 없음" if ko else "undated")
        stamp = [(("기준: " if ko else "As of ") + day, MUTED, False)]
    stale = next((w for w in warnings if w.kind == "stale"), None)
    stale_text = " · 오래된 데이터" if ko else " · Stale data"  # which series and since when: notes
    demo_text = " · " + illustrative(lang)
    if stale is not None:
        stamp.append((stale_text, STALE_ORANGE, True))
    if p.is_demo:
        stamp.append((demo_text, DEMO_RED, True))
    longest = "".join(t for t, _, _ in unit + stamp[:1]) + stale_text + demo_text
    stamp = unit + stamp
    source = p.source(lang)  # an illustrative chart's source line already says so (charts/lines)
    if p.is_demo and illustrative(lang) not in source:
        source += " · " + illustrative(lang)
    lines = tuple(line for line in (p.note(lang), source) if line)
    return ChartMarks(tuple(stamp), lines, p.is_demo, stale is not None, longest)
