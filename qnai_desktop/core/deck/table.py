"""The note's coverage table as text cells, in the note's number formats. Pure.

The note prints market caps in USD bn with thousands separators ("4,736"), the 12-month-forward
PER as a whole number ("19") and "-" where there is none (CoreWeave), then the two thesis lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from qnai_desktop.core.formatting import fmt_number, is_missing

HEADERS = {
    "ko": ("종목", "시가총액", "12MF PER", "투자 포인트"),
    "en": ("Company", "Market cap", "12MF PER", "Thesis"),
}
FOOTNOTE = {"ko": "주: 시가총액 십억달러", "en": "Note: market cap in USD bn"}


@dataclass(frozen=True)
class WatchlistTable:
    """Header, one row per company (name, cap, PER, thesis lines), the footnote, the as-of."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, str, str, tuple[str, ...]], ...]
    footnote: str
    as_of: str

    @property
    def tickers(self) -> tuple[str, ...]:
        return tuple(r[0] for r in self.rows)


def watchlist_table(companies: pd.DataFrame, lang: str = "ko") -> WatchlistTable:
    """``cache.watchlist.companies()`` as the note's table in ``lang`` (its order kept)."""
    sfx = "ko" if lang == "ko" else "en"
    rows = []
    for r in companies.to_dict("records"):
        name = str(r.get(f"name_{sfx}") or r.get("ticker") or "")
        thesis = tuple("-" + str(r[k]).strip() for k in (f"thesis1_{sfx}", f"thesis2_{sfx}")
                       if not is_missing(r.get(k)) and str(r.get(k) or "").strip())
        rows.append((name, fmt_number(r.get("market_cap_usd_bn"), 0),
                     fmt_number(r.get("per_12mf"), 0), thesis))
    dates = [str(d)[:10] for d in companies.get("as_of", pd.Series(dtype=str)) if not is_missing(d) and d]
    return WatchlistTable(HEADERS[sfx], tuple(rows), FOOTNOTE[sfx], max(dates, default=""))
