"""What this process knows about the health of each cache file, learnt through SQLite only.

Rule (sqlite.org/howtocorrupt.html §2.2): nothing in a process may open and close the cache file
(or its -wal/-shm) except SQLite while that process has a connection to it — closing ANY
descriptor of a file drops ALL of the process's POSIX locks on it, and another process then
checkpoints and deletes the WAL under the open connection. So damage is never looked for by
reading bytes: SQLite checks the header and the page count itself when a read transaction
starts, and ``PRAGMA quick_check`` finds damaged pages. Each process runs ``quick_check`` once
per file before its first write and refuses every write after SQLite has reported damage.

The registry of open connections lets the few operations that must touch the files directly
(restore) prove first that this process holds none.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from .errors import (
    CacheAccessError,
    CacheBusyError,
    CorruptCacheError,
    DiskFullError,
    ReadOnlyCacheError,
    StoreError,
)

# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xff)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

_lock = threading.Lock()
_verified: set[str] = set()
_damaged: dict[str, str] = {}
_open: dict[str, weakref.WeakSet] = {}
DamageListener = Callable[[str, str], None]  # (path, SQLite's reason)
_damage_listeners: list[DamageListener] = []


def key_of(path: Path | str) -> str:
    """One name per file however it was spelt (relative, symlinked)."""
    return os.path.realpath(str(path))


def primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_damage(exc: BaseException) -> bool:
    """SQLite said the file is damaged or not a database."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    if primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def is_busy(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    return primary_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in str(exc)


def classify(exc: sqlite3.Error, path: Path | str | None, *, waited_s: float | None = None
             ) -> StoreError:
    """The user-readable store error for an sqlite3 error (damage marks the file as damaged)."""
    where = f"{path}: " if path else ""
    code = primary_code(exc)
    text = str(exc)
    if is_damage(exc):
        if path:
            mark_damaged(path, text)
        if code == SQLITE_NOTADB or "not a database" in text.lower():
            return CorruptCacheError(f"{where}not an SQLite database (the file's header is not "
                                     "SQLite's): the cache file is damaged")
        return CorruptCacheError(f"{where}the cache file is damaged (SQLite: {text})")
    if is_busy(exc):
        bound = f"{waited_s:.0f} s" if waited_s is not None else "the busy timeout"
        return CacheBusyError(
            f"{where}another program kept the cache locked for more than {bound}; nothing was "
            "written. Try again when it has finished (QNAI_BUSY_TIMEOUT_S sets how long to wait).")
    if code == SQLITE_READONLY or "readonly" in text.lower():
        return ReadOnlyCacheError(
            f"{where}the cache file is read-only, so Q&AI Desktop cannot write to it. Give your "
            "user write permission on the file and its folder, or choose another file with --db. "
            "Its content is not damaged.")
    if code in (SQLITE_CANTOPEN, SQLITE_PERM) or "unable to open" in text.lower():
        return CacheAccessError(
            f"{where}cannot open the cache file (the folder is missing or not writable, or the "
            "path is a folder). Choose another file with --db.")
    if code == SQLITE_FULL or "disk is full" in text.lower() or "file too large" in text.lower():
        return DiskFullError(f"{where}the disk is full (or the file-size limit was reached); "
                             f"nothing was written ({text})")
    if code == SQLITE_IOERR:
        return DiskFullError(f"{where}the disk is full or reported an error while writing (or the "
                             f"file-size limit was reached); nothing was written ({text})")
    return StoreError(f"{where}the cache could not be used ({text})")


def add_damage_listener(listener: DamageListener) -> None:
    """Be told (from whichever thread saw it) when SQLite first reports a file damaged."""
    _damage_listeners.append(listener)


def remove_damage_listener(listener: DamageListener) -> None:
    if listener in _damage_listeners:
        _damage_listeners.remove(listener)


def mark_damaged(path: Path | str, reason: str) -> None:
    with _lock:
        first = key_of(path) not in _damaged
        _damaged[key_of(path)] = reason
        _verified.discard(key_of(path))
    if first:
        for listener in list(_damage_listeners):
            try:
                listener(str(path), reason)
            except Exception:  # a listener must never hide the error being raised
                pass


def damage_of(path: Path | str) -> str | None:
    """Why SQLite called the file damaged in this process (None if it never did)."""
    with _lock:
        return _damaged.get(key_of(path))


