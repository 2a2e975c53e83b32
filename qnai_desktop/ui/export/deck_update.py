"""Update an existing deck in place from the pack dialog — the same ``services.deck.update_deck``
the CLI's ``export --format pptx --update DECK`` runs.

Reading the cache (the charts, the deck's content) and rewriting the deck run on the task pool;
only the pictures of charts that cannot be native are drawn here, on the GUI thread, because
widgets paint nowhere else. The outcome is one message in her language: charts updated, appended,
no longer in the pack, and where the previous deck was kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ...core.charts import ChartSpec
from ...services.deck import DeckUpdateError, UpdateReport, gather_content, pictures_needed, update_deck
from ...services.deck.update import picture_charts
from ...services.export_plan import ExportError, ExportOptions, gather_jobs, hold_back
from ..common.app_context import AppContext
from ..common.style import load_style
from ..common.tasks import Task, Work
from .pack import png_bytes
from .renderer import ChartRenderer

# What a deck update can say in one sentence (nothing was written when it is raised).
EXPECTED = (DeckUpdateError, ExportError, OSError, ValueError, KeyError)


class DeckUpdate(QObject):
    """One update of ``deck`` with the chosen charts; emits the report or the reason it failed."""

    sig_update_finished = Signal(object)  # services.deck.UpdateReport
    sig_update_failed = Signal(str)

    def __init__(self, ctx: AppContext, deck: Path | str, charts: Sequence[str],
                 specs: Sequence[ChartSpec], options: ExportOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.deck = ctx, Path(deck)
        self.charts, self.specs, self.options = list(charts), list(specs), options
        self.task: Task | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self) -> None:
        """Plan on a worker: the charts' data, the deck's content, which charts need pictures."""
        deck, charts, specs, lang = self.deck, self.charts, self.specs, self.options.lang

        def plan(work: Work):
            try:
                jobs, held = hold_back(gather_jobs(work.cache, charts, specs=specs))
                if not jobs:
                    raise ExportError("every chosen chart is empty")
                content = gather_content(work.cache, jobs, held, lang)
                wanted = set(pictures_needed(content)) | (set(picture_charts(deck)) & set(content.chart_ids))
                return content, wanted
            except EXPECTED as exc:
                return exc

        self._run(Task(plan, db_path=self.ctx.cache.path, name="deck update planning"), self._planned)

    def _run(self, task: Task, then) -> None:
        self.task = task
        task.sig_task_succeeded.connect(lambda outcome: self._done(task, outcome, then))
        task.sig_task_failed.connect(lambda message: self._done(task, RuntimeError(message), then))
        task.start()

    def _done(self, task: Task, outcome, then) -> None:
        if task is not self.task:
            return  # cancelled meanwhile
        self.task = None
        if isinstance(outcome, Exception):
            self.sig_update_failed.emit(str(outcome))
            return
        then(outcome)

    def _planned(self, planned) -> None:
        """GUI thread: draw the pictures the deck needs, then rewrite the deck on a worker."""
        content, wanted = planned
        pictures: dict[str, bytes] = {}
        if wanted:
            o = self.options
            renderer = ChartRenderer(load_style(o.style))
            try:
                for job in content.jobs:
                    if job.chart_id in wanted:
                        image = renderer.render_image(job.prepared, job.spec, o.lang, o.width,
                                                      o.height, o.scale)
                        pictures[job.chart_id] = png_bytes(renderer.deck_picture(image))
            finally:
                renderer.close()
        deck = self.deck

        def write(_work: Work):
            try:
                return update_deck(content, deck, pictures=pictures)
            except EXPECTED as exc:
                return exc

        self._run(Task(write, name="deck update"), self.sig_update_finished.emit)

    def cancel(self) -> None:
        """Forget the running step (a deck being rewritten is swapped in whole or not at all)."""
        if self.task is not None:
            self.task.cancel()
        self.task = None

    def report_text(self, report: UpdateReport) -> str:
        """The update's outcome as she reads it, in the UI's language (charts by their title)."""
        titles = {s.id: s.title(self.options.lang) for s in self.specs}

        def names(ids: list[str]) -> str:
            return ", ".join(titles.get(i, i) for i in ids)

        lines = [self.tr("Deck updated: {n} chart(s) refreshed in {deck}.").format(
            n=len(report.updated), deck=str(report.deck))]
        if report.appended:
            lines.append(self.tr("Appended at the end: {charts}").format(charts=names(report.appended)))
        if report.not_in_pack:
            lines.append(self.tr("In the deck but not in this pack (left as they were): {charts}").format(
                charts=names(report.not_in_pack)))
        for chart, why in report.left_alone.items():
            lines.append(self.tr("Not updated: {chart} ({why})").format(chart=names([chart]), why=why))
        if report.backup is not None:
            lines.append(self.tr("The previous deck is kept as {backup}").format(backup=str(report.backup)))
        return "\n".join(lines)
