"""Series metadata and observations: read as pandas frames, written as counted upserts."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd

from ..core.changes import ChangeSet
from ..core.series import SeriesBundle, SeriesMeta, empty_frame, normalize_frame
from ._base import RepoBase

_META_COLS = ["id", "title_ko", "title_en", "unit", "frequency", "source", "source_ko",
              "note_ko", "note_en", "is_demo", "licence", "extra"]


def _meta_from_row(row: dict) -> SeriesMeta:
    data = {k: row[k] for k in _META_COLS}
    data["is_demo"] = bool(data["is_demo"])
    data["extra"] = json.loads(data["extra"] or "{}")
    return SeriesMeta(**data)


class SeriesRepo(RepoBase):
    """Series and observations."""

    def series_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM series ORDER BY id").fetchall()]

    def metas(self) -> dict[str, SeriesMeta]:
        rows = self.db.execute_returning_dicts(f"SELECT {', '.join(_META_COLS)} FROM series")
        return {r["id"]: _meta_from_row(r) for r in rows}

    def series_meta(self, series_id: str) -> SeriesMeta:
        rows = self.db.execute_returning_dicts(
            f"SELECT {', '.join(_META_COLS)} FROM series WHERE id = ?", [series_id])
        if not rows:
            raise KeyError(f"no series {series_id!r} in the cache")
        return _meta_from_row(rows[0])

    def series_list(self) -> pd.DataFrame:
        """One row per series: metadata plus point count and first/last date."""
        sql = (
            "SELECT s.id, s.title_ko, s.title_en, s.unit, s.frequency, s.source, s.is_demo,"
            " s.licence, COUNT(o.date) AS points, MIN(o.date) AS first, MAX(o.date) AS last"
            " FROM series s LEFT JOIN observations o ON o.series_id = s.id"
            " GROUP BY s.id ORDER BY s.id"
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
            "date": pd.to_datetime(pd.Series(dates), format="%Y-%m-%d").astype("datetime64[s]"),
            "value": np.asarray(values, dtype="float64"),
            "n": pd.array(ns, dtype="Int64"),
        })

    def frames(self, ids: list[str]) -> dict[str, pd.DataFrame]:
        return {i: self.observations(i) for i in ids}

    def newest_observation_date(self) -> date | None:
        row = self.db.execute("SELECT MAX(date) FROM observations").fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def write_bundles(self, bundles: list[SeriesBundle], *, how: str, origin: str = "",
                      content_hash: str = "", detail: str = "") -> ChangeSet:
        """Upsert series metadata and observations in ONE transaction, counting what changed.

        Either every bundle lands or none does; one provenance row records the operation.
        """
        total = ChangeSet(tables={"series", "observations"})
        with self._txn():
            for bundle in bundles:
                total.merge(self._write_one(bundle))
            self._provenance(how, total, origin=origin, content_hash=content_hash,
                             target=",".join(sorted(total.series))[:2000], detail=detail)
        return total

    def _write_one(self, bundle: SeriesBundle) -> ChangeSet:
        meta = bundle.meta
        row = meta.to_row()
        row["extra"] = json.dumps(row["extra"], ensure_ascii=False, sort_keys=True)
        cols = ", ".join(_META_COLS)
        marks = ", ".join("?" for _ in _META_COLS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _META_COLS[1:])
        self.db.execute(
            f"INSERT INTO series ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            [row[c] for c in _META_COLS],
        )
        new = normalize_frame(bundle.frame) if len(bundle.frame) else empty_frame()
        change = ChangeSet(series={meta.id})
        if new.empty:
            return change
        new_dates = new["date"].dt.strftime("%Y-%m-%d").to_numpy()
        old = dict(
            (d, (v, n)) for d, v, n in self.db.execute(
                "SELECT date, value, n FROM observations WHERE series_id = ? AND date BETWEEN ? AND ?",
                [meta.id, new_dates[0], new_dates[-1]],
            ).fetchall()
        )
        values = new["value"].to_numpy()
        ns = new["n"].to_numpy(dtype=object, na_value=None)
        rows = []
        for d, v, n in zip(new_dates, values, ns, strict=True):
            v = None if np.isnan(v) else float(v)
            n = None if n is None else int(n)
            prev = old.get(d)
            if prev is None:
                change.added += 1
            elif _same(prev[0], v) and prev[1] == n:
                change.unchanged += 1
                continue
            else:
                change.changed += 1
            rows.append((meta.id, d, v, n))
        self.db.conn.executemany(
            "INSERT INTO observations (series_id, date, value, n) VALUES (?,?,?,?)"
            " ON CONFLICT(series_id, date) DO UPDATE SET value = excluded.value, n = excluded.n",
            rows,
        )
        return change

    def delete_series(self, series_id: str) -> ChangeSet:
        with self._txn():
            count = self.db.execute(
                "SELECT COUNT(*) FROM observations WHERE series_id = ?", [series_id]).fetchone()[0]
            self.db.execute("DELETE FROM series WHERE id = ?", [series_id])
            change = ChangeSet(changed=count, series={series_id}, tables={"series", "observations"})
            self._provenance("delete", change, target=series_id)
        return change


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))
