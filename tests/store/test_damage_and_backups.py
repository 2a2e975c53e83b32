"""Damage is recognised by SQLite itself, never guessed; every damaged path ends in one sentence
and a restore that keeps everything; writes refuse to go into a damaged file."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from cache_files import checkpointed, damage_middle, dump

from qnai_desktop.services.backups import (
    RestoreRefused,
    auto_backup,
    backups_of,
    newest_usable_backup,
    restore,
)
from qnai_desktop.store import health
from qnai_desktop.store.cache import Cache
from qnai_desktop.store.db import backup_file
from qnai_desktop.store.errors import CorruptCacheError, NotACacheError


def test_a_truncated_file_is_called_damaged_by_sqlite(db_path: Path) -> None:
    checkpointed(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(CorruptCacheError, match=r"cache file is damaged \(SQLite: database disk"):
        Cache.open(db_path)


def test_a_file_that_is_not_sqlite_is_named_so(db_path: Path) -> None:
    db_path.write_bytes(b"date,value\n2026-07-01,1\n" * 300)
    with pytest.raises(CorruptCacheError, match="not an SQLite database"):
        Cache.open(db_path)


def test_mid_file_damage_refuses_every_write_and_names_itself(db_path: Path) -> None:
    damage_middle(db_path)
    cache = Cache.open(db_path)  # header and schema are intact: opening works
    try:
        with pytest.raises(CorruptCacheError, match=r"damaged .*nothing was written"):
            cache.settings.set("after.damage", "1")
        assert health.damage_of(db_path) is not None
        # a second write in the same process refuses at once, without another check
        with pytest.raises(CorruptCacheError):
            cache.settings.set("again", "1")
    finally:
        cache.close()


def test_a_healthy_file_is_never_called_truncated_while_another_process_writes(
        db_path: Path, tmp_path: Path) -> None:
    """The old size-vs-header check refused 8% of opens during a checkpoint by another process."""
    import subprocess
    import sys
    import textwrap

    writer = textwrap.dedent("""
        import sys, numpy as np, pandas as pd
        from qnai_desktop.core.series import SeriesBundle, SeriesMeta
        from qnai_desktop.store.cache import Cache
        c = Cache.open(sys.argv[1])
        for i in range(40):
            meta = SeriesMeta(id=f"load.{i}", title_ko="부하", title_en="Load", unit="count",
                              frequency="D", source="test")
            n = 4000
            frame = pd.DataFrame({"date": pd.date_range("1990-01-01", periods=n, freq="D"),
                                  "value": np.arange(n, dtype=float) + i})
            c.series.write_bundles([SeriesBundle(meta, frame)], how="import", origin="load.csv")
            c.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        print("done", flush=True)
    """)
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", writer, str(db_path)], cwd=root,
                            stdout=subprocess.PIPE, text=True)
    refused = opens = 0
    try:
        while proc.poll() is None:
            try:
                Cache.open(db_path).close()
            except CorruptCacheError:
                refused += 1
            opens += 1
    finally:
        proc.wait(timeout=120)
    assert proc.returncode == 0
    assert opens >= 10
    assert refused == 0, f"{refused} of {opens} opens called a healthy cache damaged"


def test_an_empty_file_beside_backups_is_damage_not_a_new_cache(db_path: Path) -> None:
    backup_file(db_path, "auto")
    db_path.write_bytes(b"")
    with pytest.raises(CorruptCacheError, match="empty"):
        Cache.open(db_path)
    kept = restore(db_path, newest_usable_backup(db_path))
    assert kept is not None and kept.stat().st_size == 0
    with Cache.open(db_path) as c:
        assert len(c.watchlist.companies()) == 8


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    before = dump(other)
    with pytest.raises(NotACacheError, match="invoices"):
        Cache.open(other)
    assert dump(other) == before


def test_rolling_auto_backups_and_restore(db_path: Path) -> None:
    first = auto_backup(db_path, keep=2)
    assert first is not None
    assert auto_backup(db_path, keep=2) is None  # fresh enough: no second copy today
    for _ in range(3):
        time.sleep(0.01)
        backup_file(db_path, "auto", keep=2)
    assert len(backups_of(db_path)) == 2
    checkpointed(db_path)
    db_path.write_bytes(b"garbage" * 1000)
    kept = restore(db_path, newest_usable_backup(db_path))
    assert kept.read_bytes().startswith(b"garbage")
    with Cache.open(db_path) as c:
        assert len(c.watchlist.companies()) == 8


def test_a_damaged_cache_is_not_backed_up(db_path: Path) -> None:
    backup_file(db_path, "auto")
    damage_middle(db_path)
    with pytest.raises(CorruptCacheError, match="no backup was taken"):
        backup_file(db_path, "auto")
    assert len(backups_of(db_path)) == 1


def test_three_restores_in_a_row_keep_every_replaced_file(db_path: Path) -> None:
    backup_file(db_path, "auto")
    kept = []
    for i in range(3):
        checkpointed(db_path) if i == 0 else None
        db_path.write_bytes(f"damaged copy {i}".encode() * 500)
        kept.append(restore(db_path, newest_usable_backup(db_path)))
    assert len(set(kept)) == 3
    assert [k.read_bytes()[:14] for k in kept] == [f"damaged copy {i}".encode() for i in range(3)]


def test_restore_refuses_a_source_that_is_not_a_cache_and_changes_nothing(
        db_path: Path, tmp_path: Path) -> None:
    damage_middle(db_path)
    before = db_path.read_bytes()
    garbage = tmp_path / "garbage.csv"
    garbage.write_text("date,value\n2026-07-01,1\n")
    with pytest.raises(RestoreRefused, match="not an SQLite database"):
        restore(db_path, garbage)
    assert db_path.read_bytes() == before
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_restore_over_a_healthy_cache_needs_force(db_path: Path) -> None:
    backup = backup_file(db_path, "auto")
    with Cache.open(db_path) as c:
        c.settings.set("after.backup", "kept")
    with pytest.raises(RestoreRefused, match=r"healthy.*--force"):
        restore(db_path, backup)
    with Cache.open(db_path) as c:
        assert c.settings.get("after.backup") == "kept"
    kept = restore(db_path, backup, force=True)
    with Cache.open(kept) as c:
        assert c.settings.get("after.backup") == "kept"


def test_restore_refuses_while_this_process_has_the_cache_open(db_path: Path) -> None:
    backup = backup_file(db_path, "auto")
    damage_middle(db_path)
    cache = Cache.open(db_path)
    try:
        with pytest.raises(RestoreRefused, match="still has the cache open"):
            restore(db_path, backup)
    finally:
        cache.close()
    assert restore(db_path, backup) is not None
