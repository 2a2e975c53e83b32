"""``qnai-desktop monitor`` and ``alerts`` as a cron job and a shell user would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from qnai_desktop.cli import main
from qnai_desktop.core.series import SeriesBundle
from qnai_desktop.store.cache import Cache

# These tests build their own rules: the seeded watch points would fire on their data too.
pytestmark = pytest.mark.usefixtures("no_watch_rules")

ORACLE = "cds.oracle_5y"  # seeded: last point 248.61 bp on 2026-07-31


def run(capsys: pytest.CaptureFixture, db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def run_json(capsys: pytest.CaptureFixture, db: Path, *argv: str) -> dict:
    code, out, err = run(capsys, db, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def import_points(db: Path, series_id: str, points: dict[str, float]) -> None:
    with Cache.open(db) as cache:
        frame = pd.DataFrame({"date": pd.to_datetime(list(points)), "value": list(points.values())})
        cache.series.write_bundles([SeriesBundle(cache.series.meta(series_id), frame)], how="import")


def test_monitor_json_lists_every_signal(capsys, db_path: Path) -> None:
    data = run_json(capsys, db_path, "monitor", "--today", "2026-08-03")
    rows = {r["series_id"]: r for r in data["monitors"]}
    assert len(rows) == 7 and data["new_alerts"] == [] and data["unacknowledged"] == 0
    oracle = rows[ORACLE]
    assert oracle["last_value"] == 248.61 and oracle["last_date"] == "2026-07-31"
    assert oracle["change_1d"] == pytest.approx(248.61 - 244.46) and oracle["change_unit"] == "bp"
    assert oracle["is_demo"] and oracle["stale"] is False and oracle["tickers"] == ["ORCL"]
    assert rows["gpu_rent.h100.median"]["n"] == 34


def test_a_rule_fires_once_in_monitor_json_when_imported_data_crosses_it(capsys, db_path) -> None:
    code, out, _ = run(capsys, db_path, "alerts", "add", "--name", "Oracle 300", "--series", ORACLE,
                       "--above", "300")
    assert code == 0 and out.startswith("added rule 1: Oracle 5Y CDS spread is above 300 bp")
    assert run_json(capsys, db_path, "monitor", "--today", "2026-08-03")["new_alerts"] == []
    import_points(db_path, ORACLE, {"2026-08-03": 310.0})
    data = run_json(capsys, db_path, "monitor", "--today", "2026-08-03", "--lang", "en")
    assert [(a["rule_id"], a["rule"], a["value"]) for a in data["new_alerts"]] == [(1, "Oracle 300", 310.0)]
    assert data["new_alerts"][0]["message"].startswith("Oracle 300: Oracle 5Y CDS spread is above 300 bp")
    assert data["unacknowledged"] == 1
    again = run_json(capsys, db_path, "monitor", "--today", "2026-08-03")
    assert again["new_alerts"] == [] and again["unacknowledged"] == 1
    code, out, _ = run(capsys, db_path, "monitor", "--today", "2026-08-03")
    assert code == 0 and "new alerts: 0   unacknowledged: 1" in out and "오라클 5년 CDS" in out


def test_alerts_list_ack_and_undo(capsys, db_path: Path) -> None:
    run(capsys, db_path, "alerts", "add", "--series", "cds.coreweave_5y", "--rise", "60", "--days", "92")
    run(capsys, db_path, "alerts", "add", "--series", "gpu_rent.h100.median", "--fall", "4",
        "--days", "30")
    run(capsys, db_path, "monitor", "--today", "2026-08-03")
    listed = run_json(capsys, db_path, "alerts", "list")
    specs = [r["spec"] for r in listed["rules"]]
    assert specs[0]["measure"] == "diff" and specs[1]["measure"] == "pct"  # bp vs price default
    assert [r["active"] for r in listed["rules"]] == [True, False]
    event_id = listed["events"][0]["id"]
    assert listed["unacknowledged"] == 1
    code, out, _ = run(capsys, db_path, "alerts", "ack", str(event_id))
    assert code == 0 and "0 unacknowledged" in out
    assert run_json(capsys, db_path, "alerts", "list", "--unacked")["events"] == []
    code, out, _ = run(capsys, db_path, "alerts", "ack", str(event_id), "--undo")
    assert code == 0 and "1 unacknowledged" in out
    code, _, err = run(capsys, db_path, "alerts", "ack", "999")
    assert code == 2 and "999" in err


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["--series", ORACLE, "--above", "abc"], "rule.threshold"),
        (["--series", "no.such.series", "--below", "1"], "rule.series"),
        (["--series", ORACLE, "--rise", "50"], "rule.n_days (--days)"),
        (["--series", ORACLE], "rule: give --rule JSON"),
        (["--rule", "{not json"], "rule: not valid JSON"),
        (["--rule", '{"kind": "all_of", "rules": [{"kind": "level_above", "series": "cds.oracle_5y"}]}'],
         "rule.rules[0].threshold"),
    ],
)
def test_invalid_rules_exit_2_naming_the_field(capsys, db_path: Path, argv, field) -> None:
    code, _, err = run(capsys, db_path, "alerts", "add", *argv)
    assert code == 2 and f"error: {field}" in err
    assert run_json(capsys, db_path, "alerts", "list")["rules"] == []


def test_json_rule_disable_enable_and_delete(capsys, db_path: Path) -> None:
    thesis = {"kind": "all_of", "rules": [
        {"kind": "level_above", "series": ORACLE, "threshold": 250},
        {"kind": "change_over", "series": "gpu_rent.h100.median", "n_days": 30, "measure": "pct",
         "direction": "down", "threshold": 4}]}
    added = run_json(capsys, db_path, "alerts", "add", "--name", "thesis break", "--rule",
                     json.dumps(thesis))
    assert added["spec"]["kind"] == "all_of" and " and " in added["description"]
    assert run(capsys, db_path, "alerts", "disable", str(added["id"]))[0] == 0
    assert run_json(capsys, db_path, "alerts", "list")["rules"][0]["enabled"] is False
    assert run(capsys, db_path, "alerts", "enable", str(added["id"]))[0] == 0
    assert run(capsys, db_path, "alerts", "delete", str(added["id"]))[0] == 0
    assert run_json(capsys, db_path, "alerts", "list")["rules"] == []
