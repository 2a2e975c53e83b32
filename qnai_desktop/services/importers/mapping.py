"""Which cache series each candidate lands in: plain data the import dialog and the CLI edit.

Suggestions, in order: a dataset parser's fixed id; the id the analyst chose for the same label
last time (setting ``import.mappings``); the label itself when it is already a valid series id
(long CSVs); a known Bloomberg security (ORCL/CRWV 5Y CDS → ``cds.oracle_5y`` /
``cds.coreweave_5y``, ``SDH100RT Index`` → ``silicondata.h100_index``) when that series exists;
a note name's Bloomberg consensus P/E or market cap (``NVDA US Equity BEST_PE_RATIO`` →
``bbg.best_pe.nvda``, titled and united by :data:`EQUITY_FIELDS`); else ``import.<key of the label>``
(``core.romanize.label_key``: ``오라클 매출`` → ``import.orakeul_maechul``; a label it cannot spell
back exactly gets a hash suffix, so two labels never share an id by accident).
A target that exists lends its unit, frequency, source and titles; an illustrative (is_demo)
target is replaced by the import, which clears the flag. Ids are unique within a file and,
through :func:`keep_apart`, across the files of one import.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ...core.romanize import label_key
from ...core.series import FREQUENCIES, UNITS, SeriesBundle, SeriesMeta
from .candidates import Candidate
from .errors import ImportFileError

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")
KNOWN_SECURITIES: list[tuple[tuple[str, ...], str]] = [
    (("ORCL", "CDS", "5Y"), "cds.oracle_5y"),
    (("ORACLE", "CDS", "5Y"), "cds.oracle_5y"),
    (("CRWV", "CDS", "5Y"), "cds.coreweave_5y"),
    (("COREWEAVE", "CDS", "5Y"), "cds.coreweave_5y"),
    (("SDH100RT",), "silicondata.h100_index"),
]
#: The note's eight names as Bloomberg equities: ticker → (Korean, English name).
NOTE_EQUITIES = {"NVDA": ("엔비디아", "NVIDIA"), "GOOGL": ("알파벳", "Alphabet"),
                 "AAPL": ("애플", "Apple"), "MSFT": ("마이크로소프트", "Microsoft"),
                 "AMZN": ("아마존", "Amazon"), "META": ("메타 플랫폼스", "Meta Platforms"),
                 "ORCL": ("오라클", "Oracle"), "CRWV": ("코어위브", "CoreWeave")}
#: Bloomberg field → (series id prefix, Korean title, English title, unit) for those names.
EQUITY_FIELDS = {
    "BEST_PE_RATIO": ("bbg.best_pe", "{ko} 12MF PER (Bloomberg 컨센서스)",
                      "{en} 12M-forward P/E (Bloomberg consensus)", "ratio"),
    "CUR_MKT_CAP": ("bbg.mkt_cap", "{ko} 시가총액 (Bloomberg, 달러)", "{en} market cap (Bloomberg, USD)",
                    "usd"),
}
_EQUITY = re.compile(r"(?P<ticker>[A-Z]+) US EQUITY (?P<field>[A-Z_]+)")
NEW, EXISTING, REPLACES_DEMO = "new", "existing", "replaces_demo"
LINKED_FROM = "linked_from"  # extra key: the linked file a series is read from
#: What she chose for a row whose target series would be overwritten (services/importers/conflicts).
REPLACE, NEW_SERIES, SKIP = "replace", "new", "skip"


@dataclass
class MappingRow:
    """One candidate → one series; the dialog edits these fields."""

    key: str
    label: str
    series_id: str
    title_ko: str
    title_en: str
    unit: str
    frequency: str
    source: str
    rows: int
    first: date | None
    last: date | None
    include: bool = True
    editable: bool = True
    status: str = NEW
    conflict_with: str = ""  # the existing series this row would overwrite (see conflicts.py)
    choice: str = ""  # REPLACE / NEW_SERIES / SKIP once a conflict was found


def guess_frequency(candidate: Candidate) -> str:
    """D/W/M/Q/A from the median gap between the candidate's dates (D for a single point)."""
    return candidate.series_facts().frequency


