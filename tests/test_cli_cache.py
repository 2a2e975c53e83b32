"""`qnai-desktop` on a cache in every bad state: one sentence and exit 2, never a traceback,
and the cache left exactly as it was; `cache restore` that never loses a file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from cache_files import damage_middle, dump

from qnai_desktop.store.cache import Cache
from qnai_desktop.store.db import backup_file

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, db: Path, env: dict | None = None, user: str | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qnai_desktop.cli", "--db", str(db), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout, user=user,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})


def one_sentence(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr


def test_mid_file_damage_gives_sentences_and_refuses_imports(db_path: Path, tmp_path: Path,
                                                             capsys) -> None:
    backup_file(db_path, "auto")
    with Cache.open(db_path) as c:
        ids = c.series.ids()
    damage_middle(db_path)
    before = db_path.read_bytes()
    listed = cli("series", "list", db=db_path)  # reads the kept counts, not the damaged pages
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    import qnai_desktop.cli as qcli  # every read that meets the damage ends in the sentence

    outcomes = []
    for sid in ids:
        code = qcli.main(["--db", str(db_path), "series", "show", sid, "--csv"])
        err = capsys.readouterr().err
        assert code == 0 or ("damaged" in err and "cache restore" in err), err
        outcomes.append(code)
    assert 2 in outcomes and set(outcomes) <= {0, 2}
    csv = tmp_path / "new.csv"
    csv.write_text("date,new series\n2026-07-01,1\n2026-07-02,2\n")
    err = one_sentence(cli("import", str(csv), db=db_path))
    assert "damaged" in err and "nothing was written" in err
    err = one_sentence(cli("screenshot", "--tab", "charts", "--out", str(tmp_path / "s.png"),
                           db=db_path))
    assert "damaged" in err
    assert db_path.read_bytes() == before
    assert cli("cache", "check", db=db_path).returncode == 1
    restored = cli("cache", "restore", db=db_path)
    assert restored.returncode == 0, restored.stderr
    assert cli("cache", "check", db=db_path).returncode == 0
    assert cli("series", "list", db=db_path).returncode == 0


def test_three_cli_restores_in_a_row_keep_each_damaged_original(db_path: Path) -> None:
    backup_file(db_path, "auto")
    for i in range(3):
        db_path.write_bytes(f"damaged {i} ".encode() * 400)
        result = cli("cache", "restore", db=db_path)
        assert result.returncode == 0, result.stderr
    kept = sorted(db_path.parent.glob("cache.sqlite.damaged-*"))
    assert len(kept) == 3
    assert sorted(k.read_bytes()[:9] for k in kept) == [b"damaged 0", b"damaged 1", b"damaged 2"]


def test_restore_from_garbage_or_over_a_healthy_cache_is_refused(db_path: Path,
                                                                 tmp_path: Path) -> None:
    backup = backup_file(db_path, "auto")
    garbage = tmp_path / "garbage.csv"
    garbage.write_text("a,b\n1,2\n")
    before = dump(db_path)
    err = one_sentence(cli("cache", "restore", "--from", str(garbage), db=db_path))
    assert "not an SQLite database" in err
    err = one_sentence(cli("cache", "restore", db=db_path))
    assert "healthy" in err and "--force" in err
    assert dump(db_path) == before
    assert not list(tmp_path.glob("*.damaged-*"))
    forced = cli("cache", "restore", "--from", str(backup), "--force", db=db_path)
    assert forced.returncode == 0 and "kept as" in forced.stdout


def test_restore_refuses_while_another_program_has_the_cache_open(db_path: Path) -> None:
    backup_file(db_path, "auto")
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys
            from qnai_desktop.store.cache import Cache
            c = Cache.open(sys.argv[1]); c.watchlist.companies()
            print("open", flush=True); sys.stdin.readline(); c.close()
        """), str(db_path)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        err = one_sentence(cli("cache", "restore", "--force", db=db_path))
        assert "open in another program" in err
    finally:
        holder.communicate("\n", timeout=30)
    assert not list(db_path.parent.glob("*.damaged-*"))


def test_a_read_only_cache_is_not_called_damaged(db_path: Path) -> None:
    """An immutable file (chattr +i) is read-only even for root, who ignores permissions."""
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(db_path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (needs CAP_LINUX_IMMUTABLE)")
    try:
        listed = cli("series", "list", db=db_path)
        result = cli("alerts", "add", "--name", "x", "--series", "cds.oracle_5y", "--above", "1",
                     db=db_path)
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=True)
    assert listed.returncode == 0, listed.stderr  # reading a read-only cache works
    err = one_sentence(result)
    assert "read-only" in err and "not damaged" in err and "restore" not in err


HOLDER = textwrap.dedent("""
    import sys, time
    from qnai_desktop.store.cache import Cache
    c = Cache.open(sys.argv[1])
    c.db.conn.execute("BEGIN IMMEDIATE")
    c.db.execute("INSERT OR REPLACE INTO settings VALUES ('holder', '1')")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    c.db.conn.execute("COMMIT")
    c.close()
""")


def _hold(db: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_write_waits_for_another_writer_and_says_so(db_path: Path) -> None:
    holder = _hold(db_path, 5)  # longer than the CLI takes to start, even on a loaded machine
    try:
        started = time.monotonic()
        result = cli("alerts", "add", "--name", "after wait", "--series", "cds.oracle_5y",
                     "--above", "1", db=db_path, env={"QNAI_BUSY_TIMEOUT_S": "20"})
    finally:
        holder.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    assert "waiting for another program writing the cache" in result.stderr
    assert time.monotonic() - started < 20


def test_a_writer_holding_the_lock_past_the_bound_gives_a_sentence(db_path: Path) -> None:
    holder = _hold(db_path, 8)
    try:
        before = time.monotonic()
        result = cli("alerts", "add", "--name", "too late", "--series", "cds.oracle_5y",
                     "--above", "1", db=db_path, env={"QNAI_BUSY_TIMEOUT_S": "2"})
        waited = time.monotonic() - before
    finally:
        holder.kill()
        holder.wait(timeout=30)
    err = one_sentence(result)
    assert "waiting for another program" in err and "locked for more than 2 s" in err
    assert waited < 7


def test_the_cache_file_itself_is_never_read_as_an_import(db_path: Path) -> None:
    """Reading the open cache's bytes would drop this process's locks; both importers refuse."""
    before = dump(db_path)
    for args in (["import", str(db_path)], ["import", str(db_path) + "-wal"],
                 ["watchlist", "import", str(db_path)]):
        if args[1].endswith("-wal") and not Path(args[1]).exists():
            Path(args[1]).write_bytes(b"")
        result = cli(*args, db=db_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "open Q&AI cache file" in result.stderr
    assert dump(db_path) == before
