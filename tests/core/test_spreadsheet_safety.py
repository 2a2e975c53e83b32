"""Formula escaping: one rule for every export (CSV, XLSX, clipboard) and its exact inverse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qnai_desktop.core.spreadsheet_safety import (
    FORMULA_PREFIXES,
    escape_formula,
    is_formula_like,
    unescape_formula,
)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_formula_cells_are_escaped(text: str) -> None:
    assert is_formula_like(text)
    assert escape_formula(text) == "'" + text
    assert unescape_formula(escape_formula(text)) == text


def test_a_leading_apostrophe_is_escaped_too_so_the_inverse_is_exact() -> None:
    # the chart-data export once left "'a" alone, so an import could not tell it from "a" escaped
    assert escape_formula("'a") == "''a" and unescape_formula("''a") == "'a"
    assert escape_formula("'=1") == "''=1" and unescape_formula("''=1") == "'=1"
    # text we did not escape is read as it is
    assert unescape_formula("'a") == "'a" and unescape_formula("'") == "'"
    assert escape_formula("ok") == "ok" and escape_formula("") == ""


@given(st.text())
def test_escape_round_trips_any_text(text: str) -> None:
    escaped = escape_formula(text)
    assert not escaped.startswith(FORMULA_PREFIXES)
    assert unescape_formula(escaped) == text