def suggest(candidates: list[Candidate], existing: dict[str, SeriesMeta],
            remembered: dict[str, str] | None = None) -> list[MappingRow]:
    """Default mapping rows, one per candidate, with unique target ids."""
    remembered = remembered or {}
    used: set[str] = set()
    out = []
    for cand in candidates:
        facts = cand.series_facts()
        first, last = facts.first, facts.last
        if cand.fixed is not None:
            m = cand.fixed
            row = set_status(MappingRow(cand.key, cand.label, m.id, m.title_ko, m.title_en, m.unit,
                                        m.frequency, m.source, cand.rows, first, last, editable=False),
                             existing)
        else:
            sid = unique_id(_suggest_id(cand, existing, remembered), used)
            row = MappingRow(cand.key, cand.label, sid, cand.label, cand.label,
                             cand.unit_hint or "index", facts.frequency,
                             cand.source_hint or "", cand.rows, first, last)
            known = equity_field(cand.label)
            if known is not None and known[0] == sid:  # titles and unit of a note name's field
                row = replace(row, title_ko=known[1], title_en=known[2], unit=known[3])
            row = retarget(row, sid, existing)  # sets the status too
        used.add(row.series_id)
        out.append(row)
    return out


def _suggest_id(cand: Candidate, existing: dict[str, SeriesMeta], remembered: dict[str, str]) -> str:
    if remembered.get(cand.label):
        return remembered[cand.label]
    if cand.key.startswith("id:") and ID_RE.fullmatch(cand.label):
        return cand.label
    tokens = set(re.split(r"[^A-Z0-9]+", cand.label.upper()))
    for needed, sid in KNOWN_SECURITIES:
        if set(needed) <= tokens and sid in existing:
            return sid
    known = equity_field(cand.label)
    if known is not None:
        return known[0]
    return "import." + label_key(cand.label)


def equity_field(label: str) -> tuple[str, str, str, str] | None:
    """(series id, Korean title, English title, unit) for a note name's Bloomberg field column
    (``NVDA US Equity BEST_PE_RATIO``), else None."""
    m = _EQUITY.fullmatch(re.sub(r"\s+", " ", label.strip().upper()))
    if m is None or m["ticker"] not in NOTE_EQUITIES or m["field"] not in EQUITY_FIELDS:
        return None
    prefix, ko, en, unit = EQUITY_FIELDS[m["field"]]
    name_ko, name_en = NOTE_EQUITIES[m["ticker"]]
    return (f"{prefix}.{m['ticker'].lower()}", ko.format(ko=name_ko), en.format(en=name_en), unit)


def unique_id(sid: str, used: Collection[str]) -> str:
    """``sid``, or ``sid_2`` (``_3`` …) when ``used`` holds it."""
    out, n = sid, 2
    while out in used:
        out, n = f"{sid}_{n}", n + 1
    return out


def keep_apart(mappings: Sequence[list[MappingRow]], existing: dict[str, SeriesMeta],
               taken: Collection[str] = ()) -> int:
    """The same header in two files of one import gives two series, never one merged series.

    An editable row of a later list whose id an earlier list (or ``taken``) already targets is
    moved to ``<id>_2`` (``_3`` …); rows are replaced in place; returns how many moved. Dataset
    rows keep their fixed ids: the commit refuses two files writing one series."""
    used = set(taken)
    moved = 0
    for rows in mappings:
        mine = {r.series_id for r in rows if r.include}
        for i, row in enumerate(rows):
            if row.include and row.editable and row.series_id in used:
                rows[i] = fresh_target(row, unique_id(row.series_id, used | mine), existing)
                mine.add(rows[i].series_id)
                moved += 1
        used |= mine
    return moved


