"""Where a keyed source finds its API key: ``QNAI_<NAME>_API_KEY`` (for cron), else the OS keyring.

The key is read when a fetch starts and held only for the request header; it is never put in a
message, a setting or the cache (``services.scrub`` masks it in anything a server echoes). The
environment wins over the keyring, as ``QNAI_SEC_USER_AGENT`` wins over its setting.
"""

from __future__ import annotations

import os
from collections.abc import Callable


def env_name(name: str) -> str:
    """``artificial_analysis`` → ``QNAI_ARTIFICIAL_ANALYSIS_API_KEY``."""
    return f"QNAI_{name.upper()}_API_KEY"


def key_getter(name: str) -> Callable[[], str | None]:
    """A function returning the key stored under ``name`` (environment, then keyring) or None."""
    def get() -> str | None:
        value = os.environ.get(env_name(name), "").strip()
        if value:
            return value
        from ..secrets import get_key

        try:
            return (get_key(name) or "").strip() or None
        except Exception:  # no keyring module or backend at all counts as no key
            return None
    return get
