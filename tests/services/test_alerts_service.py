"""Alert rules over a real cache: crossings in imported data are logged once, survive a restart,
and the monitor table's numbers match changes worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from qnai_desktop.core.monitors import B200_H100_RATIO_ID, DEFAULT_MONITORS, RuleError
from qnai_desktop.core.series import SeriesBundle, SeriesMeta
from qnai_desktop.services import alerts
from qnai_desktop.services.monitor_table import (
    USER_MONITORS_KEY,
    add_user_monitor,
    all_monitors,
    monitor_rows,
    monitor_table,
    remove_user_monitor,
)
from qnai_desktop.store.cache import Cache
from qnai_desktop.store.errors import ValidationError

# These tests build their own rules: the seeded watch points would fire on their data too.
pytestmark = pytest.mark.usefixtures("no_watch_rules")

ORACLE = "cds.oracle_5y"  # seeded: last point 248.61 bp on 2026-07-31
H100 = "gpu_rent.h100.median"
TODAY = date(2026, 8, 10)


def import_from_another_process(path: Path, series_id: str, points: dict[str, float]) -> None:
    """What an importer or a refresh in another process does: its own connection, one write."""
    with Cache.open(path) as other:
        meta = other.series.meta(series_id)
        frame = pd.DataFrame({"date": pd.to_datetime(list(points)), "value": list(points.values())})
        other.series.write_bundles([SeriesBundle(meta, frame)], how="import", origin="test.xlsx")


def above(series: str, threshold: float) -> dict:
    return {"kind": "level_above", "series": series, "threshold": threshold}


# --- firing ---------------------------------------------------------------------------------------


def test_oracle_cds_rule_fires_once_when_imported_data_crosses_it_and_rearms(cache, db_path):
    rule_id, change = alerts.add_rule(cache, above(ORACLE, 300), name="오라클 CDS 300bp")
    assert change.tables == {"alert_rules"}
    assert alerts.evaluate_and_record(cache, TODAY).events == []

    import_from_another_process(db_path, ORACLE, {"2026-08-03": 280.0})
    assert alerts.evaluate_and_record(cache, TODAY).events == []

    import_from_another_process(db_path, ORACLE, {"2026-08-04": 310.0})
    run = alerts.evaluate_and_record(cache, TODAY)
    assert [ev["rule_id"] for ev in run.events] == [rule_id]
    event = run.events[0]
    assert (event["series_id"], event["value"], event["observed"]) == (ORACLE, 310.0, "2026-08-04")
    assert "300 bp" in event["message"] and event["message"].startswith("오라클 CDS 300bp")
    assert run.change.tables == {"alert_events"} and run.change.added == 1

    # The condition persists: no repeat, whether nothing changed or more data came in above 300.
    assert not alerts.evaluate_and_record(cache, TODAY).wrote
    import_from_another_process(db_path, ORACLE, {"2026-08-05": 320.0})
    assert alerts.evaluate_and_record(cache, TODAY).events == []
    assert len(alerts.events(cache)) == 1

    # Back below re-arms (state is written, no event); the next crossing fires again.
    import_from_another_process(db_path, ORACLE, {"2026-08-06": 290.0})
    rearm = alerts.evaluate_and_record(cache, TODAY)
    assert rearm.events == [] and rearm.wrote
    import_from_another_process(db_path, ORACLE, {"2026-08-07": 305.0})
    assert len(alerts.evaluate_and_record(cache, TODAY).events) == 1
    assert len(alerts.events(cache)) == 2


def test_two_processes_evaluating_the_same_change_log_it_once(db_path):
    with Cache.open(db_path) as app, Cache.open(db_path) as cron:
        alerts.add_rule(app, above(ORACLE, 200))
        assert len(alerts.evaluate_and_record(cron, TODAY).events) == 1
        assert alerts.evaluate_and_record(app, TODAY).events == []
        assert len(alerts.events(app)) == 1


def test_evaluating_without_news_writes_nothing(cache, db_path):
    alerts.add_rule(cache, above(ORACLE, 1000))
    with Cache.open(db_path) as watcher:  # the app polls PRAGMA data_version like this
        before = watcher.data_version()
        for _ in range(3):
            assert not alerts.evaluate_and_record(cache, TODAY).wrote
        assert watcher.data_version() == before


def test_thesis_break_needs_both_legs(cache, db_path):
    rule = {"kind": "all_of", "rules": [
        above(ORACLE, 250),
        {"kind": "change_over", "series": H100, "n_days": 30, "measure": "pct", "direction": "down",
         "threshold": 4},
    ]}
    alerts.add_rule(cache, rule, name="논지 훼손")
    import_from_another_process(db_path, ORACLE, {"2026-08-03": 262.0})
    assert alerts.evaluate_and_record(cache, TODAY).events == []  # CDS leg only
    low = 0.9 * float(cache.series.observations(H100)["value"].max())  # ≥ 10% below any base value
    import_from_another_process(db_path, H100, {"2026-08-04": low})
    run = alerts.evaluate_and_record(cache, TODAY)
    assert len(run.events) == 1
    assert "동시 충족" in run.events[0]["message"] and run.events[0]["series_id"] == ORACLE


def test_stale_rule_fires_with_time_alone(cache):
    alerts.add_rule(cache, {"kind": "stale_older_than", "series": ORACLE, "n_days": 5})
    assert alerts.evaluate_and_record(cache, date(2026, 8, 3)).events == []
    run = alerts.evaluate_and_record(cache, date(2026, 8, 10), lang="en")
    assert len(run.events) == 1 and "10 days old" in run.events[0]["message"]


def test_rule_on_the_derived_b200_h100_ratio(cache):
    alerts.add_rule(cache, above(B200_H100_RATIO_ID, 2.0))
    run = alerts.evaluate_and_record(cache, TODAY)
    assert len(run.events) == 1 and run.events[0]["value"] == pytest.approx(6.40 / 3.065)


# --- acknowledging, switching off, deleting, restarting -------------------------------------------


def test_ack_unack_and_alerts_survive_restart(db_path):
    with Cache.open(db_path) as cache:
        alerts.add_rule(cache, above(ORACLE, 200), name="CDS 200")
        alerts.evaluate_and_record(cache, TODAY)
        event_id = int(alerts.events(cache)["id"].iloc[0])
        assert alerts.unacknowledged_count(cache) == 1
        change = alerts.acknowledge(cache, [event_id])
        assert change.tables == {"alert_events"} and change.changed == 1
        assert alerts.unacknowledged_count(cache) == 0
        alerts.acknowledge(cache, [event_id], acknowledged=False)
        assert alerts.unacknowledged_count(cache) == 1
        with pytest.raises(ValidationError, match="999"):
            alerts.acknowledge(cache, [event_id, 999])  # all or nothing
        assert alerts.unacknowledged_count(cache) == 1
    with Cache.open(db_path) as reopened:
        events = alerts.events(reopened)
        assert list(events["rule"]) == ["CDS 200"] and events["acknowledged_at"].isna().all()
        assert alerts.load_rules(reopened)[0].active
        assert alerts.evaluate_and_record(reopened, TODAY).events == []  # still holding: no repeat
        alerts.acknowledge_all(reopened)
        assert alerts.unacknowledged_count(reopened) == 0


def test_disabled_rule_stays_quiet_and_fires_once_enabled(cache):
    rule_id, _ = alerts.add_rule(cache, above(ORACLE, 200), enabled=False)
    assert alerts.evaluate_and_record(cache, TODAY).events == []
    alerts.set_rule_enabled(cache, rule_id, True)
    assert len(alerts.evaluate_and_record(cache, TODAY).events) == 1
    alerts.set_rule_enabled(cache, rule_id, False)
    assert alerts.load_rules(cache)[0].enabled is False
    alerts.evaluate_and_record(cache, TODAY)
    assert alerts.load_rules(cache)[0].active is False
    with pytest.raises(ValidationError):
        alerts.set_rule_enabled(cache, 999, True)


def test_delete_rule_takes_its_events_and_switch(cache):
    rule_id, _ = alerts.add_rule(cache, above(ORACLE, 200))
    alerts.set_rule_enabled(cache, rule_id, True)
    alerts.evaluate_and_record(cache, TODAY)
    alerts.delete_rule(cache, rule_id)
    assert alerts.load_rules(cache) == [] and alerts.events(cache).empty
    with pytest.raises(ValidationError):
        alerts.delete_rule(cache, rule_id)


def test_a_stored_rule_that_no_longer_parses_is_skipped_not_fatal(cache):
    cache.alerts.add_rule("broken", {"kind": "level_above", "series": ORACLE})  # no threshold
    alerts.add_rule(cache, above(ORACLE, 200))
    run = alerts.evaluate_and_record(cache, TODAY)
    assert len(run.events) == 1
    assert run.problems == ["rule 1: threshold: required"]


# --- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"kind": "level_above", "series": ORACLE, "threshold": "abc"}, "threshold"),
        ({"kind": "level_above", "series": "no.such.series", "threshold": 1}, "series"),
        ({"kind": "change_over", "series": ORACLE, "measure": "diff", "direction": "up",
          "threshold": 50}, "n_days"),
        ({"kind": "all_of", "rules": [above(ORACLE, 1), above("nope", 2)]}, "rules[1].series"),
        ({"kind": "sideways", "series": ORACLE}, "kind"),
    ],
)
def test_invalid_rules_are_rejected_naming_the_field(cache, spec, field):
    with pytest.raises(RuleError) as err:
        alerts.add_rule(cache, spec)
    assert err.value.field == field
    assert cache.alerts.rules().empty


# --- the monitor table ---------------------------------------------------------------------------


SPREAD = SeriesMeta("test.spread", "시험 스프레드", "Test spread", "bp", "D", "test")
PRICE = SeriesMeta("test.price", "시험 가격", "Test price", "usd_per_gpu_hour", "D", "test")
DATES = ["2026-03-31", "2026-04-30", "2026-05-29", "2026-06-22", "2026-06-26", "2026-06-29"]


def _write_synthetic(cache: Cache) -> None:
    spread = pd.DataFrame({"date": DATES, "value": [100.0, 110.0, 120.0, 125.0, 130.0, 142.0]})
    price = pd.DataFrame({"date": DATES, "value": [2.0, 2.2, 2.4, 2.5, 2.6, 2.73],
                          "n": [9, 9, 9, 9, 9, 17]})
    cache.series.write_bundles([SeriesBundle(SPREAD, spread), SeriesBundle(PRICE, price)], how="import")
    add_user_monitor(cache, SPREAD.id, "up")
    add_user_monitor(cache, PRICE.id, "down")


def test_table_values_match_hand_computed_changes(cache):
    _write_synthetic(cache)
    rows = {r["series_id"]: r for r in monitor_rows(cache, date(2026, 7, 1))}
    spread = rows[SPREAD.id]
    # Last 142 on Mon 29 Jun. 1D → Sun 28 Jun has no point → Fri 26 Jun 130; 1W → 22 Jun 125;
    # 1M → 29 May 120; 3M → 29 Mar, before the first point → no value.
    assert (spread["change_1d"], spread["change_1w"], spread["change_1m"]) == pytest.approx(
        (12.0, 17.0, 22.0))
    assert spread["change_3m"] is None and spread["change_unit"] == "bp"
    assert (spread["high_52w"], spread["low_52w"]) == (142.0, 100.0)
    assert spread["zscore_1y"] is None  # three months of history: no 1-year z-score
    assert (spread["age_days"], spread["stale"], spread["adverse"]) == (2, False, "up")
    price = rows[PRICE.id]
    assert price["change_unit"] == "%"
    assert price["change_1d"] == pytest.approx((2.73 / 2.6 - 1) * 100)  # +5.0%
    assert price["change_1w"] == pytest.approx((2.73 / 2.5 - 1) * 100)  # +9.2%
    assert price["change_1m"] == pytest.approx((2.73 / 2.4 - 1) * 100)  # +13.75%
    assert price["n"] == 17 and price["is_user"] and price["chart_id"] == PRICE.id
    stale = {r["series_id"]: r for r in monitor_rows(cache, date(2026, 7, 4))}[SPREAD.id]
    assert (stale["age_days"], stale["stale"], stale["status"]) == (5, True, "stale")


def test_default_rows_carry_the_notes_watch_points_and_charts(cache):
    rows = {r["series_id"]: r for r in monitor_rows(cache, TODAY)}
    cached = set(cache.series.metas()) | {B200_H100_RATIO_ID}  # proxies show once fetched
    assert list(rows)[:7] == [m.series_id for m in all_monitors(cache) if m.series_id in cached][:7]
    oracle = rows[ORACLE]
    assert "CDS spread가 다시 올라올 수 있는 계기" in oracle["watch"]
    assert oracle["tickers"] == ["ORCL"] and oracle["ticker_names"]["ORCL"] == "오라클"
    assert oracle["chart_id"] == "cds_oracle_coreweave" and oracle["is_demo"]
    assert "GPU 대여 가격에 우려가 전가되는지" in rows[H100]["watch"]
    assert rows[H100]["n"] == 34 and not rows[H100]["is_demo"]
    ratio = rows[B200_H100_RATIO_ID]
    assert ratio["last_value"] == pytest.approx(6.40 / 3.065) and ratio["chart_id"] == "gpu_rent_b200_h100"
    frame = monitor_table(list(rows.values()))
    assert frame.index[0] == ORACLE and frame["last"].dtype == "float64"


def test_user_monitors_add_remove_and_bad_settings(cache):
    with pytest.raises(ValidationError, match="series"):
        add_user_monitor(cache, "no.such.series")
    add_user_monitor(cache, "epoch.arr.openai")
    assert add_user_monitor(cache, "epoch.arr.openai").unchanged == 1  # once only
    assert all_monitors(cache)[-1].series_id == "epoch.arr.openai"
    remove_user_monitor(cache, "epoch.arr.openai")
    assert len(all_monitors(cache)) == len(DEFAULT_MONITORS) == 9
    cache.settings.set(USER_MONITORS_KEY, "{not json")
    assert len(monitor_rows(cache, TODAY)) == 7


def test_the_crossing_day_is_stored_with_the_event_and_its_window_ends_there(cache, db_path):
    """Schema v6: the day the rule saw the crossing is a column, not a message's ending — a
    renamed rule (whose message says nothing of the day) still shades the right window."""
    alerts.add_rule(cache, above(ORACLE, 300), name="Oracle CDS 300bp")
    import_from_another_process(db_path, ORACLE, {"2026-08-04": 310.0})
    run = alerts.evaluate_and_record(cache, TODAY)
    stored = alerts.events(cache).iloc[0]
    assert stored["observed"] == "2026-08-04"
    cache.db.execute("UPDATE alert_events SET message = 'renamed' WHERE id = ?", [int(stored["id"])])
    import_from_another_process(db_path, ORACLE, {"2026-08-06": 305.0})  # a newer point
    window = alerts.alert_window(cache, int(stored["id"]))
    assert window is not None and window.end == date(2026, 8, 4) and run.events


def test_migrating_to_v6_reads_the_day_off_older_events_messages(tmp_path):
    from qnai_desktop.store.db import connect, migrate

    path = tmp_path / "old.sqlite"
    db = connect(path)
    migrate(db, path, target=5)
    db.execute("INSERT INTO alert_rules (name, spec, enabled, created_at) VALUES ('r', '{}', 1, 'x')")
    for message in ("오라클 CDS 300bp: 310 bp (2026-08-04)", "no day here", "ends (2026-13-99) "):
        db.execute("INSERT INTO alert_events (rule_id, at, series_id, message) VALUES (1, 'x', 's', ?)",
                   [message])
    db.conn.close()
    with Cache.open(path) as c:
        found = c.alerts.events().set_index("message")
        assert found.loc["오라클 CDS 300bp: 310 bp (2026-08-04)", "observed"] == "2026-08-04"
        assert pd.isna(found.loc["no day here", "observed"])
        # a day-shaped ending that is no day is carried over, and read as none
        bad = int(found.loc["ends (2026-13-99) ", "id"])
        assert alerts.alert_window(c, bad) is None  # series 's' has no points to fall back on
