"""services.output_paths: every output path problem is one sentence, and nothing is left behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qnai_desktop.services.bundle_io import write_bundles
from qnai_desktop.services.output_paths import (
    OutputPathError,
    atomic_output,
    check_output_dir,
    check_output_file,
    describe_os_error,
    remove_created,
)

LONG = "x" * 300  # over NAME_MAX (255 bytes) on every common file system


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(("code", "reason"), [
    (errno.ENAMETOOLONG, "the name is too long"), (errno.EACCES, "the folder is read-only"),
    (errno.EPERM, "the folder is read-only"), (errno.EROFS, "the drive is read-only"),
    (errno.ENOSPC, "the disk is full"), (errno.EISDIR, "a folder of that name is in the way"),
    (errno.ENOENT, "the folder does not exist"), (errno.EIO, os.strerror(errno.EIO))])
def test_each_os_error_has_one_reason(code: int, reason: str) -> None:
    assert describe_os_error(OSError(code, os.strerror(code))) == reason


def test_a_missing_folder_is_created_and_can_be_removed_again(tmp_path: Path) -> None:
    created = check_output_dir(tmp_path / "a" / "b")
    assert created == [tmp_path / "a" / "b", tmp_path / "a"] and (tmp_path / "a" / "b").is_dir()
    assert listing(tmp_path) == ["a", "a/b"]  # the write probe is gone
    remove_created(created)
    assert listing(tmp_path) == []


@pytest.mark.parametrize("where", ["folder", "file"])
def test_a_name_too_long_is_refused_before_anything_is_created(tmp_path: Path, where: str) -> None:
    path = tmp_path / "new" / LONG / "out.png" if where == "folder" else tmp_path / "new" / f"{LONG}.png"
    with pytest.raises(OutputPathError) as caught:
        check_output_file(path)
    assert str(caught.value) == f"cannot write {path}: the name is too long"
    assert caught.value.kind == "name_too_long" and listing(tmp_path) == []


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    target = blocker / "deeper" / "w.csv"
    with pytest.raises(OutputPathError) as caught:
        check_output_file(target)
    assert str(caught.value) == f"cannot write {target}: {blocker} is a file, not a folder"
    assert listing(tmp_path) == ["notes.txt"]


def test_a_folder_where_the_file_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "w.xlsx").mkdir()
    with pytest.raises(OutputPathError, match=r"w\.xlsx: a folder of that name is in the way"):
        check_output_file(tmp_path / "w.xlsx")


def test_atomic_output_writes_whole_files_with_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_output(tmp_path / "sub" / "w.csv") as tmp:
            assert tmp.parent == tmp_path / "sub" and tmp.suffix == ".csv"
            tmp.write_text("a,b\n")
            assert listing(tmp_path) == ["sub", f"sub/{tmp.name}"]  # not under the real name yet
    finally:
        os.umask(old)
    assert listing(tmp_path) == ["sub", "sub/w.csv"]
    assert (tmp_path / "sub" / "w.csv").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("failure", [RuntimeError("renderer crashed"),
                                     OSError(errno.ENOSPC, "No space left on device")])
def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, failure: Exception) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    target = tmp_path / "new" / "w.csv"
    with pytest.raises((RuntimeError, OutputPathError)) as caught, atomic_output(target) as tmp:
        tmp.write_text("half")
        raise failure
    assert listing(tmp_path) == ["keep.txt"]
    if isinstance(failure, OSError):
        assert str(caught.value) == f"cannot write {target}: the disk is full"


def test_bundle_files_name_the_path_they_cannot_write(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("x")
    with pytest.raises(OutputPathError, match=r"cannot write .*/data/series: .*/data is a file"):
        write_bundles([], blocker / "series", "epoch_ai")


def test_a_read_only_folder_is_named(tmp_path: Path, unprivileged) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    code = ("import sys; from qnai_desktop.services.output_paths import OutputPathError, "
            "check_output_file\ntry: check_output_file(sys.argv[1])\n"
            "except OutputPathError as e: print(e)")
    done = subprocess.run(unprivileged([sys.executable, "-c", code, str(folder / "w.csv")]),
                          capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.stdout == f"cannot write {folder / 'w.csv'}: the folder is read-only\n", done.stderr
    assert listing(folder) == []
