"""Errors a provider raises; ``str()`` is the reason shown in the refresh panel and the CLI.

Messages name the source and the URL (query strings with keys/tokens are redacted) but never
a request header, so an API key cannot leak into a message, a log or the cache.
"""

from __future__ import annotations


class ProviderError(Exception):
    """A source could not be fetched or read; the cache was not touched."""


class HttpStatusError(ProviderError):
    """The server answered with an error status (after retries for 429/5xx)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class SchemaError(ProviderError):
    """The response is not in the shape the provider expects (truncated JSON, schema drift)."""


class DeadlineError(ProviderError):
    """A source took longer than its overall deadline ("gave up after N s"); nothing written."""


class Cancelled(ProviderError):
    """The user cancelled; whatever was fetched is discarded."""
