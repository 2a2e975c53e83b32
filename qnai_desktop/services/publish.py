"""The nightly pack: refresh every source (a failure is reported and skipped), export the pack
into a fresh folder, then swap it in for last night's — which stays as ``DIR.prev``.

Pure bookkeeping here (the swap, the summary, the exit code); ``commands/publish.py`` runs the
refresh and the rendering. Exit codes: 0 everything fresh and real; 1 a pack was made but a
source failed or a chart is stale, illustrative or held back; 2 no pack could be made.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..core.export_checks import ExportWarning
from .export_plan import HeldBack
from .refresh import FAILED, RefreshResult

PREV_SUFFIX = ".prev"
STAGING_SUFFIX = ".publishing"


def staging_dir(out: Path) -> Path:
    """A fresh, empty sibling folder to build the pack in (same file system: the swap is a
    rename). A leftover from an interrupted run is removed first."""
    stage = out.with_name(out.name + STAGING_SUFFIX)
    if stage.exists():
        shutil.rmtree(stage)
    return stage


def swap_in(stage: Path, out: Path) -> Path | None:
    """``stage`` becomes ``out``; the previous ``out`` becomes ``out.prev`` (replacing an older
    one). Returns where the previous pack went (None if there was none). If the second rename
    fails, the previous pack is put back."""
    prev = out.with_name(out.name + PREV_SUFFIX)
    had = out.exists()
    if had:
        if prev.exists():
            shutil.rmtree(prev)
        os.replace(out, prev)
    try:
        os.replace(stage, out)
    except OSError:
        if had:
            os.replace(prev, out)
        raise
    return prev if had else None


@dataclass
class PublishOutcome:
    """What a publish run did, for the summary lines and the exit code."""

    refresh: RefreshResult | None = None
    files: list[Path] = field(default_factory=list)
    warnings: list[ExportWarning] = field(default_factory=list)
    held_back: list[HeldBack] = field(default_factory=list)
    previous: Path | None = None
    error: str = ""

    @property
    def made(self) -> bool:
        return bool(self.files) and not self.error

    @property
    def exit_code(self) -> int:
        if not self.made:
            return 2
        failed = self.refresh is not None and any(s.status == FAILED for s in self.refresh.sources)
        flagged = any(w.kind in ("stale", "demo", "empty", "missing") for w in self.warnings)
        return 1 if failed or flagged or self.held_back else 0

    def lines(self, lang: str) -> list[str]:
        """One line per source, per held-back chart and per flagged chart."""
        out: list[str] = []
        for s in self.refresh.sources if self.refresh else []:
            tail = s.change.summary() if s.status == "ok" else s.error
            out.append(f"source {s.source}: {s.status} — {tail}")
        out += [f"held back: {h.line(lang)}" for h in self.held_back]
        by_chart: dict[str, list[str]] = {}
        for w in self.warnings:
            if w.kind in ("stale", "demo"):
                by_chart.setdefault(w.chart_id, []).append(w.message(lang))
        out += [f"chart {cid}: {'; '.join(msgs)}" for cid, msgs in by_chart.items()]
        return out
