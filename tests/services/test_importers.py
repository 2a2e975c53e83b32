"""Importers on the files analysts are sent: layouts, encodings, dates, numbers, counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qnai_desktop.core.cell_values import parse_date, parse_number
from qnai_desktop.services.importers import (
    REPLACES_DEMO,
    commit_imports,
    frame_from_rows,
    preview_file,
    remembered_mappings,
    retarget,
    split_pasted,
)

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def values(cache, sid: str) -> dict[str, float]:
    obs = cache.series.observations(sid)
    return dict(zip(obs["date"].dt.strftime("%Y-%m-%d"), obs["value"], strict=True))


# --- cells ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026-07-01", "2026.07.01", "2026/07/01", "07/01/2026",
                                  "2026년 7월 1일", "2026. 7. 1.", "46204", "01-Jul-2026",
                                  "2026-07-01 00:00:00", "2026-07-01T09:30:00Z"])
def test_every_documented_date_form_reads_as_july_first(text: str) -> None:
    assert parse_date(text) == date(2026, 7, 1)


@pytest.mark.parametrize(("text", "day"), [("2026Q2", date(2026, 6, 30)), ("2Q26", date(2026, 6, 30)),
                                           ("26.2Q", date(2026, 6, 30)), ("2026년 4분기", date(2026, 12, 31)),
                                           ("2026-07", date(2026, 7, 1))])
def test_quarters_land_on_quarter_end_and_months_on_the_first(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(("text", "value", "hint"), [
    ("1,234.5", 1234.5, None), ("12.5%", 12.5, "pct"), ("35bp", 35.0, "bp"), ("35 bps", 35.0, "bp"),
    ("(1.2)", -1.2, None), ("−1.2", -1.2, None), ("+11%", 11.0, "pct"), ("$1,000", 1000.0, None),
    ("", None, None), ("#N/A N/A", None, None), ("#N/A Field Not Applicable", None, None), ("-", None, None),
])
def test_numbers_as_analysts_write_them(text: str, value, hint) -> None:
    assert parse_number(text) == (value, hint)


@pytest.mark.parametrize("text", ["1,5", "#REF!", "1e999", "abc", "#N/A Requesting Data...", "inf"])
def test_unreadable_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


# --- layouts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["bloomberg_cds.xlsx", "bloomberg_cds.csv"])
def test_bloomberg_sheet_two_blocks_map_onto_the_cds_series(cache, name: str) -> None:
    p = preview_file(FIX / name, cache.series.metas())
    assert p.layout == "bloomberg"
    assert [(m.label, m.series_id, m.unit, m.status) for m in p.mapping] == [
        ("ORCL CDS USD SR 5Y D14 Corp PX_LAST", "cds.oracle_5y", "bp", REPLACES_DEMO),
        ("CRWV CDS USD SR 5Y D14 Corp PX_LAST", "cds.coreweave_5y", "bp", REPLACES_DEMO)]
    assert p.rows == 312  # 2 × 160 days less 4 '#N/A N/A' holes each
    assert "periodicity: DAILY" in p.notes and "start date: 2026-01-02" in p.notes


def test_a_field_twice_in_one_bloomberg_block_is_two_series(tmp_path: Path) -> None:
    """Both PX_LAST columns of the block once shared a key, so each row wrote the last column."""
    f = tmp_path / "bdh.csv"
    f.write_text("X CDS 5Y Corp,,\nDate,PX_LAST,PX_LAST\n2026-01-02,1,10\n2026-01-05,2,\n",
                 encoding="utf-8")
    p = preview_file(f)
    [a, b] = p.bundles({})
    assert (a.frame["value"].tolist(), b.frame["value"].tolist()) == ([1.0, 2.0], [10.0])
    assert p.rows == 3


def test_bloomberg_import_replaces_demo_then_is_idempotent(cache) -> None:
    p = preview_file(FIX / "bloomberg_cds.xlsx", cache.series.metas())
    dry = commit_imports(cache, [p], dry_run=True)
    assert dry.total.summary() == "312 added, 0 changed, 0 unchanged"
    assert cache.series.meta("cds.oracle_5y").is_demo  # the dry run wrote nothing
    done = commit_imports(cache, [p])
    assert done.total.summary() == dry.total.summary()
    meta = cache.series.meta("cds.oracle_5y")
    assert not meta.is_demo and meta.title_en == "Oracle 5Y CDS spread" and meta.licence == ""
    obs = cache.series.observations("cds.oracle_5y")
    assert len(obs) == 156 and obs["date"].min().date() == date(2026, 1, 2)  # demo points gone
    again = commit_imports(cache, [preview_file(FIX / "bloomberg_cds.csv", cache.series.metas())])
    assert (again.total.added, again.total.changed, again.total.unchanged) == (0, 0, 312)


def test_korean_cp949_csv_from_excel(cache) -> None:
    p = preview_file(FIX / "korean_excel_cp949.csv", cache.series.metas())
    assert (p.layout, p.encoding) == ("wide", "EUC-KR (CP949)")
    assert [m.label for m in p.mapping] == ["H100 임대지수", "B200 임대지수"]
    assert p.rows == 120 and p.mapping[0].first == date(2026, 7, 1)
    assert any("비고" in n for n in p.notes)  # the empty memo column is noted, not imported
    r = commit_imports(cache, [p])
    assert r.total.added == 120
    assert values(cache, p.mapping[1].series_id)["2026-07-01"] == 5.9


@pytest.mark.parametrize(("name", "encoding"), [("korean_utf8_bom.csv", "UTF-8 (BOM)"),
                                                ("korean_euckr.csv", "EUC-KR (CP949)")])
def test_other_encodings_give_the_same_korean_labels(name: str, encoding: str) -> None:
    p = preview_file(FIX / name)
    assert p.encoding == encoding and p.mapping[0].label == "H100 임대지수"


def test_long_csv_with_every_date_and_number_form(cache) -> None:
    p = preview_file(FIX / "long_mixed_formats.csv", cache.series.metas())
    assert p.layout == "long" and [m.series_id for m in p.mapping] == ["test.alpha", "test.beta"]
    commit_imports(cache, [p])
    assert values(cache, "test.alpha") == {"2026-07-01": 1234.5, "2026-07-02": 12.5,
                                           "2026-07-03": 35.0, "2026-07-06": -1.2,
                                           "2026-07-08": 7.0}
    assert values(cache, "test.beta")["2026-07-01"] == 1234500.0


def test_excel_dates_and_percent_cells_guess_quarterly_pct(cache) -> None:
    p = preview_file(FIX / "wide_dates.xlsx", cache.series.metas())
    row = p.mapping[0]
    assert (row.unit, row.frequency, row.rows) == ("pct", "Q", 4)
    p.mapping[0] = retarget(row, "meta.ad_impressions_yoy", cache.series.metas())
    p.mapping[1] = retarget(p.mapping[1], "meta.ad_price_yoy", cache.series.metas())
    r = commit_imports(cache, [p])
    assert r.total.summary() == "8 added, 0 changed, 0 unchanged"
    assert values(cache, "meta.ad_impressions_yoy")["2026-06-30"] == 11.0
    assert not cache.series.meta("meta.ad_price_yoy").is_demo


def test_mapping_choice_is_remembered_for_the_next_file(cache) -> None:
    p = preview_file(FIX / "korean_euckr.csv", cache.series.metas())
    p.mapping[0] = retarget(p.mapping[0], "silicondata.h100_index", cache.series.metas())
    p.mapping[1].include = False
    commit_imports(cache, [p])
    assert remembered_mappings(cache) == {"H100 임대지수": "silicondata.h100_index"}
    again = preview_file(FIX / "korean_excel_cp949.csv", cache.series.metas(), remembered_mappings(cache))
    assert again.mapping[0].series_id == "silicondata.h100_index"
    assert again.mapping[0].unit == "usd_per_gpu_hour"  # borrowed from the existing series


def test_one_import_of_several_files_is_one_transaction(cache) -> None:
    a = preview_file(FIX / "korean_euckr.csv", cache.series.metas())
    b = preview_file(FIX / "long_mixed_formats.csv", cache.series.metas())
    r = commit_imports(cache, [a, b])
    assert [c.added for _p, c in r.files] == [20, 10] and r.total.added == 30
    prov = cache.provenance(10)
    assert list(prov["how"][:2]) == ["import", "import"]
    assert prov["content_hash"].iat[0] and prov["origin"].iat[0].endswith("long_mixed_formats.csv")


def test_xlsx_renamed_csv_is_still_read_as_a_workbook(tmp_path: Path) -> None:
    renamed = tmp_path / "sent_as.csv"
    renamed.write_bytes((FIX / "bloomberg_cds.xlsx").read_bytes())
    assert preview_file(renamed).layout == "bloomberg"


def test_day_first_column_is_detected_and_noted(tmp_path: Path) -> None:
    f = tmp_path / "eu.csv"
    f.write_text("date,x\n13/01/2026,1\n02/01/2026,2\n", encoding="utf-8")
    p = preview_file(f)
    assert p.mapping[0].first == date(2026, 1, 2) and p.mapping[0].last == date(2026, 1, 13)
    assert any("day-first" in n for n in p.notes)


def test_trailing_source_note_rows_are_not_errors(tmp_path: Path) -> None:
    f = tmp_path / "with_footer.csv"
    f.write_text("날짜,값\n2026-07-01,1\n2026-07-02,2\n,\n\"자료: Bloomberg, SK증권\",\n", encoding="utf-8")
    assert preview_file(f).rows == 2


def test_semicolon_and_tab_delimiters(tmp_path: Path) -> None:
    for delim in (";", "\t"):
        f = tmp_path / "d.csv"
        f.write_text(delim.join(["date", "a", "b"]) + "\n" + delim.join(["2026-07-01", "1", "2"])
                     + "\n", encoding="utf-8")
        p = preview_file(f)
        assert p.delimiter == delim and [m.label for m in p.mapping] == ["a", "b"]


# --- series editor paste -------------------------------------------------------------------------

def test_pasted_excel_block_with_header_reads_quarters_and_percents() -> None:
    rows = split_pasted("분기\t값\r\n1Q26\t+12%\r\n2Q26\t+11%\r\n")
    df = frame_from_rows(rows)
    assert list(df["date"].dt.strftime("%Y-%m-%d")) == ["2026-03-31", "2026-06-30"]
    assert list(df["value"]) == [12.0, 11.0]


def test_pasted_bad_cell_names_row_and_column() -> None:
    from qnai_desktop.services.importers import PasteError

    with pytest.raises(PasteError, match=r"row 2, column 'value'.*'abc'"):
        frame_from_rows(split_pasted("2026-03-31\t1\n2026-06-30\tabc\n"))


# --- big long CSVs (the vectorised path) ---------------------------------------------------------

def test_long_csv_keeps_numeric_looking_ids_and_dates_as_written(tmp_path: Path) -> None:
    """KRX codes keep their leading zeros; "1" and "1.0" stay two series (pandas would merge
    them if the ids were read as numbers); serial-number dates read as Excel serials."""
    f = tmp_path / "krx.csv"
    f.write_text("series,date,value\n005930,45292,1\n5930,45292,2\n1,45293,3\n1.0,45293,4\n"
                 "005930,45293,5\n", encoding="utf-8")
    p = preview_file(f)
    assert [m.series_id for m in p.mapping] == ["005930", "5930", "1", "1.0"]
    assert [m.rows for m in p.mapping] == [2, 1, 1, 1]
    assert p.mapping[0].first == date(2024, 1, 1) and p.mapping[0].last == date(2024, 1, 2)


def test_long_csv_rows_in_any_order_give_sorted_series_with_frequencies(tmp_path: Path) -> None:
    """Shuffled rows, blank values and an irregular series: one sort, facts computed in bulk."""
    lines = ["series,date,value"]
    weekly = [f"w,2024-{m:02d}-{d:02d},{m * 100 + d}" for m in (1, 2) for d in (1, 8, 15, 22)]
    monthly = [f"m,2024-{m:02d}-01,{m}" for m in range(1, 13)]
    odd = ["x,2024-01-01,1", "x,2024-01-02,2", "x,2024-03-01,3", "x,2024-03-02,", "x,2024-03-03,4"]
    single = ["s,2024-05-05,9"]
    rows = weekly + monthly + odd + single
    order = [rows[i] for i in sorted(range(len(rows)), key=lambda i: (i * 7919) % len(rows))]
    f = tmp_path / "shuffled.csv"
    f.write_text("\n".join(lines + order) + "\n", encoding="utf-8")
    p = preview_file(f)
    by_id = {m.series_id: m for m in p.mapping}
    assert {k: (m.frequency, m.rows) for k, m in by_id.items()} == {
        "w": ("W", 8), "m": ("M", 12), "x": ("D", 4), "s": ("D", 1)}
    frames = {c.label: c.frame for c in p.candidates}
    assert frames["x"]["date"].is_monotonic_increasing and frames["x"]["value"].tolist() == [1, 2, 3, 4]
    assert frames["w"].index.tolist() == list(range(8))
    assert by_id["m"].first == date(2024, 1, 1) and by_id["m"].last == date(2024, 12, 1)
