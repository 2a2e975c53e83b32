"""The pack's workbook: sheet names Excel accepts, and text that never runs as a formula."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from qnai_desktop.core.charts import ChartSpec, SeriesRef
from qnai_desktop.services.export_plan import gather_jobs
from qnai_desktop.services.export_workbook import sheet_names, write_workbook


def test_sheet_names_are_short_unique_and_legal() -> None:
    ids = ["scenario.meta_compute_sale.bear_meta_sells_35_1a2b3c",
           "scenario.meta_compute_sale.bear_meta_sells_35_9f8e7d", "a/b:c*d?[e]", "Info"]
    names = sheet_names(ids, reserved=["info"])
    assert all(len(n) <= 31 for n in names.values())
    assert len({n.casefold() for n in names.values()}) == 4 and "info" not in {
        n.casefold() for n in names.values()}
    assert names["a/b:c*d?[e]"] == "a_b_c_d__e_"


def test_labels_from_imported_files_never_run_as_formulas(cache, tmp_path: Path) -> None:
    spec = ChartSpec(id="mine", title_ko="=HYPERLINK(\"http://x\")", title_en="t", kind="line",
                     series=(SeriesRef("cds.oracle_5y", "=cmd|' /C calc'!A0", "x"),), origin="user")
    cache.charts.save(spec.id, spec.to_dict())
    path = write_workbook(tmp_path / "w.xlsx", gather_jobs(cache, ["mine"]), "ko")
    ws = openpyxl.load_workbook(path)["mine"]
    assert ws["A1"].value == "'=HYPERLINK(\"http://x\")" and ws["A1"].data_type == "s"
    assert ws["B5"].value == "'=cmd|' /C calc'!A0"
