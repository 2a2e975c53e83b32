"""Add a native chart to a slide and give it the house look; refill it on update.

python-pptx makes the chart and embeds its workbook; the rest is chart XML it has no API for,
written here: fixed scales (so events can be placed, see core/deck/axes.py), a log value axis
(``c:logBase``), a dual-axis combo (python-pptx has no multi-plot API — scanny/python-pptx #141,
#338 — so the right-axis series move into a second ``c:lineChart`` with its own axes), lines
spanning gaps, and the inner plot rectangle as a manual layout.
"""

from __future__ import annotations

from copy import deepcopy

from pptx.chart.axis import DateAxis, ValueAxis, _BaseAxis
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.oxml.ns import qn
from pptx.util import Pt

from ...core.deck.axes import Inner, Scale
from .native_data import NativeData
from .text import MUTED, east_asian

GRID = "D9D9D9"
AXIS = "A0A0A0"
_RIGHT_CAT_ID, _RIGHT_VAL_ID = "50050", "50051"


def _el(parent, tag: str, **attrs):
    el = parent.makeelement(qn(tag), {k: str(v) for k, v in attrs.items()})
    return el


def _child(parent, tag: str, *, after: tuple[str, ...] = (), first: bool = False, **attrs):
    """``parent``'s ``tag`` child (created after the last of ``after`` present, or first)."""
    found = parent.find(qn(tag))
    if found is None:
        found = _el(parent, tag)
        anchor = None
        for name in after:
            hits = parent.findall(qn(name))
            if hits:
                anchor = hits[-1]
        if anchor is not None:
            anchor.addnext(found)
        elif first:
            parent.insert(0, found)
        else:
            parent.append(found)
    for k, v in attrs.items():
        found.set(k, str(v))
    return found


def _manual_layout(layout_el, inner: Inner | None = None, *, x: float = 0.0, y: float = 0.0,
                   w: float | None = None, h: float | None = None, target: str = "") -> None:
    for old in list(layout_el):
        layout_el.remove(old)
    ml = _el(layout_el, "c:manualLayout")
    layout_el.append(ml)
    if target:
        ml.append(_el(ml, "c:layoutTarget", val=target))
    ml.append(_el(ml, "c:xMode", val="edge"))
    ml.append(_el(ml, "c:yMode", val="edge"))
    if inner is not None:
        x, y, w, h = inner.x, inner.y, inner.w, inner.h
    ml.append(_el(ml, "c:x", val=f"{x:.4f}"))
    ml.append(_el(ml, "c:y", val=f"{y:.4f}"))
    if w is not None:
        ml.append(_el(ml, "c:w", val=f"{w:.4f}"))
    if h is not None:
        ml.append(_el(ml, "c:h", val=f"{h:.4f}"))


def plot_inner(chart) -> Inner | None:
    """The inner plot rectangle the chart's XML fixes (None when the layout is automatic)."""
    ml = chart._chartSpace.find(qn("c:chart") + "/" + qn("c:plotArea") + "/" + qn("c:layout") + "/"
                                + qn("c:manualLayout"))
    if ml is None:
        return None
    target = ml.find(qn("c:layoutTarget"))
    if target is None or target.get("val") != "inner":
        return None
    try:
        vals = {k: float(ml.find(qn(f"c:{k}")).get("val")) for k in ("x", "y", "w", "h")}
    except (AttributeError, TypeError, ValueError):
        return None
    return Inner(vals["x"], vals["y"], vals["w"], vals["h"])


def set_plot_inner(chart, inner: Inner) -> None:
    plot_area = chart._chartSpace.find(qn("c:chart") + "/" + qn("c:plotArea"))
    _manual_layout(_child(plot_area, "c:layout", first=True), inner, target="inner")


