"""Text on slides: fonts that draw Hangul, text boxes, and rewriting text while keeping its look.

python-pptx sets only the Latin typeface; PowerPoint draws Hangul with the East Asian one
(``a:ea``), so every run and every chart text property gets both (and ``a:cs``).
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

DEFAULT_FONT = "맑은 고딕"  # Malgun Gothic: on every Korean Windows/Office install
TEXT = "222222"
MUTED = "595959"
DEMO_RED = "C0392B"
STALE_ORANGE = "B85C00"


def east_asian(rpr, font: str) -> None:
    """Give a run / default run property element the East Asian and complex-script typeface."""
    for tag in ("a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = rpr.makeelement(qn(tag), {})
            rpr.append(el)
        el.set("typeface", font)


def set_font(run, size: Pt, *, bold: bool = False, color: str = TEXT, font: str = DEFAULT_FONT) -> None:
    """Size, weight, colour and Latin + East Asian typeface of one run."""
    run.font.size = size
    run.font.bold = bold
    run.font.name = font
    run.font.color.rgb = RGBColor.from_string(color)
    east_asian(run._r.get_or_add_rPr(), font)


Line = tuple[str, str] | tuple[str, str, bool]  # (text, colour[, bold])


def fill_frame(tf, lines: Sequence[Line | str], size: Pt, *, font: str = DEFAULT_FONT,
               align=PP_ALIGN.LEFT, color: str = TEXT, bold: bool = False) -> None:
    """Replace the text of ``tf`` by ``lines`` (one paragraph each; a line is a string or a
    ``(text, colour[, bold])`` tuple)."""
    tf.clear()
    for i, line in enumerate(lines):
        text, col, b = (line, color, bold) if isinstance(line, str) else (
            line[0], line[1], line[2] if len(line) > 2 else bold)
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        para.alignment = align
        run = para.add_run()
        run.text = text
        set_font(run, size, bold=b, color=col, font=font)


def add_text(shapes, name: str, left: int, top: int, width: int, height: int,
             lines: Sequence[Line | str], size: Pt, *, font: str = DEFAULT_FONT,
             align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, bold: bool = False, color: str = TEXT,
             wrap: bool = True):
    """A named text box with no insets (its text starts exactly at its edge)."""
    box = shapes.add_textbox(left, top, width, height)
    box.name = name
    tf = box.text_frame
    tf.word_wrap = wrap
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
    fill_frame(tf, lines, size, font=font, align=align, color=color, bold=bold)
    return box


def fill_runs(tf, runs: Sequence[tuple[str, str, bool]], size: Pt, *, font: str = DEFAULT_FONT,
              align=PP_ALIGN.LEFT) -> None:
    """One paragraph of differently coloured runs (a stamp: "기준: …", "오래된 데이터", …)."""
    tf.clear()
    para = tf.paragraphs[0]
    para.alignment = align
    for text, colour, bold in runs:
        run = para.add_run()
        run.text = text
        set_font(run, size, bold=bold, color=colour, font=font)


def rewrite_runs(tf, runs: Sequence[tuple[str, str, bool]], size: Pt, *, font: str = DEFAULT_FONT) -> None:
    """New run texts when the pieces are the same (her look kept), else the runs afresh."""
    para = tf.paragraphs[0]
    old = list(para.runs)
    if len(tf.paragraphs) == 1 and len(old) == len(runs):
        for run, (text, _colour, _bold) in zip(old, runs, strict=True):
            run.text = text
        return
    fill_runs(tf, runs, size, font=font)


def rewrite_text(tf, lines: Sequence[str]) -> None:
    """New text in an existing frame, each paragraph keeping the look of its first run (her
    formatting survives an update); extra paragraphs copy the last run's look."""
    paras = list(tf.paragraphs)
    template = None
    for i, text in enumerate(lines):
        para = paras[i] if i < len(paras) else tf.add_paragraph()
        runs = list(para.runs)
        if runs:
            template = runs[0]._r.find(qn("a:rPr"))
            runs[0].text = text
            for extra in runs[1:]:
                para._p.remove(extra._r)
            continue
        run = para.add_run()
        run.text = text
        if template is not None:
            old = run._r.find(qn("a:rPr"))
            if old is not None:
                run._r.remove(old)
            run._r.insert(0, deepcopy(template))
    for para in paras[len(lines):]:
        tf._txBody.remove(para._p)


def set_alpha(run, alpha_pct: int) -> None:
    """Make a run's solid colour ``alpha_pct`` % opaque (a watermark that does not hide data)."""
    clr = run._r.get_or_add_rPr().find(qn("a:solidFill"))
    srgb = clr.find(qn("a:srgbClr")) if clr is not None else None
    if srgb is not None:
        for old in srgb.findall(qn("a:alpha")):
            srgb.remove(old)
        alpha = srgb.makeelement(qn("a:alpha"), {"val": str(alpha_pct * 1000)})
        srgb.append(alpha)
