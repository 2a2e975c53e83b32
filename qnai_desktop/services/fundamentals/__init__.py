"""Live fundamentals: SEC EDGAR filings (shares, capex, revenue), end-of-day quotes, and the
watchlist's market cap / 12MF PER recomputed from them — every value dated and sourced.

``make_fundamental_providers(names, cache)`` builds the sources for the watchlist's tickers
(``FUNDAMENTAL_PROVIDERS`` names them). They are ``services.providers.Provider`` subclasses with
one extra method, ``write_values(cache)``, which ``services.refresh.run_refresh`` runs inside the
source's one transaction after the series are written.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...store.cache import Cache
    from ..providers.base import Provider

# Submodules load on first use (PEP 562): importing ``services.fundamentals.live`` from a tab must
# not pull in httpx and the providers before the window has painted.
_LAZY = {"CAPEX_GROUP": "concepts", "recompute": "live", "set_earnings": "live",
         "value_table": "live", "SOURCE_SETTING": "quotes", "EodQuotes": "quotes",
         "import_prices": "quotes", "UA_SETTING": "sec",
         "SecEdgar": "sec"}


def __getattr__(name: str) -> Any:
    if name == "FUNDAMENTAL_PROVIDERS":
        return {"sec": __getattr__("SecEdgar"), "quotes": __getattr__("EodQuotes")}
    if name in _LAZY:
        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def make_fundamental_providers(names: list[str] | None, cache: Cache) -> list[Provider]:
    """Sources for ``names`` (all when None) over the watchlist's tickers; KeyError if unknown."""
    from .quotes import SOURCE_SETTING, EodQuotes
    from .sec import UA_SETTING, SecEdgar

    known = __getattr__("FUNDAMENTAL_PROVIDERS")
    names = list(known) if not names else names
    unknown = [n for n in names if n not in known]
    if unknown:
        raise KeyError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(known)}")
    tickers = cache.watchlist.companies()["ticker"].tolist()
    out: list[Provider] = []
    for name in names:
        if name == "sec":
            out.append(SecEdgar(tickers, user_agent=cache.settings.get(UA_SETTING)))
        else:
            out.append(EodQuotes(tickers, source=cache.settings.get(SOURCE_SETTING) or "tiingo"))
    return out


__all__ = ["CAPEX_GROUP", "FUNDAMENTAL_PROVIDERS", "EodQuotes", "SecEdgar", "import_prices",
           "make_fundamental_providers", "recompute", "set_earnings",
           "value_table"]
