"""Watchlist rules, pure: PER premium/discount, parsing edited cells, patches, the report check.

Everything here takes and returns plain values or pandas frames, so the tab, the CLI and the
importer apply the same rules and the tests need no Qt and no database. Messages are data in both
languages (like scenario parameters), chosen by the caller's ``lang``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

import numpy as np
import pandas as pd

from .cell_values import parse_date, parse_number
from .phrases import TEXT_LANGUAGE
from .spreadsheet_safety import escape_formula as escape_formula  # the tab's copy escapes with it
from .spreadsheet_safety import unescape_formula as unescape_formula

#: Columns of the table as shown (index = ticker). ``name``/``thesis*`` follow the UI language.
VIEW_COLUMNS = ["ticker", "name", "market_cap_usd_bn", "per_12mf", "vs_sp500", "vs_bigtech",
                "thesis1", "thesis2", "as_of"]
EDITABLE = frozenset({"name", "market_cap_usd_bn", "per_12mf", "thesis1", "thesis2", "as_of"})
_BY_LANG = ("name", "thesis1", "thesis2")
THESIS_COLUMNS = ("thesis1_ko", "thesis2_ko", "thesis1_en", "thesis2_en")
DEFAULT_STALE_DAYS = 30
STALE_SETTING = "watchlist.stale_days"
TICKER_RE = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,14}$")


def store_column(view_col: str, lang: str) -> str:
    """``name`` → ``name_ko`` in Korean; numeric and date columns map to themselves."""
    return f"{view_col}_{'ko' if lang == 'ko' else 'en'}" if view_col in _BY_LANG else view_col


def view_column(store_col: str) -> str:
    """``thesis2_en`` → ``thesis2``; the inverse of :func:`store_column`."""
    base = store_col.rsplit("_", 1)[0]
    return base if base in _BY_LANG and store_col.endswith(("_ko", "_en")) else store_col


# -- benchmarks and the table as shown --------------------------------------------------------
@dataclass(frozen=True)
class Benchmarks:
    """The PER yardsticks of the note: "S&P 22배, 빅테크 평균 25배"."""

    sp500: float = 22.0
    bigtech: float = 25.0

    KEYS: ClassVar[dict[str, str]] = {"sp500": "benchmark_per.sp500", "bigtech": "benchmark_per.bigtech"}

    @classmethod
    def from_settings(cls, get: Callable[[str], str | None]) -> Benchmarks:
        """Read from a settings getter; an unreadable value falls back to the note's figure."""
        values = {}
        for name, key in cls.KEYS.items():
            try:
                v = float(get(key) or "nan")
            except ValueError:
                v = math.nan
            values[name] = v if math.isfinite(v) and v > 0 else getattr(cls, name)
        return cls(**values)


def premium(per: float | None, benchmark: float) -> float | None:
    """PER premium (+) or discount (−) to a benchmark as a ratio: 18 vs 22 → −0.18.

    None when the PER is n/a or not positive (a loss-making PER has no meaningful premium).
    """
    if per is None or not math.isfinite(per) or per <= 0 or benchmark <= 0:
        return None
    return per / benchmark - 1.0


def view_frame(companies: pd.DataFrame, lang: str, bench: Benchmarks) -> pd.DataFrame:
    """The companies frame as the table shows it, indexed by ticker (vectorised for 5,000 rows)."""
    per = companies["per_12mf"].astype("float64")
    valid = per > 0
    out = pd.DataFrame({
        "ticker": companies["ticker"],
        "name": companies[store_column("name", lang)],
        "market_cap_usd_bn": companies["market_cap_usd_bn"].astype("float64"),
        "per_12mf": per,
        "vs_sp500": (per / bench.sp500 - 1.0).where(valid),
        "vs_bigtech": (per / bench.bigtech - 1.0).where(valid),
        "thesis1": companies[store_column("thesis1", lang)],
        "thesis2": companies[store_column("thesis2", lang)],
        "as_of": companies["as_of"].fillna(""),
    })
    out.index = pd.Index(companies["ticker"].to_numpy(), name="ticker")
    return out


def view_row(company: dict, lang: str, bench: Benchmarks) -> dict:
    """One companies row (a dict) as :func:`view_frame` shows it — a cell edit redraws its row
    from this, without building frames."""
    def num(v: object) -> float:
        return math.nan if v is None else float(v)  # type: ignore[arg-type]

    per = num(company["per_12mf"])
    valid = per > 0  # NaN compares False
    return {"ticker": company["ticker"], "name": company[store_column("name", lang)],
            "market_cap_usd_bn": num(company["market_cap_usd_bn"]), "per_12mf": per,
            "vs_sp500": per / bench.sp500 - 1.0 if valid else math.nan,
            "vs_bigtech": per / bench.bigtech - 1.0 if valid else math.nan,
            "thesis1": company[store_column("thesis1", lang)],
            "thesis2": company[store_column("thesis2", lang)],
            "as_of": company["as_of"] if company["as_of"] is not None else ""}


