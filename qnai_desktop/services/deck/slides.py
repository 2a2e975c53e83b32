"""The note's pages on a slide: cover, coverage table, chart panels (native or picture), a
scenario case's inputs. Every shape the app owns is named ``qnai:…`` so an update finds it."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from ...core.deck.panel import frame_layout, text_width_pt, tick_labels
from ...core.deck.table import WatchlistTable
from .marks import ChartMarks, illustrative
from .native_chart import set_stamp, style_chart
from .native_data import NativeData
from .text import DEFAULT_FONT, DEMO_RED, MUTED, add_text, fill_frame, fill_runs, set_alpha, set_font

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.45)
TITLE_TOP, TITLE_H = Inches(0.3), Inches(0.7)
BODY_TOP = Inches(1.1)
BODY_BOTTOM = SLIDE_H - Inches(0.3)
TITLE_LAYOUT = 0
HEADER_FILL = "404040"
BAND_FILL = "F4F4F4"


def chart_name(chart_id: str) -> str:
    return f"qnai:chart:{chart_id}"


WATCHLIST_TABLE = "qnai:table:watchlist"


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class PanelStyle:
    """Type sizes of one chart panel: a full slide's or a grid cell's."""

    title: Pt
    chart: Pt
    source: Pt
    title_h: int
    source_h: int
    compact: bool

    @classmethod
    def for_grid(cls, cells: int) -> PanelStyle:
        if cells <= 1:
            return cls(Pt(16), Pt(10), Pt(10), Inches(0.42), Inches(0.5), False)
        if cells <= 2:
            return cls(Pt(14), Pt(9), Pt(9), Inches(0.4), Inches(0.5), False)
        return cls(Pt(11), Pt(7), Pt(7), Inches(0.3), Inches(0.36), True)


def title_only_layout(prs):
    """The "Title Only" layout — also in her own template when a chart is appended to her deck:
    by name, else the layout with a title and the fewest other placeholders."""
    layouts = list(prs.slide_layouts)
    named = next((lo for lo in layouts if lo.name.strip().lower() == "title only"), None)
    if named is not None:
        return named
    titled = [lo for lo in layouts if any(ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE,
                                                                          PP_PLACEHOLDER.CENTER_TITLE)
                                          for ph in lo.placeholders)]
    return min(titled, key=lambda lo: len(lo.placeholders)) if titled else layouts[0]


def titled_slide(prs, title: str, font: str = DEFAULT_FONT):
    """A Title Only slide with the title placed and set in house type (outline view lists it);
    other placeholders of the layout are removed, a layout without a title gets a text box."""
    s = prs.slides.add_slide(title_only_layout(prs))
    t = s.shapes.title
    for ph in list(s.placeholders):
        if t is None or ph.shape_id != t.shape_id:
            ph._element.getparent().remove(ph._element)
    if t is None:
        t = s.shapes.add_textbox(MARGIN, TITLE_TOP, SLIDE_W - 2 * MARGIN, TITLE_H)
        t.name = "Title"
    width = prs.slide_width or SLIDE_W
    t.left, t.top, t.width, t.height = MARGIN, TITLE_TOP, width - 2 * MARGIN, TITLE_H
    tf = t.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    fill_frame(tf, [title], Pt(24), font=font, bold=True, color="111111")
    return s


def grid_boxes(rows: int, cols: int, area: Box, gap: int = Inches(0.3)) -> list[Box]:
    w = (area.width - gap * (cols - 1)) // cols
    h = (area.height - gap * (rows - 1)) // rows
    return [Box(area.left + c * (w + gap), area.top + r * (h + gap), w, h)
            for r in range(rows) for c in range(cols)]


def body_box() -> Box:
    return Box(MARGIN, BODY_TOP, SLIDE_W - 2 * MARGIN, BODY_BOTTOM - BODY_TOP)


@dataclass(frozen=True)
class PanelParts:
    """Where a panel's title, chart and source line go."""

    title: Box
    chart: Box
    source: Box


def panel_parts(box: Box, style: PanelStyle) -> PanelParts:
    chart_top = box.top + style.title_h
    chart_h = box.height - style.title_h - style.source_h
    return PanelParts(Box(box.left, box.top, box.width, style.title_h),
                      Box(box.left, chart_top, box.width, chart_h),
                      Box(box.left, chart_top + chart_h + Inches(0.04), box.width,
                          style.source_h - Inches(0.04)))


def add_panel_texts(shapes, chart_id: str, title: str, marks: ChartMarks, parts: PanelParts,
                    style: PanelStyle, font: str) -> None:
    add_text(shapes, f"qnai:title:{chart_id}", *_xywh(parts.title), [title], style.title,
             font=font, bold=True, anchor=MSO_ANCHOR.BOTTOM, color="111111")
    add_text(shapes, f"qnai:source:{chart_id}", *_xywh(parts.source), list(marks.source_lines),
             style.source, font=font, color="555555")


