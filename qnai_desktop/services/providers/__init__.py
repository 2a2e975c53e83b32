"""Live sources behind one interface (:class:`~.base.Provider`): fetch → bundles, never the cache.

Each provider's base URL can be overridden with ``QNAI_<ENV>_BASE_URL`` (the provider's ``env``:
NPM, GPURENTALPRICES, EPOCH, CODING_AGENTS, OPENROUTER, FRED, STATCOUNTER, …), which is how tests
and the latency benchmark point them at a local replay server. ``make_providers(names)`` builds
them by source name.
"""

from __future__ import annotations

from .artificial_analysis import ArtificialAnalysis
from .base import FetchContext, Provider
from .coding_agents import CodingAgentCommits
from .epoch import EpochCompanies
from .errors import Cancelled, DeadlineError, HttpStatusError, ProviderError, SchemaError
from .fred import FredSpreads
from .gpurentalprices import GpuRentalPrices
from .http import HttpClient
from .meta_ads import MetaAds
from .npm import PACKAGES, NpmDownloads
from .openrouter_models import OpenRouterModels
from .openrouter_rankings import OpenRouterRankings
from .statcounter import StatCounterChatbots

PROVIDERS: dict[str, type[Provider]] = {p.name: p for p in (
    NpmDownloads, GpuRentalPrices, EpochCompanies, CodingAgentCommits, OpenRouterModels,
    OpenRouterRankings, FredSpreads, StatCounterChatbots, ArtificialAnalysis, MetaAds)}


def make_providers(names: list[str] | None = None, *, npm_packages: dict[str, str] | None = None,
                   sec_user_agent: str | None = None) -> list[Provider]:
    """Providers for ``names`` (all when None); raises KeyError naming an unknown source.

    ``sec_user_agent`` is the ``sec.user_agent`` setting (``QNAI_SEC_USER_AGENT`` wins over it):
    without either, ``meta_ads`` is unavailable ("skipped"), as keyed sources are without a key."""
    names = list(PROVIDERS) if not names else names
    unknown = [n for n in names if n not in PROVIDERS]
    if unknown:
        raise KeyError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(PROVIDERS)}")
    special = {"npm": lambda: NpmDownloads(packages=npm_packages),
               "meta_ads": lambda: MetaAds(user_agent=sec_user_agent)}
    return [special[n]() if n in special else PROVIDERS[n]() for n in names]


__all__ = ["PACKAGES", "PROVIDERS", "ArtificialAnalysis", "Cancelled", "CodingAgentCommits",
           "DeadlineError", "EpochCompanies", "FetchContext", "FredSpreads", "GpuRentalPrices",
           "HttpClient", "HttpStatusError", "MetaAds", "NpmDownloads", "OpenRouterModels",
           "OpenRouterRankings", "Provider", "ProviderError", "SchemaError", "StatCounterChatbots",
           "make_providers"]
