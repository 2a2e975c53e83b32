"""The note as a deck, in pure terms: its layout as data, axis scales, the coverage table."""

from qnai_desktop.core.deck.axes import DateTicks, Inner, PlotMap, Scale, date_ticks, log_scale, value_scale
from qnai_desktop.core.deck.layout import DeckLayout, PlannedSlide, SlideLayout, plan_slides
from qnai_desktop.core.deck.table import WatchlistTable, watchlist_table

__all__ = [
    "DateTicks",
    "DeckLayout",
    "Inner",
    "PlannedSlide",
    "PlotMap",
    "Scale",
    "SlideLayout",
    "WatchlistTable",
    "date_ticks",
    "log_scale",
    "plan_slides",
    "value_scale",
    "watchlist_table",
]
