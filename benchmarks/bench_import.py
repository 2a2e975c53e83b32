"""Benchmark: a 1,000,000-row long CSV imported into a fresh cache (issue 8, target ≤ 1.5× raw).

Baseline, measured in the same run: plain ``sqlite3.executemany`` of the same 1M
(series_id, date, value) rows into the same schema (WAL, synchronous=NORMAL, one transaction),
rows prepared before the clock starts. The import is timed end to end — ``preview_file`` (read,
detect, parse, check duplicates) + ``commit_imports`` (``Cache.write_bundles``, one
transaction) — and split into its phases, with a cProfile of the write so the lead can see
where ``write_bundles`` spends its time. Five interleaved rounds (raw, raw with foreign keys,
import), each into fresh files: the medians of each side are the figures, and each round's
paired ratio is printed too, because a shared 2-core machine is noisy. Prints, never asserts.

Run: ``.venv/bin/python benchmarks/bench_import.py [rows]``
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from qnai_desktop.services.importers import commit_imports, preview_file
from qnai_desktop.store.cache import Cache

TARGET = 1.5


def make_csv(path: Path, rows: int) -> list[tuple[str, str, float]]:
    n_series = 1000
    days = rows // n_series
    dates = pd.date_range("2022-01-03", periods=days, freq="D").strftime("%Y-%m-%d").to_numpy()
    rng = np.random.default_rng(8)
    values = np.round(rng.normal(100, 15, n_series * days), 4)
    ids = np.repeat([f"bench.s{i:04d}" for i in range(n_series)], days)
    day_col = np.tile(dates, n_series)
    frame = pd.DataFrame({"series": ids, "date": day_col, "value": values})
    frame.to_csv(path, index=False)
    return list(zip(ids.tolist(), day_col.tolist(), values.tolist(), strict=True))


def raw_executemany(path: Path, rows: list[tuple[str, str, float]], *, fk: bool = False) -> float:
    Cache.open(path).close()  # same schema as the app's cache
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA foreign_keys = {'ON' if fk else 'OFF'}")  # the cache runs with ON
    ids = sorted({r[0] for r in rows})
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO series (id, title_ko, title_en, unit, frequency, source)"
                     " VALUES (?, ?, ?, 'index', 'D', 'bench')", [(i, i, i) for i in ids])
    conn.executemany("INSERT INTO observations (series_id, date, value) VALUES (?,?,?)", rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def main(rows: int = 1_000_000, rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "long.csv"
        data = make_csv(csv_path, rows)
        print(f"{len(data):,} rows, {csv_path.stat().st_size / 1e6:.1f} MB CSV, 1,000 series; "
              f"median of {rounds} interleaved rounds, each into a fresh file")
        bases, bases_fk, parses, writes, totals = [], [], [], [], []
        for r in range(rounds):  # interleaved, so a noisy moment hits both sides alike
            bases.append(raw_executemany(folder / f"raw{r}.sqlite", data))
            bases_fk.append(raw_executemany(folder / f"raw_fk{r}.sqlite", data, fk=True))
            cache = Cache.open(folder / f"import{r}.sqlite")
            t0 = time.perf_counter()
            preview = preview_file(csv_path, cache.series.metas())
            t1 = time.perf_counter()
            result = commit_imports(cache, [preview])
            t2 = time.perf_counter()
            cache.close()
            for name in (f"raw{r}.sqlite", f"raw_fk{r}.sqlite", f"import{r}.sqlite"):
                for extra in ("", "-wal", "-shm"):
                    (folder / (name + extra)).unlink(missing_ok=True)
            parses.append(t1 - t0)
            writes.append(t2 - t1)
            totals.append(t2 - t0)
        base, base_fk = statistics.median(bases), statistics.median(bases_fk)
        parse, write, total = (statistics.median(x) for x in (parses, writes, totals))

        profiled = Cache.open(folder / "profiled.sqlite")  # a second, profiled write (slower)
        profile = cProfile.Profile()
        profile.enable()
        commit_imports(profiled, [preview])
        profile.disable()
        profiled.close()

    print(f"rounds: raw {', '.join(f'{b:.2f}' for b in bases)} s; import "
          f"{', '.join(f'{t:.2f}' for t in totals)} s; paired ratios "
          f"{', '.join(f'{t / b:.2f}' for t, b in zip(totals, bases, strict=True))} "
          f"(median {statistics.median(t / b for t, b in zip(totals, bases, strict=True)):.2f}×)")
    print(f"raw sqlite3.executemany (baseline)  {base:6.2f} s   (foreign_keys OFF, sqlite3 default)")
    print(f"  same with foreign_keys ON          {base_fk:6.2f} s   (as the cache runs: "
          f"{base_fk / base:.2f}×)")
    print(f"import total (preview + commit)     {total:6.2f} s   = {total / base:.2f}× baseline "
          f"(target ≤ {TARGET}×) → {'MET' if total / base <= TARGET else 'NOT MET'}")
    print(f"  preview_file (read, parse, checks) {parse:6.2f} s")
    print(f"  commit_imports → write_bundles     {write:6.2f} s   ({result.total.summary()})")
    print(f"  vs raw executemany with foreign_keys ON: {total / base_fk:.2f}×;"
          f" write_bundles alone: {write / base_fk:.2f}×")
    print("\nwhere write_bundles spends its time (cProfile of a second run; own time, top 8):")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(8)
    lines = out.getvalue().splitlines()
    head = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    print("\n".join(line for line in lines[head:] if line.strip()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
