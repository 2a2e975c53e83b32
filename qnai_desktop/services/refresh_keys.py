"""Setting keys the refresh writes, in a module that imports nothing: the linked-file watcher in
the window records a successful re-read without loading the providers and the HTTP stack."""

from __future__ import annotations

#: When a source last succeeded (ISO time): ``LAST_SUCCESS.format(source)``.
LAST_SUCCESS = "refresh.last_success.{}"
