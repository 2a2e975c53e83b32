"""Linked workbooks and chart annotations as the store keeps them (schema v5)."""

from __future__ import annotations

import pytest

from qnai_desktop.store.errors import ValidationError


def test_a_file_linked_twice_is_one_link_with_the_newest_mapping(cache) -> None:
    first = cache.links.add("/data/bbg.xlsx", "CDS", {"A": "cds.oracle_5y"})
    again = cache.links.add("/data/bbg.xlsx", "CDS", {"A": "cds.coreweave_5y"})
    assert first == again
    links = cache.links.list()
    assert len(links) == 1 and links.iloc[0]["mapping"] == {"A": "cds.coreweave_5y"}
    cache.links.record_read(first, content_hash="h1", status="ok")
    assert cache.links.get(first)["status"] == "ok"
    assert cache.links.remove(first).changed == 1 and cache.links.list().empty


def test_annotations_are_kept_per_chart_and_checked(cache) -> None:
    aid = cache.annotations.add("meta_ads", "event", "2026-07-01",
                                label_ko="Meta 보도", label_en="Meta report")
    cache.annotations.add("meta_ads", "arrow", "2026-06-01",
                          spec={"series": "cds.oracle_5y", "to": "2026-07-31"})
    listed = cache.annotations.list("meta_ads")
    assert listed["kind"].tolist() == ["arrow", "event"]  # by date
    assert listed.iloc[0]["spec"]["to"] == "2026-07-31"
    with pytest.raises(ValidationError, match="date"):
        cache.annotations.add("x", "event", "7/1", label_ko="a")
    with pytest.raises(ValidationError, match="kind"):
        cache.annotations.add("x", "banner", "2026-07-01", label_ko="a")
    with pytest.raises(ValidationError, match="label"):
        cache.annotations.add("x", "event", "2026-07-01")
    cache.annotations.delete(aid)
    assert cache.annotations.list("meta_ads")["kind"].tolist() == ["arrow"]
