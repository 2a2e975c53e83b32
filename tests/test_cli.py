"""The command line, driven as a user would from a shell."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from qnai_desktop import __version__
from qnai_desktop.cli import main
from qnai_desktop.store.migrations import SCHEMA_VERSION


def test_watchlist_json_lists_the_note(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", str(db_path), "watchlist", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["ticker"] for r in rows] == ["NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META", "ORCL",
                                           "CRWV"]
    meta = rows[5]
    assert (meta["name_ko"], meta["market_cap_usd_bn"], meta["per_12mf"]) == ("메타 플랫폼스", 1523, 18)
    assert rows[-1]["per_12mf"] is None


def test_db_after_subcommand_and_env(db_path: Path, capsys: pytest.CaptureFixture,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["watchlist", "--db", str(db_path)]) == 0
    assert "4,736" in capsys.readouterr().out
    monkeypatch.setenv("QNAI_DB", str(db_path))
    assert main(["series", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    demo = {r["id"]: r["is_demo"] for r in listed}
    assert demo["cds.oracle_5y"] is True and demo["gpu_rent.h100.median"] is False


def test_series_show_csv_and_unknown_id(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", str(db_path), "series", "show", "gpu_rent.h100.median", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "date,value,n"
    assert lines[1].startswith("2026-07-05,")
    assert main(["--db", str(db_path), "series", "show", "nope"]) == 2
    assert "no series 'nope'" in capsys.readouterr().err


def test_newer_cache_is_refused_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    assert main(["--db", str(path), "watchlist"]) == 2
    assert "newer Q&AI Desktop" in capsys.readouterr().err


def test_version_and_screenshot_as_separate_processes(db_path: Path, tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "qnai_desktop", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == f"qnai-desktop {__version__}"
    png = tmp_path / "shot.png"
    res = subprocess.run([sys.executable, "-m", "qnai_desktop", "--db", str(db_path), "screenshot",
                          "--tab", "watchlist", "--out", str(png)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    from PySide6.QtGui import QImage

    img = QImage(str(png))
    assert img.width() > 800 and img.height() > 500
    colours = {img.pixel(x, y) for x in range(0, img.width(), 37) for y in range(0, img.height(), 23)}
    assert len(colours) > 3  # not blank
