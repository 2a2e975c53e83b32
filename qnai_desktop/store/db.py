"""Opening the cache file: pragmas, damage reported by SQLite, busy waits, migrations.

Nothing here opens the cache file except SQLite (see ``health``): a file that is not SQLite, is
truncated or has damaged pages is recognised by SQLite's own checks, under its locks, so a file
another process is checkpointing is never mistaken for a truncated one.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from ..paths import default_db_path  # noqa: F401 - re-exported: callers import it from here
from . import health
from .errors import CorruptCacheError, NewerSchemaError, NotACacheError
from .migrations import MIGRATIONS, SCHEMA_VERSION

DEFAULT_BUSY_TIMEOUT_S = 30.0
#: While waiting for the write lock, try again this often (and say once that we wait).
_BUSY_POLL_MS = 250
WAITING_MESSAGE = "waiting for another program writing the cache…"

BusyListener = Callable[[bool], None]  # True: started waiting for the write lock; False: got it
_busy_listeners: list[BusyListener] = []


def busy_timeout_s() -> float:
    """How long a write waits for another program's write lock: ``QNAI_BUSY_TIMEOUT_S`` (≥ 1),
    else 30 s."""
    try:
        return max(1.0, float(os.environ.get("QNAI_BUSY_TIMEOUT_S", "")))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_S


def add_busy_listener(listener: BusyListener) -> None:
    """Be told when a write of this process starts and stops waiting for another writer."""
    _busy_listeners.append(listener)


def remove_busy_listener(listener: BusyListener) -> None:
    if listener in _busy_listeners:
        _busy_listeners.remove(listener)


def _announce_wait(waiting: bool) -> None:
    for listener in list(_busy_listeners):
        try:
            listener(waiting)
        except Exception:  # a listener must never break a write
            pass


def backups_folder(path: Path) -> Path:
    return path.parent / "backups"


def backup_files(path: Path) -> list[Path]:
    """Backups of ``path``, newest first (file names only; none is opened)."""
    folder = backups_folder(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}.*.sqlite"), key=lambda p: p.stat().st_mtime,
                  reverse=True)


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) a connection with WAL, foreign keys and a busy timeout.

    The connection is in autocommit mode; writes go through :func:`write_txn`. Raises a
    :class:`StoreError` subclass with a sentence for every way the file can be unusable.
    """
    path = Path(path)
    memory = str(path) == ":memory:"
    if not memory:
        _check_location(path)
    timeout = busy_timeout_s()
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise health.classify(exc, path) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # The first read transaction: SQLite checks the header, and that the page count the
        # header states fits in the file (else SQLITE_CORRUPT), under its own locks.
        conn.execute("PRAGMA schema_version").fetchone()
        _refuse_newer(conn, path)  # before WAL: switching journal mode writes the file header
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except NewerSchemaError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise health.classify(exc, path) from exc
    # No sqlite-utils plugins: third-party code installed beside us must not alter the cache's
    # connection (and scanning every installed package's entry points costs ~50 ms at start-up).
    db = sqlite_utils.Database(conn, execute_plugins=False)
    if not memory:
        health.track(path, db)
    return db


def _check_location(path: Path) -> None:
    """Refuse, before SQLite creates anything, what we can tell from names and sizes alone (no
    file is opened): a folder where the file should be, and an EMPTY cache beside backups of it
    (a cache truncated to nothing is damage, not a new cache to seed)."""
    from .errors import CacheAccessError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheAccessError(f"{path}: cannot create its folder ({exc.strerror})") from exc
    if path.is_dir():
        raise CacheAccessError(f"{path}: is a folder, not a cache file; choose a file with --db")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0 and backup_files(path):
        health.mark_damaged(path, "empty file")
        raise CorruptCacheError(
            f"{path}: the cache file is empty (0 bytes) although backups of it exist in "
            f"{backups_folder(path)}: it was truncated")


def _refuse_newer(conn: sqlite3.Connection, path: Path) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path}: written by a newer Q&AI Desktop (schema {version}; this build "
            f"reads up to {SCHEMA_VERSION}). Update the app; the file was not changed."
        )


