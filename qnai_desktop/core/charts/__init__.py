"""Chart catalogue (charts as data), source/note lines, colours and pure chart preparation."""

from qnai_desktop.core.charts.catalogue import build_catalogue, catalogue_by_id
from qnai_desktop.core.charts.colors import color_for, colors_for
from qnai_desktop.core.charts.lines import HOUSE_NAME, chart_sources, note_line, source_line
from qnai_desktop.core.charts.prepare import prepare
from qnai_desktop.core.charts.prepared import PreparedChart, PreparedSeries
from qnai_desktop.core.charts.resolve import resolve_refs, resolve_series, unresolved_refs
from qnai_desktop.core.charts.spec import KINDS, X_MODES, ChartSpec, SeriesRef, TransformStep

__all__ = [
    "HOUSE_NAME",
    "KINDS",
    "X_MODES",
    "ChartSpec",
    "PreparedChart",
    "PreparedSeries",
    "SeriesRef",
    "TransformStep",
    "build_catalogue",
    "catalogue_by_id",
    "chart_sources",
    "color_for",
    "colors_for",
    "note_line",
    "prepare",
    "resolve_refs",
    "resolve_series",
    "source_line",
    "unresolved_refs",
]
