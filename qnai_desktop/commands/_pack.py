"""The pack as ``export`` and ``publish`` write it: Qt only for what needs drawing.

The deck (native charts), the workbook, CSV and the manifest come from services and need no Qt;
PNG/SVG/PDF — and the picture of a chart that cannot be native — are drawn through the window
(``args.window.render_pack``, the composition root's pack exporter). So a nightly
``--format pptx`` run never starts Qt unless some chart needs a picture.

Pictures come out of the pack exporter's own deck (one slide per chart, its picture named
"Chart", drawn without title and source lines); that deck is then replaced by the note's.
Everything lands in the output folder at once (``StagedFolder``); ``--update`` rewrites the
named deck in place instead (``services.deck.update_deck``: temporary file, swap, ``.bak``).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__

QT_FORMATS = ("png", "svg", "pdf")


@dataclass
class PackRun:
    """What a pack run wrote and found."""

    out_dir: Path | None
    files: list[Path] = field(default_factory=list)
    warnings: list = field(default_factory=list)
    seconds: float = 0.0
    deck: object | None = None  # services.deck.DeckReport
    update: object | None = None  # services.deck.UpdateReport
    drew: bool = False  # Qt was started


def _digest(path: Path) -> tuple[str, int]:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


def _pictures_from_deck(path: Path, jobs: Sequence) -> dict[str, bytes]:
    """The chart pictures of the pack exporter's deck (one slide per job, in job order)."""
    from pptx import Presentation

    prs = Presentation(str(path))
    out: dict[str, bytes] = {}
    for slide, job in zip(prs.slides, jobs, strict=False):
        pic = next((s for s in slide.shapes if s.name == "Chart" and hasattr(s, "image")), None)
        if pic is not None:
            out[job.chart_id] = pic.image.blob
    return out


def _render(window, jobs, options, target: Path, held, want_pictures: set[str]):
    """Draw ``jobs`` in the Qt formats of ``options`` into ``target`` (and, for the charts in
    ``want_pictures``, their deck pictures); returns (warnings, pictures)."""
    from ..services.export_plan import MANIFEST_NAME, deck_name

    qt = tuple(f for f in options.formats if f in QT_FORMATS)
    todo = list(jobs) if qt else [j for j in jobs if j.chart_id in want_pictures]
    formats = qt + (("pptx",) if want_pictures else ())
    style = window.load_house_style(options.style)
    result = window.render_pack(todo, replace(options, formats=formats), target, style, held)
    pictures: dict[str, bytes] = {}
    if want_pictures:
        old = target / deck_name(todo)
        pictures = {k: v for k, v in _pictures_from_deck(old, todo).items() if k in want_pictures}
        old.unlink()
    (target / MANIFEST_NAME).unlink(missing_ok=True)  # ours replaces it, deck and workbook in
    return list(result.warnings), pictures


def write_pack(window, jobs, held, options, out: Path | None, *, content=None,
               deck_charts: str = "native", update: Path | None = None) -> PackRun:
    """Write the pack for ``jobs`` into ``out`` (or update ``update`` in place); ``content``
    (services.deck.gather_content) is needed when the formats include pptx."""
    from ..services.deck import pictures_needed, update_deck, write_deck
    from ..services.deck.content import findings
    from ..services.deck.update import picture_charts
    from ..services.export_data import write_csv
    from ..services.export_plan import MANIFEST_NAME, StagedFolder, deck_name, manifest, plan_export
    from ..services.export_workbook import write_workbook

    started = time.perf_counter()
    run = PackRun(out)
    wants_deck = "pptx" in options.formats and content is not None
    want_pictures: set[str] = set()
    if wants_deck:
        want_pictures = set(pictures_needed(content, deck_charts))
        if update is not None:
            want_pictures |= set(picture_charts(update)) & set(content.chart_ids)
    needs_qt = any(f in QT_FORMATS for f in options.formats) or bool(want_pictures)
    found = findings(jobs, content.today if content is not None else datetime.now().date())
    pictures: dict[str, bytes] = {}

    def draw(target: Path) -> None:
        nonlocal pictures
        rendered, pictures = _render(window, jobs, options, target, held, want_pictures)
        by_chart: dict[str, list] = {}
        for w in rendered:
            by_chart.setdefault(w.chart_id, []).append(w)
        found.update(by_chart)  # a render measured text size too: its findings win
        run.drew = True

    if out is None:  # --update alone: nothing but the deck
        if needs_qt:
            with tempfile.TemporaryDirectory(prefix="qnai-pictures-") as tmp:
                draw(Path(tmp))
        content.warnings.update(found)
        run.update = update_deck(content, update, charts=deck_charts, pictures=pictures)
        run.files = [Path(update)]
        run.warnings = [w for ws in found.values() for w in ws]
        run.seconds = time.perf_counter() - started
        return run

    # with --update the deck lives elsewhere: the folder (and its manifest) holds the rest
    folder = options if update is None else replace(
        options, formats=tuple(f for f in options.formats if f != "pptx"))
    with StagedFolder(out) as stage:
        if needs_qt:
            draw(stage.path)
        if content is not None:
            content.warnings.update(found)
        plan = plan_export(jobs, folder, workbook=True)
        for f in plan.files:
            if f.format == "csv":
                write_csv(stage.file(f.name), next(j for j in jobs if j.chart_id == f.charts[0]),
                          options.lang)
            elif f.format == "xlsx":
                write_workbook(stage.file(f.name), jobs, options.lang, warnings=found, held=held)
        if wants_deck:
            if update is not None:
                run.update = update_deck(content, update, charts=deck_charts, pictures=pictures)
            else:
                run.deck = write_deck(content, stage.file(deck_name(jobs)), charts=deck_charts,
                                      pictures=pictures)
        warnings = [w for ws in found.values() for w in ws]
        digests = {f.name: _digest(stage.file(f.name)) for f in plan.files}
        created = datetime.now(UTC).replace(microsecond=0).isoformat()
        info = manifest(plan, warnings, created_at=created, digests=digests, app_version=__version__,
                        held_back=held)
        if wants_deck and run.deck is not None:
            info["deck"] = run.deck.to_dict()
        stage.file(MANIFEST_NAME).write_text(json.dumps(info, ensure_ascii=False, indent=2),
                                             encoding="utf-8")
        run.files = stage.commit()
    if run.update is not None:
        run.files.append(Path(update))
    run.warnings = warnings
    run.seconds = time.perf_counter() - started
    return run
