"""Export charts to a folder: per-chart files, one deck, a manifest — all or nothing.

``PackExporter.steps()`` is a generator that does one chart per step, so the pack dialog can
drive it from the event loop (progress bar, Cancel) and the CLI can simply loop over it. Qt
widgets must be painted on the GUI thread, hence steps rather than a worker thread for the
drawing; everything after it — PNG encoding, file writes, the deck, the manifest's digests — runs
on one file thread per export, so a step costs the drawing only and the window stays responsive
(while the last files are written, the steps wait in 5 ms slices). Files go to a staging folder
inside the output folder and are moved in only at the end (services.export_plan.StagedFolder).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from ... import __version__
from ...core.export_checks import ExportWarning, check_chart
from ...services.deck import DeckContent, DeckReport, pictures_needed, write_deck
from ...services.export_data import write_csv, write_xlsx
from ...services.export_plan import (
    MANIFEST_NAME,
    ChartJob,
    ExportOptions,
    ExportPlan,
    HeldBack,
    StagedFolder,
    manifest,
    plan_export,
)
from ...services.pptx_deck import DeckSlide, build_deck, provenance_notes
from ..common.style import HouseStyle, load_style
from .renderer import PNG_QUALITY, ChartRenderer

#: Progress callback: (done, total, what is being done) -> False to cancel.
Progress = Callable[[int, int, str], bool | None]
WAIT_SLICE_S = 0.005  # waiting for the file thread, the event loop turns this often


@dataclass
class ExportResult:
    """What an export wrote (empty when cancelled or failed) and what it found."""

    out_dir: Path
    files: list[Path] = field(default_factory=list)
    warnings: list[ExportWarning] = field(default_factory=list)
    manifest: Path | None = None
    cancelled: bool = False
    seconds: float = 0.0


def _sha256(path: Path) -> tuple[str, int]:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG in memory (for the deck)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buf, "PNG", PNG_QUALITY)
    buf.close()
    if not ok:
        raise OSError("could not encode the slide picture")
    return bytes(data)


def check_job(job: ChartJob, options: ExportOptions, renderer: ChartRenderer | None,
              today: date) -> list[ExportWarning]:
    """The pre-export findings for one chart; text size is measured on the laid-out canvas
    (``renderer`` holds the chart just drawn) when one is given."""
    smallest = None
    if renderer is not None:
        # fonts scale with the canvas width: convert to the written image's pixels
        drawn_at = max(1, renderer.canvas.width())
        smallest = renderer.smallest_text_px() * options.pixel_size[0] / drawn_at
    return check_chart(job.prepared, last_dates=job.last_dates, frequencies=job.frequencies,
                       today=today, smallest_text_px=smallest,
                       image_width_px=options.pixel_size[0])


def write_chart_file(renderer: ChartRenderer, job: ChartJob, fmt: str, path: Path,
                     options: ExportOptions) -> Path:
    """One file of one chart in ``fmt`` (png, svg, pdf, xlsx, csv) at ``path``."""
    p, spec, lang = job.prepared, job.spec, options.lang
    w, h = options.width, options.height
    if fmt == "png":
        image = renderer.render_image(p, spec, lang, w, h, options.scale,
                                      transparent=options.transparent)
        return renderer.write_png(path, image)
    if fmt == "svg":
        return renderer.write_svg(path, p, spec, lang, w, h, transparent=options.transparent)
    if fmt == "pdf":
        return renderer.write_pdf(path, p, spec, lang, w, h, transparent=options.transparent)
    if fmt == "xlsx":
        return write_xlsx(path, job, lang)
    if fmt == "csv":
        return write_csv(path, job, lang)
    raise ValueError(f"format {fmt!r} is not a per-chart format")


class PackExporter:
    """Export ``jobs`` with ``options`` into ``out_dir``. Names are checked before any work."""

    def __init__(self, jobs: Sequence[ChartJob], options: ExportOptions, out_dir: Path | str, *,
                 style: HouseStyle | None = None, renderer: ChartRenderer | None = None,
                 today: date | None = None, held_back: Sequence[HeldBack] = (),
                 deck_content: DeckContent | None = None) -> None:
        self.plan: ExportPlan = plan_export(jobs, options)  # raises ExportNameError early
        # the note's deck (services.deck, as the CLI writes it) when its content was gathered;
        # without it, one picture per slide (what the CLI takes its non-native pictures from)
        self.deck_content = deck_content
        self.deck_report: DeckReport | None = None
        self.held_back = tuple(held_back)  # listed in the manifest (services.export_plan)
        self.options = options
        self.out_dir = Path(out_dir).expanduser()
        self.style = style or (renderer.style if renderer else load_style(options.style))
        self._renderer = renderer
        self._owns_renderer = renderer is None
        self.today = today or date.today()
        self.result = ExportResult(self.out_dir)

    @property
    def total_steps(self) -> int:
        return len(self.plan.jobs) + (1 if self.plan.deck else 0) + 1

    def _renderer_for_run(self) -> ChartRenderer:
        if self._renderer is None:
            self._renderer = ChartRenderer(self.style)
        elif self._renderer.style != self.style:
            self._renderer.set_style(self.style)
        self._renderer.today = self.today  # the stamps' age: the same day as the checks
        return self._renderer

    def check(self, job: ChartJob, renderer: ChartRenderer | None) -> list[ExportWarning]:
        return check_job(job, self.options, renderer, self.today)

    def steps(self, sliced: bool = False) -> Iterator[tuple[int, int, str]]:
        """Do the export one chart at a time, yielding (done, total, label) after each step;
        ``sliced``: also between the slices of drawing a chart (the same ``done``, the chart's
        label), so an event loop driving it turns every ~20–50 ms instead of once per chart.

        Closing the generator early (cancel) or an exception leaves the folder as it was.
        """
        started = time.perf_counter()
        renderer = self._renderer_for_run()
        try:
            yield from self._run_steps(renderer, started, sliced)
        finally:
            if self._owns_renderer and self._renderer is not None:
                self._renderer.close()
                self._renderer = None

    def _run_steps(self, renderer: ChartRenderer, started: float,
                   sliced: bool) -> Iterator[tuple[int, int, str]]:
        opts, plan = self.options, self.plan
        total = self.total_steps
        slides: list[tuple[ChartJob, Future]] = []  # the deck picture's PNG bytes, being encoded
        warnings: list[ExportWarning] = []
        with StagedFolder(self.out_dir) as stage:
            writer = ThreadPoolExecutor(1, thread_name_prefix="qnai-export-files")
            written: list[Future] = []
            try:
                done = 0
                for job in plan.jobs:
                    title = job.prepared.title(opts.lang)
                    drawing = self._export_chart(renderer, job, stage, slides, writer, written)
                    while True:  # the chart's slices: the same progress, the event loop turns
                        try:
                            next(drawing)
                        except StopIteration as stop:
                            warnings += stop.value
                            break
                        if sliced:
                            yield done, total, title
                    done += 1
                    yield done, total, title
                if plan.deck:
                    deck = writer.submit(self._write_deck, stage, slides, list(warnings))
                    yield from _waiting(deck, done, total, plan.deck.name)
                    done += 1
                    yield done, total, plan.deck.name
                # one file thread: the manifest job runs after every file job before it
                info = writer.submit(self._write_manifest, stage, written, list(warnings))
                yield from _waiting(info, done, total, MANIFEST_NAME)
                files = stage.commit()
            finally:  # cancelled or failed: no file is written into the folder being removed
                writer.shutdown(wait=True, cancel_futures=True)
        self.result = ExportResult(
            self.out_dir, files=files, warnings=warnings, manifest=self.out_dir / MANIFEST_NAME,
            seconds=time.perf_counter() - started)
        yield total, total, MANIFEST_NAME

    def _export_chart(self, renderer: ChartRenderer, job: ChartJob, stage: StagedFolder,
                      slides: list[tuple[ChartJob, Future]], writer: ThreadPoolExecutor,
                      written: list[Future]) -> Generator[None, None, list[ExportWarning]]:
        """Draw one chart (GUI thread, in slices: it yields between them) and hand its files to
        ``writer``; one raster render serves the PNG, the deck and the check. Its value is the
        chart's findings."""
        opts, plan = self.options, self.plan
        files = {f.format: f for f in plan.files_for(job.chart_id)}
        found: list[ExportWarning] | None = None
        if "png" in files or plan.deck:
            image = yield from renderer.render_image_steps(
                job.prepared, job.spec, opts.lang, opts.width, opts.height, opts.scale,
                transparent=opts.transparent)
            if "png" in files:
                written.append(writer.submit(renderer.write_png, stage.file(files["png"].name),
                                             image))
            if plan.deck:
                slides.append((job, writer.submit(png_bytes, renderer.deck_picture(image))))
            found = self.check(job, renderer)
        for fmt in ("svg", "pdf"):  # vector files paint the canvas: on this thread
            if fmt in files:
                write_chart_file(renderer, job, fmt, stage.file(files[fmt].name), opts)
        for fmt in ("xlsx", "csv"):  # tables from the prepared data: on the file thread
            if fmt in files:
                written.append(writer.submit(write_chart_file, renderer, job, fmt,
                                             stage.file(files[fmt].name), opts))
        if found is None:
            uses_canvas = "svg" in files or "pdf" in files
            found = self.check(job, renderer if uses_canvas else None)
        return found

    def _write_deck(self, stage: StagedFolder, slides: list[tuple[ChartJob, Future]],
                    warnings: list[ExportWarning]) -> None:
        """File thread: the deck from the slide pictures (encoded by the jobs before this one)."""
        opts, plan = self.options, self.plan
        if self.deck_content is not None:  # native charts; pictures only where they cannot be
            needed = set(pictures_needed(self.deck_content))
            pictures = {job.chart_id: png.result() for job, png in slides if job.chart_id in needed}
            self.deck_report = write_deck(self.deck_content, stage.file(plan.deck.name),
                                          pictures=pictures)
            return
        info = manifest(plan, warnings, created_at="", app_version=__version__)
        deck = [DeckSlide(title=job.prepared.title(opts.lang), image=png.result(),
                          source_line=job.prepared.source(opts.lang),
                          note_line=job.prepared.note(opts.lang),
                          notes=provenance_notes(info["charts"][job.chart_id], opts.lang))
                for job, png in slides]
        build_deck(deck, stage.file(plan.deck.name))

    def _write_manifest(self, stage: StagedFolder, written: list[Future],
                        warnings: list[ExportWarning]) -> None:
        """File thread: after every file was written (a failed one raises here), the manifest
        with each file's digest."""
        for future in written:
            future.result()
        plan = self.plan
        digests = {f.name: _sha256(stage.file(f.name)) for f in plan.files}
        created = datetime.now(UTC).replace(microsecond=0).isoformat()
        info = manifest(plan, warnings, created_at=created, digests=digests,
                        app_version=__version__, held_back=self.held_back)
        if self.deck_report is not None:
            info["deck"] = self.deck_report.to_dict()
        stage.file(MANIFEST_NAME).write_text(
            json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")

    def run(self, progress: Progress | None = None) -> ExportResult:
        """Run every step; ``progress`` returning False cancels (nothing is written)."""
        gen = self.steps()
        last = None
        for done, total, label in gen:
            if (done, label) == last:  # a wait for the file thread, not a new step
                continue
            last = (done, label)
            if progress is not None and progress(done, total, label) is False and done < total:
                gen.close()
                self.result = ExportResult(self.out_dir, cancelled=True)
                break
        return self.result


def _waiting(future: Future, done: int, total: int, label: str) -> Iterator[tuple[int, int, str]]:
    """Yield (the same progress) every ``WAIT_SLICE_S`` until ``future`` is done; raise its error."""
    while True:
        try:
            future.result(timeout=WAIT_SLICE_S)
            return
        except TimeoutError:
            yield done, total, label


def export_single(renderer: ChartRenderer, job: ChartJob, options: ExportOptions, path: Path | str,
                  today: date | None = None) -> tuple[Path, list[ExportWarning]]:
    """One chart in ``options.formats[0]`` to exactly ``path`` (a user-chosen name), atomically."""
    path = Path(path).expanduser()
    fmt = options.formats[0]
    today = today or date.today()
    with StagedFolder(path.parent) as stage:
        staged = stage.file(path.name)
        if fmt == "pptx":
            image = renderer.render_image(job.prepared, job.spec, options.lang, options.width,
                                          options.height, options.scale)
            warnings = check_job(job, options, renderer, today)
            p, lang = job.prepared, options.lang
            record = manifest(plan_export([job], options), warnings, created_at="")["charts"]
            slide = DeckSlide(p.title(lang), png_bytes(renderer.deck_picture(image)), p.source(lang),
                              p.note(lang), provenance_notes(record[job.chart_id], lang))
            build_deck([slide], staged)
        else:
            write_chart_file(renderer, job, fmt, staged, options)
            uses_canvas = fmt in ("png", "svg", "pdf")
            warnings = check_job(job, options, renderer if uses_canvas else None, today)
        stage.commit()
    return path, warnings
