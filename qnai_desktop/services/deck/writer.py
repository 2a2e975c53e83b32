"""Write the note as a deck: cover, coverage table, the Update Chart grid, the sections' charts,
published scenario cases — native charts by default, pictures where a chart cannot be native
(or for every chart with ``charts="picture"``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches, Pt

from ...core.deck.layout import PlannedSlide, plan_slides
from ...core.deck.table import watchlist_table
from ...core.scenarios import get_model
from ...core.scenarios.display import NOT_GIVEN, format_param, text
from ..pptx_deck import provenance_notes
from .annotate import draw_annotations
from .content import DeckContent
from .geometry import geometry_of
from .marks import chart_marks
from .native_data import build_native, native_problem
from .slides import (
    SLIDE_H,
    SLIDE_W,
    Box,
    PanelStyle,
    add_native,
    add_panel_texts,
    add_picture,
    add_placeholder,
    add_watermark,
    body_box,
    cover_slide,
    grid_boxes,
    inputs_table,
    panel_parts,
    titled_slide,
    watchlist_slide,
)
from .text import DEFAULT_FONT

CHART_MODES = ("native", "picture")


@dataclass
class DeckReport:
    """What a deck holds: slides, native charts, pictures (and why), annotations drawn."""

    slides: int = 0
    native: list[str] = field(default_factory=list)
    pictures: dict[str, str] = field(default_factory=dict)  # chart id -> why a picture
    missing_pictures: list[str] = field(default_factory=list)
    annotations: dict[str, int] = field(default_factory=dict)
    skipped_annotations: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"slides": self.slides, "native": self.native, "pictures": self.pictures,
                "missing_pictures": self.missing_pictures, "annotations": self.annotations,
                "skipped_annotations": self.skipped_annotations}


def picture_reason(content_or_job, charts: str = "native") -> str | None:
    """Why a chart goes in as a picture (None: native). Takes a ChartJob."""
    if charts == "picture":
        return "pictures asked for (--pptx-charts picture)"
    return native_problem(content_or_job.prepared)


def pictures_needed(content: DeckContent, charts: str = "native") -> list[str]:
    """The charts whose rendered picture the deck needs (the caller renders only these)."""
    return [j.chart_id for j in content.jobs if picture_reason(j, charts)]


def new_presentation():
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    return prs


class _Writer:
    def __init__(self, content: DeckContent, charts: str, pictures: Mapping[str, bytes],
                 font: str) -> None:
        if charts not in CHART_MODES:
            raise ValueError(f"charts must be one of {CHART_MODES}, not {charts!r}")
        self.c = content
        self.charts = charts
        self.pictures = pictures
        self.font = font
        self.report = DeckReport()

    # -- one chart ---------------------------------------------------------------------------
    def panel(self, slide, chart_id: str, box: Box, style: PanelStyle) -> list[str]:
        """Title, chart, source line (+ marks and annotations); returns notes lines."""
        c, lang = self.c, self.c.lang
        job = c.job(chart_id)
        marks = chart_marks(job, c.warnings.get(chart_id, []), lang)
        parts = panel_parts(box, style)
        add_panel_texts(slide.shapes, chart_id, job.prepared.title(lang), marks, parts, style, self.font)
        notes = [provenance_notes(c.records.get(chart_id, {}), lang)] if chart_id in c.records else []
        why = picture_reason(job, self.charts)
        if why is None:
            self.add_native_chart(slide, chart_id, parts.chart, style, notes)
        else:
            self.report.pictures[chart_id] = why
            notes.append(("그림으로 넣은 차트: " if lang == "ko" else "Placed as a picture: ") + why)
            png = self.pictures.get(chart_id)
            if png is None:
                self.report.missing_pictures.append(chart_id)
                add_placeholder(slide.shapes, chart_id, parts.chart, why, style, self.font)
            else:
                add_picture(slide.shapes, chart_id, png, parts.chart, marks, style, self.font)
        return notes

    def add_native_chart(self, slide, chart_id: str, box: Box, style: PanelStyle,
                         notes: list[str]) -> None:
        c, lang = self.c, self.c.lang
        job = c.job(chart_id)
        data = build_native(job.prepared, lang)
        marks = chart_marks(job, c.warnings.get(chart_id, []), lang)
        frame = add_native(slide.shapes, chart_id, data, marks, box, style, self.font)
        self.report.native.append(chart_id)
        geo = geometry_of(frame, data)
        if marks.demo and geo is not None:
            p = geo.plot
            add_watermark(slide.shapes, chart_id, p.left, p.top, p.width, p.height, lang, self.font)
        anns = c.annotations.get(chart_id, [])
        if anns and geo is not None:
            size = Pt(7) if style.compact else Pt(9)
            drawn = draw_annotations(slide.shapes, chart_id, geo, anns, job.prepared, lang,
                                     font=self.font, size=size, short=style.compact)
            self.report.annotations[chart_id] = len(drawn.drawn)
            if drawn.skipped:
                self.report.skipped_annotations[chart_id] = [f"{a.id}: {why}" for a, why in drawn.skipped]
            notes += annotation_notes(drawn.drawn, drawn.skipped, lang)

    # -- slides ------------------------------------------------------------------------------
    def charts_slide(self, prs, planned: PlannedSlide) -> None:
        lang = self.c.lang
        title = planned.title(lang) or self.c.job(planned.charts[0]).prepared.title(lang)
        s = titled_slide(prs, title, self.font)
        rows, cols = planned.grid
        style = PanelStyle.for_grid(rows * cols)
        boxes = grid_boxes(rows, cols, body_box())
        notes: list[str] = []
        for chart_id, box in zip(planned.charts, boxes, strict=False):
            notes += self.panel(s, chart_id, box, style)
        if planned.held:
            notes.append(held_notes(planned.held, lang))
        s.notes_slide.notes_text_frame.text = "\n\n".join(n for n in notes if n)

    def case_slide(self, prs, planned: PlannedSlide) -> None:
        lang, chart_id = self.c.lang, planned.charts[0]
        scenario = self.c.cases.get(chart_id, {})
        title = planned.title(lang) or self.c.job(chart_id).prepared.title(lang)
        if scenario.get("case"):
            title = f"{title}: {scenario['case']}"
        s = titled_slide(prs, title, self.font)
        body = body_box()
        table_w = Inches(3.9)
        chart_box = Box(body.left, body.top, body.width - table_w - Inches(0.3), body.height)
        notes = self.panel(s, chart_id, chart_box, PanelStyle.for_grid(2))
        rows = case_inputs(scenario, lang)
        if rows:
            header = ("입력값", "값") if lang == "ko" else ("Input", "Value")
            inputs_table(s.shapes, chart_id, rows,
                         Box(body.left + body.width - table_w, body.top + Inches(0.5), table_w,
                             body.height - Inches(0.5)), header, self.font)
        s.notes_slide.notes_text_frame.text = "\n\n".join(n for n in notes if n)

    def write(self, path: Path | str) -> DeckReport:
        c, lang = self.c, self.c.lang
        held = {h.chart_id: h.reason(lang) for h in c.held}
        planned = plan_slides(c.layout, c.chart_ids, held, list(c.cases))
        prs = new_presentation()
        for p in planned:
            if p.kind == "cover":
                cover_slide(prs, c.layout.title(lang), c.layout.subtitle(lang), cover_date(c),
                            c.author or ("SK증권" if lang == "ko" else "SK Securities"), self.font)
            elif p.kind == "watchlist":
                watchlist_slide(prs, p.title(lang), watchlist_table(c.companies, lang), lang, self.font)
            elif p.kind == "cases":
                self.case_slide(prs, p)
            else:
                self.charts_slide(prs, p)
        self._held_notes(prs, planned)
        self.report.slides = len(prs.slides)
        prs.save(str(path))
        return self.report

    def _held_notes(self, prs, planned: list[PlannedSlide]) -> None:
        """Every held-back chart, listed in the notes of the Update Chart slide (or the first)."""
        if not self.c.held or not len(prs.slides):
            return
        at = next((i for i, p in enumerate(planned) if p.role == "update"), 0)
        slide = prs.slides[at]
        lines = ["데이터가 없어 빠진 차트:" if self.c.lang == "ko" else "Held back (no data):"]
        lines += ["• " + h.line(self.c.lang) for h in self.c.held]
        tf = slide.notes_slide.notes_text_frame
        tf.text = "\n".join(t for t in (tf.text, "\n".join(lines)) if t)


def cover_date(c: DeckContent) -> str:
    d = c.today
    return f"{d.year}년 {d.month}월 {d.day}일" if c.lang == "ko" else d.strftime("%B %-d, %Y")


def held_notes(held, lang: str) -> str:
    head = "이 슬라이드에서 빠진 차트 (데이터 없음):" if lang == "ko" else "Left out here (no data):"
    return "\n".join([head, *(f"• {cid}: {why}" for cid, why in held)])


def annotation_notes(drawn, skipped, lang: str) -> list[str]:
    """The sentence behind each drawn event, and what could not be drawn."""
    lines = []
    for a in drawn:
        detail = a.detail(lang)
        lines.append(f"• {a.day.isoformat()} {a.label(lang)}" + (f" — {detail}" if detail else ""))
    for a, why in skipped:
        lines.append(("• 표시 못 함: " if lang == "ko" else "• Not drawn: ")
                     + f"{a.day.isoformat()} {a.label(lang)} ({why})")
    if not lines:
        return []
    return ["\n".join([("이벤트:" if lang == "ko" else "Events:"), *lines])]


def case_inputs(scenario: Mapping, lang: str) -> list[tuple[str, str]]:
    """(input label, formatted value) of a published case, in the model's order."""
    try:
        model = get_model(str(scenario.get("model", "")))
    except (KeyError, ValueError):
        return []
    params = scenario.get("params") or {}
    # inputs left at "0 = not given" are left out, as in the published chart's note
    not_given = {rule.param for rule in NOT_GIVEN.get(model.id, ()) if params.get(rule.param) == 0.0}
    return [(text(p, lang), format_param(p, float(params[p.name]), lang))
            for p in model.params if p.name in params and p.name not in not_given]


def write_deck(content: DeckContent, path: Path | str, *, charts: str = "native",
               pictures: Mapping[str, bytes] | None = None, font: str = DEFAULT_FONT) -> DeckReport:
    """Write the note's deck for ``content`` to ``path`` (the caller stages it).

    ``charts="native"`` makes every chart a native chart except those that cannot be
    (:func:`pictures_needed`), which take their PNG from ``pictures`` (chart id -> bytes, the
    chart without its title and source lines, as ``ChartRenderer.deck_picture`` draws it).
    ``charts="picture"`` puts every chart in as its picture.
    """
    if not content.jobs:
        raise ValueError("a deck needs at least one chart")
    return _Writer(content, charts, pictures or {}, font).write(path)
