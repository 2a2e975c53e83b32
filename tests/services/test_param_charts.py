"""A published scenario is a *parameter chart*: its x is the model input, never a date.

Driven as the analyst does it: publish a case, then look at it through every place that shows
dated data — the chart engine, the series list CLI, the status bar's newest date, monitors,
the export pack (file names, as-of dates, stale warnings) — and through the deletion of the
chart. Also the optional inputs the note leaves at 0 (cards say n/a, not 0).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from qnai_desktop.cli import main
from qnai_desktop.core.charts import ChartSpec, SeriesRef, TransformStep, prepare
from qnai_desktop.core.export_checks import check_chart
from qnai_desktop.core.param_axis import is_param_series, param_axis
from qnai_desktop.core.scenarios import MODELS, get_model
from qnai_desktop.core.scenarios.display import NOT_GIVEN, unavailable
from qnai_desktop.core.series import SeriesMeta
from qnai_desktop.services import scenario_cases as sc
from qnai_desktop.services.export_plan import ExportOptions, gather_jobs, plan_export
from qnai_desktop.services.monitor_table import add_user_monitor, known_metas
from qnai_desktop.services.user_charts import delete_user_chart
from qnai_desktop.store.cache import Cache
from qnai_desktop.store.errors import ValidationError

MCS = "meta_compute_sale"
BEAR = "Bear: Meta sells 35%"


@pytest.fixture
def published(cache):
    sc.save_case(cache, MCS, BEAR, {"external_sale_fraction": 0.35, "meta_capex_share": 0.14})
    return sc.publish_case(cache, MCS, BEAR, sc.case_params(cache, MCS, BEAR))


def saved_spec(cache, chart_id: str) -> ChartSpec:
    return ChartSpec.from_dict(next(c for c in cache.charts.list() if c["id"] == chart_id))


def test_the_published_chart_plots_against_the_input_with_its_name_and_unit(cache, published) -> None:
    spec = saved_spec(cache, published.chart_id)
    assert spec.x_mode == "param"
    assert spec.x_title("ko") == "Compute 외부 판매 비율 (%)"
    assert spec.x_title("en") == "Share of compute sold externally (%)"
    chart = prepare(spec, cache.series.frames(list(published.series_ids)), cache.series.metas())
    assert not chart.skipped and not chart.x_is_date and chart.x_mode == "param"
    case_line = chart.series[0]
    assert case_line.x[[0, 35, 100]].tolist() == [0.0, 35.0, 100.0]  # percent of compute sold
    assert case_line.y[35] == pytest.approx(0.14 * 35)  # 14 % × 35 % = 4.9 % of major AI capex
    table = chart.table_for("en")
    assert table.index.name == "Share of compute sold externally (%)"
    assert table.index[[0, -1]].tolist() == [0.0, 100.0]


def test_a_curve_never_passes_for_dated_data(cache, published, tmp_path: Path) -> None:
    metas = cache.series.metas()
    curve = published.series_ids[0]
    assert is_param_series(metas[curve]) and param_axis(metas[curve]).unit_ko == "%"
    # a date chart that happens to match a curve leaves it out and says why
    dated = ChartSpec("mine", "내 차트", "Mine", "line", (SeriesRef(curve), SeriesRef("cds.oracle_5y")))
    chart = prepare(dated, cache.series.frames([curve, "cds.oracle_5y"]), metas)
    assert [s.series_id for s in chart.series] == ["cds.oracle_5y"]
    assert chart.skipped[curve] == "a parameter curve, not dated data"
    # monitors do not offer it, and refuse it if asked
    assert curve not in known_metas(cache)
    with pytest.raises(ValidationError, match="scenario curve"):
        add_user_monitor(cache, curve)
    # the status bar's newest date ignores the placeholder days (a cache holding only curves)
    empty = Cache.open(tmp_path / "empty.sqlite")
    try:
        sc.publish_case(empty, MCS, BEAR, {"external_sale_fraction": 0.35})
        assert empty.series.ids() and empty.series.newest_date() is None
    finally:
        empty.close()


def test_the_series_list_cli_says_curve_with_unit_and_x_range(db_path, capsys) -> None:
    cache = Cache.open(db_path)
    pub = sc.publish_case(cache, MCS, BEAR, {"external_sale_fraction": 0.35})
    cache.close()
    assert main(["--db", str(db_path), "series", "list"]) == 0
    line = next(li for li in capsys.readouterr().out.splitlines() if li.startswith(pub.series_ids[0]))
    assert "[curve, not dated]" in line and "[pct]" in line and "2000-" not in line
    assert "x = Share of compute sold externally 0…100 %" in line
    assert main(["--db", str(db_path), "series", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[pub.series_ids[0]]["kind"] == "curve" and rows[pub.series_ids[0]]["last"] is None
    assert rows["cds.oracle_5y"]["kind"] == "dated" and rows["cds.oracle_5y"]["last"]
    assert main(["--db", str(db_path), "series", "show", pub.series_ids[0]]) == 0
    out = capsys.readouterr().out
    assert "not dates" in out and "Share of compute sold externally (%)" in out and "2000-" not in out


def test_a_curve_has_no_as_of_and_is_never_stale(cache, published) -> None:
    [job] = gather_jobs(cache, [published.chart_id])
    assert job.as_of is None and all(d is None for d in job.last_dates.values())
    plan = plan_export([job], ExportOptions(formats=("png", "pptx")))
    assert [f.name for f in plan.files] == [f"{published.chart_id}.png",
                                            f"{published.chart_id}.pptx"]
    # years after publishing, still not "stale": the days were never dates
    old = {sid: date(2000, 4, 10) for sid in published.series_ids}
    found = check_chart(job.prepared, last_dates=old, frequencies=job.frequencies,
                        today=date(2030, 1, 1))
    assert [w.kind for w in found] == []


def test_deleting_the_chart_takes_its_curves_along(cache, published) -> None:
    change = delete_user_chart(cache, published.chart_id)
    assert "user_charts" in change.tables and set(published.series_ids) <= change.series
    assert published.chart_id not in {c["id"] for c in cache.charts.list()}
    assert not set(published.series_ids) & set(cache.series.ids())
    assert "cds.oracle_5y" in cache.series.ids()
    assert delete_user_chart(cache, published.chart_id).changed == 0  # already gone


def test_charts_published_before_parameter_charts_read_as_parameter_charts(cache) -> None:
    """Old publications kept x in ``extra["scenario"]`` and a date chart: read them honestly."""
    legacy_x = {"x_values": [0.0, 50.0, 100.0], "x_label_ko": "외부 판매 비율",
                "x_label_en": "Share sold", "x_unit_ko": "%", "x_unit_en": "%",
                "anchor": "2000-01-01"}
    meta = SeriesMeta("scenario.old.case", "옛 곡선", "Old curve", "pct", "D", "Q&AI",
                      extra={"scenario": legacy_x})
    assert param_axis(meta).values == (0.0, 50.0, 100.0)
    spec = ChartSpec.from_dict({"id": "scenario.old", "title_ko": "옛", "title_en": "Old",
                                "kind": "line", "series": [{"series_id": "scenario.old.case"}],
                                "x_mode": "date", "scenario": legacy_x})
    assert spec.x_mode == "param" and spec.x_title("en") == "Share sold (%)"
    assert ChartSpec.from_dict(spec.to_dict()) == spec


def test_parameter_charts_refuse_date_transforms() -> None:
    with pytest.raises(ValueError, match="date transforms"):
        ChartSpec("p", "p", "p", "line", (SeriesRef("a"),), (TransformStep("yoy_pct"),),
                  x_mode="param")


def test_optional_inputs_left_at_zero_make_their_outputs_not_available() -> None:
    for model_id, rules in NOT_GIVEN.items():  # every rule names a real input and outputs
        model = get_model(model_id)
        for rule in rules:
            model.param(rule.param)
            assert all(model.output(o) for o in rule.outputs) and rule.hint("ko") and rule.hint("en")
    model = MODELS[MCS]
    na = unavailable(model, model.defaults())
    assert {"added_supply_usd_bn", "meta_capex_usd_bn"} <= set(na)
    assert "added_supply_share" not in na
    assert not {"added_supply_usd_bn", "meta_capex_usd_bn"} & set(
        unavailable(model, {**model.defaults(), "major_ai_capex_usd_bn": 1500.0}))
