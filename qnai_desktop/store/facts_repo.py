"""The note's point figures (facts) the scenarios read, each with the sentence it comes from."""

from __future__ import annotations

import pandas as pd

from ..core.changes import ChangeSet
from ._base import RepoBase

FACT_COLS = ["id", "value", "unit", "label_ko", "label_en", "quote", "location"]


class FactsRepo(RepoBase):
    """``cache.facts``."""

    def all(self) -> pd.DataFrame:
        rows = self.db.execute_returning_dicts(
            f"SELECT {', '.join(FACT_COLS)} FROM facts ORDER BY id")
        return pd.DataFrame(rows, columns=FACT_COLS)

    def get(self, fact_id: str) -> float | None:
        row = self.db.execute("SELECT value FROM facts WHERE id = ?", [fact_id]).fetchone()
        return None if row is None else float(row[0])

    def write(self, rows: list[dict], *, how: str = "seed", origin: str = "") -> ChangeSet:
        change = ChangeSet(tables={"facts"})
        with self._txn():
            for row in rows:
                self.db.execute(
                    f"INSERT OR REPLACE INTO facts ({', '.join(FACT_COLS)}) VALUES"
                    f" ({', '.join('?' for _ in FACT_COLS)})", [row[c] for c in FACT_COLS])
                change.added += 1
            self._provenance(how, change, origin=origin, target="facts")
        return change