def _xywh(b: Box) -> tuple[int, int, int, int]:
    return b.left, b.top, b.width, b.height


def add_native(shapes, chart_id: str, data: NativeData, marks: ChartMarks, box: Box,
               style: PanelStyle, font: str):
    """The chart frame, styled, with its stamp; returns the graphic frame."""
    frame = shapes.add_chart(data.chart_type, *_xywh(box), data.data)
    frame.name = chart_name(chart_id)
    y_labels = tick_labels(data.y.lo, data.y.hi, data.y.step, data.y.number_format, data.y.log)
    y2_labels = tick_labels(data.y2.lo, data.y2.hi, data.y2.step, data.y2.number_format, False) \
        if data.y2 is not None else []
    fl = frame_layout(Emu(box.width).pt, Emu(box.height).pt, font_pt=style.chart.pt,
                      legend_labels=data.names, y_labels=y_labels, y2_labels=y2_labels,
                      stamp=marks.longest or marks.stamp_text)
    style_chart(frame.chart, data, font=font, size=style.chart, inner=fl.inner,
                legend_top=fl.legend_y, legend_h=fl.legend_h, compact=style.compact)
    set_stamp(frame.chart, list(marks.stamp), font=font, size=style.chart)
    return frame


def add_watermark(shapes, chart_id: str, left: int, top: int, width: int, height: int, lang: str,
                  font: str):
    """The illustrative mark across the plot: a crop of the chart keeps it. One line, sized to
    fit the plot's width."""
    size = Pt(max(7.0, min(30.0, Emu(width).pt * 0.8 / text_width_pt(illustrative(lang), 1.0))))
    box = add_text(shapes, f"qnai:mark:{chart_id}", left, top, width, height,
                   [(illustrative(lang), DEMO_RED, True)], size, font=font, align=PP_ALIGN.CENTER,
                   anchor=MSO_ANCHOR.MIDDLE, wrap=False)
    set_alpha(box.text_frame.paragraphs[0].runs[0], 35)
    return box


def add_picture(shapes, chart_id: str, png: bytes, box: Box, marks: ChartMarks, style: PanelStyle,
                font: str):
    """A chart that cannot be native: its rendered picture, fitted and centred in ``box``, with
    the stamp line above it (the picture carries its own illustrative badge)."""
    lines = max(1, math.ceil(text_width_pt(marks.stamp_text, style.chart.pt) / Emu(box.width).pt))
    stamp_h = int(style.chart.pt * 1.4 * lines * 12700)
    stamp = add_text(shapes, f"qnai:stamp:{chart_id}", box.left, box.top, box.width, stamp_h, [""],
                     style.chart, font=font)
    fill_runs(stamp.text_frame, marks.stamp, style.chart, font=font)
    area = Box(box.left, box.top + stamp_h, box.width, box.height - stamp_h)
    pic = shapes.add_picture(io.BytesIO(png), area.left, area.top)
    ratio = min(area.width / pic.width, area.height / pic.height)
    pic.width, pic.height = int(pic.width * ratio), int(pic.height * ratio)
    pic.left = area.left + (area.width - pic.width) // 2
    pic.top = area.top + (area.height - pic.height) // 2
    pic.name = chart_name(chart_id)
    return pic


def add_placeholder(shapes, chart_id: str, box: Box, reason: str, style: PanelStyle, font: str):
    """No native chart and no picture given: say so where the chart would be."""
    return add_text(shapes, chart_name(chart_id), *_xywh(box), [(reason, MUTED)], style.chart,
                    font=font, align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)


# -- cover and tables ----------------------------------------------------------------------
def cover_slide(prs, title: str, subtitle: str, day: str, author: str, font: str):
    s = prs.slides.add_slide(prs.slide_layouts[TITLE_LAYOUT])
    for ph in list(s.placeholders):
        ph._element.getparent().remove(ph._element)
    add_text(s.shapes, "qnai:cover:title", MARGIN * 2, Inches(2.2), SLIDE_W - 4 * MARGIN, Inches(1.3),
             [title], Pt(54), font=font, bold=True, color="111111", anchor=MSO_ANCHOR.BOTTOM)
    bar = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN * 2, Inches(3.6), Inches(1.2), Inches(0.06))
    bar.name = "qnai:cover:rule"
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string("EA002C")
    bar.line.fill.background()
    add_text(s.shapes, "qnai:cover:subtitle", MARGIN * 2, Inches(3.8), SLIDE_W - 4 * MARGIN,
             Inches(0.6), [subtitle], Pt(22), font=font, color="333333")
    add_text(s.shapes, "qnai:cover:date", MARGIN * 2, Inches(4.5), SLIDE_W - 4 * MARGIN, Inches(0.45),
             [day], Pt(16), font=font, color=MUTED)
    add_text(s.shapes, "qnai:cover:author", MARGIN * 2, Inches(4.95), SLIDE_W - 4 * MARGIN,
             Inches(0.45), [author], Pt(16), font=font, color=MUTED)
    return s


