"""The chart catalogue: ids resolve against the cache's series, lines, JSON, prepare, colours."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from qnai_desktop.core.charts import (
    ChartSpec,
    SeriesRef,
    TransformStep,
    build_catalogue,
    catalogue_by_id,
    color_for,
    colors_for,
    note_line,
    prepare,
    resolve_refs,
    resolve_series,
    source_line,
    unresolved_refs,
)
from qnai_desktop.core.charts.catalogue import COMMIT_INTENSITY_THRESHOLD
from qnai_desktop.core.charts.colors import FALLBACK_PALETTE
from qnai_desktop.core.series import SeriesMeta

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"

NOTE_CHARTS = {
    "openrouter_tokens",
    "coding_agent_intensity",
    "gpu_rent_silicondata",
    "llm_share",
    "ai_lab_arr",
    "ai_lab_valuation",
    "inference_cost_tiers",
    "meta_ads",
    "cds_oracle_coreweave",
    "gpu_rent_b200_h100",
}
REAL_CHARTS = {"coding_agent_commit_share", "coding_agent_commit_intensity", "gpu_rent_by_model"}


def series_ids_in_docs() -> set[str]:
    """Every series id listed in docs/SERIES.md, with `<placeholder>` rows expanded."""
    ids: set[str] = set()
    last_members: list[str] = []
    for line in (REPO / "docs" / "SERIES.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cell = line.split("|")[1]
        members = re.search(r"\bfor ([\w, ]+?)(?:;|$)", cell)
        if members:
            last_members = [m.strip() for m in members.group(1).split(",") if m.strip()]
        for token in re.findall(r"`([^`]+)`", cell):
            if "<" in token:
                ids.update(re.sub(r"<\w+>", member, token) for member in last_members)
            else:
                ids.add(token)
    return ids


DOC_IDS = series_ids_in_docs()


def meta(sid: str, source: str = "Src", unit: str = "count", **kw: object) -> SeriesMeta:
    return SeriesMeta(sid, sid, sid, unit, kw.pop("frequency", "D"), source, **kw)  # type: ignore[arg-type]


def daily(start: str, values: list[float], unit: str = "us") -> pd.DataFrame:
    dates = pd.date_range(start, periods=len(values), freq="D").astype(f"datetime64[{unit}]")
    return pd.DataFrame({"date": dates, "value": [float(v) for v in values]})


# --- the catalogue against the cache's ids -------------------------------------------------


def test_docs_parser_sees_the_whole_series_list() -> None:
    assert "agents.commits.total" in DOC_IDS
    assert "agents.share.cursor_editor" in DOC_IDS
    assert "npm.downloads.cline" in DOC_IDS
    assert "cds.coreweave_5y" in DOC_IDS
    assert len(DOC_IDS) > 60


def test_catalogue_holds_every_chart_of_the_note_and_the_real_data_charts() -> None:
    ids = [spec.id for spec in build_catalogue()]
    assert len(ids) == len(set(ids))
    assert NOTE_CHARTS | REAL_CHARTS <= set(ids)


@pytest.mark.parametrize("spec", build_catalogue(), ids=lambda s: s.id)
def test_every_series_ref_resolves_against_the_documented_ids(spec: ChartSpec) -> None:
    assert unresolved_refs(spec, DOC_IDS) == []
    resolved = resolve_series(spec, DOC_IDS)
    assert resolved and len(resolved) == len(set(resolved))


def test_glob_order_is_stable_with_catch_alls_last() -> None:
    spec = catalogue_by_id()["openrouter_tokens"]
    resolved = resolve_series(spec, sorted(DOC_IDS, reverse=True))
    assert resolved == resolve_series(spec, sorted(DOC_IDS))
    assert resolved[-1] == "openrouter.tokens.others"
    assert resolved[0] == "openrouter.tokens.anthropic"


def test_commit_intensity_leaves_out_the_total() -> None:
    resolved = resolve_series(catalogue_by_id()["coding_agent_commit_intensity"], DOC_IDS)
    assert "agents.commits.total" not in resolved
    assert "agents.commits.claude" in resolved


def test_explicit_refs_come_first_and_are_not_repeated_by_a_glob() -> None:
    resolved = resolve_series(catalogue_by_id()["inference_cost_tiers"], DOC_IDS)
    assert resolved == [f"aa.inference_cost.{t}" for t in ("frontier", "near_frontier", "mid", "small")]


def test_coding_agent_intensity_is_rebased_at_one_million_cumulative() -> None:
    spec = catalogue_by_id()["coding_agent_intensity"]
    assert spec.x_mode == "days_since"
    assert spec.transforms == (
        TransformStep("rebase_at_threshold", {"threshold": 1_000_000, "cumulative": True}),
    )
    assert note_line(spec, "ko") == "주: 업데이트 및 다운로드 수 기준"
    assert note_line(spec, "en") == "Note: Based on update and download counts"


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data not beside the checkout")
def test_commit_intensity_threshold_is_reached_by_the_real_data() -> None:
    folder = SHARED_DATA / "coding-agent-commits" / "commit-data"
    files = sorted(folder.glob("*.csv"))
    rows = pd.concat(pd.read_csv(f) for f in files)
    totals = rows.groupby("query")["count"].sum()
    reached = totals[(totals >= COMMIT_INTENSITY_THRESHOLD) & (totals.index != "total")]
    assert {"claude", "copilot", "cursor_editor"} <= set(reached.index)
    assert len(reached) >= 6


# --- source and note lines ----------------------------------------------------------------


def test_source_line_in_korean_and_english() -> None:
    spec = catalogue_by_id()["openrouter_tokens"]
    metas = {
        f"openrouter.tokens.{v}": meta(f"openrouter.tokens.{v}", "OpenRouter", "tokens_bn")
        for v in ("openai", "anthropic", "others")
    }
    assert source_line(spec, metas, "ko") == "자료: OpenRouter, SK증권"
    assert source_line(spec, metas, "en") == "Source: OpenRouter, SK Securities"


def test_source_line_deduplicates_in_plotting_order_and_uses_korean_names() -> None:
    spec = ChartSpec(
        "mix",
        "혼합",
        "Mix",
        "line",
        (SeriesRef("b.series"), SeriesRef("a.*")),
    )
    metas = {
        "a.one": meta("a.one", "Epoch AI"),
        "a.two": meta("a.two", "Bloomberg", source_ko="블룸버그"),
        "b.series": meta("b.series", "Bloomberg", source_ko="블룸버그"),
    }
    assert source_line(spec, metas, "ko") == "자료: 블룸버그, Epoch AI, SK증권"
    assert source_line(spec, metas, "en") == "Source: Bloomberg, Epoch AI, SK Securities"


def test_source_line_without_metas_is_the_house_alone() -> None:
    assert source_line(catalogue_by_id()["llm_share"], {}, "ko") == "자료: SK증권"


def test_note_line_is_empty_without_a_note() -> None:
    spec = catalogue_by_id()["ai_lab_arr"]
    assert note_line(spec, "ko") == "" and note_line(spec, "en") == ""


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        note_line(catalogue_by_id()["ai_lab_arr"], "jp")


# --- JSON round trip and validation -------------------------------------------------------


@pytest.mark.parametrize("spec", build_catalogue(), ids=lambda s: s.id)
def test_to_dict_from_dict_round_trips_through_json(spec: ChartSpec) -> None:
    again = ChartSpec.from_dict(json.loads(json.dumps(spec.to_dict(), ensure_ascii=False)))
    assert again == spec


def test_a_users_chart_defaults_to_user_origin() -> None:
    data = {
        "id": "mine",
        "title_ko": "내 차트",
        "kind": "line",
        "series": [{"series_id": "cds.oracle_5y"}],
    }
    spec = ChartSpec.from_dict(data)
    assert spec.origin == "user" and spec.series[0].axis == "left" and spec.transforms == ()


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "pie"},
        {"x_mode": "weeks"},
        {"series": []},
        {"series": [{"series_id": "x", "axis": "middle"}]},
        {"transforms": [{"name": "fourier"}]},
        {"transforms": [{"name": "resample", "params": {"rul": "W"}}]},
        {"x_mode": "days_since"},
        {"version": 99},
    ],
)
def test_invalid_specs_are_rejected(change: dict) -> None:
    data = catalogue_by_id()["ai_lab_arr"].to_dict() | change
    with pytest.raises(ValueError):
        ChartSpec.from_dict(data)


# --- prepare ------------------------------------------------------------------------------


def test_prepare_gives_epoch_seconds_from_pandas3_microsecond_dates() -> None:
    spec = ChartSpec("b", "b", "b", "line", (SeriesRef("gpu_rent.b200.median", "B200", "B200"),))
    frame = daily("2026-07-05", [3.1, 3.2, 3.3], unit="us")
    chart = prepare(
        spec,
        {"gpu_rent.b200.median": frame},
        {"gpu_rent.b200.median": meta("gpu_rent.b200.median", unit="usd_per_gpu_hour")},
    )
    (line,) = chart.series
    assert line.x[0] == pd.Timestamp("2026-07-05").timestamp()
    assert np.diff(line.x).tolist() == [86_400.0, 86_400.0]
    assert line.y.tolist() == [3.1, 3.2, 3.3]
    assert line.label("ko") == "B200" and line.color == color_for("b200")
    assert chart.x_is_date
    assert chart.table.index[0] == pd.Timestamp("2026-07-05")
    assert chart.table.columns.tolist() == ["gpu_rent.b200.median"]


def test_prepare_weekly_stacked_area_sums_flows_and_aligns() -> None:
    spec = catalogue_by_id()["openrouter_tokens"]
    frames = {
        "openrouter.tokens.openai": daily("2025-01-06", [1.0] * 14),  # Mon 6 .. Sun 19 Jan
        "openrouter.tokens.anthropic": daily("2025-01-13", [2.0] * 7),  # second week only
    }
    metas = {sid: meta(sid, "OpenRouter", "tokens_bn", is_demo=True) for sid in frames}
    chart = prepare(spec, frames, metas)
    assert [s.series_id for s in chart.series] == [
        "openrouter.tokens.anthropic",
        "openrouter.tokens.openai",
    ]
    anthropic, openai = chart.series
    assert openai.y.tolist() == [7.0, 7.0]
    assert anthropic.y.tolist() == [0.0, 14.0]  # stacked: absent week counts as 0
    assert np.array_equal(anthropic.x, openai.x)
    assert anthropic.label("en") == "Anthropic" and anthropic.color == color_for("anthropic")
    assert chart.source("ko") == "자료: 예시 데이터 — 실제 자료 아님 (OpenRouter), SK증권"
    assert chart.table_for("en").columns.tolist() == ["Anthropic", "OpenAI"]


def test_prepare_rebased_chart_uses_days_and_explains_missing_lines() -> None:
    spec = catalogue_by_id()["coding_agent_intensity"]
    frames = {
        "npm.downloads.claude_code": daily("2025-03-01", [400_000, 700_000, 300_000, 100_000]),
        "npm.downloads.cline": daily("2025-03-01", [10, 20]),
        "npm.downloads.codex": daily("2025-03-01", []),
    }
    metas = {sid: meta(sid, "NPMjs", is_demo=True) for sid in frames}
    chart = prepare(spec, frames, metas)
    (line,) = chart.series
    assert line.series_id == "npm.downloads.claude_code"
    assert line.x.tolist() == [0.0, 1.0, 2.0]
    assert line.y.tolist() == pytest.approx([100.0, 1.4 / 1.1 * 100, 1.5 / 1.1 * 100])
    assert line.base_date == pd.Timestamp("2025-03-02")
    assert not chart.x_is_date and chart.table.index.name == "days"
    assert "never reached" in chart.skipped["npm.downloads.cline"]
    assert chart.skipped["npm.downloads.codex"] == "no observations"
    # the lines left out are named by title in the footnote, in the chart's language
    assert chart.note("ko") == ("주: 업데이트 및 다운로드 수 기준; Cline은 누적 100만 미달로 제외; "
                                "Codex는 데이터가 없어 제외")
    assert chart.note("en") == ("Note: Based on update and download counts; Cline not shown "
                                "(cumulative total below 1,000,000); Codex not shown (no data)")
    assert chart.source("en") == ("Source: Illustrative data — not a real source (NPMjs), "
                                  "SK Securities")


def test_prepare_share_of_total_makes_a_100_percent_stack() -> None:
    spec = catalogue_by_id()["llm_share"]
    frames = {
        "similarweb.share.chatgpt": daily("2025-01-01", [60, 0]),
        "similarweb.share.gemini": daily("2025-01-01", [20, 0]),
    }
    chart = prepare(spec, frames, {sid: meta(sid, "SimilarWeb", "pct") for sid in frames})
    # the zero-total month has no shares (NaN, not inf): it is left out of the stack
    assert [s.y.tolist() for s in chart.series] == [[75.0], [25.0]]


def test_prepare_resample_without_a_unit_is_skipped_with_reason() -> None:
    spec = catalogue_by_id()["openrouter_tokens"]
    chart = prepare(spec, {"openrouter.tokens.openai": daily("2025-01-01", [1.0])}, {})
    assert chart.series == ()
    assert "unit" in chart.skipped["openrouter.tokens.openai"]
    assert chart.is_empty


def test_prepare_reports_refs_not_in_cache() -> None:
    chart = prepare(catalogue_by_id()["gpu_rent_b200_h100"], {}, {})
    assert chart.skipped == {
        "gpu_rent.b200.median": "not in cache",
        "gpu_rent.h100.median": "not in cache",
    }
    assert chart.table.empty and chart.source("ko") == "자료: SK증권"


def test_prepare_drops_missing_points_from_lines_but_keeps_them_in_the_table() -> None:
    spec = ChartSpec("c", "c", "c", "line", (SeriesRef("cds.*"),))
    frames = {
        "cds.oracle_5y": daily("2026-01-01", [100.0, np.nan, 110.0]),
        "cds.coreweave_5y": daily("2026-01-02", [700.0]),
    }
    chart = prepare(spec, frames, {})
    by_id = {s.series_id: s for s in chart.series}
    assert by_id["cds.oracle_5y"].y.tolist() == [100.0, 110.0]
    assert by_id["cds.oracle_5y"].label("ko") == "Oracle 5Y"
    assert len(chart.table) == 3 and chart.table["cds.oracle_5y"].isna().sum() == 1


def test_prepare_dual_axis_keeps_each_series_axis() -> None:
    spec = ChartSpec(
        "d",
        "d",
        "d",
        "dual_axis",
        (SeriesRef("meta.ad_price_yoy"), SeriesRef("meta.ad_impressions_yoy", axis="right")),
        unit_right_ko="%",
        unit_right_en="%",
    )
    frames = {sid: daily("2025-03-31", [5.0]) for sid in ("meta.ad_price_yoy", "meta.ad_impressions_yoy")}
    chart = prepare(spec, frames, {})
    assert [s.axis for s in chart.series] == ["left", "right"]
    assert chart.unit("en", "right") == "%"


# --- demo flag ----------------------------------------------------------------------------


def test_demo_flag_propagates_per_series_and_to_the_chart() -> None:
    spec = ChartSpec("m", "m", "m", "line", (SeriesRef("x.real"), SeriesRef("x.demo")))
    frames = {"x.real": daily("2025-01-01", [1.0]), "x.demo": daily("2025-01-01", [2.0])}
    metas = {"x.real": meta("x.real"), "x.demo": meta("x.demo", is_demo=True)}
    chart = prepare(spec, frames, metas)
    assert [s.is_demo for s in chart.series] == [False, True]
    assert chart.is_demo and chart.demo_series == ["x.demo"]


def test_real_only_chart_is_not_demo() -> None:
    spec = catalogue_by_id()["gpu_rent_by_model"]
    frames = {"gpu_rent.h100.median": daily("2026-07-05", [2.0, 2.1])}
    metas = {"gpu_rent.h100.median": meta("gpu_rent.h100.median", "gpurentalprices.com", "usd_per_gpu_hour")}
    chart = prepare(spec, frames, metas)
    assert not chart.is_demo and chart.demo_series == []
    assert chart.source("en") == "Source: gpurentalprices.com, SK Securities"


def test_a_demo_series_that_is_skipped_does_not_flag_the_chart() -> None:
    spec = ChartSpec("m", "m", "m", "line", (SeriesRef("x.real"), SeriesRef("x.demo")))
    frames = {"x.real": daily("2025-01-01", [1.0]), "x.demo": daily("2025-01-01", [])}
    metas = {"x.real": meta("x.real"), "x.demo": meta("x.demo", is_demo=True)}
    assert not prepare(spec, frames, metas).is_demo


# --- colours ------------------------------------------------------------------------------


def test_company_colours_are_the_same_across_charts() -> None:
    assert color_for("nvidia") == "#76B900"
    assert color_for("oracle") == color_for("cds.oracle_5y") == "#C74634"
    assert color_for("agents.share.claude") == color_for("epoch.arr.anthropic")
    assert color_for("similarweb.share.chatgpt") == color_for("epoch.valuation.openai")
    assert color_for("npm.downloads.gemini_cli") == color_for("Google")
    assert color_for("gpu_rent.h100.median") == color_for("silicondata.h100_index")
    assert color_for("cds.coreweave_5y") != color_for("cds.oracle_5y")


def test_fallback_colour_is_deterministic_across_processes() -> None:
    here = color_for("npm.downloads.cline")
    assert here in FALLBACK_PALETTE
    code = "from qnai_desktop.core.charts import color_for; print(color_for('npm.downloads.cline'))"
    there = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={"PYTHONHASHSEED": "123"},
    )
    assert there.stdout.strip() == here


@pytest.mark.parametrize("spec", build_catalogue(), ids=lambda s: s.id)
def test_series_within_a_chart_get_distinct_colours(spec: ChartSpec) -> None:
    refs = resolve_refs(spec, DOC_IDS)
    colours = colors_for([ref.color or sid for sid, ref in refs])
    assert len(colours) == len(set(colours))


def test_colliding_fallback_colours_are_separated_within_a_chart() -> None:
    keys = [f"agents.commits.agent{i}" for i in range(len(FALLBACK_PALETTE))]
    assert len(set(colors_for(keys))) == len(FALLBACK_PALETTE)
    assert colors_for(["claude", *keys])[0] == color_for("anthropic")  # house colour unchanged


def test_a_skipped_series_does_not_recolour_the_others() -> None:
    spec = catalogue_by_id()["coding_agent_commit_intensity"]
    metas = {sid: meta(sid) for sid in resolve_series(spec, DOC_IDS)}
    frames = {sid: daily("2025-01-01", [20_000.0, 1.0]) for sid in metas}
    full = {s.series_id: s.color for s in prepare(spec, frames, metas).series}
    frames["agents.commits.aider"] = daily("2025-01-01", [1.0])
    partial = {s.series_id: s.color for s in prepare(spec, frames, metas).series}
    assert "agents.commits.aider" not in partial
    assert all(full[sid] == colour for sid, colour in partial.items())
    assert len(set(full.values())) == len(full)


def test_explicit_refs_get_display_names() -> None:
    spec = catalogue_by_id()["coding_agent_commit_share"]
    frames = {"agents.share.cursor_bg": daily("2025-01-01", [1.0] * 7)}
    (line,) = prepare(spec, frames, {}).series
    assert (line.label("ko"), line.label("en")) == ("Cursor (백그라운드)", "Cursor (background)")


def test_core_charts_import_without_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['pyqtgraph'] = None\n"
        "import qnai_desktop.core.charts, qnai_desktop.core.transforms\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_a_fallback_ref_plots_only_until_what_it_stands_in_for_is_cached() -> None:
    spec = catalogue_by_id()["llm_share"]
    demo_only = {"similarweb.share.chatgpt", "similarweb.share.claude"}
    assert resolve_series(spec, demo_only) == ["similarweb.share.chatgpt", "similarweb.share.claude"]
    assert unresolved_refs(spec, demo_only) == ["statcounter.share.*"]
    both = demo_only | {"statcounter.share.chatgpt"}
    assert resolve_series(spec, both) == ["statcounter.share.chatgpt"]
    assert unresolved_refs(spec, both) == []  # the replaced fallback is not "missing"
    ref = SeriesRef("a.*", unless=("b.*",))
    assert SeriesRef.from_dict(json.loads(json.dumps(ref.to_dict()))) == ref
    assert "unless" not in SeriesRef("a.*").to_dict()  # saved charts without it are unchanged


def test_point_in_time_reports_a_day_apart_are_one_report() -> None:
    """OpenAI's ARR reported 1.6 on 2023-12-30 and 2.0 on 2023-12-31: one report (2.0), not a
    vertical jump; reports a week or more apart all stay."""
    from qnai_desktop.core.transforms import merge_close_reports

    s = pd.Series([1.3, 1.6, 2.0, 3.4], index=pd.to_datetime(
        ["2023-10-10", "2023-12-30", "2023-12-31", "2024-06-12"]))
    merged = merge_close_reports(s, 7)
    assert merged.tolist() == [1.3, 2.0, 3.4]
    assert list(merged.index.strftime("%m-%d")) == ["10-10", "12-31", "06-12"]
    spec = catalogue_by_id()["ai_lab_arr"]
    assert spec.points == "reports" and ChartSpec.from_dict(spec.to_dict()).points == "reports"
    line_spec = catalogue_by_id()["gpu_rent_b200_h100"]
    assert "points" not in line_spec.to_dict()  # saved charts without it are unchanged