# -- axes ------------------------------------------------------------------------------------
def axes(chart) -> dict[str, _BaseAxis]:
    """The chart's axes by role: ``x`` (bottom), ``y`` (left), ``y2`` (right, a combo's)."""
    plot_area = chart._chartSpace.find(qn("c:chart") + "/" + qn("c:plotArea"))
    out: dict[str, _BaseAxis] = {}
    for el in plot_area:
        tag = el.tag.split("}")[1]
        if tag not in ("valAx", "dateAx", "catAx"):
            continue
        pos = el.find(qn("c:axPos")).get("val")
        deleted = el.find(qn("c:delete"))
        if deleted is not None and deleted.get("val") in ("1", "true"):
            continue
        role = {"b": "x", "t": "x", "l": "y", "r": "y2"}.get(pos, pos)
        out.setdefault(role, ValueAxis(el) if tag == "valAx" else DateAxis(el) if tag == "dateAx"
                       else _BaseAxis(el))
    return out


def _set_cross_between(ax_el, val: str) -> None:
    el = ax_el.find(qn("c:crossBetween"))
    if el is None:
        el = _el(ax_el, "c:crossBetween")
        anchor = ax_el.find(qn("c:crosses"))
        if anchor is None:
            anchor = ax_el.find(qn("c:crossesAt"))
        anchor.addnext(el)
    el.set("val", val)


def set_log(ax: _BaseAxis, on: bool) -> None:
    scaling = ax._element.find(qn("c:scaling"))
    old = scaling.find(qn("c:logBase"))
    if old is not None:
        scaling.remove(old)
    if on:
        scaling.insert(0, _el(scaling, "c:logBase", val="10"))


def is_log(ax: _BaseAxis) -> bool:
    return ax._element.find(qn("c:scaling") + "/" + qn("c:logBase")) is not None


def write_scale(ax: _BaseAxis, scale: Scale) -> None:
    """Bounds, major unit and tick-label format of a value axis."""
    set_log(ax, scale.log)
    ax.minimum_scale, ax.maximum_scale = scale.lo, scale.hi
    if isinstance(ax, ValueAxis):
        ax.major_unit = scale.step if scale.step and not scale.log else None
    ax.tick_labels.number_format = scale.number_format
    ax.tick_labels.number_format_is_linked = False


def read_scale(ax: _BaseAxis) -> tuple[float | None, float | None, bool]:
    """(min, max, log) as the chart's XML holds them now (hers if she changed them)."""
    return ax.minimum_scale, ax.maximum_scale, is_log(ax)


def write_date_axis(ax: DateAxis, data: NativeData) -> None:
    ax.minimum_scale, ax.maximum_scale = data.x_lo, data.x_hi
    el = ax._element
    for tag in ("c:majorUnit", "c:majorTimeUnit"):
        old = el.find(qn(tag))
        if old is not None:
            el.remove(old)
    if data.ticks is not None:
        base = el.find(qn("c:baseTimeUnit"))
        unit = _el(el, "c:majorUnit", val=data.ticks.unit)
        time_unit = _el(el, "c:majorTimeUnit", val=data.ticks.time_unit)
        base.addnext(unit)
        unit.addnext(time_unit)
        ax.tick_labels.number_format = data.ticks.number_format
        ax.tick_labels.number_format_is_linked = False


def set_tick_skip(ax: _BaseAxis, skip: int) -> None:
    """A label (and tick) every ``skip`` categories on a category axis."""
    el = ax._element
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        old = el.find(qn(tag))
        if old is not None:
            el.remove(old)
    anchor = el.find(qn("c:lblOffset"))
    if anchor is None:
        anchor = el.find(qn("c:lblAlgn"))
    lbl = _el(el, "c:tickLblSkip", val=skip)
    mark = _el(el, "c:tickMarkSkip", val=skip)
    if anchor is None:
        el.append(lbl)
    else:
        anchor.addnext(lbl)
    lbl.addnext(mark)


