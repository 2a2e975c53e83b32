"""The coverage table (companies), its dated history, evidence links and dated input values."""

from __future__ import annotations

import math

import pandas as pd

from ..core.changes import ChangeSet
from ..core.watchlist import Patch
from ._base import RepoBase, now_iso
from .errors import ValidationError

COMPANY_COLS = ["ticker", "name_ko", "name_en", "market_cap_usd_bn", "per_12mf", "thesis1_ko",
                "thesis2_ko", "thesis1_en", "thesis2_en", "as_of", "position"]


def validate_company(row: dict) -> dict:
    """Check one company row; raise ValidationError naming the field."""
    out = {k: row.get(k) for k in COMPANY_COLS}
    ticker = (out["ticker"] or "").strip().upper()
    if not ticker:
        raise ValidationError("ticker: must not be empty")
    out["ticker"] = ticker
    for key in ("name_ko", "name_en"):
        out[key] = (out[key] or "").strip() or ticker
    for key in ("thesis1_ko", "thesis2_ko", "thesis1_en", "thesis2_en"):
        out[key] = out[key] or ""
    cap = out["market_cap_usd_bn"]
    if cap is not None and not (isinstance(cap, int | float) and math.isfinite(cap) and cap >= 0):
        raise ValidationError(f"market_cap_usd_bn of {ticker}: must be a number ≥ 0, got {cap!r}")
    per = out["per_12mf"]
    if per is not None and not (isinstance(per, int | float) and math.isfinite(per)):
        raise ValidationError(f"per_12mf of {ticker}: must be a number or empty, got {per!r}")
    if out["as_of"]:
        try:
            out["as_of"] = pd.Timestamp(out["as_of"]).date().isoformat()
        except (ValueError, TypeError) as exc:
            raise ValidationError(f"as_of of {ticker}: not a date ({out['as_of']!r})") from exc
    out["position"] = int(out["position"] or 0)
    return out


