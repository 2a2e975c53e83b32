"""What every image says about its chart, decided without Qt: the as-of stamp and staleness,
the footnote naming the series left out (titles, the chart's language), the source line of
invented numbers."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from qnai_desktop.core.charts import ChartSpec, SeriesRef, catalogue_by_id, prepare, source_line
from qnai_desktop.core.charts.omissions import (
    HIDDEN,
    NO_DATA,
    THRESHOLD,
    Omission,
    korean_number,
    omission_note,
    topic_particle,
)
from qnai_desktop.core.charts.stamp import chart_stamp
from qnai_desktop.core.series import SeriesMeta


def meta(sid: str, frequency: str = "D", demo: bool = False, source: str = "Test") -> SeriesMeta:
    return SeriesMeta(id=sid, title_ko=sid, title_en=sid, unit="usd_bn", frequency=frequency,
                      source=source, is_demo=demo)


def frame(start: str, n: int, freq: str = "D", value: float = 1.0) -> pd.DataFrame:
    return pd.DataFrame({"date": pd.date_range(start, periods=n, freq=freq), "value": [value] * n})


def two_gpus(h100_end: str = "2026-07-31"):
    spec = catalogue_by_id()["gpu_rent_b200_h100"]
    frames = {"gpu_rent.b200.median": frame("2026-07-01", 31),
              "gpu_rent.h100.median": pd.DataFrame(
                  {"date": pd.date_range("2026-07-01", h100_end), "value": 2.0})}
    return prepare(spec, frames, {sid: meta(sid) for sid in frames})


# -- the stamp ---------------------------------------------------------------------------------
def test_stamp_is_the_newest_observation_shown() -> None:
    stamp = chart_stamp(two_gpus(), date(2026, 8, 2))
    assert stamp.as_of == date(2026, 7, 31) and not stamp.stale
    assert stamp.text("ko") == "기준: 2026-07-31" and stamp.text("en") == "As of 2026-07-31"


def test_stale_stamp_says_how_old_by_the_export_checks_threshold() -> None:
    prepared = two_gpus()
    assert not chart_stamp(prepared, date(2026, 8, 9)).stale  # daily: 2 days + a week of grace
    stamp = chart_stamp(prepared, date(2026, 12, 7))
    assert stamp.stale and stamp.stale_days == 129
    assert stamp.text("ko") == "기준: 2026-07-31 · 129일 경과"
    assert stamp.text("en") == "As of 2026-07-31 · 129 days old"


def test_a_chart_with_one_stale_line_names_it() -> None:
    stamp = chart_stamp(two_gpus(h100_end="2026-07-10"), date(2026, 8, 1))
    assert stamp.text("ko") == "기준: 2026-07-31 · H100 22일 경과"
    assert stamp.text("en") == "As of 2026-07-31 · H100 22 days old"


def test_monthly_data_is_stale_later_than_daily() -> None:
    spec = ChartSpec("m", "월", "M", "line", (SeriesRef("m.one"),))
    prepared = prepare(spec, {"m.one": frame("2026-01-31", 6, "ME")}, {"m.one": meta("m.one", "M")})
    assert prepared.as_of == date(2026, 6, 30)
    assert not chart_stamp(prepared, date(2026, 8, 15)).stale  # 46 days: within 2 months + grace
    assert chart_stamp(prepared, date(2026, 9, 10)).stale


def test_no_stamp_without_dated_data() -> None:
    spec = catalogue_by_id()["ai_capex"]
    assert chart_stamp(prepare(spec, {}, {}), date(2026, 12, 7)) is None


# -- the footnote ------------------------------------------------------------------------------
def test_threshold_footnote_uses_titles_and_korean_numbers() -> None:
    omitted = [Omission(f"agents.commits.{k}", name, name, THRESHOLD, 10_000, True)
               for k, name in (("codex", "Codex"), ("amazonq", "Amazon Q"), ("windsurf", "Windsurf"))]
    assert omission_note(omitted, "ko") == "Codex, Amazon Q, Windsurf는 누적 1만 미달로 제외"
    assert omission_note(omitted, "en") == ("Codex, Amazon Q and Windsurf not shown (cumulative "
                                            "total below 10,000)")


def test_footnote_groups_reasons_and_never_shows_an_unnamed_id() -> None:
    omitted = [Omission("a.x", "오라클", "Oracle", NO_DATA), Omission("a.y", "", "", NO_DATA),
               Omission("a.z", "코어위브", "CoreWeave", HIDDEN)]
    assert omission_note(omitted, "ko") == "오라클은 데이터가 없어 제외; 코어위브는 숨김"
    assert "a.y" not in omission_note(omitted, "en")
    many = [Omission(f"s.{i}", f"S{i}", f"S{i}", NO_DATA) for i in range(9)]
    assert omission_note(many, "ko").startswith("S0, S1, S2, S3, S4, S5 외 3개는 ")


@pytest.mark.parametrize(("name", "particle"), [
    ("Codex", "는"), ("Windsurf", "는"), ("Amazon Q", "는"), ("Devin", "은"), ("Copilot", "은"),
    ("Cline", "은"), ("H100", "은"), ("B200", "은"), ("GPT-5", "는"), ("코어위브", "는"), ("오라클", "은"),
    ("하이일드 OAS (대용치, CDS 아님)", "는"), ("Cursor (백그라운드)", "는")])
def test_topic_particle_follows_the_korean_reading(name: str, particle: str) -> None:
    assert topic_particle(name) == particle


def test_korean_numbers() -> None:
    assert [korean_number(v) for v in (10_000, 1_000_000, 200_000_000, 1_500)] == [
        "1만", "100만", "2억", "1,500"]


def test_prepare_names_the_agents_the_intensity_chart_leaves_out() -> None:
    spec = catalogue_by_id()["coding_agent_commit_intensity"]
    frames = {"agents.commits.claude": frame("2025-01-01", 30, value=1_000.0),
              "agents.commits.codex": frame("2025-01-01", 30, value=10.0),
              "agents.commits.amazonq": frame("2025-01-01", 0)}
    prepared = prepare(spec, frames, {sid: meta(sid) for sid in frames})
    assert [s.series_id for s in prepared.series] == ["agents.commits.claude"]
    assert [(o.label_ko, o.reason) for o in prepared.omitted] == [
        ("Amazon Q", NO_DATA), ("Codex", THRESHOLD)]
    note = prepared.note("ko")
    assert note.endswith("Amazon Q는 데이터가 없어 제외; Codex는 누적 1만 미달로 제외")
    assert "agents." not in note and "max" not in note
    assert "never reached" in prepared.skipped["agents.commits.codex"]  # the manifest's detail


# -- the source line ---------------------------------------------------------------------------
def test_invented_series_carry_the_flag_before_any_publisher() -> None:
    spec = ChartSpec("mix", "혼합", "Mix", "line", (SeriesRef("a.*"),))
    real = {"a.one": meta("a.one", source="Epoch AI")}
    demo = {"a.two": meta("a.two", demo=True, source="Bloomberg")}
    assert source_line(spec, real, "ko") == "자료: Epoch AI, SK증권"
    assert source_line(spec, demo, "ko") == "자료: 예시 데이터 — 실제 자료 아님 (Bloomberg), SK증권"
    assert source_line(spec, {**real, **demo}, "en") == (
        "Source: Illustrative data — not a real source (Bloomberg), Epoch AI, SK Securities")

