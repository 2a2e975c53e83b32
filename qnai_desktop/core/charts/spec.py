"""The chart catalogue's vocabulary: a chart is data (series refs + transform steps), not code.

``SeriesRef`` and ``TransformStep`` are small value types that only exist inside a ``ChartSpec``,
so they live beside it. Everything round-trips through plain JSON-ready dicts, which is how
users' own charts are saved in the cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

KINDS = ("line", "area_stacked", "area_pct", "bar", "dual_axis", "log")
STACKED_KINDS = frozenset({"area_stacked", "area_pct"})
#: x of a chart: calendar dates; days since each series' rebase date; or a model input (a
#: "parameter" chart of published scenario curves: the x values come from the series' meta,
#: see core/param_axis.py, and the axis is titled with ``x_label``/``x_unit``).
X_MODES = ("date", "days_since", "param")
AXES = ("left", "right")
ORIGINS = ("builtin", "user")

#: Per-series transforms (name -> parameter names) and cross-series ones.
SERIES_TRANSFORMS: dict[str, tuple[str, ...]] = {
    "rebase_at_threshold": ("threshold", "cumulative", "rebase_level"),
    "index_to": ("date",),
    "yoy_pct": ("freq",),
    "moving_average": ("window", "min_periods"),
    "resample": ("rule", "how"),
    "cumulative_sum": (),
}
CROSS_TRANSFORMS: dict[str, tuple[str, ...]] = {"share_of_total": ()}
REBASING_TRANSFORMS = frozenset({"rebase_at_threshold", "index_to"})
#: Transforms that read the x as calendar time: meaningless on a parameter chart.
DATE_TRANSFORMS = frozenset({"rebase_at_threshold", "index_to", "yoy_pct", "moving_average",
                             "resample"})
SPEC_VERSION = 1


@dataclass(frozen=True)
class SeriesRef:
    """One series, or a glob over series ids (``agents.share.*``), as plotted in a chart.

    ``unless`` makes the ref a fallback: it plots nothing while any available series matches
    one of those patterns (the LLM-share chart draws the illustrative SimilarWeb lines only
    until real StatCounter ones are cached).
    """

    series_id: str
    label_ko: str = ""
    label_en: str = ""
    axis: str = "left"
    color: str = ""
    exclude: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.axis not in AXES:
            raise ValueError(f"series {self.series_id!r}: axis must be one of {AXES}")
        object.__setattr__(self, "exclude", tuple(self.exclude))
        object.__setattr__(self, "unless", tuple(self.unless))

    def replaced(self, available_ids: Iterable[str]) -> bool:
        """True when a series named in ``unless`` is available (this fallback then plots nothing)."""
        return bool(self.unless) and any(fnmatchcase(sid, pattern) for sid in available_ids
                                         for pattern in self.unless)

    @property
    def is_glob(self) -> bool:
        return any(ch in self.series_id for ch in "*?[")

    def matches(self, series_id: str) -> bool:
        if any(fnmatchcase(series_id, pattern) for pattern in self.exclude):
            return False
        return fnmatchcase(series_id, self.series_id)

    def key_for(self, series_id: str) -> str:
        """What the glob matched (``claude`` in ``agents.share.claude``); the id for plain refs."""
        if not self.is_glob:
            return series_id
        regex = re.escape(self.series_id).replace(r"\*", "(.*)").replace(r"\?", "(.)")
        found = re.fullmatch(regex, series_id)
        groups = [g for g in found.groups() if g] if found else []
        return ".".join(groups) if groups else series_id.rsplit(".", 1)[-1]

    def label(self, lang: str) -> str:
        return self.label_ko if lang == "ko" else self.label_en

    def to_dict(self) -> dict[str, Any]:
        return {
            "series_id": self.series_id,
            "label_ko": self.label_ko,
            "label_en": self.label_en,
            "axis": self.axis,
            "color": self.color,
            "exclude": list(self.exclude),
            **({"unless": list(self.unless)} if self.unless else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SeriesRef:
        return cls(
            series_id=str(data["series_id"]),
            label_ko=str(data.get("label_ko", "")),
            label_en=str(data.get("label_en", "")),
            axis=str(data.get("axis", "left")),
            color=str(data.get("color", "")),
            exclude=tuple(data.get("exclude", ())),
            unless=tuple(data.get("unless", ())),
        )


@dataclass(frozen=True)
class TransformStep:
    """A named transform from ``core.transforms`` with JSON-ready parameters."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        allowed = SERIES_TRANSFORMS.get(self.name, CROSS_TRANSFORMS.get(self.name))
        if allowed is None:
            known = sorted(SERIES_TRANSFORMS) + sorted(CROSS_TRANSFORMS)
            raise ValueError(f"unknown transform {self.name!r}; known: {known}")
        unknown = set(self.params) - set(allowed)
        if unknown:
            raise ValueError(f"transform {self.name!r}: unknown parameters {sorted(unknown)}")

    @property
    def is_cross_series(self) -> bool:
        return self.name in CROSS_TRANSFORMS

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TransformStep:
        return cls(name=str(data["name"]), params=dict(data.get("params", {})))


