"""Hostile files: each is refused with file, row, column and value named, and the cache unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qnai_desktop.services.datasets import DatasetError
from qnai_desktop.services.importers import ImportFileError, commit_imports, preview_file

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def dump(cache) -> list[str]:
    """Every row of every table, provenance included: 'unchanged' means not one byte."""
    return list(cache.db.conn.iterdump())


@pytest.mark.parametrize(("name", "expected"), [
    ("broken_date_row57.csv", r"row 57, column '날짜': not a valid date .*'2026\.13\.45'"),
    ("duplicate_dates.csv", r"row 4, column 'x': date 2026-07-01 appears twice .*rows 2 and 4"),
    ("huge_numbers.csv", r"row 3, column 'x': number too large .*'1e999'"),
    ("mixed_encoding.csv", r"mixed text encodings: line 1 is UTF-8 but line 3 is not"),
    ("binary_renamed.csv", r"this is a PNG image, not a CSV or Excel file"),
    ("nul_bytes.csv", r"binary data \(NUL bytes\)"),
    ("empty.csv", r"the file is empty"),
    ("header_only.csv", r"no values found"),
    ("garbage.csv", r"no table found: expected a long table"),
    ("wrong_columns.csv", r"no table found"),
])
def test_hostile_file_is_refused_clearly_and_changes_nothing(cache, name: str, expected: str) -> None:
    before = dump(cache)
    with pytest.raises(ImportFileError, match=expected) as info:
        preview_file(FIX / name, cache.series.metas())
    assert str(info.value).startswith(f"file {name}")
    assert dump(cache) == before


def test_the_error_names_row_column_and_value_as_attributes() -> None:
    with pytest.raises(ImportFileError) as info:
        preview_file(FIX / "broken_date_row57.csv")
    assert (info.value.row, info.value.column, info.value.value) == (57, "날짜", "2026.13.45")


@pytest.mark.parametrize(("text", "expected"), [
    ("series,date,value\na,2026-07-01,1\n,2026-07-02,2\n",
     r"row 3, column 'series': a row without a series id"),
    ("series,date,value\na,2026-07-01,1\na,,2\n", r"row 3, column 'date': a row without a date"),
    ("series,date,value\na,2026-07-01,1\na,2026-07-01,2\n",
     r"row 3, column 'date': date 2026-07-01 appears twice"),
    ("series,date,value\na,2026-07-01,1,zzz\n", r"row 2: more cells than the header's 3 .*'zzz'"),
    ("series,date,value\na,2026-07-01,#REF!\n", r"row 2, column 'value': Excel error #REF!"),
    ("series,date,value\na,2026-07-01,1\na,2026-07-02,TRUE\n",  # not 1.0 (pandas' reading)
     r"row 3, column 'value': cannot read as a number .*'TRUE'"),
    ("series,date,value\na,2026-07-01,1,5\n", r"row 2: more cells than the header's 3 .*'5'"),
    ("series,date,value\na,2026-07-01,1\na,2026-07-02,1,5,6\n", r"row 3: more cells than the header's 3"),
    ("date,x\n2026-07-01,1\n,2\n", r"row 3, column 'date': a value without a date"),
    ("date,x,\n2026-07-01,1,7\n", r"row 2, column 'C': values in a column without a header"),
    ("date,x\n2026-07-01,#N/A Requesting Data...\n", r"Bloomberg was still loading"),
    ("date,x\n2026-07-01,1\n2026-07-02,99999999999999999999999999999999999999e999\n", r"not finite"),
])
def test_broken_cells_in_small_files(tmp_path: Path, text: str, expected: str) -> None:
    f = tmp_path / "broken.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError, match=expected):
        preview_file(f)


def test_trailing_empty_cells_from_excel_are_fine(tmp_path: Path) -> None:
    f = tmp_path / "trailing.csv"
    f.write_text("series,date,value\na,2026-07-01,1,,\na,2026-07-02,2,,\n", encoding="utf-8")
    assert preview_file(f).rows == 2


def test_two_columns_mapped_to_one_series_are_refused_at_commit(cache) -> None:
    p = preview_file(FIX / "korean_euckr.csv", cache.series.metas())
    p.mapping[1].series_id = p.mapping[0].series_id
    before = dump(cache)
    with pytest.raises(ImportFileError, match="both map to series"):
        commit_imports(cache, [p])
    assert dump(cache) == before


def test_a_bad_second_file_rolls_back_the_first(cache) -> None:
    good = preview_file(FIX / "korean_euckr.csv", cache.series.metas())
    bad = preview_file(FIX / "long_mixed_formats.csv", cache.series.metas())
    bad.mapping[0].series_id = "not a valid id!"
    before = dump(cache)
    with pytest.raises(ImportFileError, match="series id must be"):
        commit_imports(cache, [good, bad])
    assert dump(cache) == before


def test_missing_file_and_plain_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no such file"):
        preview_file(tmp_path / "nope.csv")
    with pytest.raises(ImportFileError, match="not one of the shared datasets"):
        preview_file(tmp_path)


def test_a_corrupt_workbook_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "broken.xlsx"
    f.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    with pytest.raises(ImportFileError, match="not a readable Excel workbook"):
        preview_file(f)


def test_a_broken_dataset_file_names_its_row(tmp_path: Path) -> None:
    (tmp_path / "commit-data").mkdir()
    f = tmp_path / "commit-data" / "2026-08-01.csv"
    f.write_text("date,query,count\n2026-08-01,total,10\n2026-08-01,claude,-3\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"row 2 .*column 'count'"):
        preview_file(f)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_the_importer(tmp_path_factory, data: bytes) -> None:
    f = tmp_path_factory.mktemp("fuzz") / "random.csv"
    f.write_bytes(data)
    try:
        preview_file(f)
    except DatasetError:
        pass


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=4), max_size=12))
def test_arbitrary_tables_either_preview_or_fail_with_a_located_error(tmp_path_factory, rows) -> None:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows([["date", "x"], *rows])
    f = tmp_path_factory.mktemp("fuzz") / "table.csv"
    f.write_text(buf.getvalue(), encoding="utf-8")
    try:
        preview_file(f)
    except DatasetError as exc:
        assert "file table.csv" in str(exc)