def fresh_target(row: MappingRow, series_id: str, existing: dict[str, SeriesMeta]) -> MappingRow:
    """``row`` moved to ``series_id``; titles and source it had borrowed from its old target go
    back to the file's own (the label), so a new series never wears another series' title."""
    old = existing.get(row.series_id)
    if old is not None:
        if (row.title_ko, row.title_en) == (old.title_ko, old.title_en):
            row = replace(row, title_ko=row.label, title_en=row.label)
        if row.source == old.source:
            row = replace(row, source="")
    return retarget(row, series_id, existing)


def retarget(row: MappingRow, series_id: str, existing: dict[str, SeriesMeta]) -> MappingRow:
    """``row`` pointed at ``series_id``; an existing target lends unit, frequency, source, titles."""
    row = replace(row, series_id=series_id.strip())
    meta = existing.get(row.series_id)
    if meta is not None:
        row = replace(row, unit=meta.unit, frequency=meta.frequency, source=meta.source,
                      title_ko=meta.title_ko, title_en=meta.title_en)
    return set_status(row, existing)


def set_status(row: MappingRow, existing: dict[str, SeriesMeta]) -> MappingRow:
    meta = existing.get(row.series_id)
    status = NEW if meta is None else (REPLACES_DEMO if meta.is_demo else EXISTING)
    return replace(row, status=status)


def build_bundles(path, candidates: list[Candidate], mapping: list[MappingRow],
                  existing: dict[str, SeriesMeta]) -> list[SeriesBundle]:
    """Bundles for the included rows; raises ImportFileError for an invalid mapping."""
    return [bundle for _row, bundle in plan_bundles(path, candidates, mapping, existing)]


def plan_bundles(path, candidates: list[Candidate], mapping: list[MappingRow],
                 existing: dict[str, SeriesMeta], *,
                 linked_from: str = "") -> list[tuple[MappingRow, SeriesBundle]]:
    """Each included row with the bundle it writes; raises ImportFileError for an invalid mapping.
    ``linked_from`` (a linked file's path) is recorded in each series' extra; a plain import
    drops the key, so the series no longer claims to come from the link."""
    by_key = {c.key: c for c in candidates}
    targets: dict[str, str] = {}
    out = []
    for row in mapping:
        if not row.include:
            continue
        where = {"column": row.label}
        if not ID_RE.fullmatch(row.series_id):
            raise ImportFileError(path, "series id must be letters, digits, '.', '_' or '-'",
                                  value=row.series_id, **where)
        if row.series_id in targets:
            raise ImportFileError(path, f"{row.label!r} and {targets[row.series_id]!r} both map to "
                                  f"series {row.series_id!r}", **where)
        targets[row.series_id] = row.label
        cand = by_key[row.key]
        try:
            meta = cand.fixed or _meta(path, row, existing.get(row.series_id), linked_from)
        except ValueError as exc:
            raise ImportFileError(path, str(exc), **where) from None
        out.append((row, SeriesBundle(meta, cand.frame)))
    return out


def _meta(path, row: MappingRow, base: SeriesMeta | None, linked_from: str = "") -> SeriesMeta:
    if row.unit not in UNITS or row.frequency not in FREQUENCIES:
        raise ValueError(f"unit {row.unit!r} / frequency {row.frequency!r} not known")
    real = base is not None and not base.is_demo
    extra = {**(base.extra if real else {}), "imported_from": path.name, "column": row.label}
    extra.pop(LINKED_FROM, None)
    if linked_from:
        extra[LINKED_FROM] = linked_from
    return SeriesMeta(
        id=row.series_id, title_ko=row.title_ko or row.label, title_en=row.title_en or row.label,
        unit=row.unit, frequency=row.frequency, source=row.source or path.name,
        source_ko=base.source_ko if real and base.source == row.source else row.source or path.name,
        note_ko=base.note_ko if real else "", note_en=base.note_en if real else "",
        is_demo=False, licence=base.licence if real else "",
        extra=extra,
    )
