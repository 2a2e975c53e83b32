"""The note as an editable deck from the command line, tried as she would: export, edit in
PowerPoint, refresh with --update; one workbook for the pack; LibreOffice opens what we write."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Inches

from qnai_desktop.cli import main
from qnai_desktop.core.series import SeriesBundle
from qnai_desktop.store.cache import Cache

ROOT = Path(__file__).resolve().parents[1]
NO_QT = ("import sys; sys.modules['PySide6'] = None; sys.modules['pyqtgraph'] = None\n"
         "from qnai_desktop.cli import main\nsys.exit(main(sys.argv[1:]))")


def names(prs) -> dict[str, tuple[int, object]]:
    return {s.name: (i, s) for i, slide in enumerate(prs.slides) for s in slide.shapes}


def test_a_deck_alone_is_written_without_qt(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    done = subprocess.run([sys.executable, "-c", NO_QT, "--db", str(db_path), "export", "--all",
                           "--format", "pptx", "--out", str(out), "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert sorted(result["files"]) == ["manifest.json", "pack.pptx"]
    assert result["deck"]["pictures"] == {} and len(result["deck"]["native"]) == 15
    info = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    deck = next(f for f in info["files"] if f["file"] == "pack.pptx")
    assert len(deck["charts"]) == 15 and deck["sha256"]
    assert {h["chart"] for h in info["held_back"]} == {"ai_capex", "ai_capex_share"}


def _add_point(db: Path, sid: str, day: str, value: float) -> None:
    with Cache.open(db) as cache:
        meta = cache.series.metas()[sid]
        frame = pd.DataFrame({"date": pd.to_datetime([day]), "value": [value]})
        cache.series.write_bundles([SeriesBundle(meta, frame)], how="import")


def test_she_exports_edits_in_powerpoint_and_refreshes_with_update(db_path: Path, tmp_path: Path,
                                                                   capsys) -> None:
    out = tmp_path / "pack"
    assert main(["--db", str(db_path), "export", "--all", "--format", "pptx", "--out", str(out)]) == 0
    deck_path = out / "pack.pptx"
    prs = Presentation(str(deck_path))
    found = names(prs)
    # the first pages are the note's coverage table and Update Chart page
    assert found["qnai:table:watchlist"][0] == 1
    assert prs.slides[2].shapes.title.text_frame.text == "Update Chart"
    # every chart editable, with its data; the 7/1 event on the CDS chart
    charts = [s for n, (_, s) in found.items() if n.startswith("qnai:chart:")]
    assert charts and all(c.has_chart and c.chart.part.chart_workbook.xlsx_part for c in charts)
    slide_no, cds = found["qnai:chart:cds_oracle_coreweave"]
    labels = [s.text_frame.text for s in prs.slides[slide_no].shapes
              if s.name.startswith("qnai:ann:cds_oracle_coreweave:") and s.name.endswith(":label")]
    assert labels == ["7/1 Meta 컴퓨트 외부 판매 보도"]

    # she adds a comment box and moves the chart
    comment = prs.slides[slide_no].shapes.add_textbox(Inches(1), Inches(6.9), Inches(6), Inches(0.4))
    comment.text_frame.text = "코어위브 CDS 재확대 — 다음 주 점검"
    cds.left, cds.top = cds.left + Inches(0.4), cds.top + Inches(0.2)
    where = (cds.left, cds.top, cds.width, cds.height)
    prs.save(str(deck_path))

    _add_point(db_path, "cds.coreweave_5y", "2026-08-03", 777.0)
    capsys.readouterr()
    assert main(["--db", str(db_path), "export", "--all", "--format", "pptx", "--update",
                 str(deck_path)]) == 0
    said = capsys.readouterr().out
    assert f"updated 15 chart(s) in {deck_path}" in said and "pack.pptx.bak" in said

    prs = Presentation(str(deck_path))
    found = names(prs)
    slide_no, cds = found["qnai:chart:cds_oracle_coreweave"]
    assert (cds.left, cds.top, cds.width, cds.height) == where
    assert cds.chart.series[0].values[-1] == 777.0
    texts = [s.text_frame.text for s in prs.slides[slide_no].shapes if s.has_text_frame]
    assert "코어위브 CDS 재확대 — 다음 주 점검" in texts
    assert (out / "pack.pptx.bak").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


@pytest.mark.parametrize(("args", "message"), [
    (["--update", "nowhere.pptx"], "no such deck"),
    (["--format", "png", "--update", "{deck}"], "add pptx to --format"),
    (["--format", "pptx,png", "--update", "{deck}"], "--out is needed"),
    (["--format", "pptx"], "--out is needed"),
    (["--update", "{notdeck}"], "not a .pptx deck"),
])
def test_update_mistakes_are_one_sentence(args, message, db_path: Path, tmp_path: Path, capsys) -> None:
    deck = tmp_path / "d.pptx"
    Presentation().save(str(deck))
    notdeck = tmp_path / "d.key"
    notdeck.write_text("x")
    args = [a.format(deck=deck, notdeck=notdeck) for a in args]
    assert main(["--db", str(db_path), "export", "--all", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err


def test_one_workbook_with_a_sheet_and_a_native_chart_per_chart(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    assert main(["--db", str(db_path), "export", "--all", "--format", "xlsx", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "pack.xlsx"]
    wb = openpyxl.load_workbook(out / "pack.xlsx")
    assert wb.sheetnames[0] == "정보" and "cds_oracle_coreweave" in wb.sheetnames
    assert all(len(n) <= 31 for n in wb.sheetnames) and len(set(wb.sheetnames)) == len(wb.sheetnames)
    info = {r[0]: r for r in wb["정보"].iter_rows(min_row=2, values_only=True)}
    assert info["cds_oracle_coreweave"][6] == "예시 데이터 — 실제 자료 아님"
    assert info["ai_lab_arr"][6] == "아니오" and str(info["ai_lab_arr"][7]).startswith("오래된 데이터")
    assert info["ai_capex"][8].startswith("보류 (데이터 없음)")
    sheet = wb["cds_oracle_coreweave"]
    assert sheet["A5"].value == "날짜" and sheet["B5"].value == "CoreWeave 5Y"
    assert sheet["A6"].value.date() == date(2025, 1, 1) and isinstance(sheet["B6"].value, int | float)
    assert sheet["D5"].value == "예시 데이터" and sheet["D6"].value == "예"
    # the chart object is there (openpyxl reads charts back only as drawings: check the part)
    import zipfile

    with zipfile.ZipFile(out / "pack.xlsx") as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == len(wb.sheetnames) - 1
        assert b"logBase" in b"".join(z.read(n) for n in charts)  # the log chart stays log


def test_pictures_when_asked_for(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    done = subprocess.run([sys.executable, "-m", "qnai_desktop.cli", "--db", str(db_path), "export",
                           "--chart", "meta_ads", "cds_oracle_coreweave", "--format", "pptx,png",
                           "--pptx-charts", "picture", "--out", str(out), "--json"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(json.loads(done.stdout)["files"]) == [
        "cds_oracle_coreweave.png", "manifest.json", "meta_ads.png", "pack.pptx"]
    found = names(Presentation(str(out / "pack.pptx")))
    for cid in ("meta_ads", "cds_oracle_coreweave"):
        shape = found[f"qnai:chart:{cid}"][1]
        assert not getattr(shape, "has_chart", False) and shape.image.content_type == "image/png"
        assert "기준: " in found[f"qnai:stamp:{cid}"][1].text_frame.text


@pytest.mark.slow
def test_libreoffice_opens_and_draws_every_slide(db_path: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-impress")
    out = tmp_path / "pack"
    assert main(["--db", str(db_path), "export", "--all", "--format", "pptx", "--out", str(out)]) == 0
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(out / "pack.pptx")],
                          capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "pack.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    slides = len(Presentation(str(out / "pack.pptx")).slides)
    pdfinfo, pdftoppm = shutil.which("pdfinfo"), shutil.which("pdftoppm")
    if pdfinfo is None or pdftoppm is None:
        return  # poppler-utils not installed: LibreOffice converting the deck is what we can check
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    assert f"Pages: {slides}" in " ".join(info.split())
    subprocess.run([pdftoppm, "-png", "-r", "40", "-f", "3", "-l", "3", str(pdf), str(tmp_path / "s")],
                   check=True, timeout=120)
    from PIL import Image

    image = Image.open(next(tmp_path.glob("s-*3.png"))).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50  # six charts drawn, not an empty page
