"""One file reader for the importers and the watchlist: encodings, delimiters, calamine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from qnai_desktop.services.importers import ImportFileError, preview_file
from qnai_desktop.services.table_files import TableFileError, read_table
from qnai_desktop.services.watchlist_io import WatchlistFileError, read_rows

ROOT = Path(__file__).resolve().parents[2]
WATCHLIST = "티커,종목명,기준일\nMETA,메타 플랫폼스,2026년 7월 1일\n"
SERIES = "날짜,메타 종가\n2026-07-01,1\n2026-07-02,2\n"


@pytest.mark.parametrize(("encoding", "prefix", "label"), [
    ("utf-8", b"", "UTF-8"), ("utf-8", b"\xef\xbb\xbf", "UTF-8 (BOM)"),
    ("cp949", b"", "EUC-KR (CP949)"), ("euc_kr", b"", "EUC-KR (CP949)"), ("utf-16", b"", "UTF-16"),
])
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_watchlist_and_importer_read_the_same_encodings_and_delimiters(
        tmp_path: Path, encoding: str, prefix: bytes, label: str, delimiter: str) -> None:
    wl, series = tmp_path / "wl.csv", tmp_path / "series.csv"
    wl.write_bytes(prefix + WATCHLIST.replace(",", delimiter).encode(encoding))
    series.write_bytes(prefix + SERIES.replace(",", delimiter).encode(encoding))
    assert read_table(wl).encoding == label and read_table(wl).delimiter == delimiter
    assert read_rows(wl) == [{"ticker": "META", "name_ko": "메타 플랫폼스", "as_of": "2026-07-01"}]
    preview = preview_file(series)
    assert (preview.encoding, preview.delimiter) == (label, delimiter)
    assert [c.label for c in preview.candidates] == ["메타 종가"]


def test_a_file_mixing_utf8_and_cp949_is_refused_by_both(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes("티커,종목명\n".encode() + "META,메타\n".encode("cp949"))
    with pytest.raises(WatchlistFileError, match="mixed text encodings"):
        read_rows(mixed)
    with pytest.raises(ImportFileError, match="mixed text encodings"):
        preview_file(mixed)


def test_a_watchlist_workbook_is_read_with_calamine_not_openpyxl(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Notes"
    wb.active.append(["not the table"])
    ws = wb.create_sheet("Watchlist")
    ws.append(["ticker", "per_12mf", "as_of", "thesis1_en"])
    ws.append(["META", 18, 20260701, "'=1+1"])
    path = tmp_path / "w.xlsx"
    wb.save(path)
    code = ("import sys\nfrom qnai_desktop.services.watchlist_io import read_rows\n"
            f"rows = read_rows({str(path)!r})\n"
            "assert 'openpyxl' not in sys.modules, 'openpyxl used to read'\nprint(rows)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "'thesis1_en': '=1+1'" in out.stdout and "'as_of': '2026-07-01'" in out.stdout


def test_an_exported_escaped_label_imports_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "chart.csv"
    path.write_text("날짜,'=HYPERLINK(\"x\"),'''quoted\n2026-07-01,1,2\n", encoding="utf-8-sig")
    labels = [c.label for c in preview_file(path).candidates]
    assert labels == ["=HYPERLINK(\"x\")", "''quoted"]


def test_long_csv_ids_are_unescaped_on_the_fast_path_too(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("series,date,value\n'-minus,2026-07-01,1\n'-minus,2026-07-02,2\n"
                    "plain,2026-07-01,3\n", encoding="utf-8")
    assert sorted(c.label for c in preview_file(path).candidates) == ["-minus", "plain"]


def test_the_reader_refuses_what_is_not_a_table(tmp_path: Path) -> None:
    png = tmp_path / "x.csv"
    png.write_bytes(b"\x89PNG\r\n")
    with pytest.raises(TableFileError, match="PNG image"):
        read_table(png)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(WatchlistFileError, match="the file is empty"):
        read_rows(empty)
