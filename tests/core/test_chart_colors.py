"""Every chart of the catalogue, as the seeded cache draws it: each pair of series clearly apart
(CIEDE2000 ≥ 15) and no line paler than the grid — in the house style and the print style."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from qnai_desktop.core.charts import build_catalogue, prepare, resolve_series
from qnai_desktop.core.charts.colors import (
    MAX_LINE_L,
    MIN_DELTA_E,
    colors_for,
    delta_e2000,
    delta_e2000_lab,
    from_lab,
    lab,
    lightness,
)
from qnai_desktop.paths import resources_dir
from qnai_desktop.store.cache import Cache


def _style(name: str) -> dict:
    return json.loads((resources_dir() / "styles" / f"{name}.json").read_text(encoding="utf-8"))


def _grid_lightness(style: dict) -> float:
    """The grid as drawn: the axis colour at ``grid_alpha`` over the plot background."""
    ax, bg, alpha = lab(style["axis_color"])[0], lab(style["plot_background"])[0], style["grid_alpha"]
    return alpha * ax + (1 - alpha) * bg


@pytest.fixture(scope="module")
def drawn(seeded_template: Path) -> dict[str, list[tuple[str, str]]]:
    """chart id -> [(series id, colour)] as prepare() colours them on the seeded cache."""
    with Cache.open(seeded_template) as cache:
        metas = cache.series.metas()
        out = {}
        for spec in build_catalogue():
            ids = resolve_series(spec, metas.keys())
            prepared = prepare(spec, cache.series.frames(ids), metas)
            out[spec.id] = [(s.series_id, s.color) for s in prepared.series]
    return out


@pytest.mark.parametrize(("lab1", "lab2", "expected"), [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.694), (23.0331, 14.973, -42.5619), 2.0373),
])
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected) -> None:
    """Pairs 1, 12, 20, 30 and 34 of Sharma, Wu & Dalal (2005), Table 1."""
    assert delta_e2000_lab(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_ciede2000_on_hex_colours() -> None:
    assert delta_e2000("#FFFFFF", "#FFFFFF") == 0
    assert from_lab(*lab("#2A7AB8")) == "#2A7AB8"
    assert delta_e2000("#000000", "#FFFFFF") == pytest.approx(100, abs=0.5)


def test_the_pairs_an_editor_could_not_tell_apart_now_differ() -> None:
    copilot, gemini = colors_for(["agents.commits.copilot", "agents.commits.gemini"])
    b200, h200, h100 = colors_for(["gpu_rent.b200.median", "gpu_rent.h200.median",
                                   "gpu_rent.h100.median"])
    assert delta_e2000(copilot, gemini) >= MIN_DELTA_E
    assert min(delta_e2000(b200, h200), delta_e2000(h200, h100)) >= MIN_DELTA_E
    small = colors_for(["aa.inference_cost.small"])[0]
    assert lightness(small) <= MAX_LINE_L


def test_every_catalogue_chart_keeps_its_series_apart_in_the_house_style(drawn) -> None:
    grid = _grid_lightness(_style("house_default"))
    assert any(len(series) >= 6 for series in drawn.values())  # the test sees crowded charts
    for chart, series in drawn.items():
        for (a, ca), (b, cb) in combinations(series, 2):
            assert delta_e2000(ca, cb) >= MIN_DELTA_E, (chart, a, ca, b, cb)
        for sid, colour in series:
            assert lightness(colour) < grid - 10, (chart, sid, colour)


def test_every_catalogue_chart_keeps_its_series_apart_in_the_print_style(drawn) -> None:
    """Print is grey: a series is its grey AND its dash pattern, so two series must differ in
    dash or by ΔE ≥ 15 in grey; no grey is paler than the print grid."""
    style = _style("house_print")
    palette, dashes = style["series_palette"], style["dash_cycle"]
    grid = _grid_lightness(style)
    for chart, series in drawn.items():
        looks = [(palette[i % len(palette)], tuple(dashes[i % len(dashes)]))
                 for i in range(len(series))]
        for (ca, da), (cb, db) in combinations(looks, 2):
            assert da != db or delta_e2000(ca, cb) >= MIN_DELTA_E, (chart, ca, da, cb, db)
        assert all(lightness(c) < grid - 5 for c, _d in looks), chart
