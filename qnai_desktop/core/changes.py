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
    #: who asked for the write (a view, set by the UI when it announces the change): that view
    #: may skip redrawing what it already shows. Not part of the change's value.
    initiator: object | None = field(default=None, compare=False, repr=False)

    def merge(self, other: ChangeSet) -> ChangeSet:
        self.added += other.added
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.series |= other.series
        self.tables |= other.tables
        return self

    @property
    def is_empty(self) -> bool:
        return self.added == 0 and self.changed == 0

    def summary(self) -> str:
        return f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged"
