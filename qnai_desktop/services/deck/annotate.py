"""Events, callouts and difference arrows drawn over a native chart as named slide shapes.

Each shape is named ``qnai:ann:<chart-id>:<annotation-id>:<part>``: an update removes a chart's
annotation shapes and draws them again from the cache at the chart's current place (so a moved
chart gets its marks back where it now is; restyling of these shapes is not kept). Event labels
that would collide step down one row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from ...core.annotations import Annotation, arrow_label, epoch_seconds, is_percent_unit, value_at
from ...core.charts import PreparedChart
from ...core.deck.panel import text_width_pt
from .geometry import ChartGeometry
from .text import DEFAULT_FONT, add_text

EVENT = "595959"
ACCENT = "EA002C"  # the house red (style accent)
PREFIX = "qnai:ann:"
LABEL_SIZE = Pt(9)


@dataclass
class Drawn:
    """What was drawn on one chart and what could not be (annotation, reason)."""

    drawn: list[Annotation] = field(default_factory=list)
    skipped: list[tuple[Annotation, str]] = field(default_factory=list)


def shape_prefix(chart_id: str) -> str:
    return f"{PREFIX}{chart_id}:"


def remove_annotation_shapes(shapes, chart_id: str) -> int:
    """Delete this chart's annotation shapes (ours by name); returns how many."""
    prefix = shape_prefix(chart_id)
    gone = [s for s in shapes if s.name.startswith(prefix)]
    for s in gone:
        s._element.getparent().remove(s._element)
    return len(gone)


def _line(shape, colour: str, width: float, *, dash: bool = False) -> None:
    shape.line.color.rgb = RGBColor.from_string(colour)
    shape.line.width = Pt(width)
    if dash:
        shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH


def _arrowhead(connector) -> None:
    ln = connector.line._get_or_add_ln()
    tail = ln.makeelement(qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"})
    ln.append(tail)


def _short_date(a: Annotation) -> str:
    return f"{a.day.month}/{a.day.day}"


def _series_y(p: PreparedChart, a: Annotation, day) -> tuple[float | None, bool, bool]:
    """(y to draw at, right axis?, percent unit?) of the annotation's series on ``day``."""
    series = list(p.series)
    target = next((s for s in series if s.series_id == a.series_id or s.key == a.series_id), None)
    target = target or (series[0] if series else None)
    if target is None:
        return None, False, False
    at = epoch_seconds(day)
    if p.spec.stacked:  # an area's top edge is the running sum up to this series
        upto = series[: series.index(target) + 1]
        vals = [value_at(s.x, s.y, at) for s in upto]
        y = sum(v for v in vals if v is not None) if vals[-1] is not None else None
    else:
        y = value_at(target.x, target.y, at)
    return y, target.axis == "right", is_percent_unit(target.unit) or p.spec.kind == "area_pct"


def draw_annotations(shapes, chart_id: str, geo: ChartGeometry, anns: Sequence[Annotation],
                     p: PreparedChart, lang: str, *, font: str = DEFAULT_FONT,
                     size: Pt = LABEL_SIZE, short: bool = False) -> Drawn:
    """Draw ``anns`` over the chart whose data space is ``geo``; ``short`` (a small chart in a
    grid) labels events with their date only — the sentences are in the slide notes."""
    out = Drawn()
    line_h = int(size.pt * 1.5 * 12700)
    rows: list[int] = []  # right edge of the last event label in each row
    for a in sorted(anns, key=lambda a: (a.day, a.id)):
        name = f"{shape_prefix(chart_id)}{a.id}:"
        if geo.x != "date" and geo.x != "category":
            out.skipped.append((a, "the chart's x is not dates"))
            continue
        x = geo.x_for_day(a.day)
        if x is None:
            out.skipped.append((a, "its date is outside the chart's range"))
            continue
        if a.kind == "event":
            text = _short_date(a) if short else f"{_short_date(a)} {a.label(lang)}"
            ev = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, x, geo.plot.top, x, geo.plot.bottom)
            ev.name = name + "line"
            _line(ev, EVENT, 1.0, dash=True)
            width = int((text_width_pt(text, size.pt) + 6) * 12700)
            row = next((i for i, right in enumerate(rows) if x > right), len(rows))
            rows[row:row + 1] = [x + width + 12700 * 4]
            left, align = x + 12700 * 2, PP_ALIGN.LEFT
            if left + width > geo.plot.right:
                left, align = x - width - 12700 * 2, PP_ALIGN.RIGHT
            add_text(shapes, name + "label", left, geo.plot.top + row * line_h, width, line_h,
                     [(text, EVENT)], size, font=font, align=align, anchor=MSO_ANCHOR.MIDDLE,
                     wrap=False)
        elif a.kind == "callout":
            y_val, right, _ = _series_y(p, a, a.day)
            y_val = a.value if a.value is not None else y_val
            if y_val is None:
                out.skipped.append((a, "no value at its date"))
                continue
            y = geo.y_for(y_val, right)
            r = int(Pt(3))
            dot = shapes.add_shape(MSO_SHAPE.OVAL, x - r, y - r, 2 * r, 2 * r)
            dot.name = name + "point"
            dot.fill.solid()
            dot.fill.fore_color.rgb = RGBColor.from_string(ACCENT)
            dot.line.fill.background()
            text = a.label(lang)
            width = int((text_width_pt(text, size.pt) + 6) * 12700)
            left = min(x + int(Pt(8)), geo.plot.right - width)
            top = max(geo.plot.top, y - int(Pt(8)) - line_h)
            add_text(shapes, name + "label", left, top, width, line_h, [(text, ACCENT)], size,
                     font=font, anchor=MSO_ANCHOR.MIDDLE, wrap=False, bold=True)
        else:  # arrow
            to = a.to_day
            x2 = geo.x_for_day(to) if to else None
            y1, right, points = _series_y(p, a, a.day)
            y2v = _series_y(p, a, to)[0] if to else None
            if x2 is None or y1 is None or y2v is None:
                out.skipped.append((a, "its second date or a value is missing"))
                continue
            target = next((s for s in p.series if s.series_id == a.series_id or s.key == a.series_id),
                          p.series[0])
            label = arrow_label(target.x, target.y, a.day, to, points=points, lang=lang) or ""
            text = " ".join(t for t in (label, a.label(lang)) if t)
            ya, yb = geo.y_for(y1, right), geo.y_for(y2v, right)
            arrow = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, x, ya, x2, yb)
            arrow.name = name + "arrow"
            _line(arrow, ACCENT, 1.5)
            _arrowhead(arrow)
            width = int((text_width_pt(text, size.pt) + 6) * 12700)
            mid_x, top_y = (x + x2) // 2, min(ya, yb) - line_h - int(Pt(2))
            add_text(shapes, name + "label", max(geo.plot.left, mid_x - width // 2),
                     max(geo.plot.top, top_y), width, line_h, [(text, ACCENT)], size, font=font,
                     align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE, wrap=False, bold=True)
        out.drawn.append(a)
    return out
