"""Key/value settings stored in the cache (benchmark PERs, remembered import mappings,
refresh bookkeeping) — not the window's preferences, which live in QSettings."""

from __future__ import annotations

from ..core.changes import ChangeSet
from ._base import RepoBase


class SettingsRepo(RepoBase):
    """``cache.settings``."""

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else row[0]

    def with_prefix(self, prefix: str) -> dict[str, str]:
        rows = self.db.execute("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?"
                               " ORDER BY key", [len(prefix), prefix]).fetchall()
        return {k: v for k, v in rows}

    def set(self, key: str, value: str, *, how: str = "edit") -> ChangeSet:
        change = ChangeSet(changed=1, tables={"settings"})
        with self._txn():
            self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?,?)", [key, value])
            self._provenance(how, change, target=f"settings:{key}")
        return change