def main_file(conn: sqlite3.Connection) -> str:
    """The path of the connection's main database file ('' in memory)."""
    for _seq, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or ""
    return ""


def user_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


@contextmanager
def write_txn(db: sqlite_utils.Database, bulk: bool = False) -> Iterator[sqlite_utils.Database]:
    """One write transaction: BEGIN IMMEDIATE takes the write lock up front so a concurrent
    writer waits on the busy timeout instead of failing with SQLITE_BUSY mid-transaction.

    ``bulk=True`` is for writes that only upsert series rows and then their observations (imports,
    refreshes): foreign-key enforcement is paused for the transaction, because each observation's
    parent row is written first in the same transaction and SQLite's per-row parent lookup cost
    ~0.3–0.5 s per million rows (benchmarks/bench_import.py). Nothing that relies on ON DELETE
    CASCADE may run in a bulk transaction. Enforcement is back on before the connection is reused.
    """
    conn = db.conn
    if conn.in_transaction:  # nested: a savepoint inside the outer transaction
        with db.atomic():
            yield db
        return
    path = main_file(conn)
    if path:
        health.verify(conn, path)  # quick_check once per process; never write into damage
    if bulk:
        conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction, so set it first
    try:
        with _outer_txn(conn, path):
            yield db
    finally:
        if bulk:
            conn.execute("PRAGMA foreign_keys = ON")


def _begin_immediate(conn: sqlite3.Connection, path: str) -> None:
    """BEGIN IMMEDIATE, waiting up to the busy bound for another writer; listeners hear once
    that we wait (the CLI prints it, the window shows it) and once that we stopped."""
    bound = busy_timeout_s()
    deadline = time.monotonic() + bound
    waiting = False
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_POLL_MS}")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not health.is_busy(exc):
                    raise health.classify(exc, path or None) from exc
                if time.monotonic() >= deadline:
                    raise health.classify(exc, path or None, waited_s=bound) from exc
                if not waiting:
                    waiting = True
                    _announce_wait(True)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(bound * 1000)}")
        if waiting:
            _announce_wait(False)


@contextmanager
def _outer_txn(conn: sqlite3.Connection, path: str = "") -> Iterator[None]:
    _begin_immediate(conn, path)
    try:
        yield
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise health.classify(exc, path or None) from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:  # a failed ROLLBACK (damage, I/O) leaves SQLite to roll back itself
            pass


def backup_file(path: Path, tag: str, keep: int = 5) -> Path | None:
    """Copy the cache (consistently, via SQLite's backup API) to ``backups/`` and prune old ones.

    A damaged file is not backed up (CorruptCacheError): a copy of damage would crowd the
    usable backups out of the rolling set."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = backups_folder(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    dest = folder / f"{path.stem}.{tag}.{stamp}.sqlite"
    src = sqlite3.connect(str(path), timeout=busy_timeout_s())
    try:
        result = health.quick_check(src)
        if result != "ok":
            health.mark_damaged(path, result)
            raise CorruptCacheError(f"{path}: the cache file is damaged (SQLite: {result}); "
                                    "no backup was taken")
        dst = sqlite3.connect(str(dest))
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        dest.unlink(missing_ok=True)
        raise health.classify(exc, path) from exc
    finally:
        src.close()
    backups = backup_files(path)
    for old in backups[keep:] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return dest


def migrate(db: sqlite_utils.Database, path: Path | None, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema to ``target``; back up first if the file had data. Returns the old version.

    Raises NewerSchemaError, touching nothing, when the file is newer than this build, and
    NotACacheError when the file is another program's SQLite database.
    """
    current = user_version(db)
    _refuse_newer(db.conn, path or Path("cache"))
    if current >= target:
        return current
    if current == 0:
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " LIMIT 3").fetchall()]
        if tables:
            raise NotACacheError(
                f"{path}: an SQLite database of another program (tables {', '.join(tables)}), "
                "not a Q&AI cache; it was not changed. Choose another file with --db.")
    if path is not None and current > 0:
        backup_file(path, f"pre-v{target}")
    for version in range(current, target):
        with write_txn(db):
            for stmt in MIGRATIONS[version]:
                db.execute(stmt)
            db.execute(f"PRAGMA user_version = {version + 1}")
    return current