def search_text(companies: pd.DataFrame) -> np.ndarray:
    """One lower-cased haystack per row: ticker, both names and all thesis lines."""
    cols = ["ticker", "name_ko", "name_en", *THESIS_COLUMNS]
    parts = [companies[c].fillna("").astype(str).tolist() for c in cols]
    return np.array(["\n".join(p).lower() for p in zip(*parts, strict=True)], dtype=object)


def filter_mask(haystack: np.ndarray, query: str) -> np.ndarray:
    """Rows whose haystack contains every whitespace-separated term of ``query``."""
    mask = np.ones(len(haystack), dtype=bool)
    for term in query.lower().split():
        mask &= np.fromiter((term in s for s in haystack), dtype=bool, count=len(haystack))
    return mask


# -- parsing what the analyst types -----------------------------------------------------------
REASONS: dict[str, tuple[str, str]] = {
    "not_number": ("숫자가 아닙니다", "is not a number"),
    "negative": ("0 이상이어야 합니다", "must be 0 or more"),
    "not_date": ("날짜가 아닙니다 (예: 2026-07-06)", "is not a date (e.g. 2026-07-06)"),
    "empty": ("비워 둘 수 없습니다", "must not be empty"),
    "bad_ticker": ("티커는 영문 대문자·숫자·점·하이픈 15자 이내", "ticker: letters, digits, '.', '-' (≤ 15)"),
    "duplicate_ticker": ("이미 있는 티커입니다", "ticker already in the watchlist"),
    "not_editable": ("편집할 수 없는 열입니다", "this column cannot be edited"),
}
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "ticker": ("티커", "Ticker"), "name": ("종목명", "Name"),
    "market_cap_usd_bn": ("시가총액", "Market cap"), "per_12mf": ("12MF PER", "12MF PER"),
    "thesis1": ("투자 포인트", "Thesis"), "thesis2": ("주목할 점", "What to watch"),
    "as_of": ("기준일", "As of"), "position": ("순서", "Order"),
}


class CellError(ValueError):
    """A typed value that breaks a rule; ``message(lang)`` says which field, why and what was typed."""

    def __init__(self, column: str, code: str, text: str = "") -> None:
        super().__init__(f"{column}: {REASONS[code][1]} ({text!r})")
        self.column, self.code, self.text = column, code, text

    def message(self, lang: str = "en") -> str:
        i = 0 if lang == "ko" else 1
        label = FIELD_LABELS.get(view_column(self.column), (self.column, self.column))[i]
        shown = f" — {self.text!r}" if self.text else ""
        return f"{label}: {REASONS[self.code][i]}{shown}"


def _number(column: str, text: object) -> float | None:
    """A number as :mod:`.cell_values` reads it (``4,736``, ``18x``, ``17 배``, ``(1.2)``, n/a)."""
    try:
        return parse_number(text)[0]
    except ValueError:
        raise CellError(column, "not_number", str(text).strip()) from None


def _date(column: str, value: object, dayfirst: bool = False) -> str:
    try:
        day = parse_date(value, dayfirst=dayfirst)
    except ValueError:
        day = None
    if day is None:
        raise CellError(column, "not_date", "" if value is None else str(value).strip())
    return day.isoformat()


def parse_cell(column: str, text: object, *, dayfirst: bool = False) -> object:
    """Turn what was typed (or read from a file) into the stored value; raise CellError.

    ``column`` is a store column (``per_12mf``, ``thesis1_ko`` …). Numbers and dates are read by
    :mod:`.cell_values`, as the importers read them (``4,736``, ``18x``, ``18배``, ``(1.2)``;
    ``2026년 7월 1일``, ``2026.07.01``, ``20260701``); its n/a tokens mean n/a. A market cap must
    be ≥ 0; an as-of date is required. ``dayfirst``: the file's column writes dates day-first.
    """
    if isinstance(text, bool):
        raise CellError(column, "not_number", str(text))
    if column in ("market_cap_usd_bn", "per_12mf"):
        value = _number(column, text)
        if column == "market_cap_usd_bn" and value is not None and value < 0:
            raise CellError(column, "negative", str(text).strip())
        return value
    if column == "as_of":
        return _date(column, text, dayfirst)
    if column == "position":
        value = _number(column, text)
        if value is None or value != int(value):
            raise CellError(column, "not_number", str(text))
        return int(value)
    if column == "ticker":
        return parse_ticker(str(text or ""))
    clean = " ".join(str(text or "").split())  # pasted line breaks become spaces
    if view_column(column) == "name":
        if not clean:
            raise CellError(column, "empty")
        return clean
    if view_column(column) in ("thesis1", "thesis2"):
        return clean
    raise CellError(column, "not_editable", str(text))


