"""Watchlist to and from CSV/XLSX: what analysts paste into slides and what colleagues send back.

Import reads the whole file, validates every cell with the same rules as an in-place edit and
only then writes, in ONE transaction, so a bad file is rejected whole with file, row and column
named. Export escapes text cells a spreadsheet would run as formulas (OWASP CSV injection);
import undoes that escaping, so export → import is exact.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ..core.cell_values import day_first
from ..core.changes import ChangeSet
from ..core.spreadsheet_safety import escape_formula
from ..core.watchlist import (
    Benchmarks,
    CellError,
    Patch,
    clean_row,
    new_company,
    parse_cell,
    parse_ticker,
    view_frame,
)
from ..store._base import content_hash
from ..store.cache import Cache
from ..store.errors import ValidationError
from ..store.watchlist_repo import COMPANY_COLS
from .output_paths import atomic_output
from .table_files import TableFileError, column_letter, read_table

EXPORT_COLUMNS = ["ticker", "name_ko", "name_en", "market_cap_usd_bn", "per_12mf", "per_vs_sp500",
                  "per_vs_bigtech", "thesis1_ko", "thesis2_ko", "thesis1_en", "thesis2_en", "as_of",
                  "position"]
DERIVED = frozenset({"per_vs_sp500", "per_vs_bigtech"})  # recomputed, so ignored on import
#: Headers people type or copy from the app, normalised to lower case → store column.
ALIASES = {"티커": "ticker", "종목": "name_ko", "종목명": "name_ko", "name": "name_en",
           "시가총액": "market_cap_usd_bn", "시가총액(십억달러)": "market_cap_usd_bn",
           "market cap": "market_cap_usd_bn", "market cap (usd bn)": "market_cap_usd_bn",
           "12mf per": "per_12mf", "per": "per_12mf", "기준일": "as_of", "as of": "as_of",
           "순서": "position", "order": "position"}
KEEP_IF_EMPTY = frozenset({"name_ko", "name_en", "as_of", "position"})
XLSX_SHEET = "Watchlist"


class WatchlistFileError(ValidationError):
    """A file that cannot be imported; nothing was written. Names file, row and column."""

    def __init__(self, file: str, row: int, column: str, reason: str) -> None:
        where = ", ".join(p for p in (file, f"row {row}" if row else "",
                                      f"column {column}" if column else "") if p)
        super().__init__(f"{where}: {reason}")
        self.file, self.row, self.column, self.reason = file, row, column, reason


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would do; ``before`` undoes ``after``."""

    file: str
    content_hash: str
    before: Patch
    after: Patch
    added: int
    changed: int
    unchanged: int

    def summary(self) -> str:
        return f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged"


# -- reading ------------------------------------------------------------------------------------
def _read_table(path: Path) -> tuple[list[str], list[tuple[int, list[object]]], list[str]]:
    """Header cells, (file row number, cells) for non-blank rows, and per-column display names.

    Read by the importers' reader (encoding, delimiter, calamine for workbooks, formula escaping
    undone); a workbook's ``Watchlist`` sheet is used when there is one, else the first sheet."""
    try:
        table = read_table(path)
    except TableFileError as exc:
        raise WatchlistFileError(path.name, exc.row or 0, "", exc.reason) from None
    sheet = next((s for s in table.sheets if s.name == XLSX_SHEET), table.sheets[0])
    rows = sheet.rows
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    body = [(i, r) for i, r in enumerate(rows[1:], start=2)
            if any(c not in (None, "") and str(c).strip() for c in r)]
    if table.kind == "csv":
        return header, body, header
    return header, body, [f"{column_letter(j)} ({h})" for j, h in enumerate(header)]


def read_rows(path: Path | str) -> list[dict]:
    """Validated partial rows (always with ``ticker``); raises WatchlistFileError on the first fault."""
    path = Path(path)
    try:
        header, body, shown = _read_table(path)
    except OSError as exc:
        raise WatchlistFileError(path.name, 0, "", str(exc)) from exc
    columns: list[str | None] = []
    for j, h in enumerate(header):
        key = h.lower()
        col = key if key in COMPANY_COLS or key in DERIVED else ALIASES.get(key)
        if col is None and h:
            raise WatchlistFileError(path.name, 1, shown[j], f"unknown column {h!r}")
        if col is not None and col in columns:
            raise WatchlistFileError(path.name, 1, shown[j], f"column {h!r} appears twice")
        columns.append(None if col in DERIVED else col)
    if "ticker" not in columns:
        raise WatchlistFileError(path.name, 1, "", "no 'ticker' column")
    j = columns.index("as_of") if "as_of" in columns else -1
    # as an import's date column: NN/NN/YYYY is read day-first if some first part is above 12
    dayfirst = j >= 0 and day_first([cells[j] for _row, cells in body if j < len(cells)])
    out: list[dict] = []
    seen: set[str] = set()
    for row_no, cells in body:
        row: dict = {}
        for j, col in enumerate(columns):
            if col is None:
                continue
            raw = cells[j] if j < len(cells) else None
            if isinstance(raw, str):
                raw = raw.strip()
            if col in KEEP_IF_EMPTY and raw in (None, ""):
                continue
            try:
                row[col] = parse_ticker(str(raw or "")) if col == "ticker" else \
                    parse_cell(col, "" if raw is None else raw, dayfirst=dayfirst)
            except CellError as exc:
                raise WatchlistFileError(path.name, row_no, shown[j], exc.message("en")) from None
        if row["ticker"] in seen:
            raise WatchlistFileError(path.name, row_no, shown[columns.index("ticker")],
                                     f"ticker {row['ticker']} appears twice in the file")
        seen.add(row["ticker"])
        out.append(row)
    return out


