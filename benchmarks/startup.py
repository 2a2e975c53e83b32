"""Start-up benchmark: process start → first painted main window on a seeded cache, beside the
bare ``import PySide6.QtWidgets, pyqtgraph, pandas`` measured in the same run.

Target (issue 2): overhead over the bare imports ≤ 0.4 s; peak RSS ≤ 300 MB.
The clock stops at the main window's first Paint event (the bare child stops after its imports);
tear-down is not counted for either. Our package is byte-compiled first, as scripts/setup.sh and a
wheel install do. Only the visible tab is built before the first paint; the time each other tab
takes when first opened is printed too (it is not part of the target).
Shell first (issue 21, stretch): the same process start → the first paint of the window's
snapshot (``ui/shell/snapshot.py``, what ``app.run_gui`` shows before pandas and pyqtgraph
load), target ≤ 0.6× the bare imports; the child refuses to count if any of them was loaded.
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

# Each child prints time.perf_counter() at its end point (imports done / first paint) and leaves
# with os._exit: CLOCK_MONOTONIC is system-wide on Linux, so the parent's spawn time and the
# child's stamp share a clock, and interpreter tear-down is not counted for either.
BARE = """
import os, time
import PySide6.QtWidgets, pyqtgraph, pandas
print('{"at": %r}' % time.perf_counter(), flush=True)
os._exit(0)
"""
APP = """
import json, os, resource, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from qnai_desktop.app import build_window
w = build_window(sys.argv[1])
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            at = time.perf_counter()
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            w.removeEventFilter(self)
            # after the clock stopped: what each tab left for later costs when first opened
            opens = {}
            for name in ("charts", "monitors", "scenarios"):
                t = time.perf_counter()
                w.show_tab(name)
                QApplication.processEvents()
                opens[name] = (time.perf_counter() - t) * 1000
            print(json.dumps({"rss_mb": rss, "at": at, "opens_ms": opens}), flush=True)
            os._exit(0)
        return False
f = FirstPaint()
w.installEventFilter(f)
w.show()
QApplication.exec()
"""

# The window she closed last time writes its snapshot (not timed).
CLOSE = """
import sys
from PySide6.QtWidgets import QApplication
from qnai_desktop.app import build_window
w = build_window(sys.argv[1])
w.show()
for _ in range(5):
    QApplication.processEvents()
w.close()
print('{"at": 0}', flush=True)
"""
# What ``app.run_gui`` paints first: the snapshot window, before pandas/pyqtgraph load.
SHELL = """
import json, os, resource, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from qnai_desktop.app import create_application, show_shell
from qnai_desktop.ui.common.i18n import current_language, set_language, startup_language
app = create_application(plots=False)
set_language(startup_language(None))
stamp = {}
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "at" not in stamp:
            stamp["at"] = time.perf_counter()
            stamp["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            stamp["heavy"] = [m for m in ("pandas", "numpy", "pyqtgraph", "sqlite_utils")
                              if m in sys.modules]
        return False
from PySide6.QtWidgets import QApplication
f = FirstPaint()
QApplication.instance().installEventFilter(f)
shell = show_shell(Path(sys.argv[1]), current_language())
stamp["shown"] = shell is not None
print(json.dumps(stamp), flush=True)
os._exit(0)
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
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
    info = json.loads(line)
    return info["at"] - t0, info


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    # As installed (scripts/setup.sh, or a wheel): our modules byte-compiled like site-packages are.
    # Without this, PYTHONDONTWRITEBYTECODE=1 (set on some machines) makes every start recompile
    # ~60 of our modules from source (~100 ms) while the bare imports load cached bytecode.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "qnai_desktop")],
                   check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "cache.sqlite")
        env_settings = str(Path(tmp) / "settings.ini")
        os.environ["QNAI_SETTINGS"] = env_settings
        _time(APP, db)  # seeds the cache and warms the OS file cache; not counted
        _time(CLOSE, db)  # her last session ended: the snapshot exists
        bare, app, rss, opens, shell, shell_rss = [], [], [], [], [], []
        for _ in range(args.runs):  # interleaved so drift hits both equally
            bare.append(_time(BARE)[0])
            t, info = _time(APP, db)
            app.append(t)
            rss.append(info["rss_mb"])
            opens.append(info["opens_ms"])
            t, info = _time(SHELL, db)
            if not info.get("shown") or info.get("heavy"):
                raise SystemExit(f"the shell did not paint before the heavy imports: {info}")
            shell.append(t)
            shell_rss.append(info["rss_mb"])
    b, a = statistics.median(bare), statistics.median(app)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    print(f"bare imports (PySide6.QtWidgets, pyqtgraph, pandas): median {b * 1000:.0f} ms")
    print(f"start → first painted main window:                   median {a * 1000:.0f} ms")
    print(
        f"overhead over bare imports: {(a - b) * 1000:.0f} ms (target ≤ 400 ms); ratio {a / b:.2f}×"
    )
    print(f"peak RSS at first paint: median {statistics.median(rss):.0f} MB (target ≤ 300 MB)")
    sh = statistics.median(shell)
    print(f"shell first (the last window's snapshot, before pandas/pyqtgraph load): median "
          f"{sh * 1000:.0f} ms, ratio to bare imports {sh / b:.2f}× (target ≤ 0.6×); "
          f"peak RSS at its paint {statistics.median(shell_rss):.0f} MB")
    first = ", ".join(f"{name} {statistics.median(o[name] for o in opens):.0f} ms"
                      for name in opens[0])
    print(f"built on first open, after the first paint (median; the window opened on Watchlist): {first}")


if __name__ == "__main__":
    main()
