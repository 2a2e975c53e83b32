"""The note's MTP / speculative-decoding and Dspark charts: computed from the scenario model and
the note's own figure, always there, and honest about which number is whose."""

from __future__ import annotations

import pandas as pd
import pytest

from qnai_desktop.core.charts import catalogue_by_id, prepare
from qnai_desktop.core.charts.derived import DSPARK_SPEED, SPEC_DECODING_SPEED, derived_bundles
from qnai_desktop.core.param_axis import ParamAxis, param_axis_of
from qnai_desktop.core.scenarios import get_model
from qnai_desktop.paths import data_dir


def chart(chart_id: str):
    return prepare(catalogue_by_id()[chart_id], {}, {})  # a fresh cache: nothing stored


def test_spec_decoding_bars_are_the_models_numbers_at_its_assumed_inputs() -> None:
    model = get_model("spec_decoding")
    defaults = model.defaults()
    p = chart("spec_decoding_vs_usual")
    [bars] = p.series
    assert bars.series_id == SPEC_DECODING_SPEED and list(bars.x) == [1.0, 2.0, 3.0]
    assert list(bars.y) == pytest.approx([
        1.0,  # the usual way: one token per model step
        model.evaluate(defaults)["speedup"],  # what the Scenarios tab shows (1.76x today)
        model.evaluate({**defaults, "acceptance_rate": 1.0})["speedup"]])  # every draft taken
    assert bars.y[1] == pytest.approx(1.85 / 1.05)  # (1 + 0.85) / (1 + 1 x 0.05)
    # whose numbers: the model's, with inputs the note does not give — on the image twice
    assert p.source("ko") == "자료: 모형 추정 (가정 입력), SK증권"
    assert p.source("en") == "Source: Model estimate (assumed inputs), SK Securities"
    assert bars.label("ko") == "모형 추정 (가정 입력)"
    assert "가정 입력: 수락률 85%, 초안 토큰 1개" in p.note("ko")
    assert [name for _x, name in p.category_ticks("ko")] == [
        "기존 방식 (스텝당 1토큰)", "MTP + Speculative decoding (+76%)",
        "MTP 상한: 초안 전부 수락 (+90%)"]
    assert not p.is_demo and not p.is_empty and p.skipped == {}


def test_dspark_bars_are_the_notes_figure() -> None:
    p = chart("dspark_speedup")
    [bars] = p.series
    assert bars.series_id == DSPARK_SPEED
    facts = pd.read_csv(data_dir() / "facts.csv").set_index("id")["value"]
    assert list(bars.y) == [1.0, 1.0 + facts["dspark_speedup"]] == [1.0, 1.85]
    assert p.source("ko") == "자료: 노트 인용 (언론 종합), SK증권"
    assert "85% 향상" in p.note("ko") and "노트 원문" in p.note("ko")
    assert p.category_ticks("ko") == [(1.0, "Dspark 적용 전"), (2.0, "Dspark 적용 후 (+85%)")]
    assert p.category_ticks("en") == [(1.0, "Before Dspark"), (2.0, "With Dspark (+85%)")]


def test_the_data_table_names_each_case() -> None:
    table = chart("dspark_speedup").table_for("ko")
    assert table.index.name == "구분"
    assert table.to_dict()["노트 수치"] == {"Dspark 적용 전": 1.0, "Dspark 적용 후 (+85%)": 1.85}
    assert chart("spec_decoding_vs_usual").table_for("en").index.name == "Case"


def test_a_chart_that_does_not_name_them_never_sees_them() -> None:
    p = prepare(catalogue_by_id()["gpu_rent_b200_h100"], {}, {})
    assert p.is_empty and not any(sid.startswith("derived.") for sid in p.skipped)


def test_derived_series_are_category_curves_that_round_trip() -> None:
    for sid, bundle in derived_bundles().items():
        axis = param_axis_of(bundle.meta.extra)
        assert axis is not None and len(axis.names_ko) == len(axis.values) == len(bundle.frame)
        assert axis.names("en") and sid.startswith("derived.")
        assert param_axis_of({"param_x": axis.to_dict()}) == axis
    with pytest.raises(ValueError, match="2 category names for 3 values"):
        ParamAxis((1.0, 2.0, 3.0), names_ko=("a", "b"))
    # names that do not match the values are ignored, not trusted
    assert param_axis_of({"param_x": {"values": [1, 2], "names_ko": ["a"]}}).names_ko == ()


def test_the_crosshair_names_the_bar_under_the_cursor() -> None:
    from qnai_desktop.core.charts.readout import readout

    p = chart("dspark_speedup")
    assert readout(p, 1.8, "ko") == "Dspark 적용 후 (+85%) · 노트 수치 1.85"  # left half of bar 2
    assert readout(p, 1.2, "en") == "Before Dspark · The note's figure 1.00"