def parse_edit(column: str, text: str) -> object:
    """:func:`parse_cell` for a typed edit: a thesis line pasted from the note loses its "-"
    bullet (layout, not content). Files keep text verbatim, so imports use parse_cell."""
    value = parse_cell(column, text)
    if view_column(column) in ("thesis1", "thesis2"):
        return re.sub(r"^[-•·]\s*", "", str(value))
    return value


def parse_ticker(text: str, existing: set[str] | frozenset[str] = frozenset()) -> str:
    ticker = text.strip().upper()
    if not TICKER_RE.match(ticker):
        raise CellError("ticker", "bad_ticker" if ticker else "empty", text.strip())
    if ticker in existing:
        raise CellError("ticker", "duplicate_ticker", ticker)
    return ticker


# -- patches: what an operation writes, and how to undo it -----------------------------------
@dataclass(frozen=True)
class Patch:
    """A set of writes applied in one transaction. Undo = apply the ``before`` patch."""

    upsert: tuple[dict, ...] = ()
    delete: tuple[str, ...] = ()
    links: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)


def new_company(ticker: str, position: int, today: date) -> dict:
    return {"ticker": ticker, "name_ko": ticker, "name_en": ticker, "market_cap_usd_bn": None,
            "per_12mf": None, "thesis1_ko": "", "thesis2_ko": "", "thesis1_en": "",
            "thesis2_en": "", "as_of": today.isoformat(), "position": position}


def clean_row(row: dict) -> dict:
    """NaN → None so rows compare and store cleanly."""
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}


def edit_patches(row: dict, column: str, value: object) -> tuple[Patch, Patch]:
    row = clean_row(row)
    return Patch(upsert=(row,)), Patch(upsert=({**row, column: value},))


def move_patches(companies: pd.DataFrame, ticker: str, delta: int) -> tuple[Patch, Patch] | None:
    """Move ``ticker`` by ``delta`` places in the note's order; positions become 1…n."""
    order = companies.sort_values(["position", "ticker"], kind="stable")["ticker"].tolist()
    i = order.index(ticker)
    j = max(0, min(len(order) - 1, i + delta))
    if i == j:
        return None
    order.insert(j, order.pop(i))
    rows = {r["ticker"]: clean_row(r) for r in companies.to_dict("records")}
    moved = [t for pos, t in enumerate(order, 1) if rows[t]["position"] != pos]
    before = tuple(rows[t] for t in moved)
    after = tuple({**rows[t], "position": order.index(t) + 1} for t in moved)
    return Patch(upsert=before), Patch(upsert=after)


# -- the report check ("lint") ----------------------------------------------------------------
ISSUE_TEXT: dict[str, tuple[str, str]] = {
    "duplicate_thesis": ("{label}: {other_name}({other}) 문구를 글자 그대로 반복",
                         "{label} repeats {other_name} ({other}) word for word"),
    "fact_mismatch": ("표의 {label} {table}, 본문은 {text} — “{quote}”",
                      "{label} is {table} in the table but {text} in the text — “{quote}”"),
    "benchmark_mismatch": ("벤치마크 {label} {table}배, 본문은 {text}배",
                           "Benchmark {label} is {table}x but the text says {text}x"),
    "stale": ("기준일 {as_of}: {days}일 경과 (기준 {limit}일)",
              "As of {as_of}: {days} days old (limit {limit})"),
    "missing": ("{label}: 값 없음", "{label} is empty"),
}
SEVERITY_ORDER = {"error": 0, "warning": 1}
_FACT_SUFFIXES = {"_per_text": "per_12mf", "_market_cap_text": "market_cap_usd_bn"}


@dataclass(frozen=True)
class Issue:
    """One finding of the report check, pointing at a cell (ticker, view column)."""

    kind: str
    severity: str
    ticker: str
    column: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        i = 0 if lang == "ko" else 1
        p = {k: (v[i] if isinstance(v, tuple) else v) for k, v in self.params.items()}
        return ISSUE_TEXT[self.kind][i].format(**p)

    def to_dict(self, lang: str = "en") -> dict:
        return {"kind": self.kind, "severity": self.severity, "ticker": self.ticker,
                "column": self.column, "message": self.message(lang)}


def _fmt(v: float | None) -> str:
    return "-" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:,.10g}"


def _label(col: str, lang_suffix: str = "") -> tuple[str, str]:
    ko, en = FIELD_LABELS[col]
    if lang_suffix:
        name = TEXT_LANGUAGE[lang_suffix]
        return f"{ko}({name.ko})", f"{en} ({name.en})"
    return ko, en


