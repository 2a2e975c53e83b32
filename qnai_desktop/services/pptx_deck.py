"""A 16:9 PowerPoint deck, one chart per slide: title, picture, note/source lines, provenance notes.

The title and source line are real slide text (editable, found by PowerPoint's outline and search);
the picture is the chart rendered in house style. The data provenance goes to the slide notes so
the presenter sees it and the audience does not.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from ..core.localized import Localized
from ..core.phrases import AS_OF_LINE, CONTAINS_DEMO, DEMO_TAG, PROVENANCE_HEAD

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.45)
TITLE_TOP, TITLE_H = Inches(0.3), Inches(0.7)
PICTURE_TOP = Inches(1.05)
FOOTER_H = Inches(0.75)
TITLE_ONLY_LAYOUT = 5
DEFAULT_FONT = "맑은 고딕"  # Malgun Gothic: on every Korean Windows/Office install


@dataclass(frozen=True)
class DeckSlide:
    """What one slide shows. ``image`` is a PNG path or PNG bytes."""

    title: str
    image: Path | bytes
    source_line: str
    note_line: str = ""
    notes: str = ""


def _set_font(run, size: Pt, *, bold: bool = False, color: str = "222222",
              font: str = DEFAULT_FONT) -> None:
    run.font.size = size
    run.font.bold = bold
    run.font.name = font
    run.font.color.rgb = RGBColor.from_string(color)
    # python-pptx sets only the Latin typeface; Hangul is drawn with the East Asian one.
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = rpr.makeelement(qn(tag), {})
            rpr.append(el)
        el.set("typeface", font)


def _image_stream(image: Path | bytes):
    return io.BytesIO(image) if isinstance(image, bytes | bytearray) else str(image)


def _fit(img_w: int, img_h: int, box_w: int, box_h: int) -> tuple[int, int]:
    ratio = min(box_w / img_w, box_h / img_h)
    return int(img_w * ratio), int(img_h * ratio)


def _add_slide(prs, slide: DeckSlide, font: str) -> None:
    s = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])
    title = s.shapes.title
    title.left, title.top = MARGIN, TITLE_TOP
    title.width, title.height = SLIDE_W - 2 * MARGIN, TITLE_H
    tf = title.text_frame
    tf.clear()
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    para = tf.paragraphs[0]
    para.alignment = PP_ALIGN.LEFT
    run = para.add_run()
    run.text = slide.title
    _set_font(run, Pt(24), bold=True, font=font)

    box_w = SLIDE_W - 2 * MARGIN
    box_h = SLIDE_H - PICTURE_TOP - FOOTER_H
    pic = s.shapes.add_picture(_image_stream(slide.image), MARGIN, PICTURE_TOP)
    pic.width, pic.height = (Emu(v) for v in _fit(pic.width, pic.height, box_w, box_h))
    pic.name = "Chart"

    footer = s.shapes.add_textbox(MARGIN, SLIDE_H - FOOTER_H + Inches(0.05), box_w,
                                  FOOTER_H - Inches(0.15))
    footer.name = "Source"
    ftf = footer.text_frame
    ftf.word_wrap = True
    ftf.vertical_anchor = MSO_ANCHOR.BOTTOM
    lines = [line for line in (slide.note_line, slide.source_line) if line]
    for i, line in enumerate(lines):
        para = ftf.paragraphs[0] if i == 0 else ftf.add_paragraph()
        para.alignment = PP_ALIGN.LEFT
        run = para.add_run()
        run.text = line
        _set_font(run, Pt(11), color="555555", font=font)

    if slide.notes:
        s.notes_slide.notes_text_frame.text = slide.notes


def build_deck(slides: Sequence[DeckSlide], path: Path | str, *, font: str = DEFAULT_FONT) -> Path:
    """Write the deck to ``path`` (the caller stages it; see export_plan.StagedFolder)."""
    if not slides:
        raise ValueError("a deck needs at least one slide")
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    for slide in slides:
        _add_slide(prs, slide, font)
    path = Path(path)
    prs.save(str(path))
    return path


def provenance_notes(record: dict, lang: str = "ko") -> str:
    """Slide-notes text from a manifest chart record (export_plan.manifest()['charts'][id])."""
    lines = [record.get("source_line", "")]
    if record.get("note_line"):
        lines.append(record["note_line"])
    lines.append(AS_OF_LINE.pick(lang) + str(record.get("as_of") or "-"))
    if record.get("is_demo"):
        lines.append(CONTAINS_DEMO.pick(lang))
    lines.append("")
    lines.append(PROVENANCE_HEAD.pick(lang))
    for s in record.get("series", []):
        demo = DEMO_TAG.pick(lang) if s.get("is_demo") else ""
        lines.append(f"• {s['id']} — {s.get('label', '')}{demo}: {s.get('source', '')}, "
                     f"{s.get('first') or '-'} ~ {s.get('as_of') or '-'}, n={s.get('points', 0)}")
        if s.get("licence"):
            lines.append(f"   {s['licence']}")
        for p in s.get("provenance", [])[:1]:
            lines.append(f"   {p.get('how')} {p.get('at')} {p.get('origin') or ''}".rstrip())
    for w in record.get("warnings", []):
        lines.append("⚠ " + Localized(w["message_ko"], w["message_en"]).pick(lang))
    return "\n".join(lines)
