"""Benchmark: GUI event-loop latency while a refresh runs (issue 8, target p99 ≤ 50 ms).

A local replay server (pytest-httpserver, threaded, 10 ms per response to stand in for the
network) answers every source in its real response shape: npm ranges for the 7 packages from
2025-01-01 (illustrative series replaced), 60 gpurentalprices snapshots (real-size offers lists
from ../shared/data when present), 60 coding-agent day CSVs, the Epoch CSVs and the OpenRouter
model list. The refresh runs exactly as in the app — RefreshPanel → ui.tasks.Task → worker with
its own Cache — while a 10 ms PreciseTimer on the GUI thread records how late each tick is.
The same probe runs first with the app idle (baseline, same run). Prints, never asserts.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_refresh_latency.py``
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

ROOT = Path(__file__).resolve().parents[1]
REPLAY = ROOT / "tests" / "fixtures" / "replay"
SHARED = Path(os.environ.get("QNAI_SHARED_DATA", ROOT.parent / "shared" / "data"))
TICK_MS = 10
TARGET_MS = 50.0
NETWORK_S = 0.010


def serve(server: HTTPServer) -> None:
    def delayed(handler):
        def wrapped(request: Request) -> Response:
            time.sleep(NETWORK_S)
            return handler(request)
        return wrapped

    def npm(request: Request) -> Response:
        m = re.match(r"/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)", request.path)
        lo, hi = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
        rows = [{"downloads": 1000 + (d.toordinal() * 7919) % 5000, "day": str(d)} for d in days]
        return Response(json.dumps({"start": m[1], "end": m[2], "package": m[3], "downloads": rows}),
                        content_type="application/json")

    snapshots = sorted((SHARED / "gpurentalprices" / "snapshots").glob("*.json")) or \
        [REPLAY / "gpurentalprices_snapshot.json"]
    bodies = [json.loads(p.read_text(encoding="utf-8")) for p in snapshots]

    def gpu(request: Request) -> Response:
        day = request.path.rsplit("/", 1)[-1].removesuffix(".json")
        if day == "latest":
            day = str(date.today() - timedelta(days=1))
        doc = dict(bodies[date.fromisoformat(day).toordinal() % len(bodies)], date=day)
        return Response(json.dumps(doc), content_type="application/json")

    agents_csv = (REPLAY / "coding_agents_day.csv").read_text(encoding="utf-8")

    def agents(request: Request) -> Response:
        day = request.path.rsplit("/", 1)[-1].removesuffix(".csv")
        return Response(agents_csv.replace("2026-08-22", day), content_type="text/csv")

    def static(name: str):
        data = (REPLAY / name).read_bytes()
        return lambda request: Response(data)

    routes = [(re.compile(r"^/downloads/range/"), npm), (re.compile(r"^/data/(latest|snapshots/)"), gpu),
              (re.compile(r"^/commit-data/"), agents),
              ("/data/ai_companies_revenue_reports.csv", static("epoch_revenue_reports.csv")),
              ("/data/ai_companies_funding_rounds.csv", static("epoch_funding_rounds.csv")),
              ("/api/v1/models", static("openrouter_models.json"))]
    for uri, handler in routes:
        server.expect_request(uri).respond_with_handler(delayed(handler))


def probe(app, seconds: float | None, until=None) -> np.ndarray:
    """Lateness (ms) of each tick of a 10 ms timer, for ``seconds`` or until ``until()``."""
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    clock = QElapsedTimer()
    clock.start()
    timer.start()
    while True:
        app.processEvents()
        time.sleep(0.001)
        if seconds is not None and clock.elapsed() >= seconds * 1000:
            break
        if until is not None and until():
            break
    timer.stop()
    gaps = np.diff(np.array(ticks)) * 1000
    return np.maximum(gaps - TICK_MS, 0.0)


def show(label: str, late: np.ndarray) -> None:
    p50, p95, p99 = np.percentile(late, [50, 95, 99]) if len(late) else (0, 0, 0)
    print(f"{label:<22} ticks {len(late):5d}  p50 {p50:5.1f} ms  p95 {p95:5.1f} ms  "
          f"p99 {p99:5.1f} ms  max {late.max() if len(late) else 0:6.1f} ms")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from qnai_desktop.services.seed import open_cache
    from qnai_desktop.store.cache import Cache
    from qnai_desktop.ui.common.app_context import AppContext
    from qnai_desktop.ui.common.i18n import set_language
    from qnai_desktop.ui.shell.refresh_panel import RefreshPanel

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = HTTPServer(host="127.0.0.1", threaded=True)  # an address: "localhost" may not resolve
    server.start()
    serve(server)
    from qnai_desktop.services.providers import PROVIDERS

    for env in {p.env for p in PROVIDERS.values()}:  # no source may reach the real service
        os.environ[f"QNAI_{env}_BASE_URL"] = server.url_for("")
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cache.sqlite"
        open_cache(db).close()
        set_language("ko")
        ctx = AppContext(Cache.open(db))
        panel = RefreshPanel(ctx)
        panel.resize(900, 320)
        panel.show()
        idle = probe(app, 3.0)
        started = time.perf_counter()
        task = panel.start()
        busy = probe(app, None, until=lambda: not task.running or time.perf_counter() - started > 180)
        wall = time.perf_counter() - started
        result = panel.result
        ctx.stop()
        ctx.cache.close()
    server.stop()
    print(f"refresh of {len(result.sources) if result else 0} sources against the replay server: "
          f"{wall:.1f} s wall, {sum(s.requests for s in result.sources) if result else 0} requests")
    for s in result.sources if result else []:
        print(f"  {s.source:<20} {s.status:<8} {s.change.summary()}  {s.error[:60]}")
    show("idle (baseline)", idle)
    show("during refresh", busy)
    p99 = float(np.percentile(busy, 99)) if len(busy) else 0.0
    print(f"target p99 ≤ {TARGET_MS:.0f} ms → {'MET' if p99 <= TARGET_MS else 'NOT MET'}")


if __name__ == "__main__":
    main()
