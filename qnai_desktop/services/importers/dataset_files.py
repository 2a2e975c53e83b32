"""The three shared public datasets, recognised by their full signature and read by ``services/datasets``.

Never by resemblance — each is its whole header and file naming:

* **coding_agents** — a folder named ``commit-data`` (or one file inside it) of ``YYYY-MM-DD.csv``
  day files whose header is exactly ``date,query,count``. The tracker's ``pr-data`` folder has
  the same header but counts pull requests: a look-alike folder is refused, and its files
  import one by one as generic long tables into new ids, never into ``agents.commits.*``.
* **epoch** — ``ai_companies_revenue_reports.csv`` / ``ai_companies_funding_rounds.csv`` by name,
  with the columns the parser needs (a folder needs both files).
* **gpurentalprices** — snapshot JSON: an object with ``date`` and ``generated_at`` (text),
  ``offers`` (a list), ``providers`` (an object) and, when present, ``meta`` (an object; the
  first July 2026 snapshots have none). A folder's JSON files must all be snapshots.
* **shared_data** — the shared-data root holding the three folders above, each checked.

A path that claims a dataset (its name or folder) but breaks the signature raises
``ImportFileError`` naming the file and what differs. Ids and metadata are the parsers'
(docs/SERIES.md), so the mapping is fixed.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from ...core.series import SeriesBundle
from ..datasets import GROUPS, DatasetError, parse_coding_agents, parse_epoch, parse_gpurentalprices
from ..datasets.epoch import FUNDING_FILE, REVENUE_FILE
from .errors import ImportFileError, shorten

PARSERS = {"epoch": parse_epoch, "gpurentalprices": parse_gpurentalprices,
           "coding_agents": parse_coding_agents}
AGENTS_FOLDER = "commit-data"
AGENTS_HEADER = ["date", "query", "count"]
DAY_FILE = re.compile(r"\d{4}-\d\d-\d\d\.csv")
SNAPSHOT_SHAPE: dict[str, type] = {"date": str, "generated_at": str, "offers": list,
                                   "providers": dict}
SNAPSHOT_OPTIONAL: dict[str, type] = {"meta": dict}
# Epoch file -> columns the parser needs (each a tuple of accepted names, matched like the parser)
EPOCH_COLUMNS: dict[str, list[tuple[str, ...]]] = {
    REVENUE_FILE: [("Company",), ("Date",), ("Annualized revenue (USD)", "Annualized revenue")],
    FUNDING_FILE: [("Company",), ("Status",), ("Valuation (post-money)", "Post-money valuation"),
                   ("Close date", "Date")],
}
_SHARED = {"epoch_ai": "epoch", "gpurentalprices": "gpurentalprices",
           "coding_agents": "coding_agents"}


def detect_dataset(path: Path) -> str | None:
    """``epoch`` / ``gpurentalprices`` / ``coding_agents`` / ``shared_data``, or None for a file
    to read as a generic table; raises ImportFileError for a broken or look-alike signature."""
    if path.is_dir():
        return _detect_folder(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        _check_snapshot(path)
        return "gpurentalprices"
    if path.name in EPOCH_COLUMNS:
        _check_epoch(path)
        return "epoch"
    if suffix == ".csv" and path.parent.name == AGENTS_FOLDER and DAY_FILE.fullmatch(path.name):
        _check_agents_file(path)
        return "coding_agents"
    return None


def _detect_folder(path: Path) -> str | None:
    if all((path / sub).is_dir() for sub, _parse in GROUPS.values()):
        for group, (sub, _parse) in GROUPS.items():
            if _detect_folder(path / sub) != _SHARED[group]:
                raise ImportFileError(path / sub, "not the shared dataset folder it should be")
        return "shared_data"
    files = sorted(p for p in path.iterdir() if p.is_file())
    if any(p.name in EPOCH_COLUMNS for p in files):
        missing = [name for name in EPOCH_COLUMNS if not (path / name).is_file()]
        if missing:
            raise ImportFileError(path, f"an Epoch AI folder needs {' and '.join(missing)} too")
        for name in EPOCH_COLUMNS:
            _check_epoch(path / name)
        return "epoch"
    snapshots = [p for p in files if p.suffix.lower() == ".json"]
    if snapshots:
        for p in snapshots:
            _check_snapshot(p)
        return "gpurentalprices"
    tables = [p for p in files if p.suffix.lower() == ".csv"]
    if path.name == AGENTS_FOLDER:
        if not tables:
            raise ImportFileError(path, "no YYYY-MM-DD.csv day files in this commit-data folder")
        for p in tables:
            if not DAY_FILE.fullmatch(p.name):
                raise ImportFileError(p, "not a YYYY-MM-DD.csv day file of the coding-agent "
                                      "commit-data folder")
            _check_agents_file(p)
        return "coding_agents"
    if tables and all(_header(p) == AGENTS_HEADER for p in tables[:20]):
        raise ImportFileError(
            path, "its day files have the coding-agent header (date,query,count) but the folder "
                  f"is not {AGENTS_FOLDER!r}, so they are not imported as commit counts (the "
                  "tracker's pr-data counts pull requests); choose the files inside to import "
                  "them as new series")
    return None


def _check_agents_file(path: Path) -> None:
    header = _header(path)
    if header != AGENTS_HEADER:
        shown = ",".join(header) if header is not None else "unreadable"
        raise ImportFileError(path, f"a coding-agent day file needs the header "
                              f"{','.join(AGENTS_HEADER)} exactly (found {shown})", row=1)


def _check_epoch(path: Path) -> None:
    header = _header(path)
    names = {_key(c) for c in header or []}
    missing = [opts[0] for opts in EPOCH_COLUMNS[path.name]
               if not any(_key(o) in names for o in opts)]
    if header is None or missing:
        raise ImportFileError(path, f"an Epoch AI {path.name} needs the column(s) "
                              f"{', '.join(missing) or 'of its header'}", row=1)


def _check_snapshot(path: Path) -> None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):  # deeply nested too
        doc = None
    wrong = [k for k, kind in SNAPSHOT_SHAPE.items()
             if not isinstance(doc, dict) or not isinstance(doc.get(k), kind)]
    if isinstance(doc, dict):
        wrong += [k for k, kind in SNAPSHOT_OPTIONAL.items()
                  if k in doc and not isinstance(doc[k], kind)]
    if wrong:
        what = "readable JSON" if not isinstance(doc, dict) else ", ".join(wrong)
        raise ImportFileError(path, "not a gpurentalprices.com snapshot (an object with date, "
                              f"generated_at, offers[], providers{{}}, meta{{}}): check {what}")


def read_dataset(path: Path, layout: str) -> list[SeriesBundle]:
    """The dataset's bundles (raises the parsers' located ``DatasetError``, its quoted cell text
    shortened: a 5,000-digit number is named, not repeated)."""
    try:
        if layout == "shared_data":
            out: list[SeriesBundle] = []
            for sub, parse in GROUPS.values():
                out += parse(path / sub)
            return out
        return PARSERS[layout](path)
    except DatasetError as exc:
        exc.args = (shorten(str(exc), tail=f" [{exc.path}]"),)
        raise


def _header(path: Path) -> list[str] | None:
    """The first row's cells (spaces around them stripped), None when unreadable."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            line = fh.readline(65536)
        return [c.strip() for c in next(csv.reader([line]), [])]
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("\ufeff", "")).strip().casefold()
