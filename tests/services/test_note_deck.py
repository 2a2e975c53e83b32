"""The note as a deck, read back with python-pptx as PowerPoint would: the note's pages, every
chart native with its data, house colours, marks, events — and what survives an update."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches

from qnai_desktop.core.charts import ChartSpec, SeriesRef
from qnai_desktop.core.series import SeriesBundle
from qnai_desktop.services.deck import gather_content, pictures_needed, update_deck, write_deck
from qnai_desktop.services.deck.native_data import excel_serial
from qnai_desktop.services.export_plan import all_specs, gather_jobs, hold_back
from qnai_desktop.services.scenario_cases import publish_case
from qnai_desktop.store.cache import Cache

TODAY = date(2026, 8, 3)
UPDATE = ["openrouter_tokens", "coding_agent_intensity", "gpu_rent_silicondata", "llm_share",
          "ai_lab_arr", "ai_lab_valuation"]
ILLUSTRATIVE = "예시 데이터 — 실제 자료 아님"


def content_of(cache: Cache, lang: str = "ko", charts=None, author: str | None = None):
    jobs, held = hold_back(gather_jobs(cache, charts))
    return gather_content(cache, jobs, held, lang, today=TODAY, author=author)


def shapes_by_name(prs) -> dict[str, tuple[int, object]]:
    return {s.name: (i, s) for i, slide in enumerate(prs.slides) for s in slide.shapes}


def chart_of(prs, chart_id: str):
    return shapes_by_name(prs)[f"qnai:chart:{chart_id}"][1]


@pytest.fixture(scope="module")
def seeded(seeded_template: Path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("deck") / "cache.sqlite"
    shutil.copy(seeded_template, path)
    return path


@pytest.fixture(scope="module")
def deck(seeded: Path, tmp_path_factory):
    """The whole pack of a new cache as a deck, with her author line."""
    with Cache.open(seeded) as cache:
        content = content_of(cache, author="SK증권 해외주식/AI. 박제민")
    path = tmp_path_factory.mktemp("deck") / "pack.pptx"
    report = write_deck(content, path)
    return Presentation(str(path)), report, content


def test_the_deck_opens_with_the_cover_the_coverage_table_and_the_update_chart_page(deck) -> None:
    prs, report, _ = deck
    names = shapes_by_name(prs)
    assert names["qnai:cover:author"][1].text_frame.text == "SK증권 해외주식/AI. 박제민"
    assert names["qnai:cover:date"][1].text_frame.text == "2026년 8월 3일"
    index, table = names["qnai:table:watchlist"]
    assert index == 1 and table.has_table
    cells = [[table.table.cell(r, c).text_frame.text for c in range(4)] for r in range(9)]
    assert cells[0] == ["종목", "시가총액", "12MF PER", "투자 포인트"]
    assert cells[1][:3] == ["엔비디아", "4,736", "19"]
    assert cells[1][3] == ("-독보적인 GPU 기술력있으나 ASIC으로 독점력 축소\n"
                           "-Rubin Ultra 기술 전환 및 CPU, LPU 주문 추이 주목")
    assert cells[8][:3] == ["코어위브", "47", "-"]
    update = prs.slides[2]
    assert update.shapes.title.text_frame.text == "Update Chart"
    frames = [s for s in update.shapes if s.name.startswith("qnai:chart:")]
    assert [f.name.split(":")[-1] for f in frames] == UPDATE
    lefts, tops = sorted({f.left for f in frames}), sorted({f.top for f in frames})
    assert len(lefts) == 3 and len(tops) == 2  # a 2x3 grid
    assert all(f.has_chart for f in frames)
    notes = update.notes_slide.notes_text_frame.text
    assert "ai_capex" in notes and "ai_capex_share" in notes  # held back: listed, not drawn
    assert "qnai:chart:ai_capex" not in names
    assert report.slides == len(prs.slides) and not report.pictures


def test_sections_follow_the_note_and_the_rest_comes_after(deck) -> None:
    prs, _, _ = deck
    titles = [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None]
    assert titles[:6] == ["커버리지: 시가총액, 12MF PER, 투자 포인트", "Update Chart",
                          "최적화는 AI Labs 경쟁 구도의 핵심 변수?",
                          "Compute Multiplier 는 어떻게 있을까?",
                          "Meta 서버 사업의 출시 파동, 맥락과 결론은?",
                          "안정적 B200, H100 대여 가격이 보여주는 결론: 주식 시장의 우려 선반영"]
    multiplier = prs.slides[4]  # the note's MTP / Dspark charts, side by side
    assert [s.name for s in multiplier.shapes if s.name.startswith("qnai:chart:")] == [
        "qnai:chart:spec_decoding_vs_usual", "qnai:chart:dspark_speedup"]
    pair = prs.slides[6]
    assert [s.name for s in pair.shapes if s.name.startswith("qnai:chart:")] == [
        "qnai:chart:cds_oracle_coreweave", "qnai:chart:gpu_rent_b200_h100"]
    rest = {s.name for slide in list(prs.slides)[7:] for s in slide.shapes}
    assert {"qnai:chart:coding_agent_commit_share", "qnai:chart:gpu_rent_by_model"} <= rest


@pytest.mark.parametrize(("chart_id", "chart_type"), [
    ("openrouter_tokens", XL_CHART_TYPE.AREA_STACKED),
    ("llm_share", XL_CHART_TYPE.AREA_STACKED),
    ("cds_oracle_coreweave", XL_CHART_TYPE.LINE),
    ("inference_cost_tiers", XL_CHART_TYPE.LINE),
    ("meta_ads", XL_CHART_TYPE.COLUMN_CLUSTERED),
    ("coding_agent_intensity", XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS),
    ("spec_decoding_vs_usual", XL_CHART_TYPE.COLUMN_CLUSTERED),  # bars by case
])
def test_every_kind_is_a_native_chart_with_its_data(deck, chart_id, chart_type) -> None:
    prs, _, content = deck
    frame = chart_of(prs, chart_id)
    chart = frame.chart
    assert chart.chart_type == chart_type
    job = content.job(chart_id)
    assert [s.name for s in chart.series] == list(job.prepared.table_for("ko").columns)
    first = job.prepared.series[0]
    values = [v for v in chart.series[0].values if v is not None]
    if chart_type == XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS:
        assert values == pytest.approx(first.y[np.isfinite(first.y)].tolist())
    else:
        column = job.prepared.table_for("ko").iloc[:, 0]
        assert values == pytest.approx(column.dropna().tolist())
    # "Edit Data" opens the embedded workbook
    assert chart.part.chart_workbook.xlsx_part is not None
    # house colours, in the order of the prepared series
    line = chart.series[0].format.line if chart_type in (
        XL_CHART_TYPE.LINE, XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS) else None
    colour = line.color.rgb if line is not None else chart.series[0].format.fill.fore_color.rgb
    assert str(colour) == first.color.lstrip("#").upper()


def test_bars_by_case_are_named_columns_with_the_notes_number(deck) -> None:
    prs, _, _ = deck
    chart = chart_of(prs, "dspark_speedup").chart
    assert list(chart.plots[0].categories) == ["Dspark 적용 전", "Dspark 적용 후 (+85%)"]
    assert list(chart.plots[0].series[0].values) == [1.0, 1.85]


def test_axes_say_what_the_image_says(deck) -> None:
    prs, _, content = deck
    log = chart_of(prs, "inference_cost_tiers").chart
    assert log._chartSpace.find(".//" + qn("c:logBase")).get("val") == "10"
    bars = chart_of(prs, "meta_ads").chart
    assert list(bars.plots[0].categories)[-1] == "2Q26"
    shares = chart_of(prs, "llm_share").chart
    assert (shares.value_axis.minimum_scale, shares.value_axis.maximum_scale) == (0, 100)
    cds = chart_of(prs, "cds_oracle_coreweave").chart
    dates = cds._chartSpace.find(".//" + qn("c:dateAx"))
    assert dates.find(qn("c:numFmt")).get("formatCode") == "yy.mm"  # the year on every label
    job = content.job("cds_oracle_coreweave")
    assert cds.category_axis.maximum_scale == excel_serial(job.as_of)


def test_illustrative_and_stale_marks_travel_with_the_chart(deck) -> None:
    prs, _, _ = deck
    names = shapes_by_name(prs)
    cds = chart_of(prs, "cds_oracle_coreweave").chart
    stamp = cds.chart_title.text_frame.text
    assert "(bp)" in stamp and "기준: 2026-07-31" in stamp and ILLUSTRATIVE in stamp
    source = names["qnai:source:cds_oracle_coreweave"][1].text_frame.text
    assert source.count(ILLUSTRATIVE) == 1  # once, not once from the chart and once from the deck
    mark = names["qnai:mark:cds_oracle_coreweave"][1]
    frame = chart_of(prs, "cds_oracle_coreweave")
    assert frame.left < mark.left and mark.left + mark.width < frame.left + frame.width  # on the plot
    real = chart_of(prs, "ai_lab_arr").chart.chart_title.text_frame.text
    assert ILLUSTRATIVE not in real and "오래된 데이터" in real  # ARR ends 2025-12
    assert "qnai:mark:ai_lab_arr" not in names


def test_the_notes_events_are_drawn_where_their_dates_are(deck) -> None:
    prs, report, content = deck
    names = shapes_by_name(prs)
    frame = chart_of(prs, "cds_oracle_coreweave")
    event = next(a for a in content.annotations["cds_oracle_coreweave"] if a.day == date(2026, 7, 1))
    line = names[f"qnai:ann:cds_oracle_coreweave:{event.id}:line"][1]
    label = names[f"qnai:ann:cds_oracle_coreweave:{event.id}:label"][1]
    assert label.text_frame.text == "7/1 Meta 컴퓨트 외부 판매 보도"
    assert line.begin_x == line.end_x and line.begin_y < line.end_y  # a vertical rule
    from qnai_desktop.services.deck.geometry import geometry_of
    from qnai_desktop.services.deck.native_data import build_native

    geo = geometry_of(frame, build_native(content.job("cds_oracle_coreweave").prepared, "ko"))
    first, last = date(2025, 1, 1), date(2026, 7, 31)
    share = (date(2026, 7, 1) - first).days / (last - first).days
    assert line.begin_x == pytest.approx(geo.plot.left + share * geo.plot.width, abs=2)
    assert geo.plot.top == line.begin_y and geo.plot.bottom == line.end_y
    notes = prs.slides[names[line.name][0]].notes_slide.notes_text_frame.text
    assert "Meta 7% 상승, SOX 6% 하락" in notes
    # out of a chart's range (B200/H100 data starts 7/5): listed, not drawn
    assert report.annotations["gpu_rent_b200_h100"] == 2
    assert any("outside" in why for why in report.skipped_annotations["gpu_rent_b200_h100"])


def test_an_english_deck(seeded: Path, tmp_path: Path) -> None:
    with Cache.open(seeded) as cache:
        content = content_of(cache, "en", author="")
    prs = Presentation(str(write_deck(content, tmp_path / "en.pptx") and tmp_path / "en.pptx"))
    names = shapes_by_name(prs)
    table = names["qnai:table:watchlist"][1].table
    assert [table.cell(0, c).text_frame.text for c in range(4)] == [
        "Company", "Market cap", "12MF PER", "Thesis"]
    assert table.cell(1, 0).text_frame.text == "Nvidia"
    assert names["qnai:cover:author"][1].text_frame.text == "SK Securities"
    cds = chart_of(prs, "cds_oracle_coreweave").chart
    assert "As of 2026-07-31" in cds.chart_title.text_frame.text
    assert "Illustrative data — not a real source" in names[
        "qnai:source:cds_oracle_coreweave"][1].text_frame.text


def _dual(chart_id: str, x_mode: str = "date") -> ChartSpec:
    series = (SeriesRef("cds.oracle_5y", "Oracle", "Oracle"),
              SeriesRef("gpu_rent.h100.median", "H100", "H100", axis="right"))
    return ChartSpec(id=chart_id, title_ko="CDS 대 H100", title_en="CDS vs H100", kind="dual_axis",
                     series=series, unit_ko="bp", unit_en="bp", unit_right_ko="달러",
                     unit_right_en="USD", origin="user", x_mode=x_mode)


def test_a_dual_axis_chart_is_a_combo_with_a_right_axis(db_path: Path, tmp_path: Path) -> None:
    with Cache.open(db_path) as cache:
        spec = _dual("my_dual")
        cache.charts.save(spec.id, spec.to_dict())
        content = content_of(cache, charts=["my_dual", "meta_ads"])
    assert pictures_needed(content) == []
    write_deck(content, tmp_path / "d.pptx")
    chart = chart_of(Presentation(str(tmp_path / "d.pptx")), "my_dual").chart
    plot_area = chart._chartSpace.find(".//" + qn("c:plotArea"))
    assert len(plot_area.findall(qn("c:lineChart"))) == 2
    positions = [ax.find(qn("c:axPos")).get("val") for ax in plot_area.findall(qn("c:valAx"))]
    assert positions == ["l", "r"]
    assert [s.name for s in chart.series] == ["Oracle", "H100"]


def test_a_chart_that_cannot_be_native_is_a_picture_for_that_chart_only(db_path: Path,
                                                                      tmp_path: Path) -> None:
    from qnai_desktop.core.charts import TransformStep

    spec = ChartSpec(id="dual_days", title_ko="일수", title_en="Days", kind="dual_axis",
                     series=(SeriesRef("npm.downloads.*"),), origin="user", x_mode="days_since",
                     transforms=(TransformStep("rebase_at_threshold",
                                               {"threshold": 1_000_000, "cumulative": True}),))
    with Cache.open(db_path) as cache:
        cache.charts.save(spec.id, spec.to_dict())
        content = content_of(cache, charts=["dual_days", "meta_ads"])
    assert pictures_needed(content) == ["dual_days"]
    buf = io.BytesIO()
    Image.new("RGB", (1600, 800), (200, 30, 30)).save(buf, "PNG")
    report = write_deck(content, tmp_path / "p.pptx", pictures={"dual_days": buf.getvalue()})
    prs = Presentation(str(tmp_path / "p.pptx"))
    pic = chart_of(prs, "dual_days")
    assert pic.shape_type == MSO_SHAPE_TYPE.PICTURE
    assert chart_of(prs, "meta_ads").has_chart
    assert "dual-axis" in report.pictures["dual_days"]
    notes = prs.slides[shapes_by_name(prs)["qnai:chart:dual_days"][0]].notes_slide.notes_text_frame.text
    assert "picture" in notes.lower() or "그림" in notes
    # without the picture the slide says why instead of showing nothing
    report = write_deck(content, tmp_path / "q.pptx")
    assert report.missing_pictures == ["dual_days"]


def test_every_chart_as_a_picture_when_asked(seeded: Path, tmp_path: Path) -> None:
    with Cache.open(seeded) as cache:
        content = content_of(cache, charts=["meta_ads", "cds_oracle_coreweave"])
    assert pictures_needed(content, "picture") == ["meta_ads", "cds_oracle_coreweave"]


def test_a_published_scenario_case_is_its_curve_and_its_inputs(db_path: Path, tmp_path: Path) -> None:
    with Cache.open(db_path) as cache:
        pub = publish_case(cache, "meta_compute_sale", "Bear: Meta sells 35%",
                           {"external_sale_fraction": 0.35})
        content = content_of(cache, charts=[pub.chart_id, "meta_ads"])
    write_deck(content, tmp_path / "c.pptx")
    prs = Presentation(str(tmp_path / "c.pptx"))
    names = shapes_by_name(prs)
    assert chart_of(prs, pub.chart_id).chart.chart_type == XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS
    table = names[f"qnai:table:case:{pub.chart_id}"][1].table
    rows = {table.cell(r, 0).text_frame.text: table.cell(r, 1).text_frame.text
            for r in range(1, len(table.rows))}
    assert any("35" in v for v in rows.values())
    slide = prs.slides[names[f"qnai:chart:{pub.chart_id}"][0]]
    assert "Bear: Meta sells 35%" in slide.shapes.title.text_frame.text


# -- update in place ------------------------------------------------------------------------------
def _add_point(cache: Cache, sid: str, day: str, value: float) -> None:
    meta = cache.series.metas()[sid]
    cache.series.write_bundles([SeriesBundle(meta, pd.DataFrame({"date": pd.to_datetime([day]),
                                                                  "value": [value]}))], how="import")


def test_an_update_refreshes_the_data_and_keeps_everything_she_did(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.pptx"
    with Cache.open(db_path) as cache:
        write_deck(content_of(cache), path)
    prs = Presentation(str(path))
    frame = chart_of(prs, "cds_oracle_coreweave")
    slide = prs.slides[shapes_by_name(prs)[frame.name][0]]
    frame.left, frame.top = frame.left + Inches(0.5), frame.top + Inches(0.25)
    frame.chart.series[0].format.line.color.rgb = type(frame.chart.series[0].format.line.color.rgb)(
        0x12, 0x34, 0x56)  # her own colour
    note = slide.shapes.add_textbox(Inches(1), Inches(6.9), Inches(5), Inches(0.4))
    note.name = "Her comment"
    note.text_frame.text = "CDS가 7/1 이후 다시 오름"
    extra = prs.slides.add_slide(prs.slide_layouts[6])
    extra.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1)).text_frame.text = "내 슬라이드"
    moved = (frame.left, frame.top, frame.width, frame.height)
    prs.save(str(path))
    before = path.read_bytes()

    with Cache.open(db_path) as cache:
        _add_point(cache, "cds.coreweave_5y", "2026-08-03", 777.0)
        cache.watchlist.upsert_companies([{**cache.watchlist.company("META"), "market_cap_usd_bn": 1600.0}])
        pub = publish_case(cache, "meta_compute_sale", "Bear", {"external_sale_fraction": 0.35})
        content = content_of(cache)
    report = update_deck(content, path)

    assert report.backup == tmp_path / "note.pptx.bak" and report.backup.read_bytes() == before
    prs = Presentation(str(path))
    names = shapes_by_name(prs)
    frame = chart_of(prs, "cds_oracle_coreweave")
    assert (frame.left, frame.top, frame.width, frame.height) == moved
    assert frame.chart.series[0].values[-1] == 777.0
    assert str(frame.chart.series[0].format.line.color.rgb) == "123456"
    assert names["Her comment"][1].text_frame.text == "CDS가 7/1 이후 다시 오름"
    assert any(s.has_text_frame and s.text_frame.text == "내 슬라이드" for s in prs.slides[-2].shapes)
    assert "기준: 2026-08-03" in frame.chart.chart_title.text_frame.text
    table = names["qnai:table:watchlist"][1].table
    assert table.cell(6, 1).text_frame.text == "1,600"
    # the event follows the chart to where she moved it
    event = next(n for n in names if n.startswith("qnai:ann:cds_oracle_coreweave:") and n.endswith(":line"))
    line = names[event][1]
    assert frame.left < line.begin_x < frame.left + frame.width
    assert report.appended == [pub.chart_id] and "cds_oracle_coreweave" in report.updated
    assert f"qnai:chart:{pub.chart_id}" in names and names[f"qnai:chart:{pub.chart_id}"][0] == \
        len(prs.slides) - 1


def test_charts_no_longer_in_the_pack_are_reported_not_deleted(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.pptx"
    with Cache.open(db_path) as cache:
        write_deck(content_of(cache), path)
        report = update_deck(content_of(cache, charts=["meta_ads", "cds_oracle_coreweave"]), path)
    assert report.updated == ["meta_ads", "cds_oracle_coreweave"] and not report.appended
    assert "gpu_rent_silicondata" in report.not_in_pack
    assert "qnai:chart:gpu_rent_silicondata" in shapes_by_name(Presentation(str(path)))


def test_axis_bounds_she_set_are_kept(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.pptx"
    with Cache.open(db_path) as cache:
        write_deck(content_of(cache, charts=["meta_ads", "gpu_rent_b200_h100"]), path)
    prs = Presentation(str(path))
    axis = chart_of(prs, "gpu_rent_b200_h100").chart.value_axis
    axis.minimum_scale, axis.maximum_scale = 1.0, 9.0
    prs.save(str(path))
    with Cache.open(db_path) as cache:
        _add_point(cache, "gpu_rent.b200.median", "2026-08-01", 15.0)  # would widen the app's scale
        update_deck(content_of(cache, charts=["meta_ads", "gpu_rent_b200_h100"]), path)
    axis = chart_of(Presentation(str(path)), "gpu_rent_b200_h100").chart.value_axis
    assert (axis.minimum_scale, axis.maximum_scale) == (1.0, 9.0)


def test_an_update_of_something_that_is_not_a_deck_is_refused(db_path: Path, tmp_path: Path) -> None:
    from qnai_desktop.services.deck import DeckUpdateError

    bad = tmp_path / "x.pptx"
    bad.write_text("not a deck")
    with Cache.open(db_path) as cache, pytest.raises(DeckUpdateError, match="not a PowerPoint"):
        update_deck(content_of(cache, charts=["meta_ads", "ai_lab_arr"]), bad)
    assert bad.read_text() == "not a deck" and not (tmp_path / "x.pptx.bak").exists()


def test_every_catalogue_chart_maps(seeded: Path) -> None:
    """No chart of the catalogue needs a picture."""
    with Cache.open(seeded) as cache:
        content = content_of(cache)
        assert {s.kind for s in all_specs(cache)} >= {"line", "area_stacked", "area_pct", "bar", "log"}
    assert pictures_needed(content) == []


def test_a_new_company_adds_a_row_to_her_table(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.pptx"
    with Cache.open(db_path) as cache:
        write_deck(content_of(cache, charts=["meta_ads", "ai_lab_arr"]), path)
        cache.watchlist.upsert_companies([{
            "ticker": "TSM", "name_ko": "TSMC", "name_en": "TSMC", "market_cap_usd_bn": 1210.0,
            "per_12mf": 21.0, "thesis1_ko": "CoWoS 증설", "thesis2_ko": "", "thesis1_en": "CoWoS",
            "thesis2_en": "", "as_of": "2026-07-06", "position": 9}])
        report = update_deck(content_of(cache, charts=["meta_ads", "ai_lab_arr"]), path)
    assert report.table
    table = shapes_by_name(Presentation(str(path)))["qnai:table:watchlist"][1].table
    assert len(table.rows) == 10
    assert [table.cell(9, c).text_frame.text for c in range(4)] == ["TSMC", "1,210", "21", "-CoWoS 증설"]


def test_an_xy_chart_over_days_gets_its_new_range_on_update(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.pptx"
    charts = ["coding_agent_intensity", "meta_ads"]
    with Cache.open(db_path) as cache:
        write_deck(content_of(cache, charts=charts), path)
    before = chart_of(Presentation(str(path)), "coding_agent_intensity").chart.category_axis
    with Cache.open(db_path) as cache:
        _add_point(cache, "npm.downloads.codex", "2027-06-30", 3_000_000.0)  # a year more of days
        report = update_deck(content_of(cache, charts=charts), path)
    after = chart_of(Presentation(str(path)), "coding_agent_intensity").chart
    assert "coding_agent_intensity" in report.updated
    assert after.category_axis.maximum_scale > before.maximum_scale
    assert max(v for v in after.series[2].values if v is not None) > 0  # Codex, refilled
