"""The cache under its real workload: the window open (offscreen) with a refresh running while a
cron-like loop runs N CLI calls (`import`, `refresh`, `series list`) against the same file.

    .venv/bin/python scripts/stress_cache.py --calls 200

Prints one line of figures (and writes them as JSON with --json): calls, failures, how often the
WAL was seen missing while the window held it open (must be 0), `cache check`, and whether every
write of every call is in the cache. Providers are served by a local replay server on 127.0.0.1
(npm and gpurentalprices answer; the other sources get 404s, a failure each refresh reports and
skips). Used for docs/RELIABILITY.md; tests/store/test_stress_cli.py runs a short version.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPLAY = ROOT / "tests" / "fixtures" / "replay"
NEWEST = date(2026, 8, 5)


def provider_envs() -> set[str]:
    """Every live source's ``QNAI_<ENV>_BASE_URL`` name: none may reach the real service."""
    sys.path.insert(0, str(ROOT))
    from qnai_desktop.services.providers import PROVIDERS

    return {p.env for p in PROVIDERS.values()}


class Replay(BaseHTTPRequestHandler):
    """npm's range API and the gpurentalprices mirror, in their real formats; 404 otherwise."""

    def do_GET(self) -> None:
        time.sleep(0.05)  # a little latency, so a refresh overlaps the CLI calls
        m = re.match(r"/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)", self.path)
        if m:
            lo, hi = date.fromisoformat(m[1]), min(date.fromisoformat(m[2]), NEWEST)
            days = [lo + timedelta(days=i) for i in range(max(0, (hi - lo).days + 1))]
            package = urllib.parse.unquote(m[3])
            body = json.dumps({"start": m[1], "end": m[2], "package": package, "downloads": [
                {"downloads": 500 + d.toordinal() % 89, "day": str(d)} for d in days]})
            return self._send(200, body.encode())
        m = re.match(r"/data/(?:latest|snapshots/(\d{4}-\d\d-\d\d))\.json$", self.path)
        if m:
            doc = json.loads((REPLAY / "gpurentalprices_snapshot.json").read_bytes())
            doc["date"] = m[1] or str(NEWEST)
            return self._send(200, json.dumps(doc).encode())
        return self._send(404, b'{"error": "not found"}')

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def holds(pid: int, path: Path) -> bool:
    """The process has the file open (Linux /proc): only then must its WAL stay."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == str(path):
                return True
        except OSError:
            continue
    return False


def cli(args: list[str], env: dict) -> tuple[int, float, str]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "qnai_desktop.cli", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    return out.returncode, time.perf_counter() - started, out.stderr[-500:]


def run(calls: int, folder: Path) -> dict:
    db = folder / "cache.sqlite"
    settings = folder / "settings.ini"
    settings.write_text("[welcome]\nshown=true\n[refresh]\non_start=true\n")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QNAI_DB": str(db),
           "QNAI_SETTINGS": str(settings), "PYTHONPATH": str(ROOT),
           **{f"QNAI_{name}_BASE_URL": base for name in provider_envs()}}
    assert cli(["cache", "info"], env)[0] == 0  # a seeded cache before the window opens
    window = subprocess.Popen([sys.executable, "-m", "qnai_desktop"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wal, shm = Path(str(db) + "-wal"), Path(str(db) + "-shm")
    seen = {"missing": 0, "polls": 0}
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if window.poll() is None and holds(window.pid, db):
                seen["polls"] += 1
                seen["missing"] += not (wal.exists() and shm.exists())
            time.sleep(0.01)

    deadline = time.monotonic() + 60
    while not holds(window.pid, db) and time.monotonic() < deadline:
        time.sleep(0.1)  # a loaded machine may take a while to open the window
    time.sleep(1.0)  # its start-up refresh (at 500 ms) is running
    watcher = threading.Thread(target=watch)
    watcher.start()
    failures, times, imported = [], [], {}
    for i in range(calls):
        kind = ("import", "refresh", "series")[i % 3]
        if kind == "import":
            csv = folder / f"batch{i}.csv"
            csv.write_text(f"date,stress {i}\n2026-07-01,{i}\n2026-07-02,{i + 0.5}\n")
            args = ["import", str(csv), "--series", f"stress.s{i}"]
            imported[f"stress.s{i}"] = (float(i), i + 0.5)
        elif kind == "refresh":
            args = ["refresh", "--source", "npm", "--source", "gpurentalprices"]
        else:
            args = ["series", "list", "--json"]
        code, seconds, err = cli(args, env)
        times.append(seconds)
        if code != 0:
            failures.append(f"{' '.join(args[:2])}: exit {code}: {err.strip()[-200:]}")
    window_alive = window.poll() is None
    done.set()
    watcher.join()
    window.send_signal(signal.SIGTERM)
    window.wait(timeout=60)
    server.shutdown()
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = {sid: tuple(v for (v,) in conn.execute(
            "SELECT value FROM observations WHERE series_id = ? ORDER BY date", [sid]))
            for sid in imported}
    finally:
        conn.close()
    lost = [sid for sid, values in imported.items() if rows.get(sid) != values]
    return {"calls": calls, "failures": len(failures), "failure_samples": failures[:3],
            "window_alive_throughout": window_alive, "wal_polls": seen["polls"],
            "wal_missing": seen["missing"], "integrity_check": integrity,
            "imports": len(imported), "imports_lost": len(lost),
            "call_p50_s": round(statistics.median(times), 2),
            "call_p95_s": round(sorted(times)[int(0.95 * (len(times) - 1))], 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qnai-stress-") as tmp:
        figures = run(args.calls, Path(tmp))
    print(json.dumps(figures, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2))
    ok = (figures["failures"] == 0 and figures["wal_missing"] == 0 and figures["imports_lost"] == 0
          and figures["integrity_check"] == "ok" and figures["window_alive_throughout"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
