"""The deck layout is data: which pages come in which order for a pack, and the note's table."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from qnai_desktop.core.deck import (
    DeckLayout,
    PlotMap,
    date_ticks,
    log_scale,
    plan_slides,
    value_scale,
    watchlist_table,
)
from qnai_desktop.core.deck.axes import Inner, period_labels
from qnai_desktop.core.deck.panel import frame_layout, legend_rows, text_width_pt
from qnai_desktop.paths import resources_dir


def load_layout() -> DeckLayout:
    path = resources_dir() / "deck" / "note_layout.json"
    return DeckLayout.from_dict(json.loads(path.read_text(encoding="utf-8")))


UPDATE = ["openrouter_tokens", "coding_agent_intensity", "gpu_rent_silicondata", "llm_share",
          "ai_lab_arr", "ai_lab_valuation"]


def test_the_shipped_layout_is_the_note_order() -> None:
    layout = load_layout()
    kinds = [s.kind for s in layout.slides]
    assert kinds[:3] == ["cover", "watchlist", "charts"]
    update = layout.slides[2]
    assert update.role == "update" and list(update.charts) == UPDATE and update.grid == (2, 3)
    assert kinds[-2:] == ["rest", "cases"]


def test_a_pack_becomes_cover_table_update_grid_sections_rest_and_cases() -> None:
    layout = load_layout()
    pack = [*UPDATE, "meta_ads", "cds_oracle_coreweave", "gpu_rent_b200_h100", "gpu_rent_by_model",
            "scenario.meta_compute_sale.bear_1a2b3c"]
    held = {"ai_capex": "series not in the cache", "ai_capex_share": "series not in the cache"}
    slides = plan_slides(layout, pack, held, cases=["scenario.meta_compute_sale.bear_1a2b3c"])
    assert [s.kind for s in slides] == ["cover", "watchlist", "charts", "charts", "charts", "rest",
                                        "cases"]
    assert slides[2].charts == tuple(UPDATE) and slides[2].grid == (2, 3)
    assert slides[4].charts == ("cds_oracle_coreweave", "gpu_rent_b200_h100")
    assert slides[4].grid == (1, 2)  # side by side, as in the note
    assert slides[5].charts == ("gpu_rent_by_model",)
    # the capex section lost both charts: no slide, and nothing silently dropped
    assert all("ai_capex" not in s.charts for s in slides)
    placed = [c for s in slides for c in s.charts]
    assert sorted(placed) == sorted(pack)


def test_a_held_back_update_chart_is_left_out_and_the_grid_compacts() -> None:
    layout = load_layout()
    pack = [c for c in UPDATE if c not in ("ai_lab_arr", "ai_lab_valuation", "llm_share")]
    slides = plan_slides(layout, [*pack, "meta_ads"], {"ai_lab_arr": "no data in range"})
    update = next(s for s in slides if s.role == "update")
    assert update.charts == tuple(pack) and update.grid == (1, 3)
    assert update.held == (("ai_lab_arr", "no data in range"),)


def test_one_chart_is_just_its_slide() -> None:
    assert [s.kind for s in plan_slides(load_layout(), ["meta_ads"], {})] == ["rest"]


@pytest.mark.parametrize("bad", [
    {"slides": []},
    {"slides": [{"kind": "poster"}]},
    {"slides": [{"kind": "charts"}]},
    {"slides": [{"kind": "charts", "charts": ["a", "b", "c"], "grid": [1, 2]}]},
    {"version": 99, "slides": [{"kind": "cover"}]},
])
def test_a_malformed_layout_is_refused_with_a_reason(bad) -> None:
    with pytest.raises(ValueError, match="layout"):
        DeckLayout.from_dict(bad)


def test_the_coverage_table_in_the_notes_number_formats() -> None:
    companies = pd.DataFrame([
        {"ticker": "NVDA", "name_ko": "엔비디아", "name_en": "Nvidia", "market_cap_usd_bn": 4736.0,
         "per_12mf": 19.0, "thesis1_ko": "독보적인 GPU", "thesis2_ko": "Rubin Ultra 주목",
         "thesis1_en": "Unmatched GPUs", "thesis2_en": "Watch Rubin Ultra", "as_of": "2026-07-06"},
        {"ticker": "CRWV", "name_ko": "코어위브", "name_en": "CoreWeave", "market_cap_usd_bn": 47.0,
         "per_12mf": math.nan, "thesis1_ko": "수주 잔고", "thesis2_ko": "", "thesis1_en": "Backlog",
         "thesis2_en": "", "as_of": "2026-07-01"},
    ])
    ko = watchlist_table(companies, "ko")
    assert ko.header == ("종목", "시가총액", "12MF PER", "투자 포인트")
    assert ko.rows[0] == ("엔비디아", "4,736", "19", ("-독보적인 GPU", "-Rubin Ultra 주목"))
    assert ko.rows[1][:3] == ("코어위브", "47", "-") and ko.rows[1][3] == ("-수주 잔고",)
    assert ko.footnote == "주: 시가총액 십억달러" and ko.as_of == "2026-07-06"
    en = watchlist_table(companies, "en")
    assert en.rows[0][0] == "Nvidia" and en.rows[0][3][1] == "-Watch Rubin Ultra"


def test_scales_leave_room_and_keep_zero_where_it_matters() -> None:
    s = value_scale(212, 812)
    assert (s.lo, s.hi, s.step) == (0, 1000, 200)  # minimum under a third of the max: from 0
    s = value_scale(1.92, 2.47)
    assert s.lo <= 1.92 and s.hi > 2.47 and s.number_format == "#,##0.0"
    bars = value_scale(-4.2, 18.1, zero=True)
    assert bars.lo <= -4.2 and bars.hi >= 18.1 and bars.lo < 0
    log = log_scale(0.052, 33.0)
    assert (log.lo, log.hi, log.log) == (0.01, 100.0, True)
    assert log.fraction(1.0) == pytest.approx(0.5)


def test_date_axes_always_carry_the_year() -> None:
    assert date_ticks(578).number_format == "yy.mm"
    assert date_ticks(26).number_format == "yy.mm.dd"
    assert period_labels([pd.Timestamp("2026-03-31").date(), pd.Timestamp("2026-06-30").date()]) == \
        ["1Q26", "2Q26"]
    assert period_labels([pd.Timestamp("2026-07-01").date()]) == ["26.07"]


def test_plot_map_puts_fractions_on_the_slide() -> None:
    m = PlotMap.of(1000, 2000, 10_000, 5_000, Inner(0.1, 0.2, 0.8, 0.6))
    assert (m.left, m.top, m.width, m.height) == (2000, 3000, 8000, 3000)
    assert m.x(0.5) == 6000 and m.y(0.0) == m.bottom and m.y(1.0) == m.top


def test_frame_layout_reserves_legend_rows_and_tick_labels() -> None:
    assert text_width_pt("가나", 10) == 20 and text_width_pt("ab", 10) < 20  # Latin: narrower
    labels = ["Anthropic", "DeepSeek", "Google", "OpenAI", "Qwen", "xAI", "기타"]
    assert legend_rows(labels, 10, 900) == 1 and legend_rows(labels, 10, 200) > 2
    narrow = frame_layout(300, 200, font_pt=7, legend_labels=labels, y_labels=["12,500"])
    wide = frame_layout(900, 400, font_pt=7, legend_labels=labels, y_labels=["12,500"])
    assert narrow.inner.y > wide.inner.y  # more legend rows push the plot down
    assert 0 < narrow.inner.x < 0.2 and narrow.inner.x + narrow.inner.w < 1
