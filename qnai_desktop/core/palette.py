"""Command-palette matching: type part of a ticker, chart, series, scenario or action.

Pure and Qt-free so it is tested with plain data. An entry matches when every whitespace-
separated token of the query is a case-insensitive substring of its label or keywords; matches
are ranked by how early and how exactly they match (exact word > prefix > substring), then by
kind order (tickers first, actions last) and label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KIND_ORDER = {"ticker": 0, "chart": 1, "monitor": 2, "scenario": 3, "series": 4, "action": 5}


@dataclass(frozen=True)
class PaletteEntry:
    kind: str
    key: str  # what the UI acts on: a ticker, chart id, series id, model id or action name
    label: str
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def haystack(self) -> str:
        return " ".join((self.label, self.key, *self.keywords)).lower()


def _token_score(token: str, hay: str) -> int | None:
    pos = hay.find(token)
    if pos < 0:
        return None
    words = hay.replace(".", " ").replace("_", " ").replace("/", " ").split()
    if token in words:
        return 0
    if any(w.startswith(token) for w in words):
        return 1
    return 2 + min(pos, 50) // 10


def rank(entries: list[PaletteEntry], query: str, limit: int = 50) -> list[PaletteEntry]:
    """Entries matching every token of ``query``, best first. Empty query → actions first."""
    tokens = query.lower().split()
    if not tokens:
        return sorted(entries, key=lambda e: (-(e.kind == "action"), KIND_ORDER.get(e.kind, 9),
                                              e.label))[:limit]
    scored = []
    for entry in entries:
        hay = entry.haystack()
        scores = [_token_score(t, hay) for t in tokens]
        if any(s is None for s in scores):
            continue
        scored.append((sum(scores), KIND_ORDER.get(entry.kind, 9), entry.label.lower(), entry))
    scored.sort(key=lambda t: t[:3])
    return [t[3] for t in scored[:limit]]
