"""Benchmark: ~100 MB CSV files imported end to end — peak memory and time (issue 21).

Two files, built once under ``~/.cache/qnai-bench/``: a **wide** CSV (a date column and 2,500
series columns over 4,800 days, ≈ 100 MB — a Bloomberg dump) and a **long** CSV (series, date,
value; ≈ 100 MB). Each is imported into a fresh cache by a child process doing what
``qnai-desktop import FILE`` does (``preview_file`` + ``commit_imports``, one transaction); the
child reports its wall time and peak RSS (``ru_maxrss``). The baseline, measured in the same run
by another child: a raw ``sqlite3.executemany`` of the same rows into the same schema (rows built
before its clock starts, as in ``bench_import.py``). Targets: wide ≤ 700 MB peak and ≤ 1.5× raw;
long ≤ 400 MB peak. Prints, never asserts.

Run: ``.venv/bin/python benchmarks/bench_import_big.py [--small] [--only wide|long]``
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

CACHE_DIR = Path.home() / ".cache" / "qnai-bench"
TARGETS = {"wide": (700, 1.5), "long": (400, None)}

CHILD_IMPORT = r"""
import json, resource, sys, time
from qnai_desktop.services.importers import commit_imports, preview_file
from qnai_desktop.store.cache import Cache
path, db = sys.argv[1], sys.argv[2]
cache = Cache.open(db)
start = time.perf_counter()
preview = preview_file(path)
read = time.perf_counter() - start
result = commit_imports(cache, [preview])
total = time.perf_counter() - start
print(json.dumps({"seconds": total, "read_s": read, "rows": result.change.added,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CHILD_RAW = r"""
import json, resource, sqlite3, sys, time
import pandas as pd
from qnai_desktop.store.cache import Cache
path, db, layout = sys.argv[1], sys.argv[2], sys.argv[3]
frame = pd.read_csv(path)
if layout == "wide":
    frame = frame.melt(id_vars=frame.columns[0], var_name="series", value_name="value").dropna()
    frame.columns = ["date", "series", "value"]
rows = list(zip(frame["series"].tolist(), frame["date"].tolist(), frame["value"].tolist()))
ids = sorted(set(frame["series"].tolist()))
del frame
Cache.open(db).close()
conn = sqlite3.connect(db, isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL"); conn.execute("PRAGMA synchronous = NORMAL")
conn.execute("PRAGMA foreign_keys = ON")
start = time.perf_counter()
conn.execute("BEGIN IMMEDIATE")
conn.executemany("INSERT INTO series (id, title_ko, title_en, unit, frequency, source)"
                 " VALUES (?, ?, ?, 'index', 'D', 'bench')", [(i, i, i) for i in ids])
conn.executemany("INSERT INTO observations (series_id, date, value) VALUES (?,?,?)", rows)
conn.execute("COMMIT")
print(json.dumps({"seconds": time.perf_counter() - start, "rows": len(rows),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build(small: bool) -> dict[str, Path]:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    cols, days = (250, 1000) if small else (2500, 4800)
    wide = CACHE_DIR / f"wide_{cols}x{days}.csv"
    if not wide.exists():
        rng = np.random.default_rng(21)
        dates = pd.date_range("2013-01-01", periods=days, freq="D").strftime("%Y-%m-%d")
        frame = pd.DataFrame(np.round(rng.normal(100, 15, (days, cols)), 4),
                             columns=[f"BBG{i:04d} Equity" for i in range(cols)])
        frame.insert(0, "Date", dates)
        frame.to_csv(wide, index=False)
    n_series, n_days = (100, 1000) if small else (1000, 3000)
    long = CACHE_DIR / f"long_{n_series}x{n_days}.csv"
    if not long.exists():
        rng = np.random.default_rng(22)
        dates = pd.date_range("2018-01-01", periods=n_days, freq="D").strftime("%Y-%m-%d")
        frame = pd.DataFrame({"series": np.repeat([f"bench.series_{i:04d}" for i in range(n_series)],
                                                  n_days),
                              "date": np.tile(dates, n_series),
                              "value": np.round(rng.normal(100, 15, n_series * n_days), 6)})
        frame.to_csv(long, index=False)
    return {"wide": wide, "long": long}


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    files = build("--small" in sys.argv)
    if "--only" in sys.argv:  # one layout: --only long (issue 21) or --only wide
        only = sys.argv[sys.argv.index("--only") + 1]
        if only not in files:
            sys.exit(f"--only takes one of {', '.join(files)}, not {only!r}")
        files = {only: files[only]}
    for layout, path in files.items():
        with tempfile.TemporaryDirectory() as tmp:
            raw = child(CHILD_RAW, str(path), f"{tmp}/raw.sqlite", layout)
            imp = child(CHILD_IMPORT, str(path), f"{tmp}/import.sqlite")
        size_mb = path.stat().st_size / 2**20
        peak_target, ratio_target = TARGETS[layout]
        ratio = imp["seconds"] / raw["seconds"]
        print(f"{layout} CSV {size_mb:.0f} MB, {imp['rows']:,} rows: import {imp['seconds']:.1f} s "
              f"(read {imp['read_s']:.1f} s), peak {imp['peak_mb']:.0f} MB | raw executemany "
              f"{raw['seconds']:.1f} s → {ratio:.2f}× (target "
              f"{f'≤ {ratio_target:.1f}×' if ratio_target else 'none'}); peak target "
              f"≤ {peak_target} MB — {'met' if imp['peak_mb'] <= peak_target else 'NOT met'}")


if __name__ == "__main__":
    main()
