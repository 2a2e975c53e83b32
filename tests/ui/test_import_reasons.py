"""An import's refusal reads in her language: the importers' English reasons are translated,
the quoted pieces (days, ids, counts) carried over; a reason not known stays as written."""

from __future__ import annotations

import pytest

from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.importing.reasons import DETAILS, REASONS, reason_text


@pytest.mark.parametrize("english,korean", [
    ("not a valid date (month must be in 1..12)", "올바른 날짜가 아닙니다 (월은 1~12여야 합니다)"),
    ("not a valid date (day is out of range for month)", "올바른 날짜가 아닙니다 (그 달에 없는 날입니다)"),
    ("not a valid date (something new)", "올바른 날짜가 아닙니다 (something new)"),
    ("date 2026-01-02 appears twice for series 'cds.x' (rows 3 and 9)",
     "시리즈 'cds.x'에 2026-01-02 날짜가 두 번 있습니다 (3행, 9행)"),
    ("cannot read as a number (',' is read as a thousands separator)",
     "숫자로 읽을 수 없습니다 (','는 천 단위 구분 기호로 읽습니다)"),
    ("cannot read as a number", "숫자로 읽을 수 없습니다"),
    ("more cells than the header's 3", "머리글의 3칸보다 셀이 많습니다"),
    ("a reason nobody translated", "a reason nobody translated"),
])
def test_reasons_read_in_korean(qapp, english: str, korean: str) -> None:
    set_language("ko")
    assert reason_text(english) == korean
    set_language("en")
    assert reason_text(english) == english


def test_every_reason_the_importers_write_is_listed() -> None:
    """Each template is an importer's own text: a reworded importer message fails here."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "qnai_desktop"
    sources = "".join(p.read_text("utf-8") for p in [*(root / "services" / "importers").glob("*.py"),
                                                      root / "core" / "cell_values.py"])
    for template in REASONS:
        head = template.split("{", 1)[0].rstrip(" (")
        assert head in sources, template
    assert len(DETAILS) == 3
