"""Pre-export check: what a reader of the slide would be misled by. Pure; export still proceeds.

Each finding is an :class:`ExportWarning` value (ko/en text) that the dialog lists, the CLI prints
and the manifest records. Kinds: ``stale`` (a series stopped updating), ``demo`` (illustrative
data — the image also carries a visible mark; a parameter chart of scenario curves has no dates,
so it is never stale), ``empty`` (nothing to plot), ``missing`` (a series
the chart asks for is not in the cache), ``small_text`` (text unreadable at the chosen size).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from qnai_desktop.core.charts.prepared import PreparedChart
from qnai_desktop.core.series import FREQUENCIES

KINDS = ("stale", "demo", "empty", "missing", "small_text")

#: A series is stale when its newest point is older than this many periods plus a week's grace
#: (weekends and holidays for daily data, publication lag for monthly and quarterly data).
STALE_PERIODS = 2
STALE_GRACE_DAYS = 7

#: Below this many pixels in the final image glyphs blur beyond easy reading.
MIN_TEXT_PX = 10.0
#: Text relative to the image: placed across a 16:9 slide (13.33 in = 960 pt wide), text below
#: this many points cannot be read in a meeting room. Catches styles or widgets whose text does
#: not grow with the image (the pyqtgraph legend pitfall, pyqtgraph #1767).
MIN_SLIDE_PT = 6.5
SLIDE_WIDTH_PT = 960.0


@dataclass(frozen=True)
class ExportWarning:
    """One finding about one chart."""

    chart_id: str
    kind: str
    message_ko: str
    message_en: str
    series: tuple[str, ...] = field(default_factory=tuple)

    def message(self, lang: str) -> str:
        return self.message_ko if lang == "ko" else self.message_en

    def to_dict(self) -> dict:
        return {"chart": self.chart_id, "kind": self.kind, "message_ko": self.message_ko,
                "message_en": self.message_en, "series": list(self.series)}


def stale_after_days(frequency: str) -> int:
    """Days without a new point after which a series of this frequency counts as stale."""
    return STALE_PERIODS * FREQUENCIES.get(frequency, 1) + STALE_GRACE_DAYS


def stale_series(last_dates: Mapping[str, date | None], frequencies: Mapping[str, str],
                 today: date) -> list[tuple[str, date, int]]:
    """(series id, last date, days old) for each series older than its frequency allows."""
    out = []
    for sid, last in last_dates.items():
        if last is None:
            continue
        age = (today - last).days
        if age > stale_after_days(frequencies.get(sid, "D")):
            out.append((sid, last, age))
    return out


def slide_point_size(text_px: float, image_width_px: float) -> float:
    """Point size of ``text_px`` once an ``image_width_px``-wide image spans a 16:9 slide."""
    return text_px / image_width_px * SLIDE_WIDTH_PT


def text_size_problem(text_px: float, image_width_px: float) -> str | None:
    """``"pixels"`` / ``"slide"`` when text of ``text_px`` final pixels is too small, else None."""
    if text_px < MIN_TEXT_PX:
        return "pixels"
    if slide_point_size(text_px, image_width_px) < MIN_SLIDE_PT:
        return "slide"
    return None


def check_chart(
    prepared: PreparedChart,
    *,
    last_dates: Mapping[str, date | None],
    frequencies: Mapping[str, str],
    today: date,
    smallest_text_px: float | None = None,
    image_width_px: int | None = None,
) -> list[ExportWarning]:
    """Every finding for one chart about to be exported (an empty list: nothing to say)."""
    cid = prepared.spec.id
    found: list[ExportWarning] = []
    if prepared.is_empty:
        found.append(ExportWarning(cid, "empty", "그릴 데이터가 없는 차트입니다",
                                   "The chart has no data to plot"))
    missing = tuple(sorted(k for k, why in prepared.skipped.items()
                           if why in ("not in cache", "no observations")))
    if missing:
        found.append(ExportWarning(
            cid, "missing", f"캐시에 없는 시리즈: {', '.join(missing)}",
            f"Series not in the cache: {', '.join(missing)}", missing))
    # a parameter chart's stored days are placeholders (core/param_axis.py): never "stale"
    plotted = {s.series_id for s in prepared.series} if prepared.x_mode != "param" else set()
    stale = stale_series({k: v for k, v in last_dates.items() if k in plotted}, frequencies, today)
    if stale:
        ids = tuple(sid for sid, _, _ in stale)
        first, last = min(d for _, d, _ in stale), max(d for _, d, _ in stale)
        span = f"{first:%Y-%m-%d}" + (f"~{last:%Y-%m-%d}" if last != first else "")
        days = min(age for _, _, age in stale)
        found.append(ExportWarning(
            cid, "stale", f"오래된 데이터: 시리즈 {len(ids)}개의 마지막 관측일 {span} ({days}일 이상 경과)",
            f"Stale data: {len(ids)} series last observed {span} ({days}+ days ago)", ids))
    if prepared.is_demo:
        ids = tuple(prepared.demo_series)
        n = len(prepared.series)
        found.append(ExportWarning(
            cid, "demo", f"예시 데이터 포함 (이미지에 표시됨): 시리즈 {n}개 중 {len(ids)}개",
            f"Illustrative data (marked on the image): {len(ids)} of {n} series", ids))
    if smallest_text_px is not None and image_width_px:
        problem = text_size_problem(smallest_text_px, image_width_px)
        if problem:
            pt = slide_point_size(smallest_text_px, image_width_px)
            found.append(ExportWarning(
                cid, "small_text",
                f"이 크기에서는 글자가 너무 작습니다 (최소 {smallest_text_px:.0f}px, "
                f"슬라이드 폭에서 약 {pt:.0f}pt)",
                f"Text too small at this size (smallest {smallest_text_px:.0f} px, "
                f"about {pt:.0f} pt across a slide)"))
    return found
