"""Input parameters described as data, so the UI, the CLI and tests read one description."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..localized import Localized

ASSUMPTION = "assumption"

# unit key -> (Korean, English) display label, shared by params and outputs.
UNITS: Mapping[str, Localized] = MappingProxyType({
    "fraction": Localized("%", "%"),
    "pp": Localized("%p", "%p"),
    "x": Localized("배", "x"),
    "usd_bn": Localized("십억달러", "USD bn"),
    "usd_bn_per_gw": Localized("십억달러/GW", "USD bn/GW"),
    "usd_per_gpu_hour": Localized("달러/GPU-시간", "USD/GPU-hr"),
    "mw": Localized("MW", "MW"),
    "gw": Localized("GW", "GW"),
    "gpus_per_mw": Localized("GPU/MW", "GPUs/MW"),
    "gpus": Localized("GPU", "GPUs"),
    "years": Localized("년", "years"),
    "year": Localized("연도", "year"),
    "tokens": Localized("토큰", "tokens"),
})


@dataclass(frozen=True)
class Choice:
    """One value of a discrete parameter; ``sets`` fills other parameters (e.g. 2026F -> 17%)."""

    value: float
    label: str
    sets: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Param:
    """One model input. ``source`` is the note's sentence (Korean, verbatim) or ``"assumption"``.

    ``rationale`` explains an assumption (or how the note's figure was read). ``fmt`` is a Python
    format spec for display (``".1%"`` shows 0.17 as 17.0%). ``integer`` params take whole numbers.
    """

    name: str
    label_ko: str
    label_en: str
    unit: str
    min: float
    max: float
    step: float
    default: float
    source: str
    choices: tuple[Choice, ...] | None = None
    integer: bool = False
    rationale: str = ""
    fmt: str = ".2f"

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"{self.name}: unknown unit {self.unit!r}")
        if not self.min <= self.default <= self.max:
            raise ValueError(f"{self.name}: default {self.default} outside {self.min}–{self.max}")
        if self.choices is not None and self.choice(self.default) is None:
            raise ValueError(f"{self.name}: default {self.default} is not one of its choices")

    @property
    def is_assumption(self) -> bool:
        """True when the note does not give this value (flagged in the UI and exports)."""
        return self.source == ASSUMPTION

    def choice(self, value: float | str) -> Choice | None:
        """The choice matching a value or a label (``2026`` or ``"2026F"``), else None."""
        for c in self.choices or ():
            if value == c.label or (not isinstance(value, str) and abs(value - c.value) < 1e-9):
                return c
        return None

    def range_text(self) -> str:
        """Allowed values as shown in error messages: ``0–1`` or ``2026F, 2027F``."""
        if self.choices is not None:
            return ", ".join(c.label for c in self.choices)
        return f"{self.min:g}–{self.max:g}"

    def describe(self) -> dict:
        """JSON-ready description (for ``scenario list --json`` and exports)."""
        d = {k: getattr(self, k) for k in ("name", "label_ko", "label_en", "unit", "min", "max",
                                           "step", "default", "source", "integer", "rationale",
                                           "fmt")}
        d["assumption"] = self.is_assumption
        d["choices"] = (None if self.choices is None else
                        [{"value": c.value, "label": c.label, "sets": dict(c.sets)}
                         for c in self.choices])
        return d
