"""The embedded default: the note's watchlist verbatim, facts, links, real and demo series."""

from __future__ import annotations

import math

from qnai_desktop.store.cache import Cache

NOTE = {"NVDA": (4736, 19), "GOOGL": (4463, 29), "AAPL": (4592, 34), "MSFT": (2872, 20),
        "AMZN": (2626, 29), "META": (1523, 18), "ORCL": (414, 17), "CRWV": (47, None)}


def test_watchlist_is_the_note_as_printed(cache: Cache) -> None:
    df = cache.watchlist.companies()
    assert df["ticker"].tolist() == list(NOTE)
    for row in df.itertuples():
        cap, per = NOTE[row.ticker]
        assert row.market_cap_usd_bn == cap
        assert (per is None and math.isnan(row.per_12mf)) or row.per_12mf == per
    meta = df.set_index("ticker").loc["META"]
    assert meta.name_ko == "메타 플랫폼스"
    assert meta.thesis1_ko == "플랫폼 인기 여전, Muse Spark 개발로 유통과 모델 확보"
    assert meta.thesis2_en  # translated
    crwv = df.set_index("ticker").loc["CRWV"]
    orcl = df.set_index("ticker").loc["ORCL"]
    assert crwv.thesis1_ko == orcl.thesis1_ko  # the note repeats Oracle's text verbatim


def test_facts_carry_their_quote_and_place(cache: Cache) -> None:
    facts = cache.facts.all().set_index("id")
    assert facts.loc["meta_capex_share_2026f", "value"] == 0.17
    assert facts.loc["openai_gpm_1q26", "value"] == 0.39
    assert "17%" in facts.loc["meta_capex_share_2026f", "quote"]
    assert facts["location"].str.len().min() > 0


def test_real_series_are_attributed_and_demo_series_flagged(cache: Cache) -> None:
    metas = cache.series.metas()
    for sid in ("gpu_rent.h100.median", "epoch.arr.openai", "agents.share.claude"):
        assert not metas[sid].is_demo
        assert "CC BY 4.0" in metas[sid].licence or "MIT" in metas[sid].licence
    for sid in ("cds.oracle_5y", "openrouter.tokens.anthropic", "similarweb.share.chatgpt"):
        assert metas[sid].is_demo
        assert "Illustrative" in metas[sid].licence
    assert len(cache.series.observations("gpu_rent.h100.median")) >= 20


def test_links_follow_the_note(cache: Cache) -> None:
    links = cache.watchlist.links("ORCL")
    assert ("series", "cds.oracle_5y") in set(zip(links["kind"], links["target"], strict=True))


def test_seed_is_one_provenance_trail(cache: Cache) -> None:
    prov = cache.provenance(1000)
    assert set(prov["how"]) == {"seed"}
    assert prov["added"].sum() > 1000


def test_a_new_cache_carries_the_notes_dated_events(cache: Cache) -> None:
    events = cache.annotations.list()
    assert set(events["kind"]) == {"event"}
    cds = events[events["chart_id"] == "cds_oracle_coreweave"]
    assert cds["date"].tolist() == ["2026-07-01"]
    assert "Meta 7% 상승" in cds.iloc[0]["spec"]["detail_ko"]
    rent = events[events["chart_id"] == "gpu_rent_silicondata"]
    assert rent["date"].tolist() == ["2026-06-30", "2026-07-01", "2026-07-05", "2026-07-06"]
    assert "Our roadmap is intact" in rent.iloc[3]["spec"]["detail_ko"]
    assert all(r["label_ko"] and r["label_en"] for r in events.to_dict("records"))