def forget(path: Path | str) -> None:
    """The file was replaced (restored): what we knew about it no longer holds."""
    with _lock:
        _damaged.pop(key_of(path), None)
        _verified.discard(key_of(path))


def quick_check(conn: sqlite3.Connection) -> str:
    """``ok`` or SQLite's first complaint (one line)."""
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    lines = [line.strip() for r in rows for line in str(r[0]).splitlines()
             if line.strip() and not line.startswith("***")]
    if lines == ["ok"]:
        return "ok"
    more = f" (+{len(lines) - 1} more)" if len(lines) > 1 else ""
    return (lines[0] if lines else "quick_check failed") + more


STATS_DRIFT_SQL = (
    "SELECT s.id FROM series s"
    " LEFT JOIN (SELECT series_id, COUNT(*) AS n, MIN(date) AS lo, MAX(date) AS hi"
    "            FROM observations GROUP BY series_id) o ON o.series_id = s.id"
    " LEFT JOIN series_stats t ON t.series_id = s.id"
    " WHERE COALESCE(o.n, 0) != COALESCE(t.points, 0) OR o.lo IS NOT t.first"
    " OR o.hi IS NOT t.last ORDER BY s.id")


def full_check(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` and the kept per-series counts against a recount, through a
    read-only SQLite connection: ``["ok"]`` or the problems, one per line. O(file)."""
    conn = None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            return result
        has_stats = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'series_stats'"
                                 ).fetchone()
        drift = [r[0] for r in conn.execute(STATS_DRIFT_SQL).fetchall()] if has_stats else []
        if drift:
            return [f"series_stats out of step with the observations of {len(drift)} series "
                    f"(first: {', '.join(drift[:5])})"]
        return ["ok"]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        if conn is not None:
            conn.close()


def verify(conn: sqlite3.Connection, path: Path | str) -> None:
    """Once per process and file: ``quick_check`` before the first write. Raises
    CorruptCacheError when SQLite finds damage (now or earlier in this process)."""
    key = key_of(path)
    with _lock:
        reason = _damaged.get(key)
        known_good = key in _verified
    if reason is not None:
        raise CorruptCacheError(f"{path}: the cache file is damaged (SQLite: {reason}); "
                                "nothing was written")
    if known_good:
        return
    result = quick_check(conn)
    if result != "ok":
        mark_damaged(path, result)
        raise CorruptCacheError(f"{path}: the cache file is damaged (SQLite: {result}); nothing "
                                "was written")
    with _lock:
        _verified.add(key)


def mark_verified(path: Path | str) -> None:
    with _lock:
        if key_of(path) not in _damaged:
            _verified.add(key_of(path))


def track(path: Path | str, db: object) -> None:
    """Remember an open connection (a sqlite_utils.Database) to ``path``."""
    with _lock:
        _open.setdefault(key_of(path), weakref.WeakSet()).add(db)


def open_connections(path: Path | str) -> int:
    """How many connections this process still has open to ``path``."""
    with _lock:
        dbs = list(_open.get(key_of(path), ()))
    count = 0
    for db in dbs:
        try:
            _ = db.conn.total_changes  # raises once closed
        except sqlite3.ProgrammingError:
            continue
        count += 1
    return count


def open_cache_among(path: Path) -> Path | None:
    """The cache file (or its -wal/-shm/-journal) this process has open at or under ``path``.

    Readers of user files (importers) ask first: reading the cache's bytes with a plain
    descriptor would drop this process's SQLite locks on it."""
    with _lock:
        keys = [k for k, dbs in _open.items() if len(dbs)]
    live = [k for k in keys if open_connections(k)]
    if not live:
        return None
    target = key_of(path)
    for key in live:
        for suffix in ("", "-wal", "-shm", "-journal"):
            name = key + suffix
            if name == target or name.startswith(target.rstrip(os.sep) + os.sep):
                return Path(name)
    return None


def in_use_elsewhere(path: Path) -> bool:
    """Another process has the cache open: it holds SQLite's "deadman switch" read lock on the
    -shm file (byte 128 of the unix VFS: UNIX_SHM_BASE 120 + SQLITE_SHM_NLOCK 8).

    Opens the -shm with a plain descriptor, so it refuses to run while this process has a
    connection to the file (that would drop our own locks)."""
    if open_connections(path):
        raise StoreError(f"{path}: still open in this process")
    shm = path.with_name(path.name + "-shm")
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's locks are not fcntl locks; rename fails instead
        return False
    try:
        fd = os.open(shm, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
        return False
    finally:
        os.close(fd)
