"""Live fundamentals: SEC EDGAR filings (shares, capex, revenue), end-of-day quotes, and the
watchlist's market cap / 12MF PER recomputed from them — every value dated and sourced.

``make_fundamental_providers(names, cache)`` builds the sources for the watchlist's tickers
(``FUNDAMENTAL_PROVIDERS`` names them). They are ``services.providers.Provider`` subclasses with
one extra method, ``write_values(cache)``, to be run inside the refresh's transaction after
the series are written. ``run_fundamentals`` does exactly that for ``fundamentals refresh``.
"""

from __future__ import annotations

from ...store.cache import Cache
from ..providers.base import Provider
from .concepts import CAPEX_GROUP
from .live import recompute, set_earnings, value_table
from .quotes import SOURCE_SETTING, EodQuotes, import_prices
from .runner import run_fundamentals
from .sec import UA_SETTING, SecEdgar

FUNDAMENTAL_PROVIDERS: dict[str, type[Provider]] = {"sec": SecEdgar, "quotes": EodQuotes}


def make_fundamental_providers(names: list[str] | None, cache: Cache) -> list[Provider]:
    """Sources for ``names`` (all when None) over the watchlist's tickers; KeyError if unknown."""
    names = list(FUNDAMENTAL_PROVIDERS) if not names else names
    unknown = [n for n in names if n not in FUNDAMENTAL_PROVIDERS]
    if unknown:
        raise KeyError(f"unknown source(s) {', '.join(unknown)}; known: "
                       f"{', '.join(FUNDAMENTAL_PROVIDERS)}")
    tickers = cache.companies()["ticker"].tolist()
    out: list[Provider] = []
    for name in names:
        if name == "sec":
            out.append(SecEdgar(tickers, user_agent=cache.get_setting(UA_SETTING)))
        else:
            out.append(EodQuotes(tickers, source=cache.get_setting(SOURCE_SETTING) or "tiingo"))
    return out


__all__ = ["CAPEX_GROUP", "FUNDAMENTAL_PROVIDERS", "EodQuotes", "SecEdgar", "import_prices",
           "make_fundamental_providers", "recompute", "run_fundamentals", "set_earnings",
           "value_table"]
