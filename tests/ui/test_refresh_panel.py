"""The refresh panel and the worker abstraction: progress per source, cancel, own connection."""

from __future__ import annotations

import json
import re
import threading
import time
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from werkzeug import Request, Response

from qnai_desktop.services.providers import GpuRentalPrices, NpmDownloads
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.tasks import Task, shutdown
from qnai_desktop.ui.shell.refresh_panel import RefreshPanel

SNAPSHOT = {"date": "", "generated_at": "", "providers": {}, "offers": [
    {"provider": "lambda", "gpu": "h100-sxm", "vram_gb": 80, "usd_hr": 2.99, "kind": "on-demand",
     "source_url": "https://lambda.ai", "fetched_at": ""}]}


@pytest.fixture
def ctx(cache):
    c = AppContext(cache, poll_ms=60_000)
    yield c
    c.stop()


def npm_range(delay: float = 0.0):
    def handle(request: Request) -> Response:
        time.sleep(delay)
        m = re.match(r"/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)", request.path)
        lo, hi = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
        return Response(json.dumps({"start": m[1], "end": m[2], "package": m[3],
                                    "downloads": [{"downloads": 7, "day": str(d)} for d in days]}),
                        content_type="application/json")
    return handle


def make_panel(qtbot, ctx, base: str) -> RefreshPanel:
    def providers(names):
        made = {"npm": NpmDownloads(base, packages={"cline": "cline", "codex": "@openai/codex"}),
                "gpurentalprices": GpuRentalPrices(base)}
        return [made[n] for n in names]
    panel = RefreshPanel(ctx, sources=["npm", "gpurentalprices"], providers=providers)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_refresh_shows_progress_per_source_and_redraws(qtbot, ctx, httpserver) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(npm_range())
    latest = {**SNAPSHOT, "date": str(date.today() - timedelta(days=1))}
    httpserver.expect_request("/data/latest.json").respond_with_json(latest)
    httpserver.expect_request(re.compile(r"^/data/snapshots/")).respond_with_data("", 404)
    panel = make_panel(qtbot, ctx, httpserver.url_for(""))
    assert panel._states["npm"].text() == "never succeeded"
    with qtbot.waitSignal(ctx.sig_cache_changed, timeout=20_000) as changed:
        qtbot.mouseClick(panel.btn_start, Qt.MouseButton.LeftButton)
        assert not panel.btn_start.isEnabled() and panel.btn_cancel.isEnabled()
    assert "npm.downloads.cline" in changed.args[0].series
    qtbot.waitUntil(lambda: panel.btn_start.isEnabled(), timeout=5_000)
    assert [s.status for s in panel.result.sources] == ["ok", "ok"]
    assert panel._bars["npm"].value() == panel._bars["npm"].maximum() == 1
    assert panel._states["npm"].text().startswith("done: ")
    assert not ctx.cache.series.meta("npm.downloads.cline").is_demo
    assert "npm 20" in panel.last_success_text() and "gpurentalprices 20" in panel.last_success_text()


def test_cancel_leaves_the_cache_as_it_was(qtbot, ctx, httpserver) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(npm_range(0.3))
    panel = make_panel(qtbot, ctx, httpserver.url_for(""))
    before = [line for line in ctx.cache.db.conn.iterdump() if '"provenance"' not in line]
    with qtbot.waitSignal(panel.sig_refresh_finished, timeout=20_000) as finished:
        panel.start()
        qtbot.wait(100)
        qtbot.mouseClick(panel.btn_cancel, Qt.MouseButton.LeftButton)
    assert [s.status for s in finished.args[0].sources] == ["cancelled", "cancelled"]
    assert panel._states["npm"].text() == "cancelled"
    assert [line for line in ctx.cache.db.conn.iterdump() if '"provenance"' not in line] == before


def test_a_failing_source_shows_its_reason(qtbot, ctx, httpserver) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_data(
        json.dumps({"error": "package cline not found"}), 404)
    panel = make_panel(qtbot, ctx, httpserver.url_for(""))
    with qtbot.waitSignal(panel.sig_refresh_finished, timeout=20_000):
        panel.start(["npm"])
    # the worker closes its connection after reporting; wait for that before the cache closes
    qtbot.waitUntil(lambda: panel.btn_start.isEnabled(), timeout=5_000)
    assert panel._states["npm"].text().startswith("failed: HTTP 404 (package cline not found)")
    assert "/downloads/range/" in panel._states["npm"].toolTip()  # the full reason


def test_task_runs_on_a_worker_with_its_own_connection(qtbot, ctx) -> None:
    seen = {}

    def work(w):
        seen["thread"] = threading.get_ident()
        seen["cache"] = w.cache
        w.progress("half")
        return w.cache.series.meta("cds.oracle_5y").unit

    task = Task(work, db_path=ctx.cache.path)
    progress = []
    task.sig_progress_reported.connect(progress.append)
    with qtbot.waitSignal(task.sig_task_succeeded, timeout=5_000) as done:
        task.start()
    assert done.args == ["bp"] and progress == ["half"]
    assert seen["thread"] != threading.get_ident() and seen["cache"] is not ctx.cache


def test_task_failure_is_a_signal_not_a_crash(qtbot) -> None:
    task = Task(lambda w: 1 / 0)
    with qtbot.waitSignal(task.sig_task_failed, timeout=5_000) as failed:
        task.start()
    assert failed.args == ["division by zero"]


def test_shutdown_cancels_running_tasks(qtbot) -> None:
    def spin(w):
        while not w.cancelled():
            time.sleep(0.01)
        return "stopped"

    task = Task(spin)
    with qtbot.waitSignal(task.sig_task_succeeded, timeout=5_000) as done:
        task.start()
        assert shutdown(5_000)
    assert done.args == ["stopped"]
