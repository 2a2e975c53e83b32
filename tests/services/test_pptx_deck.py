"""The slide deck, opened again with python-pptx as PowerPoint would read it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from qnai_desktop.services.pptx_deck import DeckSlide, build_deck, provenance_notes


def png(width: int = 1920, height: int = 900) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (30, 60, 200)).save(buf, "PNG")
    return buf.getvalue()


def test_one_slide_per_chart_with_title_picture_source_and_notes(tmp_path: Path) -> None:
    slides = [
        DeckSlide("OpenRouter 토큰 사용량", png(), "자료: OpenRouter, SK증권", notes="기준일: 2026-07-27"),
        DeckSlide("B200, H100 렌탈 가격 추이", png(1920, 1080), "자료: gpurentalprices.com, SK증권",
                  note_line="주: 일별 공개 오퍼 중앙값", notes="provenance"),
    ]
    path = build_deck(slides, tmp_path / "deck.pptx")
    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))  # 16:9
    assert len(prs.slides) == 2
    for slide, want in zip(prs.slides, slides, strict=True):
        assert slide.shapes.title.text_frame.text == want.title
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        pic = pictures[0]
        assert pic.left + pic.width <= prs.slide_width and pic.top + pic.height <= prs.slide_height
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert any(want.source_line in t for t in texts)
        assert slide.notes_slide.notes_text_frame.text == want.notes
    footer = next(s for s in prs.slides[1].shapes if s.name == "Source").text_frame.text
    assert footer == "주: 일별 공개 오퍼 중앙값\n자료: gpurentalprices.com, SK증권"
    # Hangul needs the East Asian typeface, not only the Latin one
    run = prs.slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    ea = run._r.rPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}ea")
    assert ea is not None and ea.get("typeface") == "맑은 고딕"


def test_picture_keeps_its_aspect_ratio(tmp_path: Path) -> None:
    prs = Presentation(str(build_deck([DeckSlide("t", png(1920, 1080), "s")], tmp_path / "d.pptx")))
    pic = next(s for s in prs.slides[0].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert pic.width / pic.height == pytest.approx(1920 / 1080, rel=0.01)


def test_an_empty_deck_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        build_deck([], tmp_path / "d.pptx")
    assert not (tmp_path / "d.pptx").exists()


def test_notes_carry_provenance_and_the_demo_flag() -> None:
    record = {"source_line": "자료: Bloomberg, SK증권", "note_line": "", "as_of": "2026-07-31",
              "is_demo": True,
              "series": [{"id": "cds.oracle_5y", "label": "Oracle 5Y", "source": "Bloomberg",
                          "is_demo": True, "first": "2025-01-01", "as_of": "2026-07-31",
                          "points": 413, "licence": "Illustrative",
                          "provenance": [{"how": "seed", "at": "2026-08-01", "origin": "demo"}]}],
              "warnings": [{"message_ko": "예시 데이터", "message_en": "Illustrative"}]}
    text = provenance_notes(record, "ko")
    assert "cds.oracle_5y" in text and "2025-01-01 ~ 2026-07-31" in text and "seed" in text
    assert "예시 데이터 포함" in text
    assert "Contains illustrative data" in provenance_notes(record, "en")
