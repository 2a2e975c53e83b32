"""The as-of stamp every chart carries on its image: ``기준: 2026-07-31`` / ``As of 2026-07-31``,
and, when its data stopped updating (the export check's threshold per frequency,
core/export_checks.py), how old it is: ``기준: 2026-07-31 · 129일 경과``. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qnai_desktop.core.charts.omissions import MAX_NAMES
from qnai_desktop.core.charts.prepared import PreparedChart
from qnai_desktop.core.export_checks import stale_series
from qnai_desktop.core.phrases import AS_OF_STAMP, NAMES_MORE, STALE_ALL, STALE_SOME


@dataclass(frozen=True)
class ChartStamp:
    """The newest observation shown, and the age of what is stale (None: all fresh)."""

    as_of: date
    stale_days: int | None = None
    #: the stale series' labels (ko, en) when only some are stale; empty when all are
    stale_ko: tuple[str, ...] = ()
    stale_en: tuple[str, ...] = ()

    @property
    def stale(self) -> bool:
        return self.stale_days is not None

    def text(self, lang: str) -> str:
        out = AS_OF_STAMP.pick(lang).format(date=self.as_of.isoformat())
        if self.stale_days is None:
            return out
        labels = self.stale_ko if lang == "ko" else self.stale_en
        if not labels:
            return out + STALE_ALL.pick(lang).format(days=self.stale_days)
        names = ", ".join(labels[:MAX_NAMES])
        if len(labels) > MAX_NAMES:
            names = NAMES_MORE.pick(lang).format(names=names, n=len(labels) - MAX_NAMES)
        return out + STALE_SOME.pick(lang).format(names=names, days=self.stale_days)


def chart_stamp(prepared: PreparedChart, today: date) -> ChartStamp | None:
    """The stamp of ``prepared`` on ``today``; None when nothing dated is plotted (an empty
    chart, a parameter chart of scenario curves)."""
    last = {sid: d for sid, d in prepared.last_dates.items() if d is not None}
    if not last or prepared.x_mode == "param":
        return None
    as_of = max(last.values())
    stale = stale_series(last, prepared.frequencies, today)
    if not stale:
        return ChartStamp(as_of)
    if len(stale) == len(last):
        return ChartStamp(as_of, (today - as_of).days)
    by_id = {s.series_id: s for s in prepared.series}
    ids = [sid for sid, _, _ in stale]
    return ChartStamp(as_of, max(age for _, _, age in stale),
                      tuple(by_id[sid].label("ko") for sid in ids),
                      tuple(by_id[sid].label("en") for sid in ids))
