"""What every chart of the note stands on: origin, real / proxy / illustrative, freshness, and the
one action that would make it real — on a new cache, after linking the Bloomberg workbook, with
a broken link, with FRED and StatCounter proxies, and for a scenario curve."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from bloomberg_fill import save_as_excel_would

from qnai_desktop.core.charts import ChartSpec, SeriesRef, build_catalogue
from qnai_desktop.core.charts.fill_hints import BLOOMBERG_TEMPLATE
from qnai_desktop.core.series import SeriesBundle, SeriesMeta
from qnai_desktop.services.coverage import chart_coverage, coverage
from qnai_desktop.services.links import add_link, preview_link, reread_link
from qnai_desktop.store.cache import Cache

TODAY = date(2026, 12, 1)


def by_id(cache: Cache, today: date = TODAY) -> dict:
    return {c.chart_id: c for c in coverage(cache, today)}


def rows(chart) -> dict:
    return {s.series_id: s for s in chart.series}


def write(cache: Cache, sid: str, unit: str, days: list[str], values: list[float], **meta) -> None:
    frame = pd.DataFrame({"date": pd.to_datetime(days), "value": values})
    cache.series.write_bundles([SeriesBundle(SeriesMeta(sid, sid, sid, unit, meta.pop("frequency", "D"),
                                                        meta.pop("source", "test"), **meta), frame)],
                               how="fetch")


def test_a_new_cache_lists_every_note_chart_and_the_one_action_for_each(cache: Cache) -> None:
    charts = by_id(cache)
    assert list(charts) == [spec.id for spec in build_catalogue()]
    cds = charts["cds_oracle_coreweave"]
    assert cds.status == "illustrative" and BLOOMBERG_TEMPLATE in cds.action_en
    assert "qnai-desktop links add" in cds.action_en and "qnai-desktop links add" in cds.action_ko
    oracle = rows(cds)["cds.oracle_5y"]
    assert (oracle.origin, oracle.kind, oracle.last is not None) == ("illustrative", "illustrative", True)
    proxy = rows(cds)["spread_proxy.us_bbb_oas"]
    assert (proxy.origin, proxy.kind, proxy.origin_detail) == ("missing", "missing", "fred")
    assert proxy.note_en == "credit-spread proxy, not CDS (ICE BofA corporate OAS from FRED)"
    assert BLOOMBERG_TEMPLATE in charts["gpu_rent_silicondata"].action_en
    assert charts["inference_cost_tiers"].action_en.startswith("set the Artificial Analysis key")
    assert charts["llm_share"].action_en.endswith("qnai-desktop refresh --source statcounter")
    assert "not the note's SimilarWeb visit share" in rows(charts["llm_share"])["statcounter.share.*"].note_en
    assert charts["meta_ads"].action_en.endswith("--source meta_ads")
    assert charts["ai_capex"].status == "missing" and charts["ai_capex"].action_en.endswith("--source sec")
    arr = charts["ai_lab_arr"]
    assert arr.status == "real" and {s.origin for s in arr.series} == {"live"}
    assert arr.stale and arr.action_en.endswith("--source epoch")
    assert by_id(cache, date(2025, 12, 1))["ai_lab_arr"].action_en == ""  # fresh: nothing to do


def test_linking_the_bloomberg_workbook_makes_cds_and_h100_real_and_a_broken_link_says_so(
        cache: Cache, tmp_path: Path) -> None:
    book = save_as_excel_would(tmp_path / "bloomberg_note_series.xlsx")
    add_link(cache, preview_link(cache, book, "Series"), "Series")
    charts = by_id(cache)
    cds, h100 = charts["cds_oracle_coreweave"], charts["gpu_rent_silicondata"]
    assert (cds.status, h100.status) == ("real", "real")  # the FRED proxies are optional beside CDS
    oracle = rows(cds)["cds.oracle_5y"]
    assert (oracle.origin, oracle.origin_detail, oracle.kind) == ("linked", str(book), "real")
    assert (oracle.last, oracle.freshness, oracle.action_en) == (date(2026, 11, 30), "fresh", "")
    assert cds.action_en.endswith("--source fred")  # what is left: the optional proxies
    assert by_id(cache, date(2027, 1, 15))["gpu_rent_silicondata"].action_en.startswith(
        "open bloomberg_note_series.xlsx [Series] in Excel with the Bloomberg add-in")
    book.unlink()
    reread_link(cache, 1)
    moved = rows(by_id(cache)["cds_oracle_coreweave"])["cds.oracle_5y"]
    assert moved.kind == "real" and moved.note_en.startswith("link #1 moved: ")
    assert moved.action_en == "fix linked file #1 (moved): qnai-desktop links list"


def test_proxies_are_real_data_that_say_what_they_are_not(cache: Cache) -> None:
    write(cache, "spread_proxy.us_bbb_oas", "bp", ["2026-11-27", "2026-11-30"], [101.0, 103.0])
    write(cache, "statcounter.share.chatgpt", "pct", ["2026-10-01", "2026-11-01"], [78.0, 77.5],
          frequency="M")
    charts = by_id(cache)
    bbb = rows(charts["cds_oracle_coreweave"])["spread_proxy.us_bbb_oas"]
    assert (bbb.origin, bbb.origin_detail, bbb.kind, bbb.freshness) == ("live", "fred", "proxy", "fresh")
    assert "not CDS" in bbb.note_en and "CDS 아님" in bbb.note_ko
    share = charts["llm_share"]
    assert share.status == "proxy" and set(rows(share)) == {"statcounter.share.chatgpt"}
    assert "SimilarWeb" in share.series[0].note_en and share.action_en == ""


def test_an_imported_file_and_a_scenario_curve(cache: Cache) -> None:
    write(cache, "import.x", "index", ["2026-11-30"], [1.0], extra={"imported_from": "x.csv"})
    write(cache, "scenario.curve", "pct", ["2000-01-01", "2000-01-02"], [1.0, 2.0],
          extra={"param_x": {"values": [0.1, 0.2], "label_en": "sale"}})
    spec = ChartSpec(id="mine", title_ko="내 차트", title_en="Mine", kind="line",
                     series=(SeriesRef("import.x"), SeriesRef("scenario.curve"), SeriesRef("nothing.here")))
    summary = cache.series.summary()
    last = {r.id: date.fromisoformat(r.last) for r in summary.itertuples() if r.last}
    (chart,) = chart_coverage([spec], cache.series.metas(), last, [], TODAY)
    got = rows(chart)
    assert (got["import.x"].origin, got["import.x"].origin_detail, got["import.x"].kind) == (
        "import", "x.csv", "real")
    assert (got["scenario.curve"].origin, got["scenario.curve"].freshness) == ("model", "")
    assert got["nothing.here"].kind == "missing" and chart.status == "missing"
    assert chart.action_en == "import the series nothing.here (Ctrl+I)"


@pytest.mark.parametrize("sid", ["meta.ad_price_yoy", "meta.ad_impressions_yoy"])
def test_the_meta_ads_hint_matches_the_providers_ids(sid: str) -> None:
    from qnai_desktop.core.charts.fill_hints import hint_for

    assert hint_for(sid).source == "meta_ads"


def test_once_the_user_agent_is_set_the_actions_stop_asking_for_it(cache: Cache, monkeypatch) -> None:
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    before = by_id(cache)
    assert before["meta_ads"].action_en.startswith("set the SEC User-Agent in Settings, then ")
    assert before["ai_capex"].action_ko.startswith("설정에서 SEC User-Agent를 넣고 ")
    from qnai_desktop.services.source_settings import set_user_agent

    set_user_agent(cache, "Jane Analyst jane@example.com")
    after = by_id(cache)
    assert after["meta_ads"].action_en == ("refresh Meta's earnings releases: "
                                           "qnai-desktop refresh --source meta_ads")
    assert after["ai_capex"].action_ko == "SEC 재무제표 새로고침: qnai-desktop refresh --source sec"
    assert all("User-Agent" not in s.action_en for c in after.values() for s in c.series)
    assert after["cds_oracle_coreweave"].action_en == before["cds_oracle_coreweave"].action_en
