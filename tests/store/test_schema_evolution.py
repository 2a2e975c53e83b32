"""Caches written by every schema version shipped so far open in this build with nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from qnai_desktop.store.cache import Cache
from qnai_desktop.store.migrations import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "caches"
SHIPPED = sorted(FIXTURES.glob("schema_v*.sqlite"))


def test_there_is_a_fixture_for_every_schema_version() -> None:
    versions = sorted(int(p.stem.removeprefix("schema_v")) for p in SHIPPED)
    assert versions == list(range(1, SCHEMA_VERSION + 1)), \
        "ship a fixture for the new schema: tests/fixtures/caches/make_cache_fixtures.py"


@pytest.mark.parametrize("fixture", SHIPPED, ids=lambda p: p.stem)
def test_old_cache_opens_with_everything_kept(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    shutil.copy(fixture, path)
    with Cache.open(path) as c:
        assert c.schema_version == SCHEMA_VERSION
        meta = c.watchlist.companies().set_index("ticker").loc["META"]
        assert (meta.name_ko, meta.market_cap_usd_bn, meta.per_12mf) == ("메타 플랫폼스", 1523, 18)
        assert c.series.observations("cds.oracle_5y")["value"].tolist() == [120.5, 131.0]
        assert c.cases.list("meta_compute_sale").iloc[0]["params"] == {"external_sale_fraction": 0.35}
        assert c.alerts.rules().iloc[0]["spec"]["threshold"] == 150
        events = c.alerts.events().set_index("message")
        assert pd.isna(events.loc["crossed 150", "observed"])  # no day in its message: none
        if fixture.stem >= "schema_v6":
            assert events.loc["Oracle CDS above 150", "observed"] == "2026-07-02"
        assert (c.provenance()["origin"] == "cds.xlsx").any()
        assert not c.watchlist.history("META").empty  # v2 backfills history from v1 rows
        if fixture.stem >= "schema_v3":
            assert c.watchlist.values("META").iloc[0]["value"] == 84.6
        # v4 counts each series' points once; older files get the counts from the migration
        row = c.series.summary().set_index("id").loc["cds.oracle_5y"]
        assert (row.points, row.first, row.last) == (2, "2026-07-01", "2026-07-02")
        assert c.series.stats_drift() == []
        if fixture.stem >= "schema_v5":
            assert c.links.list().iloc[0]["path"] == "/home/analyst/bbg.xlsx"
            assert c.annotations.list("cds_oracle_coreweave").iloc[0]["label_en"] == \
                "Meta compute-sale report"
