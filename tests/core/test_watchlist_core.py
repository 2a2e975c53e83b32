"""Watchlist rules without Qt or a database: premium, cell parsing, patches, the report check."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from qnai_desktop.core.watchlist import (
    Benchmarks,
    CellError,
    filter_mask,
    lint,
    move_patches,
    parse_cell,
    parse_edit,
    parse_ticker,
    premium,
    search_text,
    store_column,
    view_frame,
    view_row,
)
from qnai_desktop.services.seed import fact_rows, watchlist_rows

NOTE_DAY = date(2026, 7, 10)  # four days after the note's as-of date


@pytest.fixture
def companies() -> pd.DataFrame:
    return pd.DataFrame(watchlist_rows())


@pytest.fixture
def facts() -> pd.DataFrame:
    return pd.DataFrame(fact_rows())


def test_premium_against_the_notes_benchmarks() -> None:
    assert premium(18, 22) == pytest.approx(-0.1818, abs=1e-4)
    assert premium(29, 25) == pytest.approx(0.16)
    assert premium(None, 22) is None and premium(-3, 22) is None


def test_view_frame_shows_the_note_table(companies: pd.DataFrame) -> None:
    df = view_frame(companies, "ko", Benchmarks())
    assert df.index.tolist() == ["NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META", "ORCL", "CRWV"]
    assert df.loc["META", "name"] == "메타 플랫폼스"
    assert df.loc["META", "vs_sp500"] == pytest.approx(18 / 22 - 1)
    assert pd.isna(df.loc["CRWV", "vs_bigtech"])  # PER n/a → no premium
    assert view_frame(companies, "en", Benchmarks()).loc["META", "name"] == "Meta Platforms"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_one_row_as_shown_matches_the_whole_table(companies: pd.DataFrame, lang: str) -> None:
    bench = Benchmarks(20.0, 26.0)
    table = view_frame(companies, lang, bench)
    for company in companies.to_dict("records"):
        row = view_row({**company, "as_of": company["as_of"] or None}, lang, bench)
        expected = table.loc[company["ticker"]].to_dict()
        assert list(row) == list(table.columns)
        for col, value in expected.items():
            assert row[col] == value or (pd.isna(row[col]) and pd.isna(value)), (company, col)


@pytest.mark.parametrize(("column", "text", "value"), [
    ("market_cap_usd_bn", "4,736", 4736.0), ("market_cap_usd_bn", " $1,523 ", 1523.0),
    ("market_cap_usd_bn", "", None), ("per_12mf", "18x", 18.0), ("per_12mf", "17 배", 17.0),
    ("per_12mf", "-", None), ("per_12mf", "n/a", None), ("per_12mf", "-4.5", -4.5),
    ("as_of", "2026/07/06", "2026-07-06"), ("as_of", "20260706", "2026-07-06"),
    ("name_ko", "  메타  플랫폼스 ", "메타 플랫폼스"), ("thesis1_ko", "-2+3", "-2+3"),
    ("position", "3", 3),
])
def test_parse_accepts_what_analysts_type(column: str, text: str, value: object) -> None:
    assert parse_cell(column, text) == value


@pytest.mark.parametrize(("column", "text", "code"), [
    ("market_cap_usd_bn", "-5", "negative"), ("market_cap_usd_bn", "abc", "not_number"),
    ("per_12mf", "eighteen", "not_number"), ("per_12mf", "inf", "not_number"),
    ("as_of", "2026-02-30", "not_date"), ("as_of", "", "not_date"), ("name_en", "  ", "empty"),
])
def test_parse_rejects_with_a_named_reason(column: str, text: str, code: str) -> None:
    with pytest.raises(CellError) as err:
        parse_cell(column, text)
    assert err.value.code == code
    assert "시가총액" in CellError("market_cap_usd_bn", "negative", "-5").message("ko")
    assert "'-5'" in CellError("market_cap_usd_bn", "negative", "-5").message("en")


def test_a_typed_thesis_loses_the_notes_bullet() -> None:
    assert parse_edit("thesis1_ko", "-플랫폼 인기 여전") == "플랫폼 인기 여전"
    assert parse_edit("per_12mf", "17배") == 17.0


def test_ticker_rules() -> None:
    assert parse_ticker(" tsm ") == "TSM"
    with pytest.raises(CellError, match="already"):
        parse_ticker("meta", {"META"})
    with pytest.raises(CellError):
        parse_ticker("no spaces")


def test_store_column_follows_language() -> None:
    assert store_column("thesis2", "en") == "thesis2_en"
    assert store_column("per_12mf", "ko") == "per_12mf"


def test_lint_finds_the_notes_duplicate_thesis_and_meta_per(companies, facts) -> None:
    issues = lint(companies, facts, today=NOTE_DAY, benchmarks=Benchmarks())
    found = {(i.kind, i.ticker, i.column) for i in issues}
    assert found == {("fact_mismatch", "META", "per_12mf"),
                     ("duplicate_thesis", "CRWV", "thesis1"),
                     ("duplicate_thesis", "CRWV", "thesis2")}
    meta = next(i for i in issues if i.kind == "fact_mismatch")
    assert "17배" in meta.message("ko") and "18" in meta.message("en")
    dup = next(i for i in issues if i.column == "thesis1")
    assert "Oracle (ORCL)" in dup.message("en") and "오라클(ORCL)" in dup.message("ko")


def test_lint_is_clean_once_fixed(companies, facts) -> None:
    companies.loc[companies.ticker == "META", "per_12mf"] = 17.0
    crwv = companies.ticker == "CRWV"
    for col in ("thesis1_ko", "thesis2_ko", "thesis1_en", "thesis2_en"):
        companies.loc[crwv, col] = "CoreWeave " + col
    assert lint(companies, facts, today=NOTE_DAY) == []


def test_lint_flags_stale_missing_and_benchmark(companies, facts) -> None:
    companies.loc[companies.ticker == "AAPL", "market_cap_usd_bn"] = None
    companies.loc[companies.ticker == "NVDA", "thesis2_en"] = ""
    issues = lint(companies, facts, today=date(2026, 11, 24), stale_days=30,
                  benchmarks=Benchmarks(sp500=20))
    kinds = [(i.kind, i.ticker, i.column) for i in issues]
    assert sum(k == "stale" for k, _t, _c in kinds) == 8
    assert ("missing", "AAPL", "market_cap_usd_bn") in kinds
    assert ("missing", "NVDA", "thesis2") in kinds
    assert ("benchmark_mismatch", "", "vs_sp500") in kinds
    assert [i.severity for i in issues] == sorted(i.severity for i in issues)  # errors first
    stale = next(i for i in issues if i.kind == "stale")
    assert "141" in stale.message("en")


def test_filter_matches_names_and_thesis_in_both_languages(companies) -> None:
    hay = search_text(companies)
    tickers = companies["ticker"].to_numpy()
    assert tickers[filter_mask(hay, "쇼티지")].tolist() == ["ORCL", "CRWV"]
    assert tickers[filter_mask(hay, "NVIDIA")].tolist() == ["NVDA"]
    assert tickers[filter_mask(hay, "agent 소비자용 siri")].tolist() == ["AAPL"]
    assert filter_mask(hay, "   ").all()


def test_move_patches_renumber_and_undo(companies) -> None:
    before, after = move_patches(companies, "CRWV", -1)
    assert {r["ticker"]: r["position"] for r in after.upsert} == {"ORCL": 8, "CRWV": 7}
    assert {r["ticker"]: r["position"] for r in before.upsert} == {"ORCL": 7, "CRWV": 8}
    assert move_patches(companies, "NVDA", -1) is None


def test_benchmarks_from_settings_fall_back_to_the_note() -> None:
    got = Benchmarks.from_settings({"benchmark_per.sp500": "20", "benchmark_per.bigtech": "x"}.get)
    assert got == Benchmarks(sp500=20.0, bigtech=25.0)
