"""The note's deck layout as data: which pages, in which order, with which charts. Pure.

The layout itself lives in ``resources/deck/note_layout.json`` (read by services/deck); here are
its vocabulary and :func:`plan_slides`, which turns it and one pack (the charts exported, those
held back, the published scenario cases) into the slides to make:

- ``cover``: the deck's title, date and author;
- ``watchlist``: the coverage table;
- ``charts``: the named charts, in a grid (``"grid": [rows, cols]``) or side by side; charts not
  in the pack are left out (held-back ones are listed in the notes), a slide left with no chart
  is dropped;
- ``rest``: one slide per exported chart the layout does not place (the analyst's own charts);
- ``cases``: one slide per published scenario case (its curve and its inputs).

A one-chart pack is just that chart's slide: the note's pages come with a pack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SLIDE_KINDS = ("cover", "watchlist", "charts", "rest", "cases")
MAX_GRID = 4  # rows or columns: beyond this a chart on a 16:9 slide is unreadable
LAYOUT_VERSION = 1


@dataclass(frozen=True)
class SlideLayout:
    """One entry of the layout. ``role: "update"`` marks the Update Chart page: its notes list
    every chart held back from the pack (the first slide's notes when it has no chart left)."""

    kind: str
    title_ko: str = ""
    title_en: str = ""
    charts: tuple[str, ...] = ()
    grid: tuple[int, int] | None = None
    role: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SLIDE_KINDS:
            raise ValueError(f"deck layout: slide kind must be one of {SLIDE_KINDS}, not {self.kind!r}")
        if self.kind == "charts" and not self.charts:
            raise ValueError("deck layout: a 'charts' slide names at least one chart")
        if self.grid is not None:
            rows, cols = self.grid
            if not (1 <= rows <= MAX_GRID and 1 <= cols <= MAX_GRID):
                raise ValueError(f"deck layout: grid {rows}x{cols} must be 1–{MAX_GRID} each way")
            if len(self.charts) > rows * cols:
                raise ValueError(f"deck layout: {len(self.charts)} charts do not fit a "
                                 f"{rows}x{cols} grid")

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlideLayout:
        grid = data.get("grid")
        return cls(kind=str(data["kind"]), title_ko=str(data.get("title_ko", "")),
                   title_en=str(data.get("title_en", "")),
                   charts=tuple(str(c) for c in data.get("charts", ())),
                   grid=(int(grid[0]), int(grid[1])) if grid else None,
                   role=str(data.get("role", "")))


@dataclass(frozen=True)
class DeckLayout:
    """The cover's words and the slides in order."""

    title_ko: str
    title_en: str
    subtitle_ko: str
    subtitle_en: str
    slides: tuple[SlideLayout, ...]

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en

    def subtitle(self, lang: str) -> str:
        return self.subtitle_ko if lang == "ko" else self.subtitle_en

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeckLayout:
        """Validated layout; ValueError naming what is wrong."""
        version = int(data.get("version", LAYOUT_VERSION))
        if version > LAYOUT_VERSION:
            raise ValueError(f"deck layout version {version} is newer than {LAYOUT_VERSION}")
        try:
            slides = tuple(SlideLayout.from_dict(s) for s in data["slides"])
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"deck layout: malformed slide entry ({exc})") from None
        if not slides:
            raise ValueError("deck layout: no slides")
        return cls(str(data.get("title_ko", "")), str(data.get("title_en", "")),
                   str(data.get("subtitle_ko", "")), str(data.get("subtitle_en", "")), slides)


@dataclass(frozen=True)
class PlannedSlide:
    """One slide to make. ``charts`` are ids in the pack, in reading order; ``held`` the charts
    the layout wanted here that were held back (chart id, reason)."""

    kind: str
    title_ko: str = ""
    title_en: str = ""
    charts: tuple[str, ...] = ()
    grid: tuple[int, int] = (1, 1)
    role: str = ""
    held: tuple[tuple[str, str], ...] = ()

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en


def _grid_for(n: int, wanted: tuple[int, int] | None) -> tuple[int, int]:
    """The layout's grid when given (rows shrink when charts were left out), else side by side."""
    if wanted is None:
        return (1, max(1, n)) if n <= 2 else ((n + 1) // 2, 2)
    rows, cols = wanted
    while rows > 1 and (rows - 1) * cols >= n:
        rows -= 1
    return rows, cols


def plan_slides(layout: DeckLayout, pack: Sequence[str], held: Mapping[str, str],
                cases: Sequence[str] = ()) -> list[PlannedSlide]:
    """The slides for one pack: ``pack`` the exported chart ids (in pack order), ``held`` the
    charts held back (id -> reason), ``cases`` the ids in ``pack`` that are published scenario
    cases."""
    in_pack = list(dict.fromkeys(pack))
    case_ids = [c for c in dict.fromkeys(cases) if c in in_pack]
    if len(in_pack) == 1:  # one chart: its slide, nothing else
        kind = "cases" if case_ids else "rest"
        return [PlannedSlide(kind, charts=(in_pack[0],))]
    placed: set[str] = set()
    out: list[PlannedSlide] = []
    for entry in layout.slides:
        if entry.kind in ("cover", "watchlist"):
            out.append(PlannedSlide(entry.kind, entry.title_ko, entry.title_en, role=entry.role))
        elif entry.kind == "charts":
            charts = tuple(c for c in entry.charts if c in in_pack and c not in placed)
            gone = tuple((c, held[c]) for c in entry.charts if c in held)
            placed.update(charts)
            if charts:
                out.append(PlannedSlide("charts", entry.title_ko, entry.title_en, charts,
                                        _grid_for(len(charts), entry.grid), entry.role, gone))
        elif entry.kind == "rest":
            rest = [c for c in in_pack if c not in placed and c not in case_ids]
            placed.update(rest)
            out += [PlannedSlide("rest", entry.title_ko, entry.title_en, (c,)) for c in rest]
        elif entry.kind == "cases":
            todo = [c for c in case_ids if c not in placed]
            placed.update(todo)
            out += [PlannedSlide("cases", entry.title_ko, entry.title_en, (c,)) for c in todo]
    missed = [c for c in in_pack if c not in placed]  # a layout without "rest": never drop a chart
    out += [PlannedSlide("cases" if c in case_ids else "rest", charts=(c,)) for c in missed]
    return out
