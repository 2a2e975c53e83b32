"""Start-up benchmark: process start → first painted main window on a seeded cache, beside the
bare ``import PySide6.QtWidgets, pyqtgraph, pandas`` measured in the same run.

Target (issue 2): overhead over the bare imports ≤ 0.4 s; peak RSS ≤ 300 MB.
Run: ``.venv/bin/python benchmarks/startup.py [--runs 7]``. Prints; never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = "import PySide6.QtWidgets, pyqtgraph, pandas; print('{}')"
APP = """
import json, resource, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from qnai_desktop.app import build_window
w = build_window(sys.argv[1])
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps({"rss_mb": rss}), flush=True)
            QApplication.instance().exit(0)
        return False
f = FirstPaint()
w.installEventFilter(f)
w.show()
QApplication.exec()
"""


def _time(code: str, *args: str) -> tuple[float, dict]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    elapsed = time.perf_counter() - t0
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
    return elapsed, json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "cache.sqlite")
        env_settings = str(Path(tmp) / "settings.ini")
        os.environ["QNAI_SETTINGS"] = env_settings
        _time(APP, db)  # seeds the cache and warms the OS file cache; not counted
        bare, app, rss = [], [], []
        for _ in range(args.runs):  # interleaved so drift hits both equally
            bare.append(_time(BARE)[0])
            t, info = _time(APP, db)
            app.append(t)
            rss.append(info["rss_mb"])
    b, a = statistics.median(bare), statistics.median(app)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    print(f"bare imports (PySide6.QtWidgets, pyqtgraph, pandas): median {b * 1000:.0f} ms")
    print(f"start → first painted main window:                   median {a * 1000:.0f} ms")
    print(
        f"overhead over bare imports: {(a - b) * 1000:.0f} ms (target ≤ 400 ms); ratio {a / b:.2f}×"
    )
    print(f"peak RSS at first paint: median {statistics.median(rss):.0f} MB (target ≤ 300 MB)")


if __name__ == "__main__":
    main()
