"""Write resources/templates/bloomberg_note_series.xlsx: the note's Bloomberg series as BDH formulas.

Usage: python scripts/make_bloomberg_template.py [--out PATH]

She opens the workbook in Excel with the Bloomberg add-in, lets the formulas load, saves it, and
links it once (``qnai-desktop links add bloomberg_note_series.xlsx``); from then on
``qnai-desktop refresh`` (or the window, a moment after she saves) re-reads it when it changed.

The layout is the one the BDH importer reads (``services/importers/layouts.py``): per sheet a
``Start Date`` row the formulas refer to, then securities side by side in blocks separated by a
blank column — the security in the row above, ``Date`` and the field mnemonics in the header row,
and one ``=BDH(…)`` in the block's first date cell that fills the block downwards. Columns map
onto the cache's series by the importer's rules (``services/importers/mapping.py``):

* sheet ``Series``: ``SDH100RT Index`` → ``silicondata.h100_index``, ``ORCL CDS USD SR 5Y D14
  Corp`` → ``cds.oracle_5y``, ``CRWV CDS USD SR 5Y D14 Corp`` → ``cds.coreweave_5y`` (PX_LAST);
* sheet ``Valuation``: for the note's eight names ``BEST_PE_RATIO`` (12-month blended forward,
  ``BEST_FPERIOD_OVERRIDE=1BF``) → ``bbg.best_pe.<ticker>`` and ``CUR_MKT_CAP`` (USD) →
  ``bbg.mkt_cap.<ticker>``;
* sheet ``README``: what to do, in Korean and English (no table: the importer skips it).

openpyxl writes formulas without saved values, so a copy nobody opened in Excel is refused by
the importer with the cell named ("holds =BDH(…) but no saved value"), never read as zeros.
Re-running gives the same cells (the file's zip timestamps differ).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "templates" / "bloomberg_note_series.xlsx"
START = date(2024, 1, 2)
FIXED_TIME = datetime(2026, 12, 1)  # workbook properties: the same cells give the same metadata

#: sheet → [(security, fields, extra BDH options)], in the order the blocks stand
SHEETS: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {
    "Series": [
        ("SDH100RT Index", ("PX_LAST",), ()),
        ("ORCL CDS USD SR 5Y D14 Corp", ("PX_LAST",), ()),
        ("CRWV CDS USD SR 5Y D14 Corp", ("PX_LAST",), ()),
    ],
    "Valuation": [
        (f"{ticker} US Equity", ("BEST_PE_RATIO", "CUR_MKT_CAP"),
         ("BEST_FPERIOD_OVERRIDE=1BF", "Curr=USD"))
        for ticker in ("NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META", "ORCL", "CRWV")
    ],
}
META_ROWS = 3  # Start Date, Periodicity, blank
SECURITY_ROW, HEADER_ROW, FIRST_ROW = 4, 5, 6
README = [
    "Q&AI Desktop — Bloomberg series of the note / 노트의 Bloomberg 시리즈",
    "",
    "1. Open this workbook in Excel with the Bloomberg add-in and wait until every block has loaded.",
    "   Bloomberg 애드인이 있는 Excel에서 열고 모든 블록이 채워질 때까지 기다립니다.",
    "2. Save it (keep the .xlsx format). / .xlsx 형식으로 저장합니다.",
    "3. Link it once: qnai-desktop links add bloomberg_note_series.xlsx (or Import… → keep linked).",
    "   한 번 연결합니다. 이후 저장할 때마다 새로 고침(refresh)이 바뀐 내용을 다시 읽습니다.",
    "",
    "Change the start date in cell B1 of each sheet. Do not rename the securities or the header",
    "row: the columns map onto the app's series by them. A copy saved without the add-in is",
    "refused with the cell named, never read as zeros.",
    "시작일은 각 시트의 B1에서 바꿉니다. 종목명과 머리글 행은 바꾸지 마세요(시리즈 연결 기준).",
]


def bdh_formula(col: int, fields: int, options: tuple[str, ...]) -> str:
    """``=BDH(security, fields, start, "", options…)`` for the block starting at ``col`` (1-based)."""
    security = f"${get_column_letter(col)}${SECURITY_ROW}"
    first, last = get_column_letter(col + 1), get_column_letter(col + fields)
    field_ref = f"${first}${HEADER_ROW}" + (f":${last}${HEADER_ROW}" if fields > 1 else "")
    opts = ",".join(f'"{o}"' for o in ("Dir=V", "Dts=S", "Sort=A", *options))
    return f'=BDH({security},{field_ref},$B$1,"",{opts})'


def build_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for name, blocks in SHEETS.items():
        ws = wb.create_sheet(name)
        ws["A1"], ws["B1"] = "Start Date", datetime.combine(START, datetime.min.time())
        ws["B1"].number_format = "yyyy-mm-dd"
        ws["A2"], ws["B2"] = "Periodicity", "DAILY"
        col = 1
        for security, fields, options in blocks:
            ws.cell(SECURITY_ROW, col, security).font = bold
            ws.cell(HEADER_ROW, col, "Date").font = bold
            for i, field in enumerate(fields, start=1):
                ws.cell(HEADER_ROW, col + i, field).font = bold
            cell = ws.cell(FIRST_ROW, col, bdh_formula(col, len(fields), options))
            cell.number_format = "yyyy-mm-dd"
            ws.column_dimensions[get_column_letter(col)].width = 12
            for i in range(1, len(fields) + 1):
                ws.column_dimensions[get_column_letter(col + i)].width = 16
            ws.column_dimensions[get_column_letter(col + len(fields) + 1)].width = 3
            col += len(fields) + 2  # the block, then one blank column
        ws.freeze_panes = ws.cell(FIRST_ROW, 1)
    readme = wb.create_sheet("README")
    for r, line in enumerate(README, start=1):
        readme.cell(r, 1, line)
    readme.column_dimensions["A"].width = 100
    wb.properties.creator = "Q&AI Desktop (scripts/make_bloomberg_template.py)"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return wb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default: {OUT})")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    build_workbook().save(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
