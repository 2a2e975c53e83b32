"""The cache file: schema migrations, counted upserts, provenance, refusal and atomicity."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from qnai_desktop.core.series import SeriesBundle, SeriesMeta
from qnai_desktop.store.cache import Cache
from qnai_desktop.store.db import connect, migrate
from qnai_desktop.store.errors import CorruptCacheError, NewerSchemaError, ValidationError
from qnai_desktop.store.migrations import SCHEMA_VERSION


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _meta(sid: str = "test.series", **kw) -> SeriesMeta:
    base = dict(id=sid, title_ko="시험", title_en="Test", unit="bp", frequency="D", source="Test")
    base.update(kw)
    return SeriesMeta(**base)


def _frame(dates: list[str], values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"date": pd.to_datetime(dates), "value": values})


def test_new_cache_uses_wal_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "c.sqlite") as c:
        assert c.schema_version == SCHEMA_VERSION
        assert c.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert c.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migration_from_v1_keeps_data_backfills_history_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = connect(path)
    migrate(db, path, target=1)
    db.execute("INSERT INTO companies (ticker, name_ko, name_en, market_cap_usd_bn, per_12mf,"
               " as_of) VALUES ('META', '메타', 'Meta', 1523, 18, '2026-07-06')")
    db.close()
    with Cache.open(path) as c:
        assert c.schema_version == SCHEMA_VERSION
        assert c.watchlist.companies()["ticker"].tolist() == ["META"]
        hist = c.watchlist.history("META")
        assert hist["market_cap_usd_bn"].tolist() == [1523]
    backups = list((tmp_path / "backups").glob("old.pre-v*.sqlite"))
    assert len(backups) == 1
    # the backup is the v1 file as it was
    b = sqlite3.connect(backups[0])
    assert b.execute("PRAGMA user_version").fetchone()[0] == 1
    b.close()


def test_refuses_file_from_newer_version_and_leaves_it_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Cache.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = _sha(path)
    with pytest.raises(NewerSchemaError, match="newer"):
        Cache.open(path)
    assert _sha(path) == before


def test_garbage_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CorruptCacheError, match="not an SQLite database"):
        Cache.open(path)
    assert path.read_bytes().startswith(b"this is not")


def test_upsert_counts_added_changed_unchanged_and_records_provenance(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "c.sqlite") as c:
        first = c.series.write_bundles([SeriesBundle(_meta(), _frame(["2026-07-01", "2026-07-02"],
                                                              [100, 101]))],
                                how="import", origin="a.csv", content_hash="abc")
        assert (first.added, first.changed, first.unchanged) == (2, 0, 0)
        second = c.series.write_bundles([SeriesBundle(_meta(), _frame(
            ["2026-07-01", "2026-07-02", "2026-07-03"], [100, 105, 110]))], how="import",
            origin="b.csv")
        assert (second.added, second.changed, second.unchanged) == (1, 1, 1)
        assert c.series.observations("test.series")["value"].tolist() == [100, 105, 110]
        prov = c.provenance()
        assert prov.iloc[0]["origin"] == "b.csv"
        assert (prov.iloc[0]["added"], prov.iloc[0]["changed"], prov.iloc[0]["unchanged"]) == (1, 1, 1)
        assert prov.iloc[1]["content_hash"] == "abc"


def test_failed_write_leaves_the_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with Cache.open(path) as c:
        c.series.write_bundles([SeriesBundle(_meta(), _frame(["2026-07-01"], [1.0]))], how="import")
        before = c.db.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
        prov_before = len(c.provenance())
        good = SeriesBundle(_meta("ok.series"), _frame(["2026-07-01"], [2.0]))
        bad = SeriesBundle(_meta("bad.series"), pd.DataFrame({"date": ["2026-07-01"],
                                                               "value": ["not a number"]}))
        with pytest.raises(ValueError):
            c.series.write_bundles([good, bad], how="import", origin="bad.csv")
        assert c.db.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == before
        assert "ok.series" not in c.series.ids()
        assert len(c.provenance()) == prov_before


def test_company_validation_names_the_field(cache: Cache) -> None:
    with pytest.raises(ValidationError, match="market_cap_usd_bn of META"):
        cache.watchlist.upsert_companies([{"ticker": "META", "market_cap_usd_bn": -1}])
    with pytest.raises(ValidationError, match="as_of of META"):
        cache.watchlist.upsert_companies(
            [{"ticker": "META", "market_cap_usd_bn": 1, "as_of": "yesterday-ish"}])


def test_company_edit_keeps_a_dated_snapshot(cache: Cache) -> None:
    row = cache.watchlist.company("META")
    row["per_12mf"] = 17.0
    change = cache.watchlist.upsert_companies([row])
    assert (change.added, change.changed) == (0, 1)
    hist = cache.watchlist.history("META")
    assert hist["per_12mf"].tolist() == [18.0, 17.0]
    assert cache.watchlist.upsert_companies([row]).unchanged == 1


def test_data_version_sees_other_connections_only(db_path: Path) -> None:
    a, b = Cache.open(db_path), Cache.open(db_path)
    try:
        v = a.data_version()
        a.settings.set("x", "1")
        assert a.data_version() == v
        b.settings.set("x", "2")
        assert a.data_version() != v
    finally:
        a.close()
        b.close()


def test_cases_and_alerts_round_trip(cache: Cache) -> None:
    cache.cases.save("meta_compute_sale", "Bear: Meta sells 35%", {"external_sale_fraction": 0.35})
    cases = cache.cases.list("meta_compute_sale")
    assert cases.iloc[0]["params"] == {"external_sale_fraction": 0.35}
    rid = cache.alerts.add_rule("Oracle CDS", {"kind": "level_above", "series": "cds.oracle_5y",
                                         "threshold": 150})
    cache.alerts.record([{"rule_id": rid, "message": "crossed", "value": 151.0,
                          "series_id": "cds.oracle_5y"}], {rid: True})
    events = cache.alerts.events(unacknowledged_only=True)
    assert events.iloc[0]["message"] == "crossed"
    cache.alerts.acknowledge(int(events.iloc[0]["id"]))
    assert cache.alerts.events(unacknowledged_only=True).empty
    assert cache.alerts.state() == {rid: True}


def test_company_values_are_dated_sourced_and_counted(cache: Cache) -> None:
    rows = [{"ticker": "meta", "field": "shares_outstanding", "value": 2.52e9, "as_of": "2026-07-25",
             "source": "SEC EDGAR 10-Q"}]
    assert cache.watchlist.set_values(rows).added == 1
    assert cache.watchlist.set_values(rows).unchanged == 1
    got = cache.watchlist.values("META").iloc[0]
    assert (got.field, got.value, got.source) == ("shares_outstanding", 2.52e9, "SEC EDGAR 10-Q")
    with pytest.raises(ValidationError, match="shares_outstanding of META"):
        cache.watchlist.set_values([{**rows[0], "value": float("nan")}])


def test_bulk_write_restores_foreign_key_enforcement(cache: Cache) -> None:
    cache.series.write_bundles([SeriesBundle(_meta("fk.series"), _frame(["2026-07-01"], [1.0]))],
                               how="import")
    assert cache.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert cache.db.execute("PRAGMA foreign_key_check(observations)").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError):
        cache.db.execute("INSERT INTO observations (series_id, date, value) VALUES ('nope', '2026-01-01', 1)")


def test_replacing_a_demo_series_inside_a_bulk_write_leaves_no_orphans(cache: Cache) -> None:
    from qnai_desktop.services.importers.commit import write_replacing_demo

    real = SeriesBundle(_meta("cds.oracle_5y", unit="bp", source="Bloomberg"),
                        _frame(["2026-08-03"], [140.5]))
    write_replacing_demo(cache, [real], how="import", origin="cds.csv")
    assert cache.series.observations("cds.oracle_5y")["value"].tolist() == [140.5]
    assert not cache.series.meta("cds.oracle_5y").is_demo
    assert cache.db.execute("PRAGMA foreign_key_check").fetchall() == []
