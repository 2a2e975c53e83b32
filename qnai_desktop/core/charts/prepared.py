"""What a prepared chart hands to the Qt view and the exporter: arrays, labels, flags, table."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from qnai_desktop.core.annotations import Annotation
from qnai_desktop.core.charts.lines import note_line
from qnai_desktop.core.charts.omissions import Omission, omission_sentences
from qnai_desktop.core.charts.spec import ChartSpec
from qnai_desktop.core.phrases import CATEGORY, DATE, DAYS_SINCE, X_AXIS


@dataclass(frozen=True)
class PreparedSeries:
    """One plotted line/area/bar: x (epoch seconds, days since base, or the input's value on a
    parameter chart) and y as float arrays."""

    series_id: str
    key: str
    label_ko: str
    label_en: str
    axis: str
    color: str
    unit: str
    is_demo: bool
    x: np.ndarray
    y: np.ndarray
    base_date: pd.Timestamp | None = None

    def label(self, lang: str) -> str:
        return self.label_ko if lang == "ko" else self.label_en

    def __len__(self) -> int:
        return len(self.x)


@dataclass(frozen=True)
class PreparedChart:
    """A chart ready to draw: everything a view or exporter needs, no further data access."""

    spec: ChartSpec
    series: tuple[PreparedSeries, ...]
    table: pd.DataFrame
    source_ko: str
    source_en: str
    skipped: dict[str, str] = field(default_factory=dict)
    #: A category chart's x positions and their names, (x, ko, en) left to right; empty when x
    #: is numeric (see core/param_axis.py ``names_ko``).
    categories: tuple[tuple[float, str, str], ...] = ()
    #: series left out, as the footnote names them (core/charts/omissions.py)
    omitted: tuple[Omission, ...] = ()
    #: newest raw observation of each plotted series (None on a parameter chart) and its
    #: frequency: the as-of stamp and the stale mark on the image (core/charts/stamp.py)
    last_dates: dict[str, date | None] = field(default_factory=dict)
    frequencies: dict[str, str] = field(default_factory=dict)
    #: Dated events, callouts and difference arrows to draw over the chart (core/annotations.py);
    #: the caller attaches them (``with_annotations``) — every view and image draws what is here.
    annotations: tuple[Annotation, ...] = ()

    @property
    def x_is_date(self) -> bool:
        """True: x is epoch seconds (use a date axis); False: days since the base date, or a
        model input's value (``x_mode``)."""
        return self.spec.x_mode == "date"

    @property
    def x_mode(self) -> str:
        return self.spec.x_mode

    def x_title(self, lang: str) -> str:
        """What the x column / axis is: 날짜 / 경과일 / the input's name and unit."""
        if self.spec.x_mode == "param":
            return self.spec.x_title(lang) or (CATEGORY if self.categories else X_AXIS).pick(lang)
        if self.x_is_date:
            return DATE.pick(lang)
        return DAYS_SINCE.pick(lang)

    def category_ticks(self, lang: str) -> list[tuple[float, str]]:
        """(x, name) of each category, for the x axis; [] on a numeric or date axis."""
        return [(x, ko if lang == "ko" else en) for x, ko, en in self.categories]

    @property
    def is_demo(self) -> bool:
        """True when any plotted series is illustrative: the view must show the badge."""
        return any(s.is_demo for s in self.series)

    def with_annotations(self, annotations) -> PreparedChart:
        """This chart with ``annotations`` (those of this chart, ordered by date) to draw."""
        mine = sorted((a for a in annotations if a.chart_id == self.spec.id), key=lambda a: (a.day, a.id))
        return replace(self, annotations=tuple(mine))

    @property
    def demo_series(self) -> list[str]:
        return [s.series_id for s in self.series if s.is_demo]

    @property
    def is_empty(self) -> bool:
        return not any(len(s) for s in self.series)

    def title(self, lang: str) -> str:
        return self.spec.title(lang)

    def source(self, lang: str) -> str:
        return self.source_ko if lang == "ko" else self.source_en

    def note(self, lang: str, extra: tuple[str, ...] = ()) -> str:
        """``주: <the chart's note>; <who is left out and why>`` — the footnote every output
        prints under the chart (``extra``: more sentences, such as the series hidden on screen)."""
        return note_line(self.spec, lang, (*omission_sentences(self.omitted, lang), *extra))

    @property
    def as_of(self) -> date | None:
        """The newest observation shown (raw dates, also on a days-since chart)."""
        dates = [d for d in self.last_dates.values() if d is not None]
        return max(dates) if dates else None

    def unit(self, lang: str, axis: str = "left") -> str:
        return self.spec.unit(lang, axis)

    def table_for(self, lang: str) -> pd.DataFrame:
        """The plotted numbers with series labels as column headers (ids kept if labels clash)."""
        labels = [s.label(lang) for s in self.series]
        names = [
            label if labels.count(label) == 1 else f"{label} ({s.series_id})"
            for label, s in zip(labels, self.series, strict=True)
        ]
        out = self.table.rename(columns=dict(zip(self.table.columns, names, strict=True)))
        ticks = dict(self.category_ticks(lang))
        if ticks and all(x in ticks for x in out.index):  # a category chart: rows by name
            out.index = pd.Index([ticks[x] for x in out.index], dtype=object)
        out.index.name = self.x_title(lang)
        return out
