"""Errors the store raises; the UI and CLI turn them into messages."""

from __future__ import annotations


class StoreError(Exception):
    """Base class for cache errors with a user-readable message."""


class NewerSchemaError(StoreError):
    """The cache file was written by a newer Q&AI Desktop; we refuse to touch it."""


class CorruptCacheError(StoreError):
    """The cache file is not a readable SQLite database."""


class ValidationError(StoreError):
    """A value offered to the store breaks a rule (named field, clear reason)."""


class DiskFullError(StoreError):
    """A write failed for lack of space; the transaction was rolled back."""
