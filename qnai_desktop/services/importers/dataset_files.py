"""The three shared public datasets, recognised by content and read by ``services/datasets``.

A path is a dataset when it is (or is a folder of) Epoch AI company CSVs (a "Company" column and
"Annualized revenue (USD)" or "Valuation (post-money)"), gpurentalprices snapshot JSON (an
"offers" list), or coding-agent day CSVs (header ``date,query,count``); or the shared-data root
holding all three. Their series ids and metadata are the parsers' (docs/SERIES.md), so the
mapping is fixed.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...core.series import SeriesBundle
from ..datasets import GROUPS, DatasetError, parse_coding_agents, parse_epoch, parse_gpurentalprices
from ..datasets.epoch import FUNDING_FILE, REVENUE_FILE
from .errors import shorten

PARSERS = {"epoch": parse_epoch, "gpurentalprices": parse_gpurentalprices,
           "coding_agents": parse_coding_agents}


def detect_dataset(path: Path) -> str | None:
    """``epoch`` / ``gpurentalprices`` / ``coding_agents`` / ``shared_data`` or None."""
    if path.is_dir():
        if all((path / sub).is_dir() for sub, _parse in GROUPS.values()):
            return "shared_data"
        if (path / REVENUE_FILE).is_file() or (path / FUNDING_FILE).is_file():
            return "epoch"
        files = sorted(p for p in path.iterdir() if p.is_file())
        if any(p.suffix.lower() == ".json" for p in files):
            return "gpurentalprices"
        first_csv = next((p for p in files if p.suffix.lower() == ".csv"), None)
        return "coding_agents" if first_csv and _is_agents_csv(first_csv) else None
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "gpurentalprices" if _is_snapshot(path) else None
    if suffix == ".csv":
        header = _header(path)
        if _is_agents_header(header):
            return "coding_agents"
        if "company" in header and ({"annualized revenue (usd)", "valuation (post-money)"} & header):
            return "epoch"
    return None


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


def _header(path: Path) -> set[str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            line = fh.readline(65536)
    except (OSError, UnicodeDecodeError):
        return set()
    return {c.strip().strip('"').casefold() for c in line.split(",")}


def _is_agents_header(header: set[str]) -> bool:
    return {"date", "query", "count"} <= header


def _is_agents_csv(path: Path) -> bool:
    return _is_agents_header(_header(path))


def _is_snapshot(path: Path) -> bool:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):  # deeply nested: not ours
        return False
    return isinstance(doc, dict) and "offers" in doc
