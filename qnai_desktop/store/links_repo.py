"""Workbooks the analyst linked once (a Bloomberg sheet she saves every morning): where they
are, which sheet, the mapping she confirmed, and what the last read found."""

from __future__ import annotations

import json

import pandas as pd

from ..core.changes import ChangeSet
from ._base import RepoBase, now_iso
from .errors import ValidationError

LINK_COLS = ["id", "path", "sheet", "mapping", "content_hash", "last_read_at", "status",
             "created_at"]


class LinksRepo(RepoBase):
    """``cache.links``: linked files (``refresh`` re-reads them when their content changes)."""

    def add(self, path: str, sheet: str = "", mapping: dict | None = None) -> int:
        """Link ``path`` (absolute) and ``sheet``; returns the link's id. Linking the same file
        and sheet again keeps the one link and updates its mapping."""
        if not path.strip():
            raise ValidationError("path: a linked file needs a path")
        with self._txn():
            self.db.execute(
                "INSERT INTO linked_files (path, sheet, mapping, created_at) VALUES (?,?,?,?)"
                " ON CONFLICT(path, sheet) DO UPDATE SET mapping = excluded.mapping",
                [path, sheet, json.dumps(mapping or {}, ensure_ascii=False), now_iso()])
            link_id = int(self.db.execute("SELECT id FROM linked_files WHERE path=? AND sheet=?",
                                          [path, sheet]).fetchone()[0])
            self._provenance("edit", ChangeSet(added=1, tables={"linked_files"}),
                             target=f"linked_files:{link_id}", origin=path)
        return link_id

    def list(self) -> pd.DataFrame:
        rows = self.db.execute_returning_dicts(
            f"SELECT {', '.join(LINK_COLS)} FROM linked_files ORDER BY id")
        df = pd.DataFrame(rows, columns=LINK_COLS)
        df["mapping"] = [json.loads(m or "{}") for m in df["mapping"]]
        return df

    def get(self, link_id: int) -> dict | None:
        df = self.list()
        row = df[df["id"] == link_id]
        return None if row.empty else row.iloc[0].to_dict()

    def record_read(self, link_id: int, *, content_hash: str, status: str) -> ChangeSet:
        """What the last read found (``ok``, ``unchanged``, ``moved``, or the error sentence)."""
        change = ChangeSet(changed=1, tables={"linked_files"})
        with self._txn():
            self.db.execute("UPDATE linked_files SET content_hash = ?, last_read_at = ?,"
                            " status = ? WHERE id = ?", [content_hash, now_iso(), status, link_id])
        return change

    def remove(self, link_id: int) -> ChangeSet:
        change = ChangeSet(tables={"linked_files"})
        with self._txn():
            change.changed = self.db.execute("DELETE FROM linked_files WHERE id = ?",
                                             [link_id]).rowcount
            self._provenance("delete", change, target=f"linked_files:{link_id}")
        return change
