"""The shipped Bloomberg template is what its script makes, and holds a BDH formula per security."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from bloomberg_fill import TEMPLATE, formula_cells, read_back
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]


def load_script():
    spec = importlib.util.spec_from_file_location("make_bloomberg_template",
                                                  ROOT / "scripts" / "make_bloomberg_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cells(path: Path) -> dict[str, dict[str, object]]:
    wb = load_workbook(path)  # formulas as written, not values
    return {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row
                       if c.value is not None} for ws in wb}


def test_the_committed_template_is_what_the_script_makes(tmp_path: Path) -> None:
    script = load_script()
    assert script.main(["--out", str(tmp_path / "t.xlsx")]) == 0
    assert cells(tmp_path / "t.xlsx") == cells(TEMPLATE), \
        "resources/templates/bloomberg_note_series.xlsx is stale: run scripts/make_bloomberg_template.py"


def test_every_note_security_has_one_bdh_formula_reading_the_start_date() -> None:
    found = {sheet: {security: fields for _r, _c, security, fields in blocks}
             for sheet, blocks in formula_cells().items()}
    assert found["Series"] == {"SDH100RT Index": ["PX_LAST"], "ORCL CDS USD SR 5Y D14 Corp": ["PX_LAST"],
                               "CRWV CDS USD SR 5Y D14 Corp": ["PX_LAST"]}
    assert sorted(found["Valuation"]) == sorted(f"{t} US Equity" for t in
                                                ("NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META",
                                                 "ORCL", "CRWV"))
    assert all(f == ["BEST_PE_RATIO", "CUR_MKT_CAP"] for f in found["Valuation"].values())
    held = cells(TEMPLATE)
    assert held["Valuation"]["A6"] == ('=BDH($A$4,$B$5:$C$5,$B$1,"","Dir=V","Dts=S","Sort=A",'
                                       '"BEST_FPERIOD_OVERRIDE=1BF","Curr=USD")')
    assert read_back(TEMPLATE)["Series"].get("A6") is None  # no saved value: Excel never ran it
