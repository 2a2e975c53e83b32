"""One scrub for everything a refresh writes: no stored API key reaches the cache.

A server may echo the key it was sent (in an error body, in a ``meta`` field, in a CSV cell).
Before ``services.refresh`` writes a source's bundles, dated values or provenance line, every
text in them is searched for the app's keys — those in the OS keyring (``secrets.KEY_NAMES``),
those in ``QNAI_*_API_KEY`` environment variables, and the credentials the request itself sent —
and each occurrence becomes ``***``. A series whose *id* contains a key is refused instead (an
id cannot be masked without becoming another series).
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Mapping

from ..core.series import SeriesBundle
from .providers.errors import SchemaError
from .secrets import stored_keys

MASK = "***"
MIN_LEN = 6  # shorter "keys" would mask ordinary words; no real API key is this short
_ENV_KEY = re.compile(r"QNAI_\w+_API_KEY")


def env_keys(environ: Mapping[str, str] | None = None) -> list[str]:
    """Values of the ``QNAI_*_API_KEY`` environment variables."""
    environ = os.environ if environ is None else environ
    return [v.strip() for k, v in environ.items() if _ENV_KEY.fullmatch(k) and v.strip()]


def known_secrets(*extra: Iterable[str], keyring: bool = True) -> list[str]:
    """Every key to scrub: keyring, environment and ``extra`` ones, longest first."""
    found = set(env_keys())
    if keyring:
        found.update(stored_keys())
    for group in extra:
        found.update(s.strip() for s in group if s)
    return sorted((s for s in found if len(s) >= MIN_LEN), key=len, reverse=True)


def _pattern(secret: str) -> str:
    """The key, any case, with each punctuation mark matching any punctuation mark (a server or
    a parser may turn ``sk-or-v1-…`` into ``SK_OR_V1_…``)."""
    return "".join(re.escape(c) if c.isalnum() else r"[^0-9A-Za-z]" for c in secret)


def scrub_text(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = re.sub(_pattern(secret), MASK, text, flags=re.IGNORECASE)
    return text


def scrub_value(value: object, secrets: list[str]) -> object:
    """``value`` with every string in it scrubbed (dict keys and values, lists, tuples)."""
    if isinstance(value, str):
        return scrub_text(value, secrets)
    if isinstance(value, dict):
        return {scrub_value(k, secrets): scrub_value(v, secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(scrub_value(v, secrets) for v in value)
    return value


def scrub_bundles(bundles: list[SeriesBundle], secrets: list[str]) -> list[SeriesBundle]:
    """The bundles with every text field of their metadata scrubbed; SchemaError if an id
    carries a key (nothing of the source is written then)."""
    if not secrets:
        return bundles
    out = []
    for b in bundles:
        if scrub_text(b.meta.id, secrets) != b.meta.id:
            raise SchemaError("a series id in the response contains a stored API key "
                              f"({scrub_text(b.meta.id, secrets)}); nothing was written")
        changes = {f.name: scrub_value(getattr(b.meta, f.name), secrets)
                   for f in dataclasses.fields(b.meta) if f.name != "id"}
        out.append(SeriesBundle(dataclasses.replace(b.meta, **changes), b.frame))
    return out