COL_WIDTHS = (Inches(1.9), Inches(1.35), Inches(1.15))  # name, cap, PER; thesis takes the rest


def _cell(cell, lines, size: Pt, font: str, *, bold=False, color="222222", align=PP_ALIGN.LEFT,
          fill: str | None = None) -> None:
    cell.margin_left = cell.margin_right = Inches(0.08)
    cell.margin_top = cell.margin_bottom = Inches(0.03)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    fill_frame(cell.text_frame, lines, size, font=font, bold=bold, color=color, align=align)
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string(fill)


def table_row_cells(row: tuple, header: bool = False) -> list[list[str]]:
    """The text lines of each cell of one watchlist row."""
    if header:
        return [[h] for h in row]
    name, cap, per, thesis = row
    return [[name], [cap], [per], list(thesis) or [""]]


def fill_watchlist_row(cells, row: tuple, font: str, band: bool) -> None:
    lines = table_row_cells(row)
    fill = BAND_FILL if band else "FFFFFF"
    _cell(cells[0], lines[0], Pt(13), font, bold=True, fill=fill)
    _cell(cells[1], lines[1], Pt(13), font, align=PP_ALIGN.RIGHT, fill=fill)
    _cell(cells[2], lines[2], Pt(13), font, align=PP_ALIGN.RIGHT, fill=fill)
    _cell(cells[3], lines[3], Pt(11), font, fill=fill)


def watchlist_slide(prs, title: str, table: WatchlistTable, lang: str, font: str):
    s = titled_slide(prs, title, font)
    body = body_box()
    note_h = Inches(0.35)
    rows = len(table.rows) + 1
    shape = s.shapes.add_table(rows, 4, body.left, body.top, body.width, body.height - note_h)
    shape.name = WATCHLIST_TABLE
    tbl = shape.table
    tbl.first_row = True
    tbl.horz_banding = False
    widths = [*COL_WIDTHS, body.width - sum(COL_WIDTHS)]
    for col, w in zip(tbl.columns, widths, strict=True):
        col.width = w
    for c, text in enumerate(table.header):
        _cell(tbl.cell(0, c), [text], Pt(12), font, bold=True, color="FFFFFF", fill=HEADER_FILL,
              align=PP_ALIGN.RIGHT if c in (1, 2) else PP_ALIGN.LEFT)
    for r, row in enumerate(table.rows, start=1):
        fill_watchlist_row([tbl.cell(r, c) for c in range(4)], row, font, band=r % 2 == 0)
    as_of = (("기준: " if lang == "ko" else "As of ") + table.as_of) if table.as_of else ""
    add_text(s.shapes, "qnai:table:watchlist:note", body.left, body.top + body.height - note_h + Inches(0.05),
             body.width, note_h, [" · ".join(t for t in (table.footnote, as_of) if t)], Pt(11),
             font=font, color="555555")
    return s


def inputs_table(shapes, chart_id: str, rows: list[tuple[str, str]], box: Box, header: tuple[str, str],
                 font: str):
    """A published case's inputs beside its curve."""
    height = min(box.height, Inches(0.36) * (len(rows) + 1))
    shape = shapes.add_table(len(rows) + 1, 2, box.left, box.top, box.width, height)
    shape.name = f"qnai:table:case:{chart_id}"
    tbl = shape.table
    tbl.first_row = True
    tbl.horz_banding = False
    tbl.columns[0].width = int(box.width * 0.62)
    tbl.columns[1].width = box.width - tbl.columns[0].width
    for c, text in enumerate(header):
        _cell(tbl.cell(0, c), [text], Pt(11), font, bold=True, color="FFFFFF", fill=HEADER_FILL)
    for r, (label, value) in enumerate(rows, start=1):
        fill = BAND_FILL if r % 2 == 0 else "FFFFFF"
        _cell(tbl.cell(r, 0), [label], Pt(10), font, fill=fill)
        _cell(tbl.cell(r, 1), [value], Pt(10), font, align=PP_ALIGN.RIGHT, fill=fill)
    return shape


__all__ = ["add_native", "add_panel_texts", "add_picture", "add_watermark", "cover_slide",
           "set_font", "watchlist_slide"]
