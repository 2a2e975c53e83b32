"""Parsers for the real public datasets in ``../shared/data`` (see docs/SERIES.md).

Each parser is a pure function ``path -> list[SeriesBundle]``; ``load_all`` runs the three on a
shared-data folder and returns them keyed by the group name used for ``data/series/<group>.*``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ...core.series import SeriesBundle
from ._common import DatasetError
from .coding_agents import parse_coding_agents
from .epoch import parse_epoch
from .gpurentalprices import daily_medians, parse_gpurentalprices

ENV_VAR = "QNAI_SHARED_DATA"

# group name -> (sub-folder of the shared data folder, parser)
GROUPS: dict[str, tuple[str, Callable[[Path], list[SeriesBundle]]]] = {
    "epoch_ai": ("epoch-ai-companies", parse_epoch),
    "gpurentalprices": ("gpurentalprices/snapshots", parse_gpurentalprices),
    "coding_agents": ("coding-agent-commits/commit-data", parse_coding_agents),
}


def shared_data_dir(override: Path | str | None = None) -> Path:
    """``override``, else ``$QNAI_SHARED_DATA``, else ``../shared/data`` beside the checkout."""
    if override:
        return Path(override)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return Path(__file__).resolve().parents[4] / "shared" / "data"


def load_all(shared: Path | str) -> dict[str, list[SeriesBundle]]:
    """Every dataset group parsed from the shared-data folder ``shared``."""
    root = Path(shared)
    return {group: parse(root / sub) for group, (sub, parse) in GROUPS.items()}


__all__ = ["GROUPS", "DatasetError", "daily_medians", "load_all", "parse_coding_agents",
           "parse_epoch", "parse_gpurentalprices", "shared_data_dir"]
