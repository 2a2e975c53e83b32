"""A scenario model: parameter/output descriptions plus a pure compute function."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .errors import ScenarioError
from .outputs import Mark, Output
from .params import Param
from .validate import validate

Compute = Callable[[Mapping[str, float]], dict[str, float]]


@dataclass(frozen=True)
class Model:
    """One of the note's arguments as a live model.

    ``compute`` takes a *complete, validated* parameter dict and returns every output as a finite
    float; ``evaluate`` validates first. ``main_param``/``main_output`` are the chart's x and y;
    ``chart_series`` optionally names a parameter and values to draw one line each (γ = 1, 2, 4…).
    """

    id: str
    title_ko: str
    title_en: str
    description: str
    params: tuple[Param, ...]
    outputs: tuple[Output, ...]
    compute: Compute
    main_param: str
    main_output: str
    marks: tuple[Mark, ...] = ()
    chart_series: tuple[str, tuple[float, ...]] | None = None
    description_ko: str = ""
    _by_name: Mapping[str, Param] = field(init=False, repr=False, compare=False)
    _outputs_by_name: Mapping[str, Output] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {p.name: p for p in self.params})
        object.__setattr__(self, "_outputs_by_name", {o.name: o for o in self.outputs})
        names = [p.name for p in self.params] + [o.name for o in self.outputs]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.id}: parameter and output names must be unique")
        if self.main_param not in self._by_name or self.main_output not in self._outputs_by_name:
            raise ValueError(f"{self.id}: main_param/main_output must name a param and an output")
        for m in self.marks:
            self.output(m.output)
        if self.chart_series is not None:
            self.param(self.chart_series[0])

    # -- descriptions ----------------------------------------------------------------------
    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    @property
    def output_names(self) -> list[str]:
        return [o.name for o in self.outputs]

    def param(self, name: str) -> Param:
        """The parameter called ``name``; ScenarioError listing the valid names otherwise."""
        try:
            return self._by_name[name]
        except KeyError:
            raise ScenarioError(f"unknown parameter {name!r} for {self.id}; valid: "
                                f"{', '.join(self.param_names)}") from None

    def output(self, name: str) -> Output:
        """The output called ``name``; ScenarioError listing the valid names otherwise."""
        try:
            return self._outputs_by_name[name]
        except KeyError:
            raise ScenarioError(f"unknown output {name!r} for {self.id}; valid: "
                                f"{', '.join(self.output_names)}") from None

    def defaults(self) -> dict[str, float]:
        """The note's values (and documented assumptions) for every parameter."""
        return {p.name: float(p.default) for p in self.params}

    def describe(self) -> dict:
        """JSON-ready description of the model (ids, labels, ranges, sources, marks)."""
        return {
            "id": self.id, "title_ko": self.title_ko, "title_en": self.title_en,
            "description": self.description, "description_ko": self.description_ko,
            "params": [p.describe() for p in self.params],
            "outputs": [o.describe() for o in self.outputs],
            "main_param": self.main_param, "main_output": self.main_output,
            "marks": [m.describe() for m in self.marks],
            "chart_series": (None if self.chart_series is None else
                             {"param": self.chart_series[0],
                              "values": list(self.chart_series[1])}),
        }

    # -- evaluation ------------------------------------------------------------------------
    def evaluate(self, params: Mapping[str, float | str] | None = None) -> dict[str, float]:
        """Validate ``params`` (missing ones take defaults) and return every output."""
        return self.compute(validate(self, params or {}))
