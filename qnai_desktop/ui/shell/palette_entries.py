"""What the command palette can jump to: tickers, charts, monitors, scenarios, series, actions."""

from __future__ import annotations

from PySide6.QtGui import QAction

from ...core.charts import ChartSpec, build_catalogue
from ...core.localized import Localized
from ...core.monitors import DEFAULT_MONITORS
from ...core.palette import PaletteEntry
from ...core.scenarios import MODELS
from ..common.app_context import AppContext
from ..common.i18n import current_language


def build_entries(ctx: AppContext, actions: dict[str, QAction]) -> list[PaletteEntry]:
    cache, lang = ctx.cache, current_language()  # labels in the language on screen
    entries: list[PaletteEntry] = []
    for row in cache.watchlist.companies().itertuples():
        entries.append(PaletteEntry("ticker", row.ticker, f"{row.ticker} {row.name_ko} {row.name_en}"))
    specs = list(build_catalogue())
    for raw in cache.charts.list():
        try:
            specs.append(ChartSpec.from_dict(raw))
        except (KeyError, TypeError, ValueError):
            continue
    for spec in specs:
        title = Localized(spec.title_ko, spec.title_en)
        other = title.en if lang == "ko" else title.ko  # found by either title
        entries.append(PaletteEntry("chart", spec.id, title.pick(lang), (other,)))
    for mon in DEFAULT_MONITORS:
        label = Localized(mon.label_ko, mon.label_en).pick(lang)
        entries.append(PaletteEntry("monitor", mon.series_id, label, (mon.label_en, *mon.tickers)))
    for model in MODELS.values():
        title = Localized(model.title_ko, model.title_en).pick(lang)
        entries.append(PaletteEntry("scenario", model.id, title, (model.title_en,)))
    for sid, meta in cache.series.metas().items():
        entries.append(PaletteEntry("series", sid, meta.title(lang), (meta.title_en, meta.source)))
    for name, action in actions.items():
        label = action.text().replace("&", "")
        if label:
            entries.append(PaletteEntry("action", name, label, (name,)))
    return entries
