"""Errors the store raises; the UI and CLI turn them into messages."""

from __future__ import annotations


class StoreError(Exception):
    """Base class for cache errors with a user-readable message."""


class NewerSchemaError(StoreError):
    """The cache file was written by a newer Q&AI Desktop; we refuse to touch it."""


class CorruptCacheError(StoreError):
    """SQLite reports the cache file damaged (or it is empty although backups exist).

    The one error after which a restore from a backup is offered."""


class NotACacheError(StoreError):
    """A readable SQLite file that is not a Q&AI cache (another program's database)."""


class CacheAccessError(StoreError):
    """The cache file or its folder cannot be opened for writing (permissions, missing folder)."""


class ReadOnlyCacheError(CacheAccessError):
    """The cache file is read-only: nothing is wrong with its content."""


class CacheBusyError(StoreError):
    """Another program held the write lock longer than the busy bound; nothing was written."""


class ValidationError(StoreError):
    """A value offered to the store breaks a rule (named field, clear reason)."""


class DiskFullError(StoreError):
    """A write failed for lack of space; the transaction was rolled back."""
