"""The live sources a refresh runs, as configured in the cache (one place for the CLI's
``refresh``, ``publish`` and the window)."""

from __future__ import annotations

import json

from ..store.cache import Cache
from .providers.base import Provider

NPM_PACKAGES_KEY = "refresh.npm.packages"  # optional JSON {key: package} overriding the default list


class SourceConfigError(ValueError):
    """A stored source setting cannot be read; names the setting."""


def configured_providers(cache: Cache, names: list[str] | None = None) -> list[Provider]:
    """Providers for ``names`` (every configured source when None or empty), the market-data
    and fundamentals sources alike; KeyError names an unknown source."""
    from .fundamentals import FUNDAMENTAL_PROVIDERS, UA_SETTING, make_fundamental_providers
    from .providers import make_providers

    try:
        packages = json.loads(cache.settings.get(NPM_PACKAGES_KEY) or "null")
    except ValueError:
        raise SourceConfigError(f"setting {NPM_PACKAGES_KEY} is not JSON") from None
    wanted = names or []
    core = [n for n in wanted if n not in FUNDAMENTAL_PROVIDERS]
    extra = [n for n in wanted if n in FUNDAMENTAL_PROVIDERS]
    providers: list[Provider] = []
    if core or not wanted:
        providers += make_providers(core or None, npm_packages=packages or None,
                                    sec_user_agent=cache.settings.get(UA_SETTING))
    if extra or not wanted:
        providers += make_fundamental_providers(extra or None, cache)
    return providers
