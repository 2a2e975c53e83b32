"""Quitting while a refresh waits for a slow server ends cleanly: the refresh is cancelled and
awaited (bounded), queued writes land, the writer's and the window's connections close — no
exception, no "QThread: Destroyed while thread is still running", and the file checks ok.

The window runs in its own process through ``app.run_gui`` (what ``qnai-desktop`` runs), because
what goes wrong at quit shows at process exit."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from werkzeug import Request, Response

ROOT = Path(__file__).resolve().parents[2]

DRIVER = r"""
import json, sys, threading, time
from pathlib import Path
from PySide6.QtCore import QTimer
from qnai_desktop import app
from qnai_desktop.store import health
from qnai_desktop.ui.common import error_dialog
from qnai_desktop.ui.common.settings import make_settings

db = Path(sys.argv[1])
settings = make_settings()
for key, value in (("welcome/shown", True), ("refresh/on_start", True), ("refresh/sources", "npm")):
    settings.setValue(key, value)
settings.sync()
# An unhandled exception would open the error dialog: say so on stderr instead of waiting for a click.
error_dialog.ErrorDialog.exec = lambda self: print("ERROR DIALOG:", self.summary.text(),
                                                   self.details.toPlainText(), file=sys.stderr) or 0
qapp = app.create_application()
seen = {}

def quit_while_refreshing():
    from qnai_desktop.ui.shell.main_window import MainWindow
    window = next((w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)), None)
    panel = window and window._refresh_panel
    if panel is None or panel.task is None or not panel.task.running:
        QTimer.singleShot(50, quit_while_refreshing)
        return
    def quit_now():
        seen["refreshing_at_quit"] = panel.task.running
        seen["quit_at"] = time.monotonic()
        window.close()  # File → Quit
    # after the first answer came, while the next request waits for the slow server
    def first_answer(_progress):
        if not seen.get("scheduled"):
            seen["scheduled"] = True
            QTimer.singleShot(400, quit_now)
    panel.task.sig_progress_reported.connect(first_answer)

QTimer.singleShot(0, quit_while_refreshing)
code = app.run_gui(db, "en")
seen.update(code=code, quit_seconds=time.monotonic() - seen.get("quit_at", time.monotonic()),
            open_connections=health.open_connections(db),
            threads=sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()))
print("RESULT " + json.dumps(seen), flush=True)
"""


def slow_npm(delay: float):
    def handle(request: Request) -> Response:
        time.sleep(delay)
        m = re.match(r"/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)", request.path)
        lo, hi = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
        return Response(json.dumps({"start": m[1], "end": m[2], "package": m[3],
                                    "downloads": [{"downloads": 7, "day": str(d)} for d in days]}),
                        content_type="application/json")
    return handle


def test_quitting_during_a_refresh_ends_cleanly(httpserver, db_path: Path) -> None:
    httpserver.expect_request(re.compile(r"^/downloads/range/")).respond_with_handler(slow_npm(1.5))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "QNAI_NPM_BASE_URL": httpserver.url_for("").rstrip("/")}
    run = subprocess.run([sys.executable, "-c", DRIVER, str(db_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("RESULT ")]
    assert run.returncode == 0 and lines, run.stderr[-3000:]
    seen = json.loads(lines[-1][len("RESULT "):])
    assert seen["refreshing_at_quit"] is True  # she quit while the refresh waited for the server
    assert seen["code"] == 0
    assert seen["quit_seconds"] < 10  # cancelled and awaited within the bound
    assert seen["open_connections"] == 0  # the writer's and the window's connections closed
    assert not [t for t in seen["threads"] if t.startswith("qnai")]  # the writer thread ended
    for bad in ("QThread: Destroyed", "Traceback", "ERROR DIALOG", "Exception"):
        assert bad not in run.stderr, run.stderr[-3000:]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        detail = conn.execute("SELECT detail FROM provenance WHERE how = 'fetch' ORDER BY id DESC"
                              " LIMIT 1").fetchone()
    assert detail is not None and detail[0].startswith("refresh npm: cancelled")
