"""Command-palette ranking with plain data."""

from __future__ import annotations

from qnai_desktop.core.palette import PaletteEntry, rank

ENTRIES = [
    PaletteEntry("ticker", "CRWV", "CRWV 코어위브 CoreWeave"),
    PaletteEntry("ticker", "ORCL", "ORCL 오라클 Oracle"),
    PaletteEntry("chart", "cds_oracle_coreweave", "Oracle, CoreWeave CDS 스프레드"),
    PaletteEntry("series", "cds.coreweave_5y", "CoreWeave 5Y CDS spread"),
    PaletteEntry("action", "import", "Import… 가져오기", ("file",)),
]


def test_every_token_must_match() -> None:
    assert [e.key for e in rank(ENTRIES, "coreweave cds")] == ["cds_oracle_coreweave",
                                                               "cds.coreweave_5y"]


def test_ticker_ranks_before_charts_for_a_name() -> None:
    assert rank(ENTRIES, "CoreWeave")[0].key == "CRWV"


def test_korean_and_keywords_match() -> None:
    assert rank(ENTRIES, "오라클")[0].key == "ORCL"
    assert rank(ENTRIES, "file")[0].key == "import"


def test_no_match_and_empty_query() -> None:
    assert rank(ENTRIES, "nvidia") == []
    assert rank(ENTRIES, "")[0].kind == "action"
