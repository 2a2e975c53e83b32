"""Benchmark: pan/zoom frame time of a 1,000,000-point series in ChartCanvas (target ≤ 16 ms).

Each frame moves the x range (a mix of pans and zooms, as a user drags and scrolls) and lets
Qt process the events, which paints the plot once. Printed beside, in the same run: the same
canvas without clip-to-view/downsampling, and matplotlib Agg drawing the same 1M points at the
same pixel size (``set_xlim`` + ``canvas.draw()`` per frame). Prints, never asserts.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_chart_frame.py``
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pandas as pd

from qnai_desktop.app import create_application
from qnai_desktop.core.charts import ChartSpec, PreparedChart, PreparedSeries, SeriesRef

N = 1_000_000
WIDTH, HEIGHT = 1280, 720
FRAMES = 60
TARGET_MS = 16.0


def make_chart() -> tuple[PreparedChart, ChartSpec]:
    rng = np.random.default_rng(7)
    x = pd.Timestamp("2020-01-01").timestamp() + np.arange(N, dtype="float64") * 60.0  # 1-min ticks
    y = 400.0 + np.cumsum(rng.normal(0.0, 0.5, N))
    spec = ChartSpec(id="bench_1m", title_ko="100만 포인트", title_en="1M points", kind="line",
                     series=(SeriesRef("bench.cds"),), unit_ko="bp", unit_en="bp")
    series = PreparedSeries("bench.cds", "cds", "CDS", "CDS", "left", "#C74634", "bp", False, x, y)
    return PreparedChart(spec, (series,), pd.DataFrame(), "자료: 합성, SK증권", "Source: synthetic"), spec


def windows(x0: float, x1: float, frames: int) -> list[tuple[float, float]]:
    """Zoom in from all to 1% and pan across, then back out: the ranges of a drag/scroll session."""
    out = []
    span_all = x1 - x0
    for i in range(frames):
        zoom = 1.0 - 0.99 * abs(np.sin(i / frames * np.pi))  # 100% → 1% → 100%
        span = span_all * zoom
        start = x0 + (span_all - span) * (0.5 + 0.5 * np.sin(i * 0.7))
        out.append((start, start + span))
    return out


def qt_frames(prepared: PreparedChart, spec: ChartSpec, fast: bool, frames: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from qnai_desktop.ui.charts.canvas import ChartCanvas

    canvas = ChartCanvas()
    canvas.resize(WIDTH, HEIGHT)
    canvas.show()
    canvas.show_chart(prepared, spec, "ko")
    item = canvas.items["bench.cds"]
    if not fast:
        item.setClipToView(False)
        item.setDownsampling(ds=1, auto=False)
    for _ in range(3):
        QApplication.processEvents()
    x = prepared.series[0].x
    times = []
    for lo, hi in windows(float(x[0]), float(x[-1]), frames):
        t0 = time.perf_counter()
        canvas.view_box.setXRange(lo, hi, padding=0)  # clip + downsample happen here
        # exactly one paint of the plot per frame (checked with cProfile); an extra
        # viewport.repaint() would paint twice, as the window's backing store syncs again
        QApplication.processEvents()
        times.append(time.perf_counter() - t0)
    canvas.close()
    return times


def mpl_frames(prepared: PreparedChart, frames: int) -> list[float]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    s = prepared.series[0]
    fig, ax = plt.subplots(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    ax.plot(s.x, s.y, color=s.color, linewidth=2.0)
    fig.canvas.draw()
    times = []
    for lo, hi in windows(float(s.x[0]), float(s.x[-1]), frames):
        t0 = time.perf_counter()
        ax.set_xlim(lo, hi)
        fig.canvas.draw()
        times.append(time.perf_counter() - t0)
    plt.close(fig)
    return times


def main() -> None:
    create_application()
    prepared, spec = make_chart()
    fast = qt_frames(prepared, spec, fast=True, frames=FRAMES)
    plain = qt_frames(prepared, spec, fast=False, frames=10)
    mpl = mpl_frames(prepared, frames=10)
    med = {k: statistics.median(v) * 1000 for k, v in
           (("fast", fast), ("plain", plain), ("mpl", mpl))}
    p90 = float(np.percentile(fast, 90)) * 1000
    print(f"1,000,000-point line, {WIDTH}x{HEIGHT} px, median ms per pan/zoom frame")
    print(f"  ChartCanvas (clip to view + peak downsampling): {med['fast']:7.1f} ms"
          f"  (p90 {p90:.1f} ms, {FRAMES} frames; target <= {TARGET_MS:.0f} ms:"
          f" {'met' if med['fast'] <= TARGET_MS else 'NOT met'})")
    print(f"  same canvas, no clipping/downsampling:          {med['plain']:7.1f} ms")
    print(f"  matplotlib Agg, same 1M points and size:        {med['mpl']:7.1f} ms")
    print(f"  ratio matplotlib / ChartCanvas: {med['mpl'] / med['fast']:.1f}x")


if __name__ == "__main__":
    main()
