"""The house chart style as data: a JSON file under resources/styles/ read into ``HouseStyle``.

Sizes are pixels at ``base_width`` (a 960-px-wide chart); ``ChartCanvas`` multiplies them by its
``scale``, so a 1920×1080 export at scale 2 keeps the slide proportions. The module has no Qt in
it, so the CLI and tests can read styles headless.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ...paths import resources_dir

DEFAULT_STYLE = "house_default"
LEGEND_POSITIONS = ("top", "bottom")
ALIGNMENTS = ("left", "center", "right")
DATE_FORMATS = ("korean", "pyqtgraph")


@dataclass(frozen=True)
class HouseStyle:
    """Fonts, colours, sizes and positions of every chart the app draws or exports."""

    name: str = DEFAULT_STYLE
    label_ko: str = "하우스 기본"
    label_en: str = "House default"
    base_width: int = 960
    font_families: tuple[str, ...] = ("Noto Sans KR", "Noto Sans CJK KR", "NanumGothic")
    background: str = "#FFFFFF"
    plot_background: str = "#FFFFFF"
    text_color: str = "#222222"
    muted_color: str = "#6B6B6B"
    axis_color: str = "#A0A0A0"
    accent_color: str = "#EA002C"
    title_size: float = 18
    title_bold: bool = True
    title_align: str = "left"
    title_color: str = "#111111"
    title_rule_width: float = 2
    unit_size: float = 11
    tick_size: float = 12
    axis_width: float = 1
    tick_length: float = 4
    legend_size: float = 12
    legend_position: str = "top"
    legend_max_columns: int = 8
    source_size: float = 11
    note_size: float = 11
    source_align: str = "left"
    source_color: str = "#555555"
    line_width: float = 2.0
    bar_width: float = 0.8
    area_alpha: float = 0.92
    grid_x: bool = False
    grid_y: bool = True
    grid_alpha: float = 0.18
    margin: float = 14
    spacing: float = 6
    demo_badge_background: str = "#C0392B"
    demo_badge_color: str = "#FFFFFF"
    crosshair_color: str = "#7F7F7F"
    #: the as-of stamp of stale data ("기준: 2026-07-31 · 129일 경과")
    stale_color: str = "#C0392B"
    #: the illustrative-data watermark repeated across the plot: colour, opacity, size
    watermark_color: str = "#C0392B"
    watermark_alpha: float = 0.2
    watermark_size: float = 22
    #: Empty: each series keeps its house colour (core color_for); else colours by position.
    series_palette: tuple[str, ...] = ()
    #: Dash patterns by series position (``[]`` = solid); empty: all solid.
    dash_cycle: tuple[tuple[float, ...], ...] = field(default=())
    date_format: str = "korean"

    def __post_init__(self) -> None:
        checks = [("legend_position", LEGEND_POSITIONS), ("title_align", ALIGNMENTS),
                  ("source_align", ALIGNMENTS), ("date_format", DATE_FORMATS)]
        for name, allowed in checks:
            if getattr(self, name) not in allowed:
                raise ValueError(f"style {self.name!r}: {name} must be one of {allowed}")
        if not 0 < self.bar_width <= 1:
            raise ValueError(f"style {self.name!r}: bar_width must be in (0, 1]")

    def label(self, lang: str) -> str:
        return self.label_ko if lang == "ko" else self.label_en

    def series_color(self, position: int, house_color: str) -> str:
        """The colour of the ``position``-th series: its house colour unless a palette is set."""
        if not self.series_palette:
            return house_color
        return self.series_palette[position % len(self.series_palette)]

    def dash(self, position: int) -> tuple[float, ...]:
        """Dash pattern (in pen widths) of the ``position``-th series; () means solid."""
        return self.dash_cycle[position % len(self.dash_cycle)] if self.dash_cycle else ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HouseStyle:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown style keys: {sorted(unknown)}")
        values = dict(data)
        for key in ("font_families", "series_palette"):
            if key in values:
                values[key] = tuple(str(v) for v in values[key])
        if "dash_cycle" in values:
            values["dash_cycle"] = tuple(tuple(float(x) for x in d) for d in values["dash_cycle"])
        return cls(**values)


def styles_dir() -> Path:
    return resources_dir() / "styles"


def available_styles() -> list[str]:
    """Names of the shipped styles (file stems under resources/styles), default first."""
    names = sorted(p.stem for p in styles_dir().glob("*.json"))
    return sorted(names, key=lambda n: n != DEFAULT_STYLE)


def load_style(name_or_path: str | Path = DEFAULT_STYLE) -> HouseStyle:
    """A shipped style by name (``house_print`` or ``print``) or any style JSON file by path.

    Keys missing from the file keep the built-in defaults; unknown keys are an error (a typo
    would otherwise be silently ignored).
    """
    path = Path(name_or_path)
    if path.suffix != ".json":
        folder = styles_dir()
        candidates = [folder / f"{name_or_path}.json", folder / f"house_{name_or_path}.json"]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise ValueError(f"no style {str(name_or_path)!r}; available: {available_styles()}")
        path = found
    data = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("name", path.stem)
    return HouseStyle.from_dict(data)