def _style_axis(ax: _BaseAxis, size: Pt, *, line: bool, grid: bool) -> None:
    ax.major_tick_mark = XL_TICK_MARK.OUTSIDE if line else XL_TICK_MARK.NONE
    ax.minor_tick_mark = XL_TICK_MARK.NONE
    if line:
        ax.format.line.color.rgb = RGBColor.from_string(AXIS)
        ax.format.line.width = Pt(0.75)
    else:
        ax.format.line.fill.background()
    ax.has_major_gridlines = grid
    if grid:
        ax.major_gridlines.format.line.color.rgb = RGBColor.from_string(GRID)
        ax.major_gridlines.format.line.width = Pt(0.5)
    ax.tick_labels.font.size = size
    ax.tick_labels.font.color.rgb = RGBColor.from_string(MUTED)


# -- combo -----------------------------------------------------------------------------------
def split_right_axis(chart, right: tuple[int, ...]) -> None:
    """Move the series at ``right`` into a second line plot on a right value axis."""
    plot_area = chart._chartSpace.find(qn("c:chart") + "/" + qn("c:plotArea"))
    first = plot_area.find(qn("c:lineChart"))
    second = deepcopy(first)
    for i, ser in enumerate(first.findall(qn("c:ser"))):
        if i in right:
            first.remove(ser)
    for i, ser in enumerate(second.findall(qn("c:ser"))):
        if i not in right:
            second.remove(ser)
    for ax_id, new in zip(second.findall(qn("c:axId")), (_RIGHT_CAT_ID, _RIGHT_VAL_ID), strict=True):
        ax_id.set("val", new)
    first.addnext(second)
    cat = next(el for el in plot_area if el.tag in (qn("c:dateAx"), qn("c:catAx")))
    val = plot_area.find(qn("c:valAx"))
    cat2, val2 = deepcopy(cat), deepcopy(val)
    cat2.find(qn("c:axId")).set("val", _RIGHT_CAT_ID)
    cat2.find(qn("c:crossAx")).set("val", _RIGHT_VAL_ID)
    cat2.find(qn("c:delete")).set("val", "1")
    val2.find(qn("c:axId")).set("val", _RIGHT_VAL_ID)
    val2.find(qn("c:crossAx")).set("val", _RIGHT_CAT_ID)
    val2.find(qn("c:axPos")).set("val", "r")
    val2.find(qn("c:crosses")).set("val", "max")
    grid = val2.find(qn("c:majorGridlines"))
    if grid is not None:
        val2.remove(grid)
    last_axis = [el for el in plot_area if el.tag in (qn("c:valAx"), qn("c:dateAx"), qn("c:catAx"))][-1]
    last_axis.addnext(cat2)
    cat2.addnext(val2)


# -- series ----------------------------------------------------------------------------------
def color_series(chart, data: NativeData, indices=None, *, compact: bool = False) -> None:
    """House colours (and line widths) on the series at ``indices`` (all by default)."""
    series = list(chart.series)
    for i, ser in enumerate(series):
        if indices is not None and i not in indices:
            continue
        colour = RGBColor.from_string(data.colors[i % len(data.colors)].lstrip("#")[:6])
        if data.line_like:
            ser.format.line.color.rgb = colour
            ser.format.line.width = Pt(1.5 if compact else 2.0)
            ser.smooth = False
            ser.marker.style = XL_MARKER_STYLE.NONE
        else:
            ser.format.fill.solid()
            ser.format.fill.fore_color.rgb = colour
            if data.stacked:
                ser.format.line.color.rgb = RGBColor.from_string("FFFFFF")
                ser.format.line.width = Pt(0.25)
            else:
                ser.format.line.fill.background()


def series_names(chart) -> list[str]:
    return [s.name for s in chart.series]