class WatchlistRepo(RepoBase):
    """``cache.watchlist``: companies, history snapshots, links, dated input values."""

    def companies(self, tickers: list[str] | None = None) -> pd.DataFrame:
        """The coverage table in the note's order (only ``tickers``' rows when given)."""
        where, args = "", []
        if tickers is not None:
            where = f" WHERE ticker IN ({', '.join('?' for _ in tickers)})"
            args = list(tickers)
        rows = self.db.execute_returning_dicts(
            f"SELECT {', '.join(COMPANY_COLS)} FROM companies{where} ORDER BY position, ticker",
            args)
        df = pd.DataFrame(rows, columns=COMPANY_COLS)
        for col in ("market_cap_usd_bn", "per_12mf"):
            df[col] = pd.to_numeric(df[col]).astype("float64")
        return df

    def company(self, ticker: str) -> dict | None:
        rows = self.db.execute_returning_dicts(
            f"SELECT {', '.join(COMPANY_COLS)} FROM companies WHERE ticker = ?", [ticker])
        return rows[0] if rows else None

    def upsert_companies(self, rows: list[dict], *, how: str = "edit", origin: str = "",
                         content_hash: str = "") -> ChangeSet:
        """Insert or update companies atomically; snapshot market cap / PER when they change."""
        valid = [validate_company(r) for r in rows]
        written: set[str] = set()
        change = ChangeSet(tables={"companies"}, rows={"companies": written})
        with self._txn():
            for row in valid:
                prev = self.company(row["ticker"])
                if prev is None:
                    change.added += 1
                elif all(_eq(prev[k], row[k]) for k in COMPANY_COLS):
                    change.unchanged += 1
                    continue
                else:
                    change.changed += 1
                written.add(row["ticker"])
                cols = ", ".join(COMPANY_COLS)
                marks = ", ".join("?" for _ in COMPANY_COLS)
                sets = ", ".join(f"{c} = excluded.{c}" for c in COMPANY_COLS[1:])
                self.db.execute(
                    f"INSERT INTO companies ({cols}) VALUES ({marks})"
                    f" ON CONFLICT(ticker) DO UPDATE SET {sets}",
                    [row[c] for c in COMPANY_COLS])
                if prev is None or not (_eq(prev["market_cap_usd_bn"], row["market_cap_usd_bn"])
                                        and _eq(prev["per_12mf"], row["per_12mf"])):
                    self.db.execute(
                        "INSERT INTO company_history (ticker, at, as_of, market_cap_usd_bn,"
                        " per_12mf, how) VALUES (?,?,?,?,?,?)",
                        [row["ticker"], now_iso(), row["as_of"], row["market_cap_usd_bn"],
                         row["per_12mf"], how])
            self._provenance(how, change, origin=origin, content_hash=content_hash,
                             target="companies:" + ",".join(r["ticker"] for r in valid)[:2000])
        return change

    def delete_company(self, ticker: str) -> ChangeSet:
        change = ChangeSet(tables={"companies"}, rows={"companies": {ticker}})
        with self._txn():
            cur = self.db.execute("DELETE FROM companies WHERE ticker = ?", [ticker])
            change.changed = cur.rowcount
            self.db.execute("DELETE FROM company_links WHERE ticker = ?", [ticker])
            self._provenance("delete", change, target=f"companies:{ticker}")
        return change

    def history(self, ticker: str) -> pd.DataFrame:
        rows = self.db.execute_returning_dicts(
            "SELECT at, as_of, market_cap_usd_bn, per_12mf, how FROM company_history"
            " WHERE ticker = ? ORDER BY at, id", [ticker])
        return pd.DataFrame(rows, columns=["at", "as_of", "market_cap_usd_bn", "per_12mf", "how"])

    def links(self, ticker: str | None = None) -> pd.DataFrame:
        sql = "SELECT ticker, kind, target FROM company_links"
        args: list = []
        if ticker:
            sql += " WHERE ticker = ?"
            args.append(ticker)
        rows = self.db.execute_returning_dicts(sql + " ORDER BY ticker, kind, target", args)
        return pd.DataFrame(rows, columns=["ticker", "kind", "target"])

    def set_links(self, ticker: str, links: list[tuple[str, str]], *, how: str = "edit") -> ChangeSet:
        change = ChangeSet(tables={"company_links"})
        with self._txn():
            self.db.execute("DELETE FROM company_links WHERE ticker = ?", [ticker])
            for kind, target in links:
                self.db.execute(
                    "INSERT OR IGNORE INTO company_links (ticker, kind, target) VALUES (?,?,?)",
                    [ticker, kind, target])
            change.changed = len(links)
            self._provenance(how, change, target=f"company_links:{ticker}")
        return change

    def set_values(self, rows: list[dict], *, how: str = "edit", origin: str = "") -> ChangeSet:
        """Upsert dated, sourced values ({ticker, field, value, as_of, source}) in one transaction."""
        change = ChangeSet(tables={"company_values"})
        with self._txn():
            for row in rows:
                ticker, field = str(row["ticker"]).upper(), str(row["field"])
                value = row.get("value")
                if value is not None and not (isinstance(value, int | float) and math.isfinite(value)):
                    raise ValidationError(f"{field} of {ticker}: must be a number, got {value!r}")
                prev = self.db.execute("SELECT value, as_of, source FROM company_values WHERE"
                                       " ticker=? AND field=?", [ticker, field]).fetchone()
                new = (value, row.get("as_of"), row.get("source", ""))
                if prev is None:
                    change.added += 1
                elif tuple(prev) == new:
                    change.unchanged += 1
                    continue
                else:
                    change.changed += 1
                self.db.execute(
                    "INSERT INTO company_values (ticker, field, value, as_of, source, updated_at)"
                    " VALUES (?,?,?,?,?,?) ON CONFLICT(ticker, field) DO UPDATE SET"
                    " value=excluded.value, as_of=excluded.as_of, source=excluded.source,"
                    " updated_at=excluded.updated_at", [ticker, field, *new, now_iso()])
            self._provenance(how, change, origin=origin, target="company_values")
        return change

    def values(self, ticker: str | None = None) -> pd.DataFrame:
        sql = "SELECT ticker, field, value, as_of, source, updated_at FROM company_values"
        args: list = []
        if ticker:
            sql += " WHERE ticker = ?"
            args.append(ticker.upper())
        rows = self.db.execute_returning_dicts(sql + " ORDER BY ticker, field", args)
        return pd.DataFrame(rows, columns=["ticker", "field", "value", "as_of", "source", "updated_at"])







    def links_of(self, ticker: str) -> tuple[tuple[str, str], ...]:
        """The ticker's evidence links as (kind, target) pairs (what undo restores)."""
        df = self.links(ticker)
        return tuple(zip(df["kind"], df["target"], strict=True))

    def apply_patch(self, patch: Patch, *, how: str = "edit", origin: str = "") -> ChangeSet:
        """A whole watchlist patch in ONE transaction: deletes, then upserts (validated,
        history-snapshotted), then links and settings — so undo of a removal restores the row
        and its links together."""
        change = ChangeSet()
        with self._txn():
            for ticker in patch.delete:
                change.merge(self.delete_company(ticker))
            if patch.upsert:
                change.merge(self.upsert_companies(list(patch.upsert), how=how, origin=origin))
            for ticker, links in patch.links.items():
                change.merge(self.set_links(ticker, list(links), how=how))
            for key, value in patch.settings.items():
                change.merge(self.cache.settings.set(key, value, how=how))
        return change


def _eq(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    return a == b
