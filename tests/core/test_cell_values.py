"""One parser per concept: every number, date and n/a form the importers or the watchlist read
before they shared :mod:`core.cell_values` is read by both now (the union), each form listed.

"Importer" = ``parse_number``/``parse_date`` as the CSV/Excel/paste importers call them;
"watchlist" = ``parse_cell`` as an in-place edit and the watchlist's file import call it.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from qnai_desktop.core.cell_values import NA_TOKENS, is_missing, parse_date, parse_number
from qnai_desktop.core.watchlist import CellError, parse_cell

JULY_1 = date(2026, 7, 1)

# (text, value, hint): the importers' forms, then the watchlist's own
NUMBERS = [
    ("1,234.5", 1234.5, None), ("12.5%", 12.5, "pct"), ("12.%", 12.0, "pct"), ("35bp", 35.0, "bp"),
    ("35 bps", 35.0, "bp"), ("(1.2)", -1.2, None), ("−1.2", -1.2, None), ("+11%", 11.0, "pct"),
    ("$1,000", 1000.0, None), ("US$ 12", 12.0, None), ("₩1,000", 1000.0, None),
    ("-$5", -5.0, None), ("1\u00a0234", 1234.0, None), ("1e3", 1000.0, None), (".5", 0.5, None),
    # the watchlist's forms (were refused by the importers)
    ("4,736", 4736.0, None), (" $1,523 ", 1523.0, None), ("18x", 18.0, "ratio"),
    ("18X", 18.0, "ratio"), ("17 배", 17.0, "ratio"), ("17배", 17.0, "ratio"),
    ("4 736", 4736.0, None), ("- 4.5", -4.5, None), ("-4.5", -4.5, None),
]
NA_FORMS = ["", "  ", "-", "–", "—", "n/a", "N/A", "na", "nan", "null", "None", "..", "n.a.",
            "#N/A", "#N/A N/A", "#N/A Field Not Applicable", "NM", "n.m."]
# Ambiguous forms one parser accepted, and the decision: refused by both.
REFUSED_NUMBERS = [
    "1,5",        # watchlist read 15; a comma is a thousands separator here, never a decimal one
    "12,34,567",  # watchlist read 1234567 (commas stripped anywhere); not thousands groups
    "1523$",      # watchlist stripped "$" anywhere; a currency sign leads the number
    "4 73",       # watchlist stripped all spaces; only 3-digit groups are thousands
    # refused by both before, still refused
    "#REF!", "1e999", "abc", "#N/A Requesting Data...", "inf", "x", "배", "%",
]
DATES = [
    "2026-07-01", "2026.07.01", "2026/07/01", "07/01/2026", "2026년 7월 1일", "2026. 7. 1.",
    "46204", "01-Jul-2026", "2026-07-01 00:00:00", "2026-07-01T09:30:00Z", "1 Jul 2026",
    "Jul 1, 2026",
    # the watchlist's forms (the importers refused "20260701" and "2026.07.01.")
    "20260701", "20260701.", "2026.07.01.", "2026/07/01.", "2026-07-01 12:30:00",
]
PERIODS = [("2026Q2", date(2026, 6, 30)), ("2Q26", date(2026, 6, 30)), ("26.2Q", date(2026, 6, 30)),
           ("Q2 2026", date(2026, 6, 30)), ("2026년 4분기", date(2026, 12, 31)),
           ("2026-07", JULY_1), ("2026년 7월", JULY_1)]


@pytest.mark.parametrize(("text", "value", "hint"), NUMBERS)
def test_every_number_form_reads_the_same_in_an_import_and_a_watchlist_cell(text, value, hint):
    assert parse_number(text) == (value, hint)
    assert parse_cell("per_12mf", text) == value


@pytest.mark.parametrize("text", NA_FORMS)
def test_every_na_token_is_missing_in_both(text: str) -> None:
    assert is_missing(text)
    assert parse_number(text) == (None, None)
    assert parse_cell("market_cap_usd_bn", text) is None


def test_na_tokens_are_the_union_of_both_old_lists() -> None:
    old_importer = {"", "-", "–", "—", "n/a", "na", "nan", "null", "none", "..", "n.a.", "#n/a"}
    old_watchlist = {"", "-", "–", "—", "n/a", "na", "nm", "n.m.", "#n/a"}
    assert old_importer | old_watchlist == NA_TOKENS


@pytest.mark.parametrize("text", REFUSED_NUMBERS)
def test_ambiguous_or_broken_numbers_are_refused_by_both(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)
    with pytest.raises(CellError) as err:
        parse_cell("per_12mf", text)
    assert err.value.code == "not_number"


@pytest.mark.parametrize("text", DATES)
def test_every_date_form_reads_the_same_in_an_import_and_a_watchlist_cell(text: str) -> None:
    assert parse_date(text) == JULY_1
    assert parse_cell("as_of", text) == "2026-07-01"


@pytest.mark.parametrize(("text", "day"), PERIODS)
def test_quarters_and_months_read_the_same_in_both(text: str, day: date) -> None:
    assert parse_date(text) == day
    assert parse_cell("as_of", text) == day.isoformat()


def test_typed_cells_from_a_workbook_read_the_same_in_both() -> None:
    for cell in (JULY_1, datetime(2026, 7, 1, 9, 30), 46204, 46204.0, 20260701):
        assert parse_date(cell) == JULY_1
        assert parse_cell("as_of", cell) == "2026-07-01"
    assert parse_number(1523) == (1523.0, None) and parse_cell("market_cap_usd_bn", 1523) == 1523


def test_decisions_on_forms_that_could_mean_two_things() -> None:
    # NN/NN/YYYY is month-first (Bloomberg, US Excel) unless the column says otherwise
    assert parse_date("07/01/2026") == JULY_1
    assert parse_date("13/07/2026", dayfirst=True) == date(2026, 7, 13)
    assert parse_cell("as_of", "01/07/2026", dayfirst=True) == "2026-07-01"
    with pytest.raises(ValueError):
        parse_date("13/07/2026")  # alone, a day-first date is refused, not silently flipped
    # 8 digits are YYYYMMDD only for a plausible year and a real day; else not a date
    with pytest.raises(ValueError):
        parse_date("12345678")
    with pytest.raises(ValueError):
        parse_date(20261301)  # month 13: an integer that is no date is an out-of-range serial
    # a blank as-of is n/a to an importer but required in the watchlist
    assert parse_date("") is None
    with pytest.raises(CellError, match="not a date"):
        parse_cell("as_of", "")
    # a percent typed as a PER keeps its number (the hint is the importers' unit guess)
    assert parse_cell("per_12mf", "18%") == 18.0
