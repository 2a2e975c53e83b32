"""Epoch AI "Data on AI Companies": ARR points and post-money valuations for OpenAI, Anthropic, xAI.

Rules (see docs/SERIES.md for the ids):

* ARR (``epoch.arr.<co>``, USD bn) comes from ``ai_companies_revenue_reports.csv``, column
  "Annualized revenue (USD)". Epoch leaves that column empty for yearly, half-year and
  product/division figures, so only company-wide run-rate points are kept; a row typed
  "Product/division revenue" is dropped even if the column is filled.
* Valuations (``epoch.valuation.<co>``, USD bn) come from ``ai_companies_funding_rounds.csv``,
  column "Valuation (post-money)", for rows whose Status is "Closed" only: discussions and
  rumours ("Late discussions", "Early discussions") never plot as a valuation. Secondary
  tenders count (they price the company). Rows ticked "Exclude from graph view" are dropped.
* Rows with an empty date or an empty value are skipped; an unparseable date or number, or a
  missing required column, raises ``DatasetError`` naming file, row and column.
* Several points for one company on one date: the highest Confidence wins (Confident > Likely
  > Speculative/Uncertain > blank), then the latest "Report date", then the later row.
* Columns are matched by header name (case and spacing ignored); other columns are ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...core.series import SeriesBundle, SeriesMeta
from ..text_fields import plain_text
from ._common import CsvTable, DatasetError, Record, frame, one_file

SOURCE = "Epoch AI"
LICENCE = "CC BY 4.0 — \"Epoch AI, 'Data on AI Companies', epoch.ai/data\""
REVENUE_FILE = "ai_companies_revenue_reports.csv"
FUNDING_FILE = "ai_companies_funding_rounds.csv"

# Company as spelled in Epoch's "Company" column (case-insensitive) -> (id suffix, display name).
COMPANIES: dict[str, tuple[str, str]] = {
    "openai": ("openai", "OpenAI"),
    "anthropic": ("anthropic", "Anthropic"),
    "xai": ("xai", "xAI"),
}
_CONFIDENCE = {"confident": 3, "likely": 2, "speculative": 1, "uncertain": 1}
_EXCLUDED_TYPES = {"product/division revenue"}
_FALSE = {"", "false", "no", "0", "unchecked"}
NOTE_MAX = 200  # characters of a "Graph note" kept as a point note


@dataclass(frozen=True)
class _Point:
    day: date
    value: float
    rank: tuple
    note: str


def parse_epoch(path: Path | str) -> list[SeriesBundle]:
    """ARR bundles then valuation bundles from an Epoch folder (or from one of its CSV files)."""
    path = Path(path)
    if path.is_file():
        table = CsvTable(path)
        if table.column("Valuation (post-money)", required=False) is not None:
            return _valuations(table)
        return _arr(table)
    missing = [n for n in (REVENUE_FILE, FUNDING_FILE) if not (path / n).is_file()]
    if missing:
        raise FileNotFoundError(f"Epoch AI folder {path} lacks {', '.join(missing)}")
    return parse_revenue_reports(path / REVENUE_FILE) + parse_funding_rounds(path / FUNDING_FILE)


def parse_revenue_reports(path: Path | str) -> list[SeriesBundle]:
    """``epoch.arr.<company>`` bundles (USD bn) from the revenue-reports CSV."""
    return _arr(CsvTable(one_file(path, REVENUE_FILE)))


def parse_funding_rounds(path: Path | str) -> list[SeriesBundle]:
    """``epoch.valuation.<company>`` bundles (USD bn, closed rounds only) from the rounds CSV."""
    return _valuations(CsvTable(one_file(path, FUNDING_FILE)))


def _arr(t: CsvTable) -> list[SeriesBundle]:
    company = t.column("Company")
    kind = t.column("Type", required=False)
    picked = _collect(
        t, t.column("Date"), t.column("Annualized revenue (USD)", "Annualized revenue"),
        lambda rec: t.cell(rec, kind).casefold() not in _EXCLUDED_TYPES, company)
    return [
        _bundle(f"epoch.arr.{sid}", points,
                title_ko=f"{name} 연환산 매출(ARR)", title_en=f"{name} annualized revenue (ARR)",
                note_en="Annualized revenue / ARR points reported by Epoch AI (company-wide "
                        "run rate; yearly and product-level figures excluded).",
                note_ko="Epoch AI가 집계한 연환산 매출(ARR) 시점 자료(회사 전체 기준, 연간·"
                        "제품별 매출 제외).", file=t.path.name)
        for key, (sid, name) in COMPANIES.items() if (points := picked.get(key))
    ]


def _valuations(t: CsvTable) -> list[SeriesBundle]:
    company, status = t.column("Company"), t.column("Status")
    exclude = t.column("Exclude from graph view", required=False)
    value = t.column("Valuation (post-money)", "Post-money valuation")
    picked = _collect(
        t, t.column("Close date", "Date"), value,
        lambda rec: (t.cell(rec, status).casefold() == "closed"
                     and t.cell(rec, exclude).casefold() in _FALSE), company)
    return [
        _bundle(f"epoch.valuation.{sid}", points,
                title_ko=f"{name} 기업가치(포스트머니, 종결 라운드)",
                title_en=f"{name} post-money valuation (closed rounds)",
                note_en="Post-money valuation of closed funding rounds and tenders; rounds in "
                        "discussion are excluded.",
                note_ko="종결된 투자 라운드·지분 매각의 포스트머니 기업가치"
                        "(논의 중인 라운드 제외).",
                file=t.path.name)
        for key, (sid, name) in COMPANIES.items() if (points := picked.get(key))
    ]


def _collect(t: CsvTable, day_col: int, value_col: int, accept: Callable[[Record], bool],
             company_col: int) -> dict[str, dict[date, _Point]]:
    """Per company key, one point per date (same-date rule of the module doc)."""
    conf_col = t.column("Confidence", required=False)
    report_col = t.column("Report date", required=False)
    note_col = t.column("Graph note", required=False)
    picked: dict[str, dict[date, _Point]] = {}
    for rec in t.records:
        key = t.cell(rec, company_col).casefold()
        if key not in COMPANIES or not accept(rec):
            continue
        day, value = t.date_cell(rec, day_col), t.float_cell(rec, value_col)
        if day is None or value is None:
            continue
        reported = (t.date_cell(rec, report_col) if report_col is not None else None) or date.min
        confidence = _CONFIDENCE.get(t.cell(rec, conf_col).casefold(), 0)
        note = plain_text(t.cell(rec, note_col), NOTE_MAX)  # free text: one short plain line
        point = _Point(day, value / 1e9, (confidence, reported, rec.row), note)
        points = picked.setdefault(key, {})
        if day not in points or point.rank > points[day].rank:
            points[day] = point
    return picked


def _bundle(series_id: str, points: dict[date, _Point], *, title_ko: str, title_en: str,
            note_ko: str, note_en: str, file: str) -> SeriesBundle:
    ordered = [points[d] for d in sorted(points)]
    notes = {p.day.isoformat(): p.note for p in ordered if p.note}
    meta = SeriesMeta(
        id=series_id, title_ko=title_ko, title_en=title_en, unit="usd_bn", frequency="M",
        source=SOURCE, source_ko=SOURCE, note_ko=note_ko, note_en=note_en, is_demo=False,
        licence=LICENCE, extra={"file": file, "point_notes": notes} if notes else {"file": file},
    )
    return SeriesBundle(meta, frame([p.day for p in ordered], [p.value for p in ordered]))


__all__ = ["DatasetError", "parse_epoch", "parse_funding_rounds", "parse_revenue_reports"]
