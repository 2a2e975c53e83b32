"""Faults the cache must survive: SIGKILL mid-import, a full disk, a concurrent writer."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from qnai_desktop.store.cache import Cache

ROOT = Path(__file__).resolve().parents[2]
N_ROWS = 150_000

WRITER = textwrap.dedent("""
    import sys, numpy as np, pandas as pd
    from qnai_desktop.core.series import SeriesBundle, SeriesMeta
    from qnai_desktop.store.cache import Cache
    c = Cache.open(sys.argv[1])
    n, tag = int(sys.argv[2]), sys.argv[3]
    dates = pd.date_range("1700-01-01", periods=n, freq="D")
    meta = SeriesMeta(id="big." + tag, title_ko="대량", title_en="Big", unit="count",
                      frequency="D", source="test")
    frame = pd.DataFrame({"date": dates, "value": np.arange(n, dtype=float)})
    print("ready", flush=True)
    c.series.write_bundles([SeriesBundle(meta, frame)], how="import", origin="big.csv")
    print("done", flush=True)
""")


def _count(path: Path, sid: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM observations WHERE series_id = ?", [sid]).fetchone()[0]
    finally:
        conn.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_sigkill_during_large_imports_is_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    Cache.open(path).close()
    rng = random.Random(20261124)
    outcomes = {"none": 0, "all": 0}
    for i in range(20):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(N_ROWS), str(i)],
                                cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert _integrity(path) == "ok"
        count = _count(path, f"big.{i}")
        assert count in (0, N_ROWS), f"run {i}: partial import of {count} rows"
        outcomes["all" if count else "none"] += 1
    # the kills must have landed on both sides of the commit at least once to prove anything
    assert outcomes["none"] >= 1, outcomes


FULL_DISK = textwrap.dedent("""
    import resource, signal, sys
    import numpy as np, pandas as pd
    from qnai_desktop.core.series import SeriesBundle, SeriesMeta
    from qnai_desktop.store.cache import Cache
    from qnai_desktop.store.errors import DiskFullError
    c = Cache.open(sys.argv[1])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    dates = pd.date_range("1800-01-01", periods=200_000, freq="D")
    meta = SeriesMeta(id="huge", title_ko="대량", title_en="Huge", unit="count", frequency="D",
                      source="test")
    try:
        c.series.write_bundles([SeriesBundle(meta, pd.DataFrame({"date": dates,
                         "value": np.arange(len(dates), dtype=float)}))], how="import")
    except DiskFullError as exc:
        print("DISKFULL", exc)
        sys.exit(3)
""")


def test_full_disk_fails_cleanly_with_nothing_written(db_path: Path) -> None:
    with Cache.open(db_path) as c:
        c.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = c.db.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
    limit = db_path.stat().st_size + 256 * 1024
    out = subprocess.run([sys.executable, "-c", FULL_DISK, str(db_path), str(limit)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 3, out.stderr[-2000:]
    assert "disk is full" in out.stdout
    assert _integrity(db_path) == "ok"
    with Cache.open(db_path) as c:
        assert c.db.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == before
        assert "huge" not in c.series.ids()


CONCURRENT_WRITER = textwrap.dedent("""
    import sys, pandas as pd
    from qnai_desktop.core.series import SeriesBundle, SeriesMeta
    from qnai_desktop.store.cache import Cache
    c = Cache.open(sys.argv[1])
    meta = SeriesMeta(id="live.refresh", title_ko="갱신", title_en="Refresh", unit="bp",
                      frequency="D", source="test")
    for i in range(int(sys.argv[2])):
        day = pd.Timestamp("2026-01-01") + pd.Timedelta(days=i)
        c.series.write_bundles([SeriesBundle(meta, pd.DataFrame({"date": [day], "value": [float(i)]}))],
                        how="fetch", origin="replay")
    print("written", flush=True)
""")


@pytest.mark.slow
def test_reader_and_cli_writer_interleave_without_locks(db_path: Path) -> None:
    writes = 500
    proc = subprocess.Popen([sys.executable, "-c", CONCURRENT_WRITER, str(db_path), str(writes)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reader = Cache.open(db_path)
    reads, versions, errors = 0, set(), []
    try:
        while proc.poll() is None or reads < 500:
            try:
                frame = reader.series.observations("live.refresh")
                versions.add(reader.data_version())
                assert frame["date"].is_monotonic_increasing
                reads += 1
            except sqlite3.OperationalError as exc:  # "database is locked" would land here
                errors.append(str(exc))
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert errors == []
        assert reads >= 500
        final = reader.series.observations("live.refresh")
        assert len(final) == writes and final["value"].iloc[-1] == writes - 1  # no stale view
        assert len(versions) > 1  # the reader saw the writer's commits as they happened
    finally:
        reader.close()


def test_disk_full_error_is_a_store_error() -> None:
    from qnai_desktop.store.errors import DiskFullError, StoreError

    assert issubclass(DiskFullError, StoreError)
