"""Journey 6 — A new colleague joins.

    Clones the repository, runs the README's two commands, and has the app with the note's data
    and passing tests in minutes, on a machine that had only Python.

A fresh install is not run here (it needs apt and the network); the test checks that the README's
two commands are the ones that exist and that both go through scripts/setup.sh, that the test
command collects these journeys, and that the app starts on a fresh data folder with the note's data.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from PySide6.QtGui import QImage

from qnai_desktop.services import alerts
from qnai_desktop.store.cache import Cache

ROOT = Path(__file__).resolve().parents[2]


def test_the_readmes_two_commands_exist_and_call_setup() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The two commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["bash scripts/run.sh", "bash scripts/test.sh"]
    run, test = ((ROOT / c.split()[1]).read_text(encoding="utf-8") for c in commands)
    assert 'bash "$here/scripts/setup.sh"\n' in run and "-m qnai_desktop" in run
    assert 'bash "$here/scripts/setup.sh" test\n' in test and "-m pytest" in test
    for script in ("scripts/run.sh", "scripts/test.sh", "scripts/setup.sh"):
        assert subprocess.run(["bash", "-n", str(ROOT / script)]).returncode == 0  # parses
    setup = (ROOT / "scripts/setup.sh").read_text(encoding="utf-8")
    assert "fonts-noto-cjk" in setup and ".venv" in setup  # Korean glyphs and the project's venv
    # The test command runs pytest over tests/, so these journeys are part of it.
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert options["tool"]["pytest"]["ini_options"]["testpaths"] == ["tests"]


def test_the_app_starts_on_a_fresh_data_folder_with_the_notes_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("QNAI_DB", "DISPLAY")}
    env.update({"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
                "XDG_CONFIG_HOME": str(home / ".config"), "QT_QPA_PLATFORM": "offscreen",
                "QNAI_SETTINGS": str(home / "settings.ini")})
    shot = tmp_path / "first-run.png"
    run = subprocess.run([sys.executable, "-m", "qnai_desktop.cli", "screenshot", "--tab", "watchlist",
                          "--out", str(shot), "--lang", "ko"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert QImage(str(shot)).size().toTuple() == (1400, 860)
    cache_file = home / ".local" / "share" / "qnai-desktop" / "cache.sqlite"
    assert cache_file.exists()  # made in her (fresh) data folder, seeded from the note
    with Cache.open(cache_file) as cache:
        names = cache.watchlist.companies().sort_values("position")
        assert list(names["ticker"]) == ["NVDA", "GOOGL", "AAPL", "MSFT", "AMZN", "META", "ORCL", "CRWV"]
        assert cache.watchlist.company("META")["per_12mf"] == 18.0
        assert cache.facts.get("meta_per_text") == 17  # "Meta의 12MFWD PER는 17배 …"
        assert len(alerts.load_rules(cache)) == 4
        assert cache.series.meta("gpu_rent.h100.median").source == "gpurentalprices.com"
