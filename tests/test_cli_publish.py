"""``qnai-desktop publish`` as the nightly cron line runs it: no network, a fresh cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pptx import Presentation

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("NPM", "GPURENTALPRICES", "EPOCH", "CODING_AGENTS", "OPENROUTER", "SEC", "QUOTES",
           "FRED", "ARTIFICIAL_ANALYSIS", "STATCOUNTER", "META_ADS")


class Nothing(BaseHTTPRequestHandler):
    """Every source unreachable in the same way: 404 at once (no retries to wait for)."""

    def do_GET(self) -> None:
        self.send_response(404)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def offline_env(tmp_path: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Nothing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.update({f"QNAI_{name}_BASE_URL": base for name in SOURCES})
    env["QNAI_SETTINGS"] = str(tmp_path / "settings.ini")
    yield env
    server.shutdown()


def publish(db: Path, out: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qnai_desktop.cli", "--db", str(db), "publish",
                           "--out", str(out), "--json"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)


def test_publish_without_network_makes_the_pack_and_says_what_is_wrong(
        db_path: Path, tmp_path: Path, offline_env: dict) -> None:
    out = tmp_path / "pack"
    first = publish(db_path, out, offline_env)
    assert first.returncode == 1, first.stderr[-3000:]  # made, but sources failed / illustrative
    report = json.loads(first.stdout)
    assert report["made"] and (out / "pack.pptx").exists() and (out / "manifest.json").exists()
    assert any(s["status"] == "failed" for s in report["sources"])
    assert {h["chart"] for h in report["held_back"]} >= {"ai_capex"}
    assert not (out / "ai_capex.png").exists()  # no empty picture ships
    # the note's MTP / Dspark charts are computed, never held back (core/charts/derived.py)
    assert (out / "spec_decoding_vs_usual.png").exists() and (out / "dspark_speedup.png").exists()
    assert {w["kind"] for w in report["warnings"]} >= {"demo", "stale"}
    deck = Presentation(str(out / "pack.pptx"))  # the note's deck: every exported chart native
    charts = {s.name for slide in deck.slides for s in slide.shapes if s.name.startswith("qnai:chart:")}
    assert charts == {f"qnai:chart:{p.stem}" for p in out.glob("*.png")}
    assert (out / "pack.xlsx").exists()
    names = sorted(p.name for p in out.iterdir())

    second = publish(db_path, out, offline_env)
    assert second.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == names  # the same file names every night
    prev = out.with_name("pack.prev")
    assert sorted(p.name for p in prev.iterdir()) == names  # last night's pack kept beside
    assert not out.with_name("pack.publishing").exists()


def test_publish_that_cannot_write_exits_2_and_keeps_the_last_pack(
        db_path: Path, tmp_path: Path, offline_env: dict) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = publish(db_path, blocker / "pack", offline_env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["made"] is False
