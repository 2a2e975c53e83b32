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

from qnai_desktop.core.changes import ChangeSet
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
    assert panel._states["npm"].text() == "not found on the server"  # short, in the UI language
    assert "HTTP 404 (package cline not found)" in panel._states["npm"].toolTip()  # the full reason
    assert "/downloads/range/" in panel.details.toPlainText() and not panel.details.isVisible()
    qtbot.mouseClick(panel.btn_details, Qt.MouseButton.LeftButton)
    assert panel.details.isVisible()


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


def test_the_panel_runs_the_cli_refresh_list_and_says_why_in_korean(qtbot, ctx, monkeypatch) -> None:
    """No key, no User-Agent, a server that is not there: short Korean reasons, no raw English
    on the row; the source's own sentence (with its URL) only under "details"."""
    from qnai_desktop.services.providers import PROVIDERS
    from qnai_desktop.services.refresh_sources import configured_providers
    from qnai_desktop.ui.common.i18n import set_language

    for env in {p.env for p in PROVIDERS.values()}:  # nothing listens on port 9: connect fails
        monkeypatch.setenv(f"QNAI_{env}_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("QNAI_SEC_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("QNAI_SEC_USER_AGENT", raising=False)
    monkeypatch.delenv("QNAI_ARTIFICIAL_ANALYSIS_API_KEY", raising=False)
    monkeypatch.setattr("qnai_desktop.services.secrets.get_key", lambda name: None)
    set_language("ko")
    panel = RefreshPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.sources == [p.name for p in configured_providers(ctx.cache)]
    assert {"sec", "quotes", "links", "meta_ads"} <= set(panel.sources)
    states = []
    panel.sig_state_changed.connect(lambda text, _tone: states.append(text))
    with qtbot.waitSignal(panel.sig_refresh_finished, timeout=60_000):
        panel.start(["npm", "artificial_analysis", "sec"])
    qtbot.waitUntil(lambda: panel.btn_start.isEnabled(), timeout=5_000)
    assert panel._states["npm"].text() == "연결 실패"
    assert panel._states["artificial_analysis"].text() == "API 키 없음 — 설정에서 입력"
    assert panel._states["sec"].text() == "SEC User-Agent 없음 — 설정에서 입력"
    for name in ("npm", "artificial_analysis", "sec"):
        assert not re.search(r"[A-Za-z]{4,}", panel._states[name].text().replace("User-Agent", ""))
    assert "http://127.0.0.1:9" in panel.details.toPlainText()  # the URL, behind "details"
    assert panel.btn_details.text() == "자세히"
    assert states[-1] == "새로 고침: 0개 성공, 3개 실패"  # the status-bar item's line
    set_language("en")  # widgets hear of it through a posted LanguageChange event
    qtbot.waitUntil(lambda: states[-1] == "Refreshed: 0 ok, 3 failed", timeout=2_000)
    assert panel._states["npm"].text() == "connection failed"


def test_at_1280x800_with_refresh_running_the_watchlist_shows_all_eight_names(
        qtbot, db_path, httpserver, monkeypatch) -> None:
    from qnai_desktop.app import build_window
    from qnai_desktop.services.providers import PROVIDERS

    def slow(_request: Request) -> Response:
        time.sleep(0.5)
        return Response("{}", status=503)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(slow)
    for env in {p.env for p in PROVIDERS.values()}:
        monkeypatch.setenv(f"QNAI_{env}_BASE_URL", httpserver.url_for(""))
    window = build_window(db_path, lang="ko")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        window.act_refresh.trigger()
        qtbot.waitUntil(lambda: "새로 고침 중" in window.sources_ui.status.text(), timeout=5_000)
        assert window.refresh_panel.task.running
        view = window.pages["watchlist"].view
        qtbot.wait(50)
        rows = view.model().rowCount()
        visible = [r for r in range(rows)
                   if view.visualRect(view.model().index(r, 0)).bottom() <= view.viewport().height()]
        assert rows == 8 and len(visible) == 8, (len(visible), view.viewport().height())
        assert window.size().width() == 1280 and window.size().height() == 800
        assert not window.refresh_dock.isVisible() and window.sources_ui.status.isVisible()
        assert not window.sources_label.isVisible()  # success times: the item's tooltip
        window.ctx.cache.settings.set("refresh.last_success.fred", "2026-12-07T07:50:00+00:00")
        window.ctx.notify(ChangeSet(tables={"settings"}))
        assert "fred 2026-12-07 07:50" in window.sources_ui.status.toolTip()
    finally:
        window.refresh_panel.cancel()
        qtbot.waitUntil(lambda: not window.refresh_panel.task.running, timeout=20_000)
        window.ctx.stop()
