"""Refresh a deck she has edited: the app's charts and table get new data, nothing else moves.

The app's shapes are found by name (``qnai:chart:<id>``, ``qnai:table:watchlist``, and the title,
source, stamp and mark boxes beside a chart). A native chart keeps its frame — position, size,
her fonts and colours — and gets its data replaced (``chart.replace_data``: the series XML and the
embedded workbook); a series whose name changed takes its house colour. Axis bounds the app set
are recomputed; bounds she set stay. Slides, text boxes and shapes she added are never touched;
charts new to the pack are appended at the end; charts in the deck but not in the pack are
reported, not deleted. The deck is written to a temporary name beside it and swapped in; the
previous file is kept as ``DECK.pptx.bak``.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.exc import PackageNotFoundError
from pptx.oxml.ns import qn
from pptx.util import Pt

from ...core.deck.axes import value_scale
from ...core.deck.layout import PlannedSlide
from ...core.deck.table import watchlist_table
from .annotate import draw_annotations, remove_annotation_shapes
from .content import DeckContent
from .geometry import geometry_of
from .marks import chart_marks
from .native_chart import (
    axes,
    color_series,
    read_scale,
    rewrite_stamp,
    series_names,
    write_date_axis,
    write_scale,
)
from .native_data import PERCENT_SCALE, NativeData, _scale, build_native, native_problem
from .slides import WATCHLIST_TABLE, add_watermark, chart_name
from .text import DEFAULT_FONT, rewrite_runs, rewrite_text
from .writer import _Writer, cover_date

BACKUP_SUFFIX = ".bak"
CHART_PREFIX = "qnai:chart:"


class DeckUpdateError(ValueError):
    """The deck cannot be updated (not a deck, unreadable); the message says which and why."""


@dataclass
class UpdateReport:
    """What an update did to the deck."""

    deck: Path
    backup: Path | None = None
    updated: list[str] = field(default_factory=list)
    appended: list[str] = field(default_factory=list)
    not_in_pack: list[str] = field(default_factory=list)
    left_alone: dict[str, str] = field(default_factory=dict)
    table: bool = False
    annotations: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"deck": str(self.deck), "backup": str(self.backup) if self.backup else None,
                "updated": self.updated, "appended": self.appended, "not_in_pack": self.not_in_pack,
                "left_alone": self.left_alone, "table": self.table, "annotations": self.annotations}

    def lines(self) -> list[str]:
        out = [f"updated {len(self.updated)} chart(s) in {self.deck}"
               + (f" (previous deck kept as {self.backup})" if self.backup else "")]
        if self.appended:
            out.append("appended: " + ", ".join(self.appended))
        if self.not_in_pack:
            out.append("in the deck but not in this pack (kept as they were): " + ", ".join(self.not_in_pack))
        out += [f"not updated: {cid} — {why}" for cid, why in self.left_alone.items()]
        return out


@dataclass
class _Found:
    slide: object
    shape: object
    top_level: bool


def _walk(shapes, slide, top: bool, out: dict[str, _Found]) -> None:
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            _walk(shape.shapes, slide, False, out)
        elif shape.name.startswith("qnai:"):
            out.setdefault(shape.name, _Found(slide, shape, top))


def index_shapes(prs) -> dict[str, _Found]:
    """The app's shapes in the deck by name (first one wins when she duplicated a slide)."""
    out: dict[str, _Found] = {}
    for slide in prs.slides:
        _walk(slide.shapes, slide, True, out)
    return out


def open_deck(path: Path):
    if not path.is_file():
        raise DeckUpdateError(f"cannot update {path}: no such PowerPoint file")
    try:
        return Presentation(str(path))
    except PackageNotFoundError:  # python-pptx's word for "not a zip package"
        raise DeckUpdateError(f"cannot update {path}: not a PowerPoint deck") from None
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DeckUpdateError(f"cannot update {path}: not a PowerPoint deck ({exc})") from None


