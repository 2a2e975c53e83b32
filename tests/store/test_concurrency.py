"""The cache shared by real processes: the window's process (a main connection plus background
connections opened and closed, as its tasks do) and CLI processes started beside it.

POSIX drops ALL of a process's locks on a file when ANY descriptor of that file is closed
(sqlite.org/howtocorrupt.html §2.2). If anything but SQLite opened the cache in the window's
process, a CLI process closing its connection would believe it was the last user, checkpoint and
delete the WAL under the window: its later writes would vanish. These tests run that sequence.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from qnai_desktop.store.cache import Cache

ROOT = Path(__file__).resolve().parents[2]

# The "window": one long-lived connection, writes before and after a background connection is
# opened and closed on another thread (what ui.tasks.Task does for every refresh or import).
WINDOW = textwrap.dedent("""
    import sys, threading
    from qnai_desktop.store.cache import Cache
    path = sys.argv[1]
    main = Cache.open(path)
    main.settings.set("window.before", "1", how="edit")

    def background():
        worker = Cache.open(path)
        worker.settings.set("worker.write", "1", how="edit")
        worker.close()

    t = threading.Thread(target=background)
    t.start(); t.join()
    print("ready", flush=True)
    assert sys.stdin.readline().strip() == "go"
    main.settings.set("window.after", "1", how="edit")
    print("wal" if __import__("os").path.exists(path + "-wal") else "no-wal", flush=True)
    assert sys.stdin.readline().strip() == "quit"
    main.close()
""")


def _settings(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT key, value FROM settings").fetchall())
    finally:
        conn.close()


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qnai_desktop.cli", "--db", str(db), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_a_cli_read_beside_the_window_keeps_its_wal_and_every_write(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    Cache.open(path).close()
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(path)], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert window.stdout.readline().strip() == "ready"
        wal = Path(str(path) + "-wal")
        assert wal.exists()
        # a read-only CLI call (opens, reads, closes) while the window is open
        listed = _cli("series", "list", "--json", db=path)
        assert listed.returncode == 0, listed.stderr
        assert wal.exists(), "the CLI process deleted the window's WAL"
        window.stdin.write("go\n")
        window.stdin.flush()
        assert window.stdout.readline().strip() == "wal"
        # and a CLI write beside the window
        added = _cli("alerts", "add", "--name", "cli rule", "--series", "cds.oracle_5y",
                     "--above", "100", db=path)
        assert added.returncode == 0, added.stderr
        window.stdin.write("quit\n")
        window.stdin.flush()
        assert window.wait(timeout=60) == 0
    finally:
        if window.poll() is None:
            window.kill()
    settings = _settings(path)
    for key in ("window.before", "worker.write", "window.after"):
        assert settings.get(key) == "1", f"lost write: {key}"
    with Cache.open(path) as cache:
        assert "cli rule" in set(cache.alerts.rules()["name"])
        assert cache.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# A long-lived "window" process: its main connection stays open, a writer thread writes through
# its own connection, a background thread opens, reads and closes connections (as tasks do).
LONG_LIVED = textwrap.dedent("""
    import sys, threading, time, traceback
    from qnai_desktop.store.cache import Cache
    path, stop_file = sys.argv[1], sys.argv[2]
    main = Cache.open(path)
    errors, writes = [], [0]

    def writer():
        c = Cache.open(path)
        i = 0
        while not __import__("os").path.exists(stop_file):
            try:
                c.settings.set(f"window.{i}", str(i), how="edit")
                writes[0] = i = i + 1
            except Exception:
                errors.append(traceback.format_exc())
            time.sleep(0.005)
        c.close()

    def background():
        while not __import__("os").path.exists(stop_file):
            try:
                with Cache.open(path) as c:
                    c.series.summary()
            except Exception:
                errors.append(traceback.format_exc())

    threads = [threading.Thread(target=writer), threading.Thread(target=background)]
    for t in threads:
        t.start()
    print("ready", flush=True)
    for t in threads:
        t.join()
    main.watchlist.companies()
    main.close()
    print(f"writes={writes[0]} errors={len(errors)}", flush=True)
    for e in errors[:3]:
        print(e, flush=True)
""")

# Another program, as a cron loop of CLI calls would be: a new connection per operation.
CLIENT = textwrap.dedent("""
    import sys, traceback
    import numpy as np, pandas as pd
    from qnai_desktop.core.series import SeriesBundle, SeriesMeta
    from qnai_desktop.store.cache import Cache
    path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    errors = 0
    for i in range(n):
        try:
            with Cache.open(path) as c:
                if i % 3 == 0:
                    c.settings.set(f"{tag}.{i}", str(i), how="edit")
                elif i % 3 == 1:
                    meta = SeriesMeta(id=f"{tag}.s{i}", title_ko="부하", title_en="Load",
                                      unit="count", frequency="D", source="stress")
                    frame = pd.DataFrame({"date": pd.date_range("2020-01-01", periods=200),
                                          "value": np.arange(200, dtype=float)})
                    c.series.write_bundles([SeriesBundle(meta, frame)], how="import", origin="s.csv")
                else:
                    c.series.summary(); c.series.observations("gpu.h100.median")
        except Exception:
            errors += 1
            traceback.print_exc()
    print(f"errors={errors}", flush=True)
""")


def test_stress_window_with_writer_thread_and_300_operations_from_other_processes(
        db_path: Path, tmp_path: Path) -> None:
    stop = tmp_path / "stop"
    window = subprocess.Popen([sys.executable, "-c", LONG_LIVED, str(db_path), str(stop)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert window.stdout.readline().strip() == "ready"
    clients = [subprocess.Popen([sys.executable, "-c", CLIENT, str(db_path), f"p{k}", "100"],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for k in range(3)]
    wal = Path(str(db_path) + "-wal")
    wal_missing = 0
    while any(c.poll() is None for c in clients):
        wal_missing += not wal.exists()
    outputs = [c.communicate(timeout=300) for c in clients]
    stop.write_text("stop")
    window_out, _ = window.communicate(timeout=120)
    assert wal_missing == 0, "the WAL disappeared while the window held its connection"
    for out, err in outputs:
        assert out.strip() == "errors=0", err[-3000:]
    assert "errors=0" in window_out, window_out
    window_writes = int(window_out.split("writes=")[1].split()[0])
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        series = {r[0] for r in conn.execute("SELECT id FROM series")}
        points = conn.execute("SELECT COUNT(*) FROM observations WHERE series_id LIKE 'p_.s%'"
                              ).fetchone()[0]
    finally:
        conn.close()
    assert window_writes > 50
    assert all(settings.get(f"window.{i}") == str(i) for i in range(window_writes))
    for k in range(3):
        assert all(settings.get(f"p{k}.{i}") == str(i) for i in range(0, 100, 3))
        assert all(f"p{k}.s{i}" in series for i in range(1, 100, 3))
    assert points == 3 * 33 * 200
