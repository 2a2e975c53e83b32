"""Series metadata and observations: read as pandas frames, written as counted upserts."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from itertools import chain, repeat

import numpy as np
import pandas as pd

from ..core.changes import ChangeSet
from ..core.series import SeriesBundle, SeriesMeta, empty_frame, normalize_frame
from ._base import RepoBase
from .health import STATS_DRIFT_SQL

# Two values closer than this (relative) are "unchanged": re-importing a file whose numbers were
# written with 12 significant digits must not report every row as changed.
REL_TOL = 1e-9

_META_COLS = ["id", "title_ko", "title_en", "unit", "frequency", "source", "source_ko",
              "note_ko", "note_en", "is_demo", "licence", "extra"]


def _meta_from_row(row: dict) -> SeriesMeta:
    data = {k: row[k] for k in _META_COLS}
    data["is_demo"] = bool(data["is_demo"])
    data["extra"] = json.loads(data["extra"] or "{}")
    return SeriesMeta(**data)


class SeriesRepo(RepoBase):
    """``cache.series``: series metadata and their observations."""

    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM series ORDER BY id").fetchall()]

    def metas(self) -> dict[str, SeriesMeta]:
        rows = self.db.execute_returning_dicts(f"SELECT {', '.join(_META_COLS)} FROM series")
        return {r["id"]: _meta_from_row(r) for r in rows}

    def meta(self, series_id: str) -> SeriesMeta:
        rows = self.db.execute_returning_dicts(
            f"SELECT {', '.join(_META_COLS)} FROM series WHERE id = ?", [series_id])
        if not rows:
            raise KeyError(f"no series {series_id!r} in the cache")
        return _meta_from_row(rows[0])

    def summary(self) -> pd.DataFrame:
        """One row per series: metadata plus point count and first/last date."""
        sql = (  # series_stats is kept current by every write: no scan of the observations
            "SELECT s.id, s.title_ko, s.title_en, s.unit, s.frequency, s.source, s.is_demo,"
            " s.licence, COALESCE(t.points, 0) AS points, t.first AS first, t.last AS last"
            " FROM series s LEFT JOIN series_stats t ON t.series_id = s.id ORDER BY s.id"
        )
        df = pd.DataFrame(self.db.execute_returning_dicts(sql),
                          columns=["id", "title_ko", "title_en", "unit", "frequency", "source",
                                   "is_demo", "licence", "points", "first", "last"])
        df["is_demo"] = df["is_demo"].astype(bool)
        return df

    def observations(self, series_id: str, start: date | None = None,
                     end: date | None = None) -> pd.DataFrame:
        """The series' observation frame (date, value, n), oldest first."""
        sql = "SELECT date, value, n FROM observations WHERE series_id = ?"
        args: list = [series_id]
        if start is not None:
            sql += " AND date >= ?"
            args.append(start.isoformat())
        if end is not None:
            sql += " AND date <= ?"
            args.append(end.isoformat())
        rows = self.db.execute(sql + " ORDER BY date", args).fetchall()
        if not rows:
            return empty_frame()
        dates, values, ns = zip(*rows, strict=True)
        return pd.DataFrame({
            # ISO days as the store writes them: numpy's C parser, ~4× pandas' strptime path
            "date": np.array(dates, dtype="datetime64[D]").astype("datetime64[s]"),
            "value": np.asarray(values, dtype="float64"),
            "n": pd.array(ns, dtype="Int64"),
        })

    def frames(self, ids: list[str]) -> dict[str, pd.DataFrame]:
        return {i: self.observations(i) for i in ids}

    def newest_date(self) -> date | None:
        """Newest real date in the cache; parameter curves' placeholder days (published scenario
        curves, core/param_axis.py: ``extra.param_x``, or ``extra.scenario.x_values`` from
        before that key) are not dates and never count."""
        row = self.db.execute(
            "SELECT MAX(t.last) FROM series_stats t JOIN series s ON s.id = t.series_id"
            " WHERE json_extract(s.extra, '$.param_x') IS NULL"
            " AND json_extract(s.extra, '$.scenario.x_values') IS NULL").fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def latest_values(self, series_ids: list[str]) -> dict[str, tuple[str, float]]:
        """``{series_id: (date, value)}`` of the newest non-empty observation (one indexed read
        each)."""
        out: dict[str, tuple[str, float]] = {}
        for sid in series_ids:
            row = self.db.execute(
                "SELECT date, value FROM observations WHERE series_id = ? AND value IS NOT NULL"
                " ORDER BY date DESC LIMIT 1", [sid]).fetchone()
            if row is not None:
                out[sid] = (row[0], float(row[1]))
        return out

    def write_bundles(self, bundles: list[SeriesBundle], *, how: str, origin: str = "",
                      content_hash: str = "", detail: str = "") -> ChangeSet:
        """Upsert series metadata and observations in ONE transaction, counting what changed.

        Either every bundle lands or none does; one provenance row records the operation.

        A bulk transaction when outermost (see ``db.write_txn``): only series rows and then
        their observations are written here.
        """
        return self._write_bundles(bundles, how=how, origin=origin, content_hash=content_hash,
                                   detail=detail)

    def _write_bundles(self, bundles: list[SeriesBundle], *, how: str, origin: str,
                       content_hash: str, detail: str) -> ChangeSet:
        total = ChangeSet(tables={"series", "observations"})
        with self._txn(bulk=True):
            self._upsert_metas([b.meta for b in bundles])
            stored = self._ids_with_observations([b.meta.id for b in bundles if len(b.frame)])
            stats = self._stats(stored)
            fresh: list[tuple[str, Sequence[str], np.ndarray, np.ndarray | None]] = []
            pending: set[str] = set()
            fresh_rows = 0
            arrays = iter(_arrays_many([b.frame for b in bundles if len(b.frame)]))
            for bundle in bundles:
                sid = bundle.meta.id
                change = ChangeSet(series={sid})
                if len(bundle.frame):
                    texts, values, ns = next(arrays)
                    if sid in pending:  # the same series twice in one call: compare with the first
                        self._insert_fresh(fresh)
                        stored |= pending  # written now: a later repeat merges with them
                        fresh, pending, fresh_rows = [], set(), 0
                    if sid in stored:
                        change = self._merge_rows(sid, texts, values, ns)
                    else:  # nothing stored yet: every row is an add, written in batches
                        change.added = len(texts)
                        fresh.append((sid, texts, values, ns))
                        pending.add(sid)
                        fresh_rows += len(texts)
                        if fresh_rows >= FRESH_BATCH_ROWS:  # memory bounded by the batch
                            self._insert_fresh(fresh)
                            stored |= pending
                            fresh, pending, fresh_rows = [], set(), 0
                    points, first, last = stats.get(sid, (0, texts[0], texts[-1]))
                    stats[sid] = (points + change.added, min(first or texts[0], texts[0]),
                                  max(last or texts[-1], texts[-1]))
                total.merge(change)
            self._insert_fresh(fresh)
            self._write_stats(stats)
            self._provenance(how, total, origin=origin, content_hash=content_hash,
                             target=",".join(sorted(total.series))[:2000], detail=detail)
        return total

    def _upsert_metas(self, metas: list[SeriesMeta]) -> None:
        rows = []
        for meta in metas:  # the fields as stored (no deep copy: extra becomes JSON text here)
            row = [getattr(meta, c) for c in _META_COLS]
            row[_META_COLS.index("is_demo")] = int(meta.is_demo)
            row[-1] = json.dumps(meta.extra, ensure_ascii=False, sort_keys=True)
            rows.append(row)
        cols = ", ".join(_META_COLS)
        marks = ", ".join("?" for _ in _META_COLS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _META_COLS[1:])
        self.db.conn.executemany(
            f"INSERT INTO series ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            rows)

    def _stats(self, ids: set[str]) -> dict[str, tuple[int, str | None, str | None]]:
        """The stored (points, first, last) of ``ids`` (one query)."""
        if not ids:
            return {}
        rows = self.db.execute(
            "SELECT series_id, points, first, last FROM series_stats WHERE series_id IN"
            " (SELECT value FROM json_each(?))", [json.dumps(sorted(ids))]).fetchall()
        out = {r[0]: (int(r[1]), r[2], r[3]) for r in rows}
        for sid in ids - set(out):  # a row missing (never expected): count it once
            row = self.db.execute("SELECT COUNT(*), MIN(date), MAX(date) FROM observations"
                                  " WHERE series_id = ?", [sid]).fetchone()
            out[sid] = (int(row[0]), row[1], row[2])
        return out

    def _write_stats(self, stats: dict[str, tuple[int, str | None, str | None]]) -> None:
        self.db.conn.executemany(
            "INSERT INTO series_stats (series_id, points, first, last) VALUES (?,?,?,?)"
            " ON CONFLICT(series_id) DO UPDATE SET points = excluded.points,"
            " first = excluded.first, last = excluded.last",
            [(sid, *row) for sid, row in stats.items()])

    def stats_drift(self) -> list[str]:
        """Series whose kept count/first/last differ from a recount of their observations
        (O(observations); ``cache check`` runs the same query)."""
        return [r[0] for r in self.db.execute(STATS_DRIFT_SQL).fetchall()]

    def _ids_with_observations(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` already have observations (one query, however many ids)."""
        if not ids:
            return set()
        rows = self.db.execute(
            "SELECT value FROM json_each(?) WHERE EXISTS"
            " (SELECT 1 FROM observations WHERE series_id = json_each.value)",
            [json.dumps(sorted(set(ids)))]).fetchall()
        return {r[0] for r in rows}

    def _merge_rows(self, sid: str, texts: Sequence[str], values: np.ndarray,
                    ns: np.ndarray | None) -> ChangeSet:
        """Counted upsert of one series' rows over what is stored for it."""
        change = ChangeSet(series={sid})
        old = self.db.execute(
            "SELECT date, value, n FROM observations WHERE series_id = ? AND date BETWEEN ? AND ?",
            [sid, texts[0], texts[-1]]).fetchall()
        if not old:
            change.added = len(texts)
            self._insert_rows(sid, texts, values, ns, upsert=False)
            return change
        old_dates, old_values, old_ns = zip(*old, strict=True)
        pos = pd.Index(old_dates).get_indexer(texts)
        known = pos >= 0
        prev_v = np.array([np.nan if v is None else v for v in old_values], dtype="float64")[pos]
        same_v = (np.isnan(prev_v) & np.isnan(values)) | (
            np.abs(prev_v - values) <= REL_TOL * np.maximum(1.0, np.maximum(np.abs(prev_v), np.abs(values))))
        prev_n = np.asarray(old_ns, dtype=object)[pos]
        same_n = np.array([a == b for a, b in zip(prev_n.tolist(), (ns.tolist() if ns is not None
                                                                    else [None] * len(texts)),
                                                   strict=True)], dtype=bool)
        unchanged = known & same_v & same_n
        change.added = int((~known).sum())
        change.unchanged = int(unchanged.sum())
        change.changed = int(len(texts) - change.added - change.unchanged)
        write = ~unchanged
        if write.any():
            self._insert_rows(sid, np.asarray(texts, dtype=object)[write].tolist(), values[write],
                              None if ns is None else ns[write], upsert=True)
        return change

    def _insert_fresh(self, fresh: list[tuple[str, Sequence[str], np.ndarray, np.ndarray | None]]) -> None:
        """Plain inserts for series with nothing stored: one executemany for all of them (those
        without counts bind three columns; those with counts take one call each)."""
        plain = [(sid, texts, values) for sid, texts, values, ns in fresh if ns is None]
        if plain:
            self.db.conn.executemany(
                "INSERT INTO observations (series_id, date, value) VALUES (?,?,?)",
                chain.from_iterable(zip(repeat(sid), texts, _bindable(values))
                                    for sid, texts, values in plain))
        for sid, texts, values, ns in fresh:
            if ns is not None:
                self._insert_rows(sid, texts, values, ns, upsert=False)

    def _insert_rows(self, series_id: str, texts: Sequence[str], values: np.ndarray,
                     ns: np.ndarray | None, *, upsert: bool) -> None:
        vals = _bindable(values)
        if ns is None and not upsert:  # n defaults to NULL: bind three columns, not four
            self.db.conn.executemany(
                "INSERT INTO observations (series_id, date, value) VALUES (?,?,?)",
                zip(repeat(series_id), texts, vals))
            return
        n_iter = repeat(None) if ns is None else ns.tolist()
        sql = "INSERT INTO observations (series_id, date, value, n) VALUES (?,?,?,?)"
        if upsert:
            sql += (" ON CONFLICT(series_id, date) DO UPDATE SET value = excluded.value,"
                    " n = excluded.n")
        self.db.conn.executemany(sql, zip(repeat(series_id), texts, vals, n_iter))

    def delete(self, series_id: str) -> ChangeSet:
        with self._txn():
            count = self.db.execute(
                "SELECT COUNT(*) FROM observations WHERE series_id = ?", [series_id]).fetchone()[0]
            # explicit, not ON DELETE CASCADE: this also runs inside bulk (FK-paused) transactions
            self.db.execute("DELETE FROM observations WHERE series_id = ?", [series_id])
            self.db.execute("DELETE FROM series_stats WHERE series_id = ?", [series_id])
            self.db.execute("DELETE FROM series WHERE id = ?", [series_id])
            change = ChangeSet(changed=count, series={series_id}, tables={"series", "observations"})
            self._provenance("delete", change, target=series_id)
        return change


def _arrays(frame: pd.DataFrame) -> tuple[list[str], np.ndarray, np.ndarray | None]:
    """(ISO date texts, float values, n objects or None) of an observation frame, sorted by date
    with the last duplicate winning. Plain numpy when the frame is already clean (the common
    case: importers hand over sorted datetime64 frames); the pandas path otherwise."""
    dates = frame["date"].to_numpy()
    values = frame["value"].to_numpy()
    n_col = frame["n"] if "n" in frame else None
    clean = (np.issubdtype(dates.dtype, np.datetime64) and values.dtype == np.float64
             and (n_col is None or n_col.dtype == "Int64"))
    if clean:
        days = dates.astype("datetime64[D]")
        clean = bool(np.all(days[1:] > days[:-1]))
    if not clean:
        norm = normalize_frame(frame)
        days = norm["date"].to_numpy().astype("datetime64[D]")
        values = norm["value"].to_numpy(dtype="float64")
        n_col = norm["n"]
    ns = None
    if n_col is not None and not n_col.isna().all():
        ns = np.asarray(n_col.to_numpy(dtype=object, na_value=None))
    return _day_texts(days), values, ns


FRESH_BATCH_ROWS = 500_000  # new series' rows written per executemany inside the transaction
ARRAYS_CHUNK = 250  # frames concatenated at once: bounds the copy a 2,500-series import makes


def _arrays_many(frames: list[pd.DataFrame]) -> Iterator[tuple[Sequence[str], np.ndarray, np.ndarray | None]]:
    """``_arrays`` of each frame, in order, worked out ``ARRAYS_CHUNK`` frames at a time (one
    concatenation per chunk, not one of the whole import)."""
    for lo in range(0, len(frames), ARRAYS_CHUNK):
        yield from _arrays_chunk(frames[lo:lo + ARRAYS_CHUNK])


def _arrays_chunk(frames: list[pd.DataFrame]) -> list[tuple[Sequence[str], np.ndarray, np.ndarray | None]]:
    """``_arrays`` of many non-empty frames at once: one concatenation and one pass of numpy
    instead of a thousand small pandas calls (a 1,000-series import spends ~0.1 s on those).
    Date texts are references into one shared table of the range's ISO days; a frame of
    consecutive days takes a slice of it. Frames that are not already clean (unsorted,
    duplicate days, NaT) take ``_arrays`` itself."""
    if len(frames) < 2:
        return [_arrays(f) for f in frames]
    big = pd.concat(frames, ignore_index=True)
    dates = big["date"].to_numpy()
    n_col = big["n"] if "n" in big else None
    if not (np.issubdtype(dates.dtype, np.datetime64) and big["value"].dtype.kind in "fiu"
            and (n_col is None or n_col.dtype == "Int64")):
        return [_arrays(f) for f in frames]
    values = big["value"].to_numpy(dtype="float64")
    days = dates.astype("datetime64[D]")
    ints = days.astype("int64")
    lens = np.fromiter((len(f) for f in frames), dtype="int64", count=len(frames))
    ends = np.cumsum(lens)
    starts = ends - lens
    step_bad = ~(ints[1:] > ints[:-1])  # NaT is the smallest int64: caught here or below
    step_bad[starts[1:] - 1] = False  # the step from one frame into the next
    bad = set(np.searchsorted(ends, np.flatnonzero(step_bad), side="right").tolist())
    bad |= set(np.searchsorted(ends, np.flatnonzero(np.isnat(days)), side="right").tolist())
    if len(bad) == len(frames):
        return [_arrays(f) for f in frames]
    ok = np.ones(len(frames), dtype=bool)
    ok[list(bad)] = False
    valid = ints[np.repeat(ok, lens)]  # the clean frames' days: sorted within each, no NaT
    first = int(valid.min())
    span = int(valid.max()) - first + 1
    table = _day_range_texts(first, span) if span <= 200_000 else None
    # a frame of consecutive days (most big imports are daily) is one slice of the range's texts
    daily = ints[ends - 1] - ints[starts] + 1 == lens
    has_n = (np.zeros(len(frames), dtype=bool) if n_col is None
             else ~np.logical_and.reduceat(n_col.isna().to_numpy(), starts))
    ns_all = n_col.to_numpy(dtype=object, na_value=None) if has_n.any() else None
    out = []
    for k, (lo, hi) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        if k in bad or table is None:
            out.append(_arrays(frames[k]) if k in bad else
                       (_day_texts(days[lo:hi]), values[lo:hi], ns_all[lo:hi] if has_n[k] else None))
            continue
        a = int(ints[lo]) - first
        texts = (table[a:a + hi - lo] if daily[k]
                 else list(map(table.__getitem__, (ints[lo:hi] - first).tolist())))
        out.append((texts, values[lo:hi], ns_all[lo:hi] if has_n[k] else None))
    return out


@lru_cache(maxsize=64)
def _day_range_texts(first: int, count: int) -> tuple[str, ...]:
    days = np.arange(first, first + count).astype("datetime64[D]")
    return tuple(np.datetime_as_string(days, unit="D").tolist())


def _day_texts(days: np.ndarray) -> list[str]:
    """ISO texts of day values (no NaT); the text table of a date range is built once and shared
    by every series over that range (an import of 1,000 series × 1,000 days formats 1,000 dates,
    and its million rows bind references to those 1,000 strings, not a million new ones)."""
    ints = days.astype("int64")
    first = int(ints.min())
    span = int(ints.max()) - first + 1
    if span > 200_000:  # a sparse series over centuries: format directly
        return np.datetime_as_string(days, unit="D").tolist()
    return list(map(_day_range_texts(first, span).__getitem__, (ints - first).tolist()))


def _bindable(values: np.ndarray) -> list:
    """Float values as Python objects for sqlite3, NaN as NULL."""
    vals = values.tolist()
    if np.isnan(values).any():
        vals = [None if v != v else v for v in vals]
    return vals