@dataclass(frozen=True)
class ChartSpec:
    """One chart: titles, what to plot and how, axis units, note, x mode."""

    id: str
    title_ko: str
    title_en: str
    kind: str
    series: tuple[SeriesRef, ...]
    transforms: tuple[TransformStep, ...] = ()
    unit_ko: str = ""
    unit_en: str = ""
    unit_right_ko: str = ""
    unit_right_en: str = ""
    note_ko: str = ""
    note_en: str = ""
    x_mode: str = "date"
    origin: str = "builtin"
    x_label_ko: str = ""
    x_label_en: str = ""
    x_unit_ko: str = ""
    x_unit_en: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "series", tuple(self.series))
        object.__setattr__(self, "transforms", tuple(self.transforms))
        if not self.id:
            raise ValueError("chart id must not be empty")
        if self.kind not in KINDS:
            raise ValueError(f"chart {self.id!r}: kind must be one of {KINDS}")
        if self.x_mode not in X_MODES:
            raise ValueError(f"chart {self.id!r}: x_mode must be one of {X_MODES}")
        if self.origin not in ORIGINS:
            raise ValueError(f"chart {self.id!r}: origin must be one of {ORIGINS}")
        if not self.series:
            raise ValueError(f"chart {self.id!r}: needs at least one series")
        if self.x_mode == "days_since" and not any(
            step.name in REBASING_TRANSFORMS for step in self.transforms
        ):
            raise ValueError(f"chart {self.id!r}: days_since needs a rebasing transform")
        dated = sorted({step.name for step in self.transforms} & DATE_TRANSFORMS)
        if self.x_mode == "param" and dated:
            raise ValueError(f"chart {self.id!r}: a parameter chart cannot use date transforms "
                             f"{dated}")

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en

    def unit(self, lang: str, axis: str = "left") -> str:
        if axis == "right":
            return self.unit_right_ko if lang == "ko" else self.unit_right_en
        return self.unit_ko if lang == "ko" else self.unit_en

    def note(self, lang: str) -> str:
        return self.note_ko if lang == "ko" else self.note_en

    def x_title(self, lang: str) -> str:
        """The x axis title of a parameter chart: ``외부 판매 비율 (%)``; "" for other modes."""
        if self.x_mode != "param":
            return ""
        label = self.x_label_ko if lang == "ko" else self.x_label_en
        unit = self.x_unit_ko if lang == "ko" else self.x_unit_en
        return f"{label} ({unit})" if label and unit else label or unit

    @property
    def log_y(self) -> bool:
        return self.kind == "log"

    @property
    def stacked(self) -> bool:
        return self.kind in STACKED_KINDS

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SPEC_VERSION,
            "id": self.id,
            "title_ko": self.title_ko,
            "title_en": self.title_en,
            "kind": self.kind,
            "series": [ref.to_dict() for ref in self.series],
            "transforms": [step.to_dict() for step in self.transforms],
            "unit_ko": self.unit_ko,
            "unit_en": self.unit_en,
            "unit_right_ko": self.unit_right_ko,
            "unit_right_en": self.unit_right_en,
            "note_ko": self.note_ko,
            "note_en": self.note_en,
            "x_mode": self.x_mode,
            "origin": self.origin,
            # only parameter charts title their x axis (date charts' dicts stay as they were)
            **({"x_label_ko": self.x_label_ko, "x_label_en": self.x_label_en,
                "x_unit_ko": self.x_unit_ko, "x_unit_en": self.x_unit_en}
               if self.x_mode == "param" else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChartSpec:
        version = int(data.get("version", SPEC_VERSION))
        if version > SPEC_VERSION:
            raise ValueError(f"chart spec version {version} is newer than {SPEC_VERSION}")
        text = {
            key: str(data.get(key, ""))
            for key in (
                "title_ko",
                "title_en",
                "unit_ko",
                "unit_en",
                "unit_right_ko",
                "unit_right_en",
                "note_ko",
                "note_en",
                "x_label_ko",
                "x_label_en",
                "x_unit_ko",
                "x_unit_en",
            )
        }
        x_mode = str(data.get("x_mode", "date"))
        legacy = data.get("scenario")
        if x_mode == "date" and isinstance(legacy, dict) and legacy.get("x_values"):
            # a scenario chart published before x_mode "param": its x was a placeholder date
            x_mode = "param"
            text.update({k: str(legacy.get(k, "") or "") for k in
                         ("x_label_ko", "x_label_en", "x_unit_ko", "x_unit_en")})
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            series=tuple(SeriesRef.from_dict(ref) for ref in data["series"]),
            transforms=tuple(TransformStep.from_dict(s) for s in data.get("transforms", ())),
            x_mode=x_mode,
            origin=str(data.get("origin", "user")),
            **text,
        )
