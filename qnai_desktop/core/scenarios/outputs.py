"""Model outputs and reference marks (the note's own figures drawn on a chart)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .params import UNITS


@dataclass(frozen=True)
class Output:
    """One model result. ``fmt`` is a Python format spec (``".1%"``, ``"+.1%"``, ``",.1f"``)."""

    name: str
    label_ko: str
    label_en: str
    unit: str
    fmt: str = ".2f"

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"{self.name}: unknown unit {self.unit!r}")

    def format(self, value: float) -> str:
        """The value as shown on an output card, without the unit."""
        return format(value, self.fmt)

    def describe(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Mark:
    """A horizontal reference line at ``value`` on ``output``'s axis, e.g. the note's +85%.

    ``kind="note"``: the note's own figure for this output (cards compare with it, see
    ``verdict``); ``"reference"``: a figure to read against (a target, a market cap).
    ``tolerance``: how far a value may be from a figure the note gives as approximate
    ("about 3%") and still agree with it."""

    output: str
    value: float
    label_ko: str
    label_en: str
    source: str
    kind: str = "reference"
    tolerance: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in ("note", "reference"):
            raise ValueError(f"mark on {self.output}: kind must be 'note' or 'reference'")

    def describe(self) -> dict:
        return asdict(self)
