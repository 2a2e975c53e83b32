"""Benchmark: switching charts in the Charts tab over the whole catalogue (target ≤ 100 ms median).

A switch is what a click in the list costs. The first open of a chart reads its series from the
seeded cache, prepares it (transforms), draws it in house style and paints once ("cold"); later
opens reuse the prepared chart until a cache change touches it ("warm": draw and paint).
Printed beside, in the same run: a baseline of a bare PlotWidget of the same size cleared and
replotted with one 400-point line.
Prints, never asserts. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_chart_switch.py``
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np

from qnai_desktop.app import create_application

ROUNDS = 3
TARGET_MS = 100.0


def tab_switches(db: Path) -> dict[str, list[float]]:
    from PySide6.QtWidgets import QApplication

    from qnai_desktop.core.charts import build_catalogue
    from qnai_desktop.store.cache import Cache
    from qnai_desktop.ui.charts.tab import ChartsTab
    from qnai_desktop.ui.common.app_context import AppContext

    ctx = AppContext(Cache.open(db))
    tab = ChartsTab(ctx)
    tab.resize(1400, 860)
    tab.show()
    for _ in range(3):
        QApplication.processEvents()
    ids = [spec.id for spec in build_catalogue()]
    times: dict[str, list[float]] = {i: [] for i in ids}
    for _ in range(ROUNDS):
        for chart_id in ids:
            t0 = time.perf_counter()
            tab.open_chart(chart_id)
            QApplication.processEvents()  # the paint
            times[chart_id].append(time.perf_counter() - t0)
    ctx.stop()
    tab.close()
    return times


def baseline(rounds: int) -> list[float]:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    plot = pg.PlotWidget(background="w")
    plot.resize(1100, 640)
    plot.show()
    x = np.arange(400, dtype=float)
    y = np.cumsum(np.random.default_rng(1).normal(size=400))
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        plot.clear()
        plot.plot(x, y, pen=pg.mkPen("#1C2B5A", width=2))
        QApplication.processEvents()
        out.append(time.perf_counter() - t0)
    plot.close()
    return out


def main() -> None:
    from qnai_desktop.services.seed import open_cache

    create_application()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("QNAI_SETTINGS", str(Path(tmp) / "settings.ini"))
        db = Path(tmp) / "cache.sqlite"
        open_cache(db).close()
        times = tab_switches(db)
    base = baseline(13 * ROUNDS)
    all_times = [t * 1000 for v in times.values() for t in v]
    med = statistics.median(all_times)
    print(f"Chart switch over the catalogue ({len(times)} charts x {ROUNDS} rounds), ms: cold / warm")
    for chart_id, v in sorted(times.items(), key=lambda kv: -kv[1][0]):
        print(f"  {chart_id:<32} {v[0] * 1000:6.1f} / {statistics.median(v[1:]) * 1000:6.1f}")
    cold = statistics.median(v[0] * 1000 for v in times.values())
    warm = statistics.median(t * 1000 for v in times.values() for t in v[1:])
    print(f"  median switch: {med:.1f} ms (cold {cold:.1f}, warm {warm:.1f},"
          f" p90 {np.percentile(all_times, 90):.1f}; target <= {TARGET_MS:.0f} ms:"
          f" {'met' if med <= TARGET_MS else 'NOT met'})")
    print(f"  baseline, bare PlotWidget clear + one 400-point line: {statistics.median(base) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
