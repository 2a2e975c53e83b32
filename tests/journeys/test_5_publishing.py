"""Journey 5 — Publishing the note.

    Ctrl+E → export pack: every chart at 1920×1080 with Korean titles and "자료: …, SK증권" source
    lines, a 16:9 deck with one chart per slide and provenance in the notes, a manifest; warnings
    list which charts still show illustrative data. The same runs nightly from cron:
    `qnai-desktop publish --out ~/notes/pack` (keeps going when a source fails, replaces last
    night's pack). Next week she re-exports into the deck she already edited, and her edits stay.
"""

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
from pptx.util import Inches, Pt
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qnai_desktop.ui.export.pack_dialog import PackExportDialog

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("NPM", "GPURENTALPRICES", "EPOCH", "CODING_AGENTS", "OPENROUTER", "SEC", "QUOTES",
           "FRED", "ARTIFICIAL_ANALYSIS", "STATCOUNTER", "META_ADS")


class Unreachable(BaseHTTPRequestHandler):
    """Every source fails the same way at once (404, nothing to retry): a night without network."""

    def do_GET(self) -> None:
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def cron_env(tmp_path: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Unreachable)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.update({f"QNAI_{name}_BASE_URL": base for name in SOURCES})
    env["QNAI_SETTINGS"] = str(tmp_path / "cron-settings.ini")
    yield env
    server.shutdown()


def cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qnai_desktop.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def export_pack_with_ctrl_e(qtbot, window, folder: Path) -> PackExportDialog:
    """Ctrl+E, choose the folder and PNG + PPTX, Export; Close once the pack is written."""
    seen: dict[str, PackExportDialog] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PackExportDialog):
            QTimer.singleShot(20, drive)
            return
        seen["dialog"] = dialog
        dialog.folder.setText(str(folder))
        for fmt, box in dialog.format_boxes.items():
            box.setChecked(fmt in ("png", "pptx"))
        dialog.sig_pack_exported.connect(lambda _r: QTimer.singleShot(0, dialog.close_button.click))
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # modal until Close
    return seen["dialog"]


def test_publishing_the_note(qtbot, open_window, db_path, tmp_path, cron_env) -> None:
    window = open_window()
    pack = tmp_path / "notes" / "pack"
    dialog = export_pack_with_ctrl_e(qtbot, window, pack)
    assert dialog.result is not None and not dialog.isVisible()

    # Every chart at 1920×1080, with Korean titles and "자료: …, SK증권" source lines.
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    charts = manifest["charts"]
    pngs = sorted(p.stem for p in pack.glob("*.png"))
    assert pngs == sorted(charts) and len(pngs) == 15
    for chart_id in pngs:
        assert QImage(str(pack / f"{chart_id}.png")).size().toTuple() == (1920, 1080)
        assert charts[chart_id]["source_line"].startswith("자료: ")
        assert charts[chart_id]["source_line"].endswith("SK증권")
    assert charts["cds_oracle_coreweave"]["title"] == "Oracle, CoreWeave CDS 스프레드"
    assert charts["gpu_rent_b200_h100"]["source_line"] == "자료: gpurentalprices.com, SK증권"

    # A 16:9 deck — the note's, as `export` and `publish` write it (cover, coverage table, the
    # Update Chart page, the sections): every exported chart once, by name, editable where it
    # can be native, the provenance in its slide's notes.
    deck = Presentation(str(pack / "pack.pptx"))
    assert deck.slide_width / deck.slide_height == pytest.approx(16 / 9, abs=1e-3)
    placed = [s.name.removeprefix("qnai:chart:") for slide in deck.slides for s in slide.shapes
              if s.name.startswith("qnai:chart:")]
    assert sorted(placed) == pngs
    assert any(s.name == "qnai:table:watchlist" for s in deck.slides[1].shapes)
    for slide in deck.slides:
        if any(s.name.startswith("qnai:chart:") for s in slide.shapes):
            assert slide.notes_slide.notes_text_frame.text.startswith("자료: ")

    # The warnings list which charts still show illustrative data.
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    illustrative = {w.split(":")[0] for w in shown if "예시 데이터 포함" in w}
    assert illustrative == {c for c, info in charts.items() if info["is_demo"]} >= {
        "cds_oracle_coreweave", "meta_ads"}

    # The same runs nightly from cron, with no network: it keeps going when every source fails
    # and replaces last night's pack (kept beside it as pack.prev).
    night = cli(cron_env, "--db", str(db_path), "publish", "--out", str(pack), "--json")
    assert night.returncode == 1, night.stderr[-2000:]  # made, but sources failed
    report = json.loads(night.stdout)
    failed = [s["source"] for s in report["sources"] if s["status"] == "failed"]
    assert report["made"] and {"gpurentalprices", "npm", "fred"} <= set(failed)
    assert sorted(p.name for p in pack.with_name("pack.prev").iterdir()) == sorted(
        [*(f"{c}.png" for c in pngs), "manifest.json", "pack.pptx"])  # what Ctrl+E wrote
    assert (pack / "pack.pptx").exists() and (pack / "pack.xlsx").exists()
    assert not (pack / "ai_capex.png").exists()  # the nightly pack holds back an empty chart

    # Next week she re-exports into the deck she already edited: her edits stay. (The dialog
    # writes a new pack; refreshing an edited deck is `qnai-desktop export --update`.)
    edited = Presentation(str(pack / "pack.pptx"))
    note = edited.slides[1].shapes.add_textbox(Inches(1), Inches(0.2), Inches(6), Inches(0.6))
    note.name = "her note"
    note.text_frame.text = "고객 미팅: CDS 확대 시 네오클라우드 재평가"
    note.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    edited.save(str(pack / "pack.pptx"))
    again = cli(cron_env, "--db", str(db_path), "export", "--all", "--update", str(pack / "pack.pptx"))
    assert again.returncode in (0, 1), again.stderr[-2000:]
    refreshed = Presentation(str(pack / "pack.pptx"))
    kept = [s for s in refreshed.slides[1].shapes if s.name == "her note"]
    assert len(kept) == 1 and kept[0].text_frame.text == "고객 미팅: CDS 확대 시 네오클라우드 재평가"
    assert (pack / "pack.pptx.bak").exists()
