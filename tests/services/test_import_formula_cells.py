"""Workbook cells calamine alone reads as blank: formulas with no saved value, Excel errors.

A Bloomberg sheet saved without the add-in (or a template nobody opened in Excel) must be refused
naming the sheet, the cell and the formula — never read as "no values", never as zeros."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from bloomberg_fill import patch_sheets
from openpyxl import Workbook

from qnai_desktop.services.importers import ImportFileError, commit_imports, preview_file
from qnai_desktop.services.xlsx_cells import scan_cells


def saved(path: Path, cells: dict[str, tuple[str, str]]) -> Path:
    """Give cells of the first sheet a saved value as Excel writes it: ref → (type, value)."""
    return patch_sheets(path, {1: cells})


def bdh_sheet(path: Path, *, formula_value: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "CDS"
    ws.append(["ORCL CDS USD SR 5Y D14 Corp", None])
    ws.append(["Date", "PX_LAST"])
    ws.append(['=BDH("ORCL CDS USD SR 5Y D14 Corp","PX_LAST","20260101","")', 118.0])
    ws.append([datetime(2026, 1, 5), 119.5])
    ws.append([datetime(2026, 1, 6), 120.25])
    wb.save(path)
    return saved(path, {"A3": ("", "46024")}) if formula_value else path


def test_a_template_saved_without_calculating_is_refused_naming_sheet_cell_and_formula(
        tmp_path: Path) -> None:
    path = bdh_sheet(tmp_path / "bbg.xlsx", formula_value=False)
    with pytest.raises(ImportFileError) as exc:
        preview_file(path)
    text = str(exc.value)
    assert "bbg.xlsx" in text and "sheet 'CDS' cell A3 holds =BDH(" in text
    assert "no saved value" in text and "Bloomberg add-in" in text


def test_a_bloomberg_formula_that_saved_name_error_is_refused(tmp_path: Path) -> None:
    path = saved(bdh_sheet(tmp_path / "noaddin.xlsx"), {"A3": ("e", "#NAME?")})
    with pytest.raises(ImportFileError, match=r"sheet 'CDS' cell A3: =BDH\(.*saved the error #NAME\?.*"
                                              r"add-in was not loaded"):
        preview_file(path)


def test_a_formula_with_its_saved_value_imports_that_value(tmp_path: Path, cache) -> None:
    p = preview_file(bdh_sheet(tmp_path / "ok.xlsx"), cache.series.metas())
    frame = p.candidates[0].frame
    assert [str(d.date()) for d in frame["date"]] == ["2026-01-02", "2026-01-05", "2026-01-06"]
    assert frame["value"].tolist() == [118.0, 119.5, 120.25]
    assert commit_imports(cache, [p]).total.added == 3


def test_an_excel_error_in_a_value_cell_is_refused_not_read_as_blank(tmp_path: Path) -> None:
    path = saved(bdh_sheet(tmp_path / "div.xlsx"), {"B4": ("e", "#DIV/0!")})
    with pytest.raises(ImportFileError) as exc:
        preview_file(path)
    assert "row 4" in str(exc.value) and "Excel error #DIV/0!" in str(exc.value)


def test_a_formula_that_saved_an_empty_text_is_a_saved_value(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["date", "value", "note"])
    ws.append([datetime(2026, 1, 5), 1.5, '=IF(B2>2,"high","")'])
    wb.save(tmp_path / "str.xlsx")
    path = saved(tmp_path / "str.xlsx", {"C2": ("str", "")})
    assert scan_cells(path.read_bytes()) == {}
    assert preview_file(path).series_found >= 1


def test_one_sheet_of_a_workbook_and_the_sentences_when_it_is_not_there(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Notes"
    wb.active.append(["=1+1"])  # never calculated: only refused when that sheet is read
    ws = wb.create_sheet("Data")
    ws.append(["date", "ORCL"])
    ws.append([datetime(2026, 1, 5), 1.0])
    wb.save(tmp_path / "two.xlsx")
    assert preview_file(tmp_path / "two.xlsx", sheet="Data").sheets == ["Data"]
    with pytest.raises(ImportFileError, match=r"sheet 'Notes' cell A1 holds =1\+1 but no saved value"):
        preview_file(tmp_path / "two.xlsx")
    with pytest.raises(ImportFileError, match=r"no sheet 'CDS' with cells .*'Notes', 'Data'"):
        preview_file(tmp_path / "two.xlsx", sheet="CDS")
    (tmp_path / "a.csv").write_text("date,x\n2026-01-05,1\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"a sheet was named .* CSV file, which has no sheets"):
        preview_file(tmp_path / "a.csv", sheet="Data")
