"""A damaged cache is refused clearly and the newest usable backup can take its place."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from qnai_desktop.cli import main
from qnai_desktop.services.backups import auto_backup, backups_of, newest_usable_backup, restore
from qnai_desktop.store.cache import Cache
from qnai_desktop.store.db import backup_file
from qnai_desktop.store.errors import CorruptCacheError


def _checkpointed(path: Path) -> None:
    with Cache.open(path) as c:
        c.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_truncated_file_is_refused_with_a_clear_message(db_path: Path) -> None:
    _checkpointed(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(CorruptCacheError, match="truncated"):
        Cache.open(db_path)


def test_garbage_after_a_valid_header_is_refused(db_path: Path) -> None:
    _checkpointed(db_path)
    data = bytearray(db_path.read_bytes())
    data[4096:] = b"\xde\xad\xbe\xef" * ((len(data) - 4096) // 4)
    db_path.write_bytes(bytes(data))
    with pytest.raises(CorruptCacheError):
        Cache.open(db_path)


def test_rolling_auto_backups_and_restore(db_path: Path) -> None:
    first = auto_backup(db_path, keep=2)
    assert first is not None
    assert auto_backup(db_path, keep=2) is None  # fresh enough: no second copy today
    for _ in range(3):
        time.sleep(0.01)
        backup_file(db_path, "auto", keep=2)
    assert len(backups_of(db_path)) == 2
    _checkpointed(db_path)
    db_path.write_bytes(b"garbage" * 1000)
    newest = newest_usable_backup(db_path)
    assert newest is not None
    damaged = restore(db_path, newest)
    assert damaged.read_bytes().startswith(b"garbage")
    with Cache.open(db_path) as c:
        assert len(c.companies()) == 8


def test_cli_names_the_damage_and_restores(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    backup_file(db_path, "auto")
    _checkpointed(db_path)
    db_path.write_bytes(b"\x00" * 5000)
    assert main(["--db", str(db_path), "watchlist"]) == 2
    err = capsys.readouterr().err
    assert "not an SQLite database" in err and "cache restore" in err
    assert main(["--db", str(db_path), "cache", "restore"]) == 0
    assert main(["--db", str(db_path), "cache", "check"]) == 0
    assert main(["--db", str(db_path), "watchlist", "--json"]) == 0
