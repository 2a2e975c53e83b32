"""Run every benchmark and write BENCHMARKS.md: each figure beside its same-run baseline and target.

    .venv/bin/python benchmarks/run_all.py            # full run (~2 min on 2 cores)
    .venv/bin/python benchmarks/run_all.py --quick    # fewer repetitions where a script has a knob

Each script in ``benchmarks/`` runs as its own subprocess (offscreen Qt, a private settings file),
one after another so they do not compete for the cores. Their printed figures are read with one
set of regular expressions per script (the scripts print for people, not for machines); a figure
that cannot be read is reported as such with the script's output, never guessed. ``--raw DIR``
keeps each script's output; ``--reparse DIR`` rebuilds the report from kept outputs without
running anything. Prints, never asserts; the exit status is 1 only if a script failed to run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NUM = r"([0-9][0-9,]*(?:\.[0-9]+)?)"


@dataclass
class Figure:
    """One row of the table. ``value``/``baseline`` are regexes whose group 1 is the number;
    ``target`` says what is checked: on the value (``<=``), the ratio (``ratio<=``) or the
    value minus the baseline (``over<=``)."""

    label: str
    value: str
    unit: str
    baseline: str | None = None
    baseline_label: str = ""
    target: tuple[str, float] | None = None


@dataclass
class Bench:
    script: str
    title: str
    figures: list[Figure]
    args: list[str] = field(default_factory=list)
    quick_args: list[str] = field(default_factory=list)
    timeout: int = 1200


def slider_figures() -> list[Figure]:
    cases = (("meta_compute_sale", "external_sale_fraction"), ("meta_compute_sale", "meta_capex_share"),
             ("spec_decoding", "acceptance_rate"), ("spec_decoding", "draft_cost_ratio"))
    out = []
    for model, param in cases:
        block = rf"{model}, dragging {param}:\n(?:.*\n)*?"
        for col, name in ((1, "p50"), (2, "p95")):
            skip = r"\s+" + r"\S+\s+" * (col - 1)
            out.append(Figure(
                f"Slider move → cards + chart repainted, {name} ({model} / {param})",
                block + r"\s+move -> cards \+ chart repainted" + skip + NUM, "ms",
                block + r"\s+outputs \+ every chart curve, no Qt" + skip + NUM,
                "pure recompute, no Qt", ("<=", 16.0) if name == "p95" else None))
    return out


BENCHES = [
    Bench("startup.py", "Start-up", [
        Figure("Start → first painted main window", r"start → first painted main window:\s+median " + NUM,
               "ms", r"bare imports \(PySide6\.QtWidgets, pyqtgraph, pandas\): median " + NUM,
               "bare imports of PySide6, pyqtgraph, pandas", ("over<=", 400.0)),
        Figure("Peak RSS at first paint", r"peak RSS at first paint: median " + NUM, "MB",
               target=("<=", 300.0)),
        Figure("Shell first: start → the last window's snapshot painted (before pandas/pyqtgraph)",
               r"shell first \(.*?\): median " + NUM, "ms",
               r"bare imports \(PySide6\.QtWidgets, pyqtgraph, pandas\): median " + NUM,
               "bare imports of PySide6, pyqtgraph, pandas", ("ratio<=", 0.6)),
        Figure("Peak RSS at the snapshot's paint", r"peak RSS at its paint " + NUM, "MB"),
        *[Figure(f"{tab.title()} tab built on first open (after the first paint)",
                 r"built on first open.*?" + tab + r" " + NUM + r" ms", "ms") for tab in
          ("charts", "monitors", "scenarios")],
    ], quick_args=["--runs", "2"]),
    Bench("bench_slider.py", "Scenario slider latency", slider_figures()),
    Bench("bench_chart_frame.py", "1M-point chart frame", [
        Figure("1M-point pan/zoom frame, ChartCanvas (clip + peak downsampling)",
               r"ChartCanvas \(clip to view \+ peak downsampling\):\s+" + NUM, "ms",
               r"matplotlib Agg, same 1M points and size:\s+" + NUM, "matplotlib Agg, same points and size",
               ("<=", 16.0)),
        Figure("1M-point pan/zoom frame vs matplotlib (target ≥ 10× faster)",
               r"ChartCanvas \(clip to view \+ peak downsampling\):\s+" + NUM, "ms",
               r"matplotlib Agg, same 1M points and size:\s+" + NUM, "matplotlib Agg, same points and size",
               ("ratio<=", 0.1)),
        Figure("1M-point frame, same canvas without clipping/downsampling",
               r"no clipping/downsampling:\s+" + NUM, "ms",
               r"matplotlib Agg, same 1M points and size:\s+" + NUM, "matplotlib Agg, same points and size"),
    ]),
    Bench("bench_chart_switch.py", "Chart switch", [
        Figure("Chart switch, median over the catalogue", r"median switch: " + NUM, "ms",
               r"baseline, bare PlotWidget clear \+ one 400-point line: " + NUM,
               "bare PlotWidget clear + one 400-point line", ("<=", 100.0)),
        Figure("Chart switch, first open (cold) median", r"median switch: .*?\(cold " + NUM, "ms",
               r"baseline, bare PlotWidget clear \+ one 400-point line: " + NUM,
               "bare PlotWidget clear + one 400-point line"),
        Figure("Chart switch, warm median", r"median switch: .*?warm " + NUM, "ms",
               r"baseline, bare PlotWidget clear \+ one 400-point line: " + NUM,
               "bare PlotWidget clear + one 400-point line"),
    ]),
    Bench("bench_import.py", "Long CSV import", [
        Figure("Long CSV import, 1M rows (200k with --quick): preview + commit",
               r"import total \(preview \+ commit\)\s+" + NUM, "s",
               r"raw sqlite3\.executemany \(baseline\)\s+" + NUM, "raw sqlite3.executemany of the same rows",
               ("ratio<=", 1.5)),
        Figure("Long CSV import vs executemany with foreign_keys ON",
               r"import total \(preview \+ commit\)\s+" + NUM, "s",
               r"same with foreign_keys ON\s+" + NUM, "raw executemany, foreign_keys ON"),
        Figure("  of which preview_file (read, parse, checks)",
               r"preview_file \(read, parse, checks\)\s+" + NUM, "s"),
        Figure("  of which commit_imports → write_bundles", r"commit_imports → write_bundles\s+" + NUM, "s"),
    ], quick_args=["200000"]),
    Bench("bench_export.py", "Export pack", [
        Figure("Chart pack → PNG 1920×1080 + PPTX", r"PNG 1920x1080 \+ PPTX: median " + NUM, "s",
               r"matplotlib Agg PNG 1920x1080 only: median " + NUM, "matplotlib Agg, PNG only",
               ("<=", 3.0)),
    ], quick_args=["--runs", "1"]),
    Bench("bench_refresh_latency.py", "Event loop during refresh", [
        Figure(f"GUI event-loop lateness during refresh, {p}", r"during refresh\s+ticks\s+\d+.*?" + p + r"\s+"
               + NUM, "ms", r"idle \(baseline\)\s+ticks\s+\d+.*?" + p + r"\s+" + NUM, "idle event loop",
               ("<=", 50.0) if p == "p99" else None)
        for p in ("p50", "p95", "p99")
    ]),
    Bench("bench_event_loop.py", "Event loop while importing, exporting, editing", [
        *[Figure(f"GUI event-loop lateness, {what}, {p}", rf"{label}\s+ticks\s+\d+.*?{p}\s+" + NUM,
                 "ms", r"idle \(baseline\)\s+ticks\s+\d+.*?" + p + r"\s+" + NUM,
                 "idle event loop, same run", ("<=", 50.0) if p == "max" else None)
          for label, what in (("import CSV", "importing a CSV (dialog)"),
                              ("export pack", "exporting the chart pack (dialog)"),
                              (r"edit cells", "editing watchlist cells"),
                              ("slider", "dragging a scenario slider"))
          for p in ("p99", "max")],
        *[Figure(f"  of which outside redraws/drawing, max ({what})",
                 rf"{label}\s+outside those spans p99\s+[0-9.,]+ ms\s+max\s+" + NUM, "ms")
          for label, what in (("import CSV", "import"), ("export pack", "export"),
                              ("edit cells", "edits"), ("slider", "slider"))],
    ], quick_args=["--quick"]),
    Bench("bench_scale.py", "Scale: 10M observations", [
        Figure("First paint on a 10M-observation cache ÷ seeded", r"first paint: big\s+" + NUM,
               "ms", r"first paint: big [0-9,.]+ ms, seeded\s+" + NUM, "seeded cache, same run",
               ("ratio<=", 1.3)),
        Figure("series list on a 10M-observation cache ÷ seeded", r"series list: big\s+" + NUM,
               "ms", r"series list: big [0-9,.]+ ms, seeded\s+" + NUM, "seeded cache, same run",
               ("ratio<=", 1.5)),
        Figure("Open a 20-year daily series (cold)", r"points\): cold\s+" + NUM, "ms",
               target=("<=", 50.0)),
        Figure("Open a 20-year daily series (warm)", r"warm\s+" + NUM, "ms"),
    ], timeout=2400),
    Bench("bench_import_big.py", "100 MB CSV imports (peak memory)", [
        *[Figure(f"{kind.title()} CSV ≈ 100 MB import, end to end", rf"{kind} CSV .*?: import " + NUM,
                 "s", rf"{kind} CSV .*?raw executemany " + NUM, "raw sqlite3.executemany of the same rows",
                 ("ratio<=", 1.5) if kind == "wide" else None) for kind in ("wide", "long")],
        *[Figure(f"{kind.title()} CSV ≈ 100 MB import, peak RSS", rf"{kind} CSV .*?peak " + NUM, "MB",
                 target=("<=", limit)) for kind, limit in (("wide", 700.0), ("long", 400.0))],
    ], quick_args=["--small"], timeout=2400),
    Bench("bench_alerts.py", "Alert evaluation", [
        Figure("200 alert rules over 50 series × 10 years", r"evaluate_rules \(numpy FrameCache\):\s+" + NUM,
               "ms", r"naive pandas per rule \(baseline\):\s+" + NUM, "naive pandas, rule by rule",
               ("<=", 20.0)),
    ]),
    Bench("bench_watchlist.py", "Watchlist (5,000 names)", [
        Figure("Watchlist filter keystroke, median", r"filter keystroke\s+median\s+" + NUM, "ms",
               r"baseline pandas str\.contains \+ mask\s+median\s+" + NUM, "pandas str.contains + mask",
               ("<=", 50.0)),
        Figure("Watchlist filter keystroke vs stock proxy", r"filter keystroke\s+median\s+" + NUM, "ms",
               r"baseline stock QSortFilterProxyModel\s+median\s+" + NUM, "stock QSortFilterProxyModel"),
        Figure("Watchlist sort (click), median", r"sort \(click\)\s+median\s+" + NUM, "ms",
               r"baseline pandas sort_values\s+median\s+" + NUM, "pandas sort_values", ("<=", 50.0)),
        Figure("Watchlist sort vs stock proxy", r"sort \(click\)\s+median\s+" + NUM, "ms",
               r"baseline stock proxy sort via data\(\)\s+median\s+" + NUM, "stock proxy sort via data()"),
    ]),
]


# --- running -------------------------------------------------------------------------------------------

@dataclass
class Run:
    script: str
    command: str
    returncode: int
    seconds: float
    stdout: str
    stderr: str


def run_one(bench: Bench, quick: bool) -> Run:
    args = bench.quick_args if quick and bench.quick_args else bench.args
    cmd = [sys.executable, str(ROOT / "benchmarks" / bench.script), *args]
    with tempfile.TemporaryDirectory(prefix="qnai-bench-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1",
               "QNAI_SETTINGS": str(Path(tmp) / "settings.ini"), "QNAI_DB": str(Path(tmp) / "cache.sqlite")}
        started = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                                  timeout=bench.timeout)
            code, out, err = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as exc:
            code, out, err = -1, _text(exc.stdout), _text(exc.stderr) + f"\ntimed out after {bench.timeout} s"
    shown = " ".join(["benchmarks/" + bench.script, *args])
    return Run(bench.script, shown, code, time.perf_counter() - started, out, err)


def _text(data: bytes | str | None) -> str:
    return data.decode(errors="replace") if isinstance(data, bytes) else (data or "")


# --- reading the figures -------------------------------------------------------------------------------

@dataclass
class Row:
    bench: str
    figure: Figure
    value: float | None
    baseline: float | None

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.value is not None and self.baseline else None

    def verdict(self) -> str:
        if self.figure.target is None:
            return "—"
        kind, limit = self.figure.target
        checked = {"<=": self.value, "ratio<=": self.ratio,
                   "over<=": None if self.value is None or self.baseline is None
                   else self.value - self.baseline}[kind]
        if checked is None:
            return "not measured"
        return "met" if checked <= limit else "**not met**"

    def target_text(self) -> str:
        if self.figure.target is None:
            return "—"
        kind, limit = self.figure.target
        unit = self.figure.unit
        if kind == "<=":
            return f"≤ {limit:g} {unit}"
        if kind == "ratio<=":
            return f"≤ {limit:g}× baseline"
        over = "" if self.value is None or self.baseline is None else \
            f" (here {self.value - self.baseline:.0f} {unit})"
        return f"≤ {limit:g} {unit} over baseline{over}"


def find(pattern: str | None, text: str) -> float | None:
    if pattern is None:
        return None
    m = re.search(pattern, text)
    return float(m.group(1).replace(",", "")) if m else None


def read_rows(bench: Bench, run: Run) -> list[Row]:
    return [Row(bench.title, f, find(f.value, run.stdout), find(f.baseline, run.stdout))
            for f in bench.figures]


# --- the report ----------------------------------------------------------------------------------------

def machine() -> dict[str, str]:
    info: dict[str, str] = {}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["CPU"] = re.search(r"model name\s*:\s*(.+)", cpuinfo).group(1).strip()
    except (OSError, AttributeError):
        info["CPU"] = platform.processor() or platform.machine()
    info["Cores"] = str(os.cpu_count())
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        info["RAM"] = f"{kb / 2**20:.1f} GiB"
    except (OSError, AttributeError):
        info["RAM"] = "unknown"
    info["OS"] = platform.platform()
    info["Python"] = platform.python_version()
    try:
        from PySide6 import QtCore

        info["Qt"] = QtCore.qVersion()
    except ImportError:
        info["Qt"] = "not installed"
    for dist in ("PySide6-Essentials", "PySide6", "pyqtgraph", "pandas", "numpy", "matplotlib"):
        try:
            info[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    return info


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def fmt(x: float | None, unit: str = "") -> str:
    if x is None:
        return "—"
    text = f"{x:,.0f}" if abs(x) >= 100 else f"{x:.2f}" if abs(x) < 10 else f"{x:.1f}"
    return f"{text} {unit}".strip()


def report(rows: list[Row], runs: list[Run], meta: dict[str, str]) -> str:
    lines = ["# Benchmarks", "",
             f"Generated by `{meta['command']}` on {meta['date']} ({meta['mode']} run, "
             f"{meta['seconds']:.0f} s). Every figure is measured beside its baseline **in the same run** "
             "of the same script; re-run the command to refresh this file. Targets are the issues'.", "",
             "| Figure | Value | Same-run baseline | Ratio | Target | Met? |",
             "|---|---:|---|---:|---|---|"]
    for r in rows:
        base = "—" if r.figure.baseline is None else \
            f"{fmt(r.baseline, r.figure.unit)} ({r.figure.baseline_label})"
        value = fmt(r.value, r.figure.unit) if r.value is not None else "**not read**"
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}×"
        lines.append(f"| {r.figure.label} | {value} | {base} | {ratio} | {r.target_text()} | {r.verdict()} |")
    lines += ["", "Ratio = value ÷ baseline (below 1 is faster than the baseline). \"not read\" means the "
              "script's output did not contain the figure (see its output below).", "", "## Machine", "",
              "| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in meta["machine"].items()]
    lines += [f"| Load average before / after | {meta['load_before']} / {meta['load_after']} |", "",
              "The cores may be shared with other work; the same-run baselines absorb part of that, the "
              "absolute figures do not.", "", "## Scripts", "", "| Script | Exit | Wall time |",
              "|---|---:|---:|"]
    lines += [f"| `{r.command}` | {r.returncode} | {r.seconds:.0f} s |" for r in runs]
    lines += ["", "## Raw output", ""]
    for r in runs:
        lines += ["<details>", f"<summary><code>{r.command}</code></summary>", "", "```text",
                  r.stdout.rstrip() or "(no output)"]
        if r.returncode != 0:
            lines += ["--- stderr (last 40 lines) ---", *r.stderr.rstrip().splitlines()[-40:]]
        lines += ["```", "", "</details>", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions where a script has a knob")
    parser.add_argument("--only", nargs="*", help="script names to run (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--raw", type=Path, help="also keep each script's output in this folder")
    parser.add_argument("--reparse", type=Path, help="rebuild the report from outputs kept with --raw")
    args = parser.parse_args(argv)
    benches = [b for b in BENCHES if not args.only or b.script in args.only]
    started, load_before = time.perf_counter(), load()
    runs: list[Run] = []
    for bench in benches:
        if args.reparse:
            runs.append(Run(**json.loads((args.reparse / f"{bench.script}.json").read_text())))
            continue
        print(f"running {bench.script} …", flush=True)
        run = run_one(bench, args.quick)
        print(f"  exit {run.returncode} after {run.seconds:.0f} s", flush=True)
        runs.append(run)
        if args.raw:
            args.raw.mkdir(parents=True, exist_ok=True)
            (args.raw / f"{bench.script}.json").write_text(json.dumps(run.__dict__, ensure_ascii=False))
    rows = [row for bench, run in zip(benches, runs, strict=True) for row in read_rows(bench, run)]
    meta = {"command": ".venv/bin/python benchmarks/run_all.py" + (" --quick" if args.quick else ""),
            "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "mode": "quick" if args.quick else "full", "machine": machine(),
            "seconds": sum(r.seconds for r in runs) if args.reparse else time.perf_counter() - started,
            "load_before": load_before, "load_after": load()}
    args.out.write_text(report(rows, runs, meta), encoding="utf-8")
    unread = [r.figure.label for r in rows if r.value is None]
    print(f"wrote {args.out} ({len(rows)} figures" + (f"; not read: {unread}" if unread else "") + ")")
    return 1 if any(r.returncode != 0 for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
