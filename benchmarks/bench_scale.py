"""Scale benchmark (issue 21): a cache that grew to 2,000 series × 5,000 days (10M observations)
against the seeded cache, in the same run.

Figures: start → first painted window, and ``qnai-desktop series list``, each on the big cache
÷ the same on the seeded cache (targets ≤ 1.3× and ≤ 1.5×: cost that grows with the number of
series, not of observations); opening a 20-year daily series in the Charts tab (target ≤ 50 ms).
The big cache is built once into ``~/.cache/qnai-bench/scale.sqlite`` (≈ 1 min; ``--rebuild``
builds it again). Prints, never asserts.

Run: ``.venv/bin/python benchmarks/bench_scale.py [--runs 3]``
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

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
N_SERIES, N_DAYS = 2_000, 5_000
LONG_ID = "scale.long_daily"  # 20 years of daily points, opened in the Charts tab
CACHE_DIR = Path(os.environ.get("QNAI_BENCH_CACHE", Path.home() / ".cache" / "qnai-bench"))

FIRST_PAINT = """
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from qnai_desktop.app import build_window
w = build_window(sys.argv[1])
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(json.dumps({"at": time.perf_counter()}), flush=True)
            os._exit(0)
        return False
f = FirstPaint()
w.installEventFilter(f)
w.show()
QApplication.exec()
"""


def build_big(path: Path) -> None:
    """The seeded cache plus 2,000 imported daily series of 5,000 days and one of 20 years."""
    from qnai_desktop.core.series import SeriesBundle, SeriesMeta
    from qnai_desktop.services.seed import open_cache

    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    cache = open_cache(tmp)
    dates = pd.date_range("2013-01-01", periods=N_DAYS, freq="D")
    rng = np.random.default_rng(21)
    t0 = time.perf_counter()
    for start in range(0, N_SERIES, 100):
        bundles = []
        for i in range(start, start + 100):
            meta = SeriesMeta(id=f"scale.s{i:04d}", title_ko=f"대량 {i}", title_en=f"Bulk {i}",
                              unit="index", frequency="D", source="bench")
            frame = pd.DataFrame({"date": dates, "value": rng.normal(100, 5, N_DAYS).round(3)})
            bundles.append(SeriesBundle(meta, frame))
        cache.series.write_bundles(bundles, how="import", origin="bench_scale")
    long_dates = pd.date_range("2006-01-01", "2025-12-31", freq="D")
    meta = SeriesMeta(id=LONG_ID, title_ko="20년 일별", title_en="20 years daily", unit="index",
                      frequency="D", source="bench")
    cache.series.write_bundles([SeriesBundle(meta, pd.DataFrame({
        "date": long_dates, "value": np.cumsum(rng.normal(0, 1, len(long_dates))) + 100}))],
        how="import", origin="bench_scale")
    cache.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cache.close()
    os.replace(tmp, path)
    print(f"built {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.0f} s")


def _env(settings: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QNAI_SETTINGS": str(settings),
            "PYTHONDONTWRITEBYTECODE": "1"}


def series_list_s(db: Path, env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qnai_desktop.cli", "--db", str(db), "series", "list"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def first_paint_s(db: Path, env: dict) -> float:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(db)], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["at"] - t0


def chart_open_ms(db: Path, runs: int) -> tuple[float, float]:
    """(cold, warm) median ms to open the 20-year daily series in the Charts tab and paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from qnai_desktop.app import create_application
    from qnai_desktop.store.cache import Cache
    from qnai_desktop.ui.charts.tab import ChartsTab
    from qnai_desktop.ui.common.app_context import AppContext

    create_application()
    ctx = AppContext(Cache.open(db))
    tab = ChartsTab(ctx)
    tab.resize(1400, 860)
    tab.show()
    for _ in range(3):
        QApplication.processEvents()
    cold, warm = [], []
    for _ in range(runs):
        tab.open_chart("gpu_rent_b200_h100")
        QApplication.processEvents()
        tab._prepared.clear()  # cold: read and prepare again (what a cache change causes)
        t0 = time.perf_counter()
        tab.open_chart(f"series:{LONG_ID}")
        QApplication.processEvents()
        cold.append((time.perf_counter() - t0) * 1000)
        tab.open_chart("gpu_rent_b200_h100")
        QApplication.processEvents()
        t0 = time.perf_counter()
        tab.open_chart(f"series:{LONG_ID}")
        QApplication.processEvents()
        warm.append((time.perf_counter() - t0) * 1000)
    ctx.stop()
    return statistics.median(cold), statistics.median(warm)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    big = CACHE_DIR / "scale.sqlite"
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not big.exists():
        build_big(big)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "qnai_desktop")],
                   check=True)
    from qnai_desktop.services.seed import open_cache

    with tempfile.TemporaryDirectory() as tmp:
        seeded = Path(tmp) / "seeded.sqlite"
        open_cache(seeded).close()
        env = _env(Path(tmp) / "settings.ini")
        paint = {"seeded": [], "big": []}
        listing = {"seeded": [], "big": []}
        for _ in range(args.runs):  # interleaved, so machine noise hits both alike
            for name, db in (("seeded", seeded), ("big", big)):
                paint[name].append(first_paint_s(db, env))
                listing[name].append(series_list_s(db, env))
        p = {k: statistics.median(v) for k, v in paint.items()}
        s = {k: statistics.median(v) for k, v in listing.items()}
        print(f"cache: {N_SERIES:,} series × {N_DAYS:,} days = {N_SERIES * N_DAYS / 1e6:.0f}M "
              f"observations, {big.stat().st_size / 1e6:.0f} MB")
        print(f"first paint: big {p['big'] * 1000:.0f} ms, seeded {p['seeded'] * 1000:.0f} ms, "
              f"ratio {p['big'] / p['seeded']:.2f}x (target <= 1.3x)")
        print(f"series list: big {s['big'] * 1000:.0f} ms, seeded {s['seeded'] * 1000:.0f} ms, "
              f"ratio {s['big'] / s['seeded']:.2f}x (target <= 1.5x)")
    cold, warm = chart_open_ms(big, args.runs)
    print(f"open a 20-year daily series (7,305 points): cold {cold:.1f} ms, warm {warm:.1f} ms "
          "(target <= 50 ms)")


if __name__ == "__main__":
    main()
