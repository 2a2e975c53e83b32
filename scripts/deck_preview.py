"""Render one slide of the note's deck, as the app writes it, to a PNG for the README.

A fresh cache seeded with the note's data → ``qnai-desktop export --all --format pptx`` (native
charts, no Qt) → LibreOffice → PDF → ``pdftoppm`` → ``docs/deck-<slide>.png``. Needs
``soffice`` (``apt-get install libreoffice-impress``) and ``pdftoppm`` (``poppler-utils``).

    .venv/bin/python scripts/deck_preview.py [--slide 3] [--lang ko] [--out docs/deck-update-chart.png]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slide", type=int, default=3, help="slide number (3: Update Chart)")
    parser.add_argument("--lang", choices=["ko", "en"], default="ko")
    parser.add_argument("--dpi", type=int, default=110)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "deck-update-chart.png")
    args = parser.parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        print("error: needs soffice (libreoffice-impress) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="qnai-deck-") as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, "-m", "qnai_desktop.cli", "--db", str(work / "c.sqlite"),
                        "export", "--all", "--format", "pptx", "--lang", args.lang, "--out",
                        str(work / "pack")], cwd=ROOT, check=True, capture_output=True)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/lo",
                        "--convert-to", "pdf", "--outdir", str(work), str(work / "pack" / "pack.pptx")],
                       check=True, capture_output=True)
        subprocess.run([pdftoppm, "-png", "-r", str(args.dpi), "-f", str(args.slide), "-l",
                        str(args.slide), "-singlefile", str(work / "pack.pdf"), str(work / "slide")],
                       check=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(work / "slide.png", args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
