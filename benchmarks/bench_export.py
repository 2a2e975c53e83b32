"""Benchmark: the whole chart pack to PNG (1920×1080) + PPTX (issue 7, target ≤ 3 s).

Prints the median of several runs of ``PackExporter`` (render through the house ChartCanvas,
PNG files, a 16:9 deck, manifest — written atomically) beside matplotlib Agg saving the same
plotted series of the same charts as 1920×1080 PNGs, measured in the same run. Prints, never
asserts. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_export.py [--runs 5]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_S = 3.0


def median_time(fn, runs: int) -> tuple[float, list[float]]:
    fn()  # warm-up: first paint, font caches, imports
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def matplotlib_pack(jobs, out: Path) -> None:
    """The same series with matplotlib Agg: title, legend, source line, one PNG per chart."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    for job in jobs:
        p = job.prepared
        fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
        xs = [s.x for s in p.series]
        if p.spec.stacked and p.series:
            ax.stackplot(xs[0], *[np.nan_to_num(s.y) for s in p.series],
                         labels=[s.label("ko") for s in p.series],
                         colors=[s.color for s in p.series])
        elif p.spec.kind == "bar":
            width = (np.min(np.diff(xs[0])) if len(xs[0]) > 1 else 1.0) * 0.8 / max(1, len(xs))
            for i, s in enumerate(p.series):
                ax.bar(s.x + i * width, s.y, width=width, label=s.label("ko"), color=s.color)
        else:
            for s in p.series:
                ax.plot(s.x, s.y, label=s.label("ko"), color=s.color, linewidth=4)
            if p.spec.log_y:
                ax.set_yscale("log")
        ax.set_title(p.title("ko"), loc="left", fontsize=36, fontweight="bold")
        ax.legend(loc="upper left", ncol=6, fontsize=24, frameon=False)
        ax.grid(axis="y", alpha=0.2)
        fig.text(0.01, 0.01, p.source("ko"), fontsize=22)
        fig.savefig(out / f"{job.chart_id}.png")
        plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from qnai_desktop.app import create_application
    from qnai_desktop.services.export_plan import ExportOptions, gather_jobs
    from qnai_desktop.services.seed import open_cache
    from qnai_desktop.ui.export.pack import PackExporter
    from qnai_desktop.ui.export.renderer import ChartRenderer, quiet_offscreen_warnings

    create_application()
    quiet_offscreen_warnings()
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    cache = open_cache(work / "cache.sqlite")
    t0 = time.perf_counter()
    jobs = gather_jobs(cache)
    gather_s = time.perf_counter() - t0
    n_points = sum(len(s) for j in jobs for s in j.prepared.series)
    renderer = ChartRenderer()
    options = ExportOptions(formats=("png", "pptx"))
    out = work / "pack"

    def ours() -> None:
        shutil.rmtree(out, ignore_errors=True)
        PackExporter(jobs, options, out, renderer=renderer).run()

    try:
        import matplotlib
        from matplotlib import font_manager

        from qnai_desktop.paths import resources_dir

        for font in (resources_dir() / "fonts").glob("*.otf"):
            font_manager.fontManager.addfont(str(font))
        matplotlib.rcParams["font.family"] = "Noto Sans CJK KR"  # same Hangul font, fair
        mpl_out = work / "mpl"
        mpl_out.mkdir()
        have_mpl = True
    except ImportError:
        have_mpl = False

    ours_s, ours_all = median_time(ours, args.runs)
    n_files = len(list(out.iterdir()))
    deck_mb = sum(p.stat().st_size for p in out.glob("*.pptx")) / 1e6
    print(f"charts: {len(jobs)}   plotted points: {n_points:,}   cache read + prepare: "
          f"{gather_s * 1000:.0f} ms (not in the figures below)")
    print(f"Q&AI export  PNG 1920x1080 + PPTX: median {ours_s:.2f} s of {args.runs} "
          f"({', '.join(f'{t:.2f}' for t in ours_all)}); {n_files} files, deck {deck_mb:.1f} MB; "
          f"{ours_s / len(jobs) * 1000:.0f} ms/chart; target <= {TARGET_S:.1f} s: "
          f"{'met' if ours_s <= TARGET_S else 'NOT met'}")
    if have_mpl:
        mpl_s, mpl_all = median_time(lambda: matplotlib_pack(jobs, mpl_out), args.runs)
        print(f"matplotlib Agg PNG 1920x1080 only: median {mpl_s:.2f} s "
              f"({', '.join(f'{t:.2f}' for t in mpl_all)}); {mpl_s / len(jobs) * 1000:.0f} ms/chart")
        print(f"ratio: ours (PNG + deck) / matplotlib (PNG only) = {ours_s / mpl_s:.2f} "
              f"({'faster' if ours_s < mpl_s else 'slower'})")
    else:
        print("matplotlib not installed: install the test extras for the baseline")
    renderer.close()
    cache.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
