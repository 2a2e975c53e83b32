"""Opening the cache file: pragmas, schema migrations with a backup, refusal of newer files."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from .errors import CorruptCacheError, DiskFullError, NewerSchemaError
from .migrations import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    """``QNAI_DB`` if set, else ``cache.sqlite`` in the per-user data dir (platformdirs)."""
    env = os.environ.get("QNAI_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("qnai-desktop", "qnai")) / "cache.sqlite"


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) a connection with WAL, foreign keys and a busy timeout.

    The connection is in autocommit mode; writes go through :func:`write_txn`.
    """
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_header(path)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        _refuse_newer(conn, path)  # before WAL: switching journal mode writes the file header
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except NewerSchemaError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorruptCacheError(f"{path}: not a readable Q&AI cache ({exc})") from exc
    # No sqlite-utils plugins: third-party code installed beside us must not alter the cache's
    # connection (and scanning every installed package's entry points costs ~50 ms at start-up).
    return sqlite_utils.Database(conn, execute_plugins=False)


def _refuse_newer(conn: sqlite3.Connection, path: Path) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path}: written by a newer Q&AI Desktop (schema {version}; this build "
            f"reads up to {SCHEMA_VERSION}). Update the app; the file was not changed."
        )


def _check_header(path: Path) -> None:
    """Reject a non-SQLite file before SQLite does something surprising with it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(100)
    if head[:16] != b"SQLite format 3\x00":
        raise CorruptCacheError(f"{path}: not an SQLite database (file header is wrong)")
    if len(head) < 100:
        raise CorruptCacheError(f"{path}: truncated (only {size} bytes)")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid_for = int.from_bytes(head[92:96], "big")
    change_counter = int.from_bytes(head[24:28], "big")
    # The in-header page count is trustworthy only when "version-valid-for" matches the change
    # counter (SQLite file format §1.3.7); then a shorter file means it was truncated.
    if pages and valid_for == change_counter and size < pages * page_size:
        raise CorruptCacheError(
            f"{path}: truncated ({size:,} bytes; the header says {pages * page_size:,})")


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
    if bulk:
        conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction, so set it first
    try:
        with _outer_txn(conn):
            yield db
    finally:
        if bulk:
            conn.execute("PRAGMA foreign_keys = ON")


@contextmanager
def _outer_txn(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if _is_disk_full(exc):
            raise DiskFullError(
                "the disk is full (or the file-size limit was reached); nothing was written "
                f"({exc})") from exc
        raise
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _is_disk_full(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "disk is full" in text or "disk i/o error" in text or "file too large" in text


def backup_file(path: Path, tag: str, keep: int = 5) -> Path | None:
    """Copy the cache (consistently, via SQLite's backup API) to ``backups/`` and prune old ones."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    dest = folder / f"{path.stem}.{tag}.{stamp}.sqlite"
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(dest))
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    backups = sorted(folder.glob(f"{path.stem}.*.sqlite"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return dest


def migrate(db: sqlite_utils.Database, path: Path | None, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema to ``target``; back up first if the file had data. Returns the old version.

    Raises NewerSchemaError, touching nothing, when the file is newer than this build.
    """
    current = user_version(db)
    _refuse_newer(db.conn, path or Path("cache"))
    if current >= target:
        return current
    if path is not None and current > 0:
        backup_file(path, f"pre-v{target}")
    for version in range(current, target):
        with write_txn(db):
            for stmt in MIGRATIONS[version]:
                db.execute(stmt)
            db.execute(f"PRAGMA user_version = {version + 1}")
    return current
