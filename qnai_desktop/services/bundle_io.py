"""Series bundles on disk: ``<group>.csv`` (long: series_id,date,value,n) + ``<group>.meta.json``.

Output is deterministic so a rebuild of unchanged inputs gives byte-identical files (clean
diffs for shipped data): series sorted by id, rows by date, values printed with 12 significant
digits (``.12g``; NaN and missing ``n`` as empty cells), UTF-8, ``\\n`` line ends, JSON with
sorted keys. Files are replaced atomically so a crash never leaves half a group; an output path
problem is an ``output_paths.OutputPathError`` naming the path and the reason.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path

import pandas as pd

from ..core.series import SeriesBundle, SeriesMeta, empty_frame, normalize_frame
from .output_paths import atomic_output, check_output_dir

CSV_SUFFIX = ".csv"
META_SUFFIX = ".meta.json"
COLUMNS = ["series_id", "date", "value", "n"]
_GROUP_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_META_FIELDS = {f.name for f in fields(SeriesMeta)}


def format_value(value: float) -> str:
    """The fixed text form of an observation value ('' for NaN)."""
    if value is None or math.isnan(value):
        return ""
    text = format(float(value), ".12g")
    return "0" if text == "-0" else text


def write_bundles(bundles: Iterable[SeriesBundle], folder: Path | str, group: str) -> list[Path]:
    """Write ``bundles`` as the group ``group`` in ``folder``; returns the two paths written."""
    if not _GROUP_RE.fullmatch(group):
        raise ValueError(f"group name {group!r} must be letters, digits, '_', '.' or '-'")
    by_id: dict[str, SeriesBundle] = {}
    for b in bundles:
        if b.meta.id in by_id:
            raise ValueError(f"series {b.meta.id!r} given twice for group {group!r}")
        by_id[b.meta.id] = b
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for sid in sorted(by_id):
        df = normalize_frame(by_id[sid].frame)
        days = df["date"].dt.strftime("%Y-%m-%d").tolist()
        ns = df["n"].tolist()
        for day, value, n in zip(days, df["value"].tolist(), ns, strict=True):
            writer.writerow([sid, day, format_value(value), "" if n is pd.NA else str(int(n))])
    metas = [by_id[sid].meta.to_row() for sid in sorted(by_id)]
    meta_text = json.dumps(metas, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    folder = Path(folder)
    check_output_dir(folder)  # created if missing; OutputPathError ("cannot write …: …") if not
    csv_path, meta_path = folder / f"{group}{CSV_SUFFIX}", folder / f"{group}{META_SUFFIX}"
    _write_atomic(csv_path, out.getvalue())
    _write_atomic(meta_path, meta_text)
    return [csv_path, meta_path]


def read_bundles(folder: Path | str, group: str | None = None) -> list[SeriesBundle]:
    """Bundles of ``group`` (or of every ``*.meta.json`` group) in ``folder``, by group then id."""
    folder = Path(folder)
    if group is not None:
        meta_paths = [folder / f"{group}{META_SUFFIX}"]
    else:
        meta_paths = sorted(folder.glob(f"*{META_SUFFIX}"))
    bundles: list[SeriesBundle] = []
    for meta_path in meta_paths:
        name = meta_path.name[: -len(META_SUFFIX)]
        bundles.extend(_read_group(meta_path, folder / f"{name}{CSV_SUFFIX}"))
    return bundles


def _read_group(meta_path: Path, csv_path: Path) -> list[SeriesBundle]:
    rows = json.loads(meta_path.read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise ValueError(f"{meta_path}: expected a JSON list of series rows")
    metas: dict[str, SeriesMeta] = {}
    for i, row in enumerate(rows):
        try:
            data = {k: v for k, v in row.items() if k in _META_FIELDS}
            data["is_demo"] = bool(data.get("is_demo", False))
            data["extra"] = data.get("extra") or {}
            metas[data["id"]] = SeriesMeta(**data)
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"{meta_path}: series row {i}: {exc}") from exc
    table = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{csv_path}: missing column(s) {', '.join(missing)}")
    unknown = ~table["series_id"].isin(list(metas))
    if unknown.any():
        i = int(unknown.to_numpy().nonzero()[0][0])
        raise ValueError(f"{csv_path}: row {i + 1}, column 'series_id': "
                         f"{table['series_id'].iat[i]!r} is not in {meta_path.name}")
    frames = {sid: part for sid, part in table.groupby("series_id", sort=False)}
    out = []
    for sid in sorted(metas):
        part = frames.get(sid)
        if part is None:
            df = empty_frame()
        else:
            try:
                df = normalize_frame(pd.DataFrame({
                    "date": pd.to_datetime(part["date"], format="%Y-%m-%d"),
                    "value": [float(v) if v else math.nan for v in part["value"]],
                    "n": pd.array([int(n) if n else pd.NA for n in part["n"]], dtype="Int64"),
                }))
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{csv_path}: series {sid!r}: {exc}") from exc
        out.append(SeriesBundle(metas[sid], df))
    return out


def _write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` whole; an ``OutputPathError`` names it when the folder refuses."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)  # shipped data files: the same mode whatever the umask
