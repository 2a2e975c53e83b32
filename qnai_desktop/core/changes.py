"""What an operation changed: returned by every write so views can redraw only what they show."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChangeSet:
    """Counts and touched keys of one operation (one transaction)."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    series: set[str] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    #: keys of the rows written, per table (``{"companies": {"META"}}``), when the write knows
    #: them; a table in ``tables`` without an entry here: any of its rows may have changed. Views
    #: use it to redraw those rows only (a watchlist cell edit repaints one row, not the table).
    rows: dict[str, set[str]] = field(default_factory=dict)
    #: who asked for the write (a view, set by the UI when it announces the change): that view
    #: may skip redrawing what it already shows. Not part of the change's value.
    initiator: object | None = field(default=None, compare=False, repr=False)

    def merge(self, other: ChangeSet) -> ChangeSet:
        self.added += other.added
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.series |= other.series
        rows: dict[str, set[str]] = {}
        for table in self.tables | other.tables:  # a table either side left unknown stays unknown
            mine = self.rows.get(table, set()) if table not in self.tables or table in self.rows \
                else None
            theirs = other.rows.get(table, set()) if table not in other.tables \
                or table in other.rows else None
            if mine is not None and theirs is not None:
                rows[table] = mine | theirs
        self.tables |= other.tables
        self.rows = rows
        return self

    def rows_of(self, table: str) -> set[str] | None:
        """Keys of ``table``'s rows this change wrote; None when unknown (any row may differ)."""
        if table not in self.tables:
            return set()
        return self.rows.get(table)

    @property
    def is_empty(self) -> bool:
        return self.added == 0 and self.changed == 0

    def summary(self) -> str:
        return f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged"
