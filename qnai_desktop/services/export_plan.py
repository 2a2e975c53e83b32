"""Plan an export: which files, under which safe deterministic names, and what the manifest says.

Pure except :func:`gather_jobs` (reads the cache). The output folder is touched only by
:class:`~.export_staging.StagedFolder` (re-exported here with the export errors).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from qnai_desktop.core.annotations import annotations_from_rows
from qnai_desktop.core.charts import ChartSpec, PreparedChart, build_catalogue, prepare, resolve_series
from qnai_desktop.core.charts.derived import with_derived, with_derived_metas
from qnai_desktop.core.export_checks import ExportWarning
from qnai_desktop.core.param_axis import is_param_series
from qnai_desktop.core.series import SeriesMeta
from qnai_desktop.services.export_holdback import HeldBack, hold_back  # noqa: F401 - re-exported
from qnai_desktop.services.export_staging import (  # noqa: F401 - re-exported for callers
    STAGING_PREFIX,
    ExportError,
    ExportFolderError,
    ExportNameError,
    StagedFolder,
)

FORMATS = ("png", "svg", "pdf", "pptx", "xlsx", "csv")
PER_CHART_FORMATS = ("png", "svg", "pdf", "xlsx", "csv")  # pptx: one deck for the whole pack
SIZE_PRESETS: dict[str, tuple[int, int]] = {
    "slide_16_9": (1920, 1080),
    "half_16_9": (960, 540),
    "slide_4_3": (1440, 1080),
}
MIN_SIDE, MAX_SIDE = 200, 8000
MAX_SCALE = 4
MAX_PIXEL_SIDE, MAX_PIXELS = 16_384, 80_000_000  # beyond this a QImage needs gigabytes
MANIFEST_NAME = "manifest.json"
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}
_BAD_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


def safe_stem(chart_id: str) -> str:
    """``chart_id`` unchanged if it is a safe single file-name part; else ExportNameError."""
    name = chart_id.strip()
    if not name:
        raise ExportNameError("chart id is empty: cannot name the exported file")
    if "/" in name or "\\" in name or os.sep in name or (os.altsep and os.altsep in name):
        raise ExportNameError(f"chart id {chart_id!r} contains a path separator; "
                              "rename the chart (letters, digits, '_', '-' only)")
    if name in (".", "..") or name.startswith("."):
        raise ExportNameError(f"chart id {chart_id!r} would be a hidden or parent-folder name")
    if _BAD_CHARS.search(name):
        raise ExportNameError(f"chart id {chart_id!r} contains characters not allowed in file names")
    if name.split(".")[0].lower() in _WINDOWS_RESERVED:
        raise ExportNameError(f"chart id {chart_id!r} is a reserved file name on Windows")
    if len(name.encode("utf-8")) > 120:
        raise ExportNameError(f"chart id {chart_id!r} is too long for a file name")
    return name


def file_name(chart_id: str, ext: str) -> str:
    """``<chart-id>.<ext>``: the same name every run, so a nightly pack replaces last night's
    files instead of piling up dated copies (the as-of date is on the image and in the
    manifest)."""
    if ext not in FORMATS:
        raise ValueError(f"unknown format {ext!r}; known: {', '.join(FORMATS)}")
    return f"{safe_stem(chart_id)}.{ext}"


def parse_size(text: str) -> tuple[int, int]:
    """``1920x1080`` or a preset name -> (width, height); ValueError with the accepted forms."""
    if text in SIZE_PRESETS:
        return SIZE_PRESETS[text]
    found = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not found:
        raise ValueError(f"size {text!r}: use WIDTHxHEIGHT (e.g. 1920x1080) or one of "
                         f"{', '.join(SIZE_PRESETS)}")
    w, h = int(found.group(1)), int(found.group(2))
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise ValueError(f"size {w}x{h}: each side must be {MIN_SIDE}–{MAX_SIDE} pixels")
    return w, h


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose: formats, logical size in pixels, scale (1–4x), language, style."""

    formats: tuple[str, ...] = ("png",)
    width: int = 1920
    height: int = 1080
    scale: int = 1
    lang: str = "ko"
    transparent: bool = False
    style: str = "house_default"

    def __post_init__(self) -> None:
        object.__setattr__(self, "formats", tuple(dict.fromkeys(self.formats)))
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown or not self.formats:
            raise ValueError(f"formats {list(self.formats)}: choose from {', '.join(FORMATS)}")
        if not 1 <= int(self.scale) <= MAX_SCALE:
            raise ValueError(f"scale {self.scale}: must be 1–{MAX_SCALE}")
        if self.lang not in ("ko", "en"):
            raise ValueError(f"lang {self.lang!r}: must be 'ko' or 'en'")
        parse_size(f"{self.width}x{self.height}")
        w, h = self.pixel_size
        if max(w, h) > MAX_PIXEL_SIDE or w * h > MAX_PIXELS:
            raise ValueError(f"{self.width}x{self.height} at {self.scale}x is {w}x{h} pixels: "
                             "too large; lower the scale")

    @property
    def pixel_size(self) -> tuple[int, int]:
        """Size of the written image in pixels (logical size times scale)."""
        return self.width * self.scale, self.height * self.scale


