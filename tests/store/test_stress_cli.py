"""The window open with its refresh while a cron-like loop of CLI calls runs (a short version of
scripts/stress_cache.py, whose 200-call figures are in docs/RELIABILITY.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_window_and_cli_loop_share_the_cache_without_losing_anything(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "scripts/stress_cache.py", "--calls", "9", "--json",
                          str(tmp_path / "figures.json")], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    figures = json.loads((tmp_path / "figures.json").read_text())
    assert out.returncode == 0, (figures, out.stderr[-2000:])
    assert figures["wal_polls"] > 100 and figures["wal_missing"] == 0
    assert figures["failures"] == 0 and figures["imports_lost"] == 0
    assert figures["integrity_check"] == "ok" and figures["window_alive_throughout"]
