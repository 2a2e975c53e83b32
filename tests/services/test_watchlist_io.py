"""Watchlist CSV/XLSX import and export: round trips, formula escaping, all-or-nothing imports."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from qnai_desktop.services.watchlist_io import (
    WatchlistFileError,
    export_file,
    import_file,
    plan_import,
    read_rows,
)
from qnai_desktop.store.cache import Cache

EVIL = {"name_en": "=HYPERLINK(\"http://evil\",\"click\")", "thesis1_en": "-2+3+cmd|' /C calc'!A0",
        "thesis2_en": "@SUM(1+1)", "thesis1_ko": "+82 서울"}


def _snapshot(cache: Cache) -> tuple[pd.DataFrame, int]:
    return cache.watchlist.companies(), len(cache.provenance(10_000))


def _assert_unchanged(cache: Cache, before: tuple[pd.DataFrame, int]) -> None:
    companies, prov = _snapshot(cache)
    pd.testing.assert_frame_equal(companies, before[0])
    assert prov == before[1]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_changes_nothing(cache: Cache, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"watchlist{suffix}"
    assert export_file(cache, out) == 8
    before = cache.watchlist.companies()
    plan, change = import_file(cache, out)
    assert (plan.added, plan.changed, plan.unchanged) == (0, 0, 8)
    assert change.is_empty
    pd.testing.assert_frame_equal(cache.watchlist.companies(), before)


def test_csv_has_premiums_and_opens_in_excel(cache: Cache, tmp_path: Path) -> None:
    out = tmp_path / "w.csv"
    export_file(cache, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads Korean as UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    meta = next(r for r in rows if r["ticker"] == "META")
    assert (meta["market_cap_usd_bn"], meta["per_12mf"], meta["per_vs_sp500"]) == ("1523", "18",
                                                                                   "-0.1818")
    assert next(r for r in rows if r["ticker"] == "CRWV")["per_12mf"] == ""


def test_formula_cells_are_escaped_and_restored(cache: Cache, tmp_path: Path) -> None:
    cache.watchlist.upsert_companies([{**cache.watchlist.company("META"), **EVIL}])
    csv_out, xlsx_out = tmp_path / "w.csv", tmp_path / "w.xlsx"
    export_file(cache, csv_out)
    export_file(cache, xlsx_out, headers={"name": "종목명"})
    meta = next(r for r in csv.DictReader(csv_out.open(encoding="utf-8-sig")) if r["ticker"] == "META")
    for col, text in EVIL.items():
        assert meta[col] == "'" + text
    wb = load_workbook(xlsx_out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    assert not cell.value.startswith(("=", "+", "-", "@")), cell.value
    assert wb["Table"]["B1"].value == "종목명"
    for path in (csv_out, xlsx_out):
        row = next(r for r in read_rows(path) if r["ticker"] == "META")
        assert {k: row[k] for k in EVIL} == EVIL


def test_malformed_csv_is_rejected_whole_naming_row_and_column(cache: Cache, tmp_path: Path) -> None:
    bad = tmp_path / "from_colleague.csv"
    bad.write_text("ticker,market_cap_usd_bn,per_12mf\nMETA,1600,17\nORCL,420,abc\nTSM,900,20\n",
                   encoding="utf-8")
    before = _snapshot(cache)
    with pytest.raises(WatchlistFileError) as err:
        import_file(cache, bad)
    assert (err.value.file, err.value.row, err.value.column) == ("from_colleague.csv", 3, "per_12mf")
    assert "not a number" in str(err.value)
    _assert_unchanged(cache, before)


def test_malformed_xlsx_names_the_cell(cache: Cache, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["ticker", "as_of", "market_cap_usd_bn"])
    ws.append(["META", "2026-11-20", 1600])
    ws.append(["ORCL", "2026-13-45", 420])
    bad = tmp_path / "sheet.xlsx"
    wb.save(bad)
    before = _snapshot(cache)
    with pytest.raises(WatchlistFileError, match=r"sheet.xlsx, row 3, column B \(as_of\)"):
        import_file(cache, bad)
    _assert_unchanged(cache, before)


@pytest.mark.parametrize(("text", "match"), [
    ("ticker,per12mf\nMETA,17\n", "unknown column 'per12mf'"),
    ("name_en,per_12mf\nMeta,17\n", "no 'ticker' column"),
    ("ticker,per_12mf\nMETA,17\nmeta,18\n", "row 3.*appears twice"),
    ("ticker,market_cap_usd_bn\nMETA,-1\n", "row 2, column market_cap_usd_bn.*0 or more"),
    ("ticker,per_12mf\nBAD TICKER,17\n", "row 2, column ticker"),
])
def test_other_bad_files(cache: Cache, tmp_path: Path, text: str, match: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    before = _snapshot(cache)
    with pytest.raises(WatchlistFileError, match=match):
        import_file(cache, bad)
    _assert_unchanged(cache, before)


def test_not_a_workbook(cache: Cache, tmp_path: Path) -> None:
    bad = tmp_path / "fake.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(WatchlistFileError, match="not a readable Excel workbook"):
        import_file(cache, bad)


def test_partial_korean_cp949_sheet_updates_only_given_columns(cache: Cache, tmp_path: Path) -> None:
    sheet = tmp_path / "excel_ko.csv"
    sheet.write_bytes("티커,시가총액,12MF PER,기준일\nMETA,\"1,600\",17배,2026-11-20\nTSM,900,20,\n"
                      .encode("cp949"))
    plan, _change = import_file(cache, sheet)
    assert (plan.added, plan.changed, plan.unchanged) == (1, 1, 0)
    meta = cache.watchlist.company("META")
    assert (meta["market_cap_usd_bn"], meta["per_12mf"], meta["as_of"]) == (1600, 17, "2026-11-20")
    assert meta["thesis1_ko"].startswith("플랫폼 인기 여전")  # untouched column kept
    tsm = cache.watchlist.company("TSM")
    assert (tsm["name_en"], tsm["position"]) == ("TSM", 9)
    assert cache.watchlist.history("META")["per_12mf"].tolist()[-1] == 17
    prov = cache.provenance(1).iloc[0]
    assert (prov["how"], prov["origin"], len(prov["content_hash"])) == ("import", str(sheet), 64)


def test_plan_before_undoes_after(cache: Cache, tmp_path: Path) -> None:

    sheet = tmp_path / "s.csv"
    sheet.write_text("ticker,per_12mf\nMETA,17\nTSM,20\n", encoding="utf-8")
    before = cache.watchlist.companies()
    plan = plan_import(before, sheet)
    cache.watchlist.apply_patch(plan.after, how="import")
    assert cache.watchlist.company("TSM") is not None
    cache.watchlist.apply_patch(plan.before)
    pd.testing.assert_frame_equal(cache.watchlist.companies(), before)