@dataclass(frozen=True)
class ChartJob:
    """One chart ready to export: prepared data plus what the manifest needs about its series."""

    spec: ChartSpec
    prepared: PreparedChart
    metas: dict[str, SeriesMeta]
    last_dates: dict[str, date | None]
    first_dates: dict[str, date | None]
    points: dict[str, int]
    provenance: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def chart_id(self) -> str:
        return self.spec.id

    @property
    def as_of(self) -> date | None:
        """Newest observation among the plotted series (raw dates, also for days-since charts)."""
        plotted = [self.last_dates.get(s.series_id) for s in self.prepared.series]
        dates = [d for d in plotted if d is not None]
        return max(dates) if dates else None

    @property
    def frequencies(self) -> dict[str, str]:
        return {sid: m.frequency for sid, m in self.metas.items()}

    @property
    def undated(self) -> bool:
        """A parameter chart (scenario curves): no as-of date, file names say ``curve``."""
        return self.spec.x_mode == "param"

    def file_name(self, ext: str) -> str:
        return file_name(self.chart_id, ext)


@dataclass(frozen=True)
class PlannedFile:
    """One file the export will write."""

    name: str
    format: str
    charts: tuple[str, ...]


@dataclass(frozen=True)
class ExportPlan:
    options: ExportOptions
    jobs: tuple[ChartJob, ...]
    files: tuple[PlannedFile, ...]

    def files_for(self, chart_id: str) -> list[PlannedFile]:
        return [f for f in self.files if f.charts == (chart_id,)]

    @property
    def deck(self) -> PlannedFile | None:
        return next((f for f in self.files if f.format == "pptx"), None)


DECK_NAME = "pack.pptx"
WORKBOOK_NAME = "pack.xlsx"


def deck_name(jobs: Sequence[ChartJob]) -> str:
    """One chart: ``<chart-id>.pptx``; a pack: ``pack.pptx`` (stable across runs)."""
    return jobs[0].file_name("pptx") if len(jobs) == 1 else DECK_NAME


def workbook_name(jobs: Sequence[ChartJob]) -> str:
    """One chart: ``<chart-id>.xlsx``; a pack: ``pack.xlsx`` (a sheet per chart)."""
    return jobs[0].file_name("xlsx") if len(jobs) == 1 else WORKBOOK_NAME


def plan_export(jobs: Sequence[ChartJob], options: ExportOptions, *,
                workbook: bool = False) -> ExportPlan:
    """Every file name, checked for safety and uniqueness before anything is rendered.

    ``workbook``: XLSX is one workbook for the pack (``pack.xlsx``, a sheet per chart; see
    services/export_workbook) instead of one file per chart.
    """
    if not jobs:
        raise ExportError("nothing to export: no charts selected")
    files: list[PlannedFile] = []
    seen: dict[str, str] = {}
    if workbook and "xlsx" in options.formats:
        name = workbook_name(jobs)
        seen[name.casefold()] = "(the workbook)"
    for job in jobs:
        for fmt in options.formats:
            if fmt == "pptx" or (fmt == "xlsx" and workbook):
                continue
            name = job.file_name(fmt)
            key = name.casefold()  # case-insensitive file systems (Windows, macOS)
            if key in seen:
                raise ExportNameError(f"charts {seen[key]!r} and {job.chart_id!r} would both "
                                      f"write {name}")
            seen[key] = job.chart_id
            files.append(PlannedFile(name, fmt, (job.chart_id,)))
    if workbook and "xlsx" in options.formats:
        files.append(PlannedFile(workbook_name(jobs), "xlsx", tuple(j.chart_id for j in jobs)))
    if "pptx" in options.formats:
        files.append(PlannedFile(deck_name(jobs), "pptx", tuple(j.chart_id for j in jobs)))
    return ExportPlan(options, tuple(jobs), tuple(files))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def series_record(job: ChartJob, series_id: str, lang: str) -> dict:
    """Manifest entry for one plotted series: label, source, licence, dates, provenance."""
    meta = job.metas.get(series_id)
    plotted = next(s for s in job.prepared.series if s.series_id == series_id)
    return {
        "id": series_id,
        "label": plotted.label(lang),
        "source": ((meta.source_ko or meta.source) if lang == "ko" else meta.source) if meta else "",
        "licence": meta.licence if meta else "",
        "is_demo": plotted.is_demo,
        "frequency": meta.frequency if meta else "",
        "first": _iso(job.first_dates.get(series_id)),
        "as_of": _iso(job.last_dates.get(series_id)),
        "points": job.points.get(series_id, 0),
        "provenance": job.provenance.get(series_id, []),
    }


