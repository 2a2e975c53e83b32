"""Everything one deck shows, read from the cache once: the pack's charts, the coverage table,
annotations, the author, the published scenario cases, each chart's findings.

Reading happens here (the caller's thread and connection); building the deck afterwards needs
no cache, so the GUI can gather on its planning worker and write on its file thread.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from ...core.annotations import Annotation, annotations_from_rows
from ...core.deck.layout import DeckLayout
from ...core.export_checks import ExportWarning, check_chart
from ...paths import resources_dir
from ..export_plan import ChartJob, ExportOptions, HeldBack, manifest, plan_export

AUTHOR_KEY = "deck.author"
LAYOUT_FILE = "note_layout.json"


def load_layout(path: Path | str | None = None) -> DeckLayout:
    """The deck layout (``resources/deck/note_layout.json`` unless ``path``); ValueError when
    it is malformed, OSError when unreadable."""
    p = Path(path) if path else resources_dir() / "deck" / LAYOUT_FILE
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"deck layout {p}: not JSON ({exc.msg}, line {exc.lineno})") from None
    return DeckLayout.from_dict(data)


@dataclass
class DeckContent:
    """One deck's worth of data; no cache needed past :func:`gather_content`."""

    jobs: list[ChartJob]
    held: list[HeldBack]
    lang: str
    today: date
    layout: DeckLayout
    companies: pd.DataFrame
    author: str = ""
    annotations: dict[str, list[Annotation]] = field(default_factory=dict)
    cases: dict[str, dict] = field(default_factory=dict)  # chart id -> {"model", "case", "params"}
    warnings: dict[str, list[ExportWarning]] = field(default_factory=dict)
    records: dict[str, dict] = field(default_factory=dict)  # manifest chart records (notes)

    def job(self, chart_id: str) -> ChartJob:
        return next(j for j in self.jobs if j.chart_id == chart_id)

    @property
    def chart_ids(self) -> list[str]:
        return [j.chart_id for j in self.jobs]


def findings(jobs: Sequence[ChartJob], today: date) -> dict[str, list[ExportWarning]]:
    """The pre-export findings per chart (stale, illustrative, missing) without a renderer."""
    return {j.chart_id: check_chart(j.prepared, last_dates=j.last_dates, frequencies=j.frequencies,
                                    today=today) for j in jobs}


def gather_content(cache, jobs: Sequence[ChartJob], held: Sequence[HeldBack] = (), lang: str = "ko",
                   *, today: date | None = None, layout: DeckLayout | None = None,
                   author: str | None = None,
                   warnings: Mapping[str, Sequence[ExportWarning]] | None = None) -> DeckContent:
    """Read what the deck needs from ``cache`` (``warnings`` from a render, when there was one,
    replace the renderer-free findings)."""
    today = today or date.today()
    found = findings(jobs, today)
    for cid, ws in (warnings or {}).items():
        found[cid] = list(ws)
    ids = {j.chart_id for j in jobs}
    anns: dict[str, list[Annotation]] = {}
    for a in annotations_from_rows(cache.annotations.list()):
        if a.chart_id in ids:
            anns.setdefault(a.chart_id, []).append(a)
    cases = {}
    for spec in cache.charts.list():
        scenario = spec.get("scenario")
        if spec.get("id") in ids and isinstance(scenario, dict) and scenario.get("model"):
            cases[str(spec["id"])] = scenario
    info = manifest(plan_export(list(jobs), ExportOptions(formats=("pptx",), lang=lang)),
                    [w for ws in found.values() for w in ws], created_at="")
    return DeckContent(
        jobs=list(jobs), held=list(held), lang=lang, today=today,
        layout=layout or load_layout(), companies=cache.watchlist.companies(),
        author=(cache.settings.get(AUTHOR_KEY, "") or "") if author is None else author,
        annotations=anns, cases=cases, warnings=found, records=info["charts"])


def set_author(cache, name: str):
    """Store the deck's author (the cover line, e.g. "SK증권 해외주식/AI. 박제민")."""
    return cache.settings.set(AUTHOR_KEY, " ".join(name.split()))
