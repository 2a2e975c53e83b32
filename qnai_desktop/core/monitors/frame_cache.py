"""Per-evaluation index of series arrays, so rules never touch pandas."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from qnai_desktop.core.monitors.arrays import YEAR_DAYS, SeriesArrays


class FrameCache:
    """Converts each frame to numpy once, on first use, and memoises 1-year z-scores.

    Quote counts are skipped: no rule reads them.
    """

    def __init__(self, frames: Mapping[str, pd.DataFrame]) -> None:
        self._frames = frames
        self._arrays: dict[str, SeriesArrays] = {}
        self._zscores: dict[str, float | None] = {}

    def arrays(self, series_id: str) -> SeriesArrays:
        found = self._arrays.get(series_id)
        if found is None:
            found = SeriesArrays.from_frame(self._frames.get(series_id), counts=False)
            self._arrays[series_id] = found
        return found

    def zscore(self, series_id: str) -> float | None:
        if series_id not in self._zscores:
            self._zscores[series_id] = self.arrays(series_id).zscore(YEAR_DAYS)
        return self._zscores[series_id]