def manifest(plan: ExportPlan, warnings: Iterable[ExportWarning], *, created_at: str,
             digests: Mapping[str, tuple[str, int]] | None = None, app_version: str = "",
             held_back: Sequence[HeldBack] = ()) -> dict:
    """manifest.json content: per file, the chart(s), series, sources, as-of dates, provenance."""
    opts = plan.options
    lang = opts.lang
    warned: dict[str, list[dict]] = {}
    for w in warnings:
        warned.setdefault(w.chart_id, []).append(w.to_dict())
    charts = {}
    for job in plan.jobs:
        p = job.prepared
        charts[job.chart_id] = {
            "title": p.title(lang),
            "source_line": p.source(lang),
            "note_line": p.note(lang),
            "unit": p.unit(lang),
            "as_of": _iso(job.as_of),
            "is_demo": p.is_demo,
            "series": [series_record(job, s.series_id, lang) for s in p.series],
            "skipped": dict(p.skipped),
            "warnings": warned.get(job.chart_id, []),
        }
    files = []
    for f in plan.files:
        entry = {
            "file": f.name,
            "format": f.format,
            "charts": list(f.charts),
            "sources": sorted({r["source"] for c in f.charts for r in charts[c]["series"]
                               if r["source"]}),
            "as_of": max((charts[c]["as_of"] for c in f.charts if charts[c]["as_of"]), default=None),
        }
        if f.format in ("png", "svg", "pdf"):
            entry["size"] = list(opts.pixel_size) if f.format == "png" else [opts.width, opts.height]
        if len(f.charts) == 1:
            entry["chart"] = f.charts[0]
        if digests and f.name in digests:
            entry["sha256"], entry["bytes"] = digests[f.name]
        files.append(entry)
    return {
        "app": "qnai-desktop",
        "app_version": app_version,
        "created_at": created_at,
        "options": {"formats": list(opts.formats), "width": opts.width, "height": opts.height,
                    "scale": opts.scale, "lang": lang, "transparent": opts.transparent,
                    "style": opts.style},
        "files": files,
        "charts": charts,
        "held_back": [h.to_dict() for h in held_back],
    }


def _provenance_by_series(rows: Iterable[Mapping], ids: set[str], keep: int = 3) -> dict:
    out: dict[str, list[dict]] = {}
    for row in rows:  # newest first
        targets = set(str(row.get("target", "")).split(","))
        for sid in ids & targets:
            if len(out.setdefault(sid, [])) < keep:
                out[sid].append({"at": row.get("at"), "how": row.get("how"),
                                 "origin": row.get("origin"), "detail": row.get("detail") or ""})
    return out


def all_specs(cache) -> list[ChartSpec]:
    """The built-in catalogue, then the user's saved charts (unreadable ones left out)."""
    specs = build_catalogue()
    known = {s.id for s in specs}
    for data in cache.charts.list():
        try:
            spec = ChartSpec.from_dict(data)
        except (KeyError, TypeError, ValueError):
            continue  # the Charts tab reports broken user charts; export skips them
        if spec.id not in known:
            specs.append(spec)
            known.add(spec.id)
    return specs


def gather_jobs(cache, chart_ids: Sequence[str] | None = None,
                specs: Sequence[ChartSpec] | None = None) -> list[ChartJob]:
    """Prepare the named charts (all when None) from ``cache``; KeyError names unknown ids.

    ``specs`` defaults to :func:`all_specs` (the catalogue plus the user's saved charts).
    """
    catalogue = list(specs) if specs is not None else all_specs(cache)
    by_id = {s.id: s for s in catalogue}
    if chart_ids is not None:
        unknown = [c for c in chart_ids if c not in by_id]
        if unknown:
            raise KeyError(f"unknown chart(s): {', '.join(unknown)}; known: {', '.join(by_id)}")
        catalogue = [by_id[c] for c in dict.fromkeys(chart_ids)]
    metas = with_derived_metas(cache.series.metas())  # + series the catalogue computes
    prov_rows = cache.provenance(limit=500).to_dict("records")
    notes = annotations_from_rows(cache.annotations.list())  # drawn on every image of the chart
    jobs = []
    for spec in catalogue:
        ids = resolve_series(spec, metas.keys())
        frames, _ = with_derived(spec, cache.series.frames(ids), metas)
        prepared = prepare(spec, frames, metas).with_annotations(notes)
        last, first, points = {}, {}, {}
        for sid, frame in frames.items():
            dates = frame["date"][frame["value"].notna()] if len(frame) else frame["date"]
            undated = is_param_series(metas.get(sid))  # placeholder days are no as-of date
            last[sid] = dates.max().date() if len(dates) and not undated else None
            first[sid] = dates.min().date() if len(dates) and not undated else None
            points[sid] = len(dates)
        plotted = {s.series_id for s in prepared.series}
        jobs.append(ChartJob(
            spec=spec, prepared=prepared,
            metas={sid: metas[sid] for sid in ids if sid in metas},
            last_dates=last, first_dates=first, points=points,
            provenance=_provenance_by_series(prov_rows, plotted),
        ))
    return jobs
