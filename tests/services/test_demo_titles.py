"""Illustrative series are titled like the charts label them (issue 17: no raw ids)."""

from __future__ import annotations

from qnai_desktop.services.demo_data import all_demo_bundles


def test_illustrative_series_titles_never_show_a_raw_key() -> None:
    """The Charts tab lists series by title: "차선단", not "near_frontier"."""
    for bundle in all_demo_bundles():
        key = bundle.meta.id.rsplit(".", 1)[-1]
        if "_" in key:  # near_frontier, claude_code, …: a raw key is visibly not a name
            assert key not in bundle.meta.title_ko and key not in bundle.meta.title_en, bundle.meta
    titles = {b.meta.id: b.meta.title_ko for b in all_demo_bundles()}
    assert titles["aa.inference_cost.near_frontier"] == "지능 수준별 추론 비용: 차선단"