def plan_import(current: pd.DataFrame, path: Path | str, *, today: date | None = None) -> ImportPlan:
    """Merge the file's rows over the current table: given columns replace, others are kept."""
    path = Path(path)
    rows = read_rows(path)
    existing = {r["ticker"]: clean_row(r) for r in current.to_dict("records")}
    next_pos = int(max((r["position"] for r in existing.values()), default=0)) + 1
    before: list[dict] = []
    after: list[dict] = []
    added_tickers: list[str] = []
    changed = unchanged = 0
    for r in rows:
        base = existing.get(r["ticker"])
        if base is None:
            base = new_company(r["ticker"], next_pos, today or date.today())
            next_pos += 1
            added_tickers.append(r["ticker"])
        else:
            before.append(base)
        merged = {**base, **r}
        after.append(merged)
        if r["ticker"] in existing:
            if _same(base, merged):
                unchanged += 1
            else:
                changed += 1
    return ImportPlan(path.name, content_hash(path.read_bytes()),
                      Patch(upsert=tuple(before), delete=tuple(added_tickers)),
                      Patch(upsert=tuple(after)), len(added_tickers), changed, unchanged)


def _same(a: dict, b: dict) -> bool:
    for k in COMPANY_COLS:
        x, y = a.get(k), b.get(k)
        if isinstance(x, float) and isinstance(y, float):
            if not (x == y or (math.isnan(x) and math.isnan(y))):
                return False
        elif x != y:
            return False
    return True


def import_file(cache: Cache, path: Path | str, *, today: date | None = None) -> tuple[ImportPlan,
                                                                                       ChangeSet]:
    """Validate the whole file, then write it in one transaction (provenance: file and hash)."""
    plan = plan_import(cache.watchlist.companies(), path, today=today)
    change = cache.watchlist.upsert_companies(list(plan.after.upsert), how="import", origin=str(path),
                                    content_hash=plan.content_hash)
    return plan, change


# -- writing ------------------------------------------------------------------------------------
def export_frame(companies: pd.DataFrame, bench: Benchmarks) -> pd.DataFrame:
    shown = view_frame(companies, "ko", bench)
    df = companies.copy()
    df["per_vs_sp500"] = shown["vs_sp500"].round(4).to_numpy()
    df["per_vs_bigtech"] = shown["vs_bigtech"].round(4).to_numpy()
    return df[EXPORT_COLUMNS]


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return escape_formula(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value.item() if hasattr(value, "item") else value


def export_file(cache: Cache, path: Path | str, *, lang: str = "ko",
                headers: dict[str, str] | None = None) -> int:
    """Write the watchlist to ``.csv`` (UTF-8 with BOM, for Excel) or ``.xlsx``; returns rows.

    The XLSX also carries a second sheet laid out as the table is shown (``lang`` and the
    display ``headers``), ready to paste into a slide. The file appears whole or not at all; a
    missing folder is created; a path problem is an ``OutputPathError`` ("cannot write …: …").
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise WatchlistFileError(path.name, 0, "", "choose a .csv or .xlsx file name")
    bench = Benchmarks.from_settings(cache.settings.get)
    df = export_frame(cache.watchlist.companies(), bench)
    records = [[_cell(v) for v in row] for row in df.itertuples(index=False, name=None)]
    shown = view_frame(cache.watchlist.companies(), lang, bench) if suffix == ".xlsx" else None
    with atomic_output(path) as tmp:
        if shown is None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(EXPORT_COLUMNS)
                writer.writerows([["" if v is None else v for v in r] for r in records])
        else:
            _write_xlsx(tmp, records, shown, headers or {})
    return len(records)


def _write_xlsx(path: Path, records: list[list[object]], shown: pd.DataFrame,
                headers: dict[str, str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    formats = {"market_cap_usd_bn": "#,##0", "per_12mf": "#,##0.0#", "per_vs_sp500": "+0%;-0%;0%",
               "per_vs_bigtech": "+0%;-0%;0%", "vs_sp500": "+0%;-0%;0%", "vs_bigtech": "+0%;-0%;0%"}
    wb = Workbook()
    data = wb.active
    data.title = XLSX_SHEET
    table = wb.create_sheet("Table")
    sheets = [(data, EXPORT_COLUMNS, records),
              (table, list(shown.columns),
               [[_cell(v) for v in r] for r in shown.itertuples(index=False, name=None)])]
    for ws, cols, rows in sheets:
        ws.append([headers.get(c, c) if ws is table else c for c in cols])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center")
        for r in rows:
            ws.append(r)
        for j, col in enumerate(cols, start=1):
            letter = ws.cell(row=1, column=j).column_letter
            ws.column_dimensions[letter].width = 48 if "thesis" in col else 14
            for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                if col in formats and isinstance(cell.value, int | float):
                    cell.number_format = formats[col]
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, even if escaping changes one day
        ws.freeze_panes = "C2"
    wb.save(path)
