"""Every command that writes files: an output path problem is ONE line and exit 2, nothing left.

``export --out DIR``, ``watchlist export --out FILE`` and ``screenshot --out FILE`` with a name
too long, a read-only folder, a file where a folder should be and a folder where the file should
be; a missing folder is created by all three (the policy of services.output_paths).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qnai_desktop.cli import main

ROOT = Path(__file__).resolve().parents[1]
LONG = "x" * 300


def command(kind: str, db: Path, out: Path) -> list[str]:
    return {"export": ["--db", str(db), "export", "--chart", "meta_ads", "--format", "csv",
                       "--out", str(out)],
            "watchlist": ["--db", str(db), "watchlist", "export", "--out", str(out)],
            "screenshot": ["--db", str(db), "screenshot", "--tab", "watchlist", "--out", str(out)],
            }[kind]


def target(kind: str, folder: Path, name: str = "") -> Path:
    """The output path of ``kind`` inside ``folder`` (a folder for export, a file otherwise)."""
    return folder / (name or {"export": "pack", "watchlist": "w.xlsx", "screenshot": "w.png"}[kind])


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def run_in_process(args: list[str], capsys) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


KINDS = ["export", "watchlist", "screenshot"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_name_too_long(kind: str, db_path: Path, tmp_path: Path, capsys) -> None:
    work = tmp_path / "work"
    work.mkdir()
    out = target(kind, work / LONG)
    code, err = run_in_process(command(kind, db_path, out), capsys)
    assert (code, err) == (2, f"error: cannot write {out}: the name is too long\n")
    assert listing(work) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_where_a_folder_should_be(kind: str, db_path: Path, tmp_path: Path, capsys) -> None:
    work = tmp_path / "work"
    work.mkdir()
    blocker = work / "notes.txt"
    blocker.write_text("x")
    out = target(kind, blocker)
    code, err = run_in_process(command(kind, db_path, out), capsys)
    assert (code, err) == (2, f"error: cannot write {out}: {blocker} is a file, not a folder\n")
    assert listing(work) == ["notes.txt"]


@pytest.mark.parametrize("kind", ["watchlist", "screenshot"])
def test_a_folder_where_the_file_should_be(kind: str, db_path: Path, tmp_path: Path, capsys) -> None:
    out = target(kind, tmp_path / "work")
    out.mkdir(parents=True)
    code, err = run_in_process(command(kind, db_path, out), capsys)
    assert (code, err) == (2, f"error: cannot write {out}: a folder of that name is in the way\n")
    assert listing(tmp_path / "work") == [out.name]


@pytest.mark.parametrize("kind", KINDS)
def test_a_read_only_folder(kind: str, db_path: Path, tmp_path: Path, unprivileged) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    out = target(kind, ro / "sub")  # a missing folder inside a read-only one
    ro.chmod(0o555)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(unprivileged([sys.executable, "-m", "qnai_desktop.cli",
                                        *command(kind, db_path, out)]),
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"error: cannot write {out}: the folder is read-only\n"
    assert "Traceback" not in done.stdout and listing(ro) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_folder_is_created(kind: str, db_path: Path, tmp_path: Path, capsys) -> None:
    out = target(kind, tmp_path / "new" / "deeper")
    assert main(command(kind, db_path, out)) == 0, capsys.readouterr().err
    written = out / "manifest.json" if kind == "export" else out
    assert written.is_file() and written.stat().st_size > 0
    assert not [p for p in tmp_path.rglob(".qnai-*")]  # no temporary or staging file left