# -- the whole chart ---------------------------------------------------------------------------
def style_chart(chart, data: NativeData, *, font: str, size: Pt, inner: Inner,
                legend_top: float, legend_h: float, compact: bool = False) -> None:
    """The house look on a chart python-pptx just made from ``data``."""
    space = chart._chartSpace
    chart.font.size = size
    chart.font.name = font
    chart.font.color.rgb = RGBColor.from_string(MUTED)
    east_asian(space.find(qn("c:txPr")).find(".//" + qn("a:defRPr")), font)
    if data.right:
        split_right_axis(chart, data.right)
    color_series(chart, data, compact=compact)
    if data.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED:
        plot = chart.plots[0]
        plot.gap_width = 60
        plot.overlap = 0
    chart.has_legend = len(data.names) > 1
    if chart.has_legend:
        legend = chart.legend
        legend.position = XL_LEGEND_POSITION.TOP
        legend.include_in_layout = False
        legend.font.size = size
        legend.font.color.rgb = RGBColor.from_string("404040")
        layout = _child(legend._element, "c:layout", after=("c:legendPos", "c:legendEntry"))
        _manual_layout(layout, x=0.0, y=legend_top, w=1.0, h=legend_h)
    roles = axes(chart)
    x_ax, y_ax = roles["x"], roles["y"]
    _style_axis(x_ax, size, line=True, grid=False)
    _style_axis(y_ax, size, line=False, grid=True)
    x_ax.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    write_scale(y_ax, data.y)
    if data.y2 is not None and "y2" in roles:
        _style_axis(roles["y2"], size, line=False, grid=False)
        write_scale(roles["y2"], data.y2)
    if data.x == "date":
        write_date_axis(x_ax, data)
        _set_cross_between(y_ax._element, "midCat")
        if data.y2 is not None and "y2" in roles:
            _set_cross_between(roles["y2"]._element, "midCat")
    elif data.x == "xy" and data.x_scale is not None:
        write_scale(x_ax, data.x_scale)
    elif data.x == "numbers":
        _set_cross_between(y_ax._element, "midCat")
        if data.tick_skip:
            set_tick_skip(x_ax, data.tick_skip)
    if data.line_like:
        disp = space.find(qn("c:chart") + "/" + qn("c:dispBlanksAs"))
        if disp is not None:
            disp.set("val", "span")  # sparse dates (funding rounds) still draw as lines
    set_plot_inner(chart, inner)


def set_stamp(chart, runs: list[tuple[str, str, bool]], *, font: str, size: Pt) -> None:
    """The chart's own title element carries its state — as-of date, stale, illustrative — so
    the mark travels with the chart when it is copied out of the slide."""
    chart.has_title = True
    tf = chart.chart_title.text_frame
    para = tf.paragraphs[0]
    for r in list(para.runs):
        para._p.remove(r._r)
    for text, colour, bold in runs:
        run = para.add_run()
        run.text = text
        run.font.size = size
        run.font.bold = bold
        run.font.name = font
        run.font.color.rgb = RGBColor.from_string(colour)
        east_asian(run._r.get_or_add_rPr(), font)
    title = chart._chartSpace.find(qn("c:chart") + "/" + qn("c:title"))
    _manual_layout(_child(title, "c:layout", after=("c:tx",)), x=0.0, y=0.0)
    _child(title, "c:overlay", after=("c:tx", "c:layout"), val="0")


def stamp_text(chart) -> str:
    return chart.chart_title.text_frame.text if chart.has_title else ""


def rewrite_stamp(chart, runs: list[tuple[str, str, bool]], *, font: str, size: Pt) -> None:
    """New stamp text; her look of the first run stays when she restyled it."""
    if not chart.has_title:
        set_stamp(chart, runs, font=font, size=size)
        return
    para = chart.chart_title.text_frame.paragraphs[0]
    old = list(para.runs)
    if len(old) == len(runs):
        for run, (text, _colour, _bold) in zip(old, runs, strict=True):
            run.text = text
        return
    set_stamp(chart, runs, font=font, size=size)