def lint(companies: pd.DataFrame, facts: pd.DataFrame, *, today: date,
         stale_days: int = DEFAULT_STALE_DAYS, benchmarks: Benchmarks | None = None) -> list[Issue]:
    """Everything to fix before the note goes out, errors first, then in table order.

    Works on plain column lists (one pass each), so a 5,000-name list checks in a few ms.
    """
    df = companies.sort_values(["position", "ticker"], kind="stable").reset_index(drop=True)
    cols = {c: df[c].tolist() for c in df.columns}
    names = list(zip(cols["name_ko"], cols["name_en"], strict=True))
    tickers = cols["ticker"]
    issues = _duplicates(cols, names) + _fact_mismatches(df, facts, benchmarks)
    limit = today.toordinal() - stale_days
    for i, t in enumerate(tickers):
        for col in ("market_cap_usd_bn", "as_of"):
            if _blank(cols[col][i]):
                issues.append(Issue("missing", "warning", t, col, {"label": _label(col),
                                                                   "name": names[i]}))
        for col in THESIS_COLUMNS:
            if _blank(cols[col][i]):
                slot, suffix = col.rsplit("_", 1)
                issues.append(Issue("missing", "warning", t, slot,
                                    {"label": _label(slot, suffix), "name": names[i]}))
        as_of = cols["as_of"][i]
        if not _blank(as_of):
            day = date.fromisoformat(str(as_of)[:10])
            if day.toordinal() < limit:
                issues.append(Issue("stale", "warning", t, "as_of",
                                    {"as_of": day.isoformat(), "days": (today - day).days,
                                     "limit": stale_days, "name": names[i]}))
    order = {t: i for i, t in enumerate(tickers)}
    issues.sort(key=lambda x: (SEVERITY_ORDER[x.severity], order.get(x.ticker, -1)))
    return issues


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or \
        (isinstance(value, str) and not value.strip())


def _duplicates(cols: dict[str, list], names: list[tuple[str, str]]) -> list[Issue]:
    """A thesis line copied from an earlier name (compared per slot, in either language)."""
    found: dict[tuple[str, str], str] = {}
    tickers = cols["ticker"]
    for slot in ("thesis1", "thesis2"):
        for lang in ("ko", "en"):
            first: dict[str, str] = {}
            for t, raw in zip(tickers, cols[f"{slot}_{lang}"], strict=True):
                text = " ".join(str(raw or "").split())
                if not text:
                    continue
                if text in first:
                    found.setdefault((t, slot), first[text])
                else:
                    first[text] = t
    by_ticker = dict(zip(tickers, names, strict=True))
    order = {t: i for i, t in enumerate(tickers)}
    return [Issue("duplicate_thesis", "error", t, slot,
                  {"label": _label(slot), "other": other, "other_name": by_ticker[other]})
            for (t, slot), other in sorted(found.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))]


def _owner(prefix: str, df: pd.DataFrame) -> int | None:
    """``meta_per_text`` belongs to META (ticker) or to "Meta Platforms" (first word of the name)."""
    first_word = df["name_en"].fillna("").astype(str).str.lower().str.split().str[0]
    hits = np.flatnonzero(((df["ticker"].str.lower() == prefix) | (first_word == prefix)).to_numpy())
    return int(hits[0]) if len(hits) else None


def _fact_mismatches(df: pd.DataFrame, facts: pd.DataFrame,
                     benchmarks: Benchmarks | None) -> list[Issue]:
    """Table numbers the note's own text contradicts (facts named ``<name>_per_text`` …)."""
    issues = []
    for f in facts.to_dict("records"):
        fid, value = str(f["id"]), float(f["value"])
        for suffix, col in _FACT_SUFFIXES.items():
            if not fid.endswith(suffix):
                continue
            i = _owner(fid[: -len(suffix)], df)
            if i is None:
                continue
            table = df[col].iloc[i]
            table = None if pd.isna(table) else float(table)
            if table is None or abs(table - value) >= 0.5:
                issues.append(Issue("fact_mismatch", "error", df["ticker"].iloc[i], col,
                                    {"label": FIELD_LABELS[col], "table": _fmt(table),
                                     "text": _fmt(value), "quote": f["quote"], "fact": fid}))
        if benchmarks is not None and fid in ("sp500_per", "bigtech_per"):
            name = fid.split("_")[0]
            table = getattr(benchmarks, name)
            if abs(table - value) > 1e-9:
                issues.append(Issue("benchmark_mismatch", "error", "", f"vs_{name}",
                                    {"label": ("S&P 500" if name == "sp500" else "빅테크 평균",
                                               "S&P 500" if name == "sp500" else "big-tech average"),
                                     "table": _fmt(table), "text": _fmt(value)}))
    return issues