def picture_charts(deck: Path) -> list[str]:
    """Chart ids placed as pictures in ``deck`` (an update refreshes them from new pictures)."""
    found = index_shapes(open_deck(Path(deck)))
    return [name[len(CHART_PREFIX):] for name, f in found.items()
            if name.startswith(CHART_PREFIX) and f.shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def _category_numbers(chart, tag: str) -> list[float]:
    vals = []
    for v in chart._chartSpace.iter(qn(tag)):
        for pt in v.iter(qn("c:v")):
            try:
                vals.append(float(pt.text))
            except (TypeError, ValueError):
                pass
    return vals


def _old_columns(chart) -> list[list[float | None]]:
    return [list(s.values) for s in chart.series]


class _Updater:
    def __init__(self, content: DeckContent, deck: Path, charts: str,
                 pictures: Mapping[str, bytes], font: str) -> None:
        self.c, self.deck, self.font = content, deck, font
        self.pictures = pictures
        self.prs = open_deck(deck)
        self.found = index_shapes(self.prs)
        self.writer = _Writer(content, charts, pictures, font)
        self.report = UpdateReport(deck)

    def run(self) -> UpdateReport:
        c = self.c
        for job in c.jobs:
            hit = self.found.get(chart_name(job.chart_id))
            if hit is None:
                self.append(job.chart_id)
            elif getattr(hit.shape, "has_chart", False):
                self.native(job.chart_id, hit)
            elif hit.shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                self.picture(job.chart_id, hit)
            else:
                self.report.left_alone[job.chart_id] = "its place holds no chart (a placeholder)"
        pack = set(c.chart_ids)
        self.report.not_in_pack = [n[len(CHART_PREFIX):] for n in self.found
                                   if n.startswith(CHART_PREFIX) and n[len(CHART_PREFIX):] not in pack]
        self.table()
        cover = self.found.get("qnai:cover:date")
        if cover is not None and cover.shape.has_text_frame:
            rewrite_text(cover.shape.text_frame, [cover_date(c)])
        return self.report

    # -- charts ------------------------------------------------------------------------------
    def append(self, chart_id: str) -> None:
        self.writer.charts_slide(self.prs, PlannedSlide("rest", charts=(chart_id,)))
        self.report.appended.append(chart_id)

    def native(self, chart_id: str, hit: _Found) -> None:
        job = self.c.job(chart_id)
        why = native_problem(job.prepared)
        if why is not None:
            self.report.left_alone[chart_id] = f"it can no longer be a native chart ({why})"
            return
        data = build_native(job.prepared, self.c.lang)
        chart = hit.shape.chart
        if _family(chart.chart_type) != _family(data.chart_type):
            self.report.left_alone[chart_id] = "the chart's kind changed since the deck was made"
            return
        roles = axes(chart)
        ours_y = self._bounds_were_ours(chart, roles.get("y"), data)
        ours_x = "x" in roles and (
            (data.x == "date" and self._dates_were_ours(chart, roles["x"]))
            or (data.x == "xy" and self._xy_were_ours(chart, roles["x"])))
        old_names = series_names(chart)
        chart.replace_data(data.data)
        renamed = {i for i, name in enumerate(data.names) if i >= len(old_names) or old_names[i] != name}
        if renamed:
            color_series(chart, data, renamed)
        if ours_y:
            write_scale(roles["y"], data.y)
        if ours_x and data.x == "date":
            write_date_axis(roles["x"], data)
        elif ours_x and data.x_scale is not None:
            write_scale(roles["x"], data.x_scale)
        marks = chart_marks(job, self.c.warnings.get(chart_id, []), self.c.lang)
        size = chart.font.size
        rewrite_stamp(chart, list(marks.stamp), font=self.font, size=size)
        self.texts(chart_id, job.prepared.title(self.c.lang), marks)
        if hit.top_level:
            self.marks_and_events(chart_id, hit, data, marks.demo)
        self.report.updated.append(chart_id)

    def _bounds_were_ours(self, chart, ax, data: NativeData) -> bool:
        """True when the value axis still has the bounds the app computed from the old data."""
        if ax is None:
            return False
        lo, hi, _log = read_scale(ax)
        if lo is None or hi is None:
            return False
        cols = _old_columns(chart)
        if data.right:
            cols = [col for i, col in enumerate(cols) if i not in data.right]
        old = PERCENT_SCALE if data.stacked == "percent" else _scale(data_kind(data), cols,
                                                                     stacked=bool(data.stacked))
        return abs(old.lo - lo) < 1e-9 and abs(old.hi - hi) < 1e-9

    def _dates_were_ours(self, chart, ax) -> bool:
        cats = _category_numbers(chart, "c:cat")
        lo, hi = ax.minimum_scale, ax.maximum_scale
        return bool(cats) and lo == min(cats) and hi == max(cats)

    def _xy_were_ours(self, chart, ax) -> bool:
        xs = _category_numbers(chart, "c:xVal")
        lo, hi = ax.minimum_scale, ax.maximum_scale
        if not xs or lo is None or hi is None:
            return False
        old = value_scale(min(xs), max(xs), headroom=False)
        return abs(old.lo - lo) < 1e-9 and abs(old.hi - hi) < 1e-9

    def picture(self, chart_id: str, hit: _Found) -> None:
        png = self.pictures.get(chart_id)
        if png is None:
            self.report.left_alone[chart_id] = "a picture, and no new picture was rendered"
            return
        old = hit.shape
        new = hit.slide.shapes.add_picture(io.BytesIO(png), old.left, old.top, old.width, old.height)
        new.name = old.name
        old._element.addnext(new._element)
        old._element.getparent().remove(old._element)
        job = self.c.job(chart_id)
        marks = chart_marks(job, self.c.warnings.get(chart_id, []), self.c.lang)
        stamp = self.found.get(f"qnai:stamp:{chart_id}")
        if stamp is not None and stamp.shape.has_text_frame:
            rewrite_runs(stamp.shape.text_frame, marks.stamp, Pt(9), font=self.font)
        self.texts(chart_id, job.prepared.title(self.c.lang), marks)
        self.report.updated.append(chart_id)

    def texts(self, chart_id: str, title: str, marks) -> None:
        for name, lines in ((f"qnai:title:{chart_id}", [title]),
                            (f"qnai:source:{chart_id}", list(marks.source_lines))):
            hit = self.found.get(name)
            if hit is not None and hit.shape.has_text_frame:
                rewrite_text(hit.shape.text_frame, lines)

    def marks_and_events(self, chart_id: str, hit: _Found, data: NativeData, demo: bool) -> None:
        shapes = hit.slide.shapes
        geo = geometry_of(hit.shape, data)
        mark = self.found.get(f"qnai:mark:{chart_id}")
        if mark is not None:
            mark.shape._element.getparent().remove(mark.shape._element)
        if demo and geo is not None:
            p = geo.plot
            add_watermark(shapes, chart_id, p.left, p.top, p.width, p.height, self.c.lang, self.font)
        remove_annotation_shapes(shapes, chart_id)
        anns = self.c.annotations.get(chart_id, [])
        if anns and geo is not None:
            job = self.c.job(chart_id)
            size = hit.shape.chart.font.size or Pt(9)
            drawn = draw_annotations(shapes, chart_id, geo, anns, job.prepared, self.c.lang,
                                     font=self.font, size=size, short=size.pt < 8)
            self.report.annotations[chart_id] = len(drawn.drawn)

    # -- table -------------------------------------------------------------------------------
    def table(self) -> None:
        hit = self.found.get(WATCHLIST_TABLE)
        if hit is None or not hit.shape.has_table:
            return
        tbl = hit.shape.table
        new = watchlist_table(self.c.companies, self.c.lang)
        tr_list = tbl._tbl.tr_lst
        want = len(new.rows) + 1
        while len(tr_list) < want:
            tr_list[-1].addnext(deepcopy(tr_list[-1]))
            tr_list = tbl._tbl.tr_lst
        for extra in tr_list[want:]:
            extra.getparent().remove(extra)
        for c, text in enumerate(new.header):
            rewrite_text(tbl.cell(0, c).text_frame, [text])
        for r, row in enumerate(new.rows, start=1):
            cells = [tbl.cell(r, c) for c in range(4)]
            name, cap, per, thesis = row
            for cell, lines in zip(cells, ([name], [cap], [per], list(thesis) or [""]), strict=True):
                rewrite_text(cell.text_frame, lines)
        note = self.found.get("qnai:table:watchlist:note")
        if note is not None and note.shape.has_text_frame:
            as_of = (("기준: " if self.c.lang == "ko" else "As of ") + new.as_of) if new.as_of else ""
            rewrite_text(note.shape.text_frame, [" · ".join(t for t in (new.footnote, as_of) if t)])
        self.report.table = True


def _family(chart_type) -> str:
    """Chart types whose data can replace each other's (same series XML layout)."""
    if chart_type is None:
        return "?"
    name = str(chart_type)
    return "xy" if "XY_SCATTER" in name else "column" if "COLUMN" in name else "category"


def data_kind(data: NativeData) -> str:
    """The catalogue kind a NativeData's value scale was computed for."""
    if data.y.log:
        return "log"
    if data.stacked:
        return "area_stacked"
    return "bar" if "COLUMN" in str(data.chart_type) else "line"


def update_deck(content: DeckContent, deck: Path | str, *, charts: str = "native",
                pictures: Mapping[str, bytes] | None = None, font: str = DEFAULT_FONT) -> UpdateReport:
    """Refresh ``deck`` in place from ``content`` (see the module doc); DeckUpdateError when it
    cannot be read, OSError when it cannot be written (e.g. open in PowerPoint on Windows)."""
    deck = Path(deck).expanduser()
    updater = _Updater(content, deck, charts, pictures or {}, font)
    report = updater.run()
    tmp = deck.with_name(f".{deck.name}.qnai-update")
    backup = deck.with_name(deck.name + BACKUP_SUFFIX)
    try:
        updater.prs.save(str(tmp))
        shutil.copy2(deck, tmp.with_suffix(".bak-tmp"))
        os.replace(tmp.with_suffix(".bak-tmp"), backup)
        os.replace(tmp, deck)
    finally:
        for leftover in (tmp, tmp.with_suffix(".bak-tmp")):
            if leftover.exists():
                leftover.unlink()
    report.backup = backup
    return report


