"""One colour per company / series key, the same in every chart and export."""

from __future__ import annotations

import math
import zlib

#: House colours by company (brand-derived, chosen to stay distinct when plotted together).
COMPANY_COLORS: dict[str, str] = {
    "nvidia": "#76B900",
    "openai": "#10A37F",
    "anthropic": "#D97757",
    "google": "#4285F4",
    "meta": "#1C2B5A",
    "meta_secondary": "#8A9CC9",
    "oracle": "#C74634",
    "coreweave": "#2741E7",
    "microsoft": "#00A4EF",
    "amazon": "#FF9900",
    "apple": "#8E8E93",
    "xai": "#222222",
    "deepseek": "#6E56CF",
    "qwen": "#B8860B",
    "perplexity": "#20808D",
    "cursor": "#5B5B5B",
    "others": "#B0B0B0",
    # GPU models: Nvidia greens, dark to light by generation.
    "h100": "#1B5E20",
    "h200": "#43A047",
    "b200": "#76B900",
    # Intelligence tiers: dark (frontier) to light (small).
    "frontier": "#0B3C5D",
    "near_frontier": "#328CC1",
    "mid": "#8FC1E3",
    "small": "#C9D6DF",
}

#: Products, models and tickers that take their company's colour.
ALIASES: dict[str, str] = {
    "claude": "anthropic",
    "claude_code": "anthropic",
    "chatgpt": "openai",
    "codex": "openai",
    "gemini": "google",
    "gemini_cli": "google",
    "jules": "google",
    "alphabet": "google",
    "copilot": "microsoft",
    "copilot_cli": "microsoft",
    "msft": "microsoft",
    "grok": "xai",
    "qwen_code": "qwen",
    "alibaba": "qwen",
    "amazonq": "amazon",
    "amzn": "amazon",
    "nvda": "nvidia",
    "orcl": "oracle",
    "crwv": "coreweave",
    "cursor_editor": "cursor",
    "other": "others",
    "h100_index": "h100",
}

#: Deterministic fallback for keys without a house colour (Tableau 10 plus two).
FALLBACK_PALETTE: tuple[str, ...] = (
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#17BECF",
    "#8CD17D",
    "#D37295",
)
_SUFFIXES = ("_5y", "_yoy", "_index", ".median")
#: A fallback colour must be at least this far (OKLab distance) from every colour already in the
#: chart. Tableau's cyan #17BECF is 0.099 from Microsoft's #00A4EF: side by side (Cline next to
#: Copilot CLI on the coding-agent chart) the two read as one blue. 0.12 keeps pairs such as
#: Nvidia green / light green or Anthropic / Tableau orange apart too.
MIN_DISTANCE = 0.12


def _oklab(colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` in OKLab (Björn Ottosson, 2020): distances there track perceived difference
    far better than in RGB, above all between blues."""
    h = colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b))
    lms = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
           0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
           0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
    l_, m_, s_ = (math.copysign(abs(v) ** (1 / 3), v) for v in lms)
    return (0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
            1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
            0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_)


def color_distance(a: str, b: str) -> float:
    """Perceived difference of two hex colours (OKLab Euclidean; ~0.1 = hard to tell apart)."""
    return math.dist(_oklab(a), _oklab(b))


def _lookup(key: str) -> str | None:
    key = ALIASES.get(key, key)
    return COMPANY_COLORS.get(key)


def house_color(key: str) -> str | None:
    """The fixed colour of a company/product/series key, or None when it has none."""
    norm = key.strip().lower()
    candidates = [norm]
    parts = [p for p in norm.split(".") if p]
    candidates += reversed(parts)
    for cand in list(candidates):
        for suffix in _SUFFIXES:
            if cand.endswith(suffix):
                candidates.append(cand.removesuffix(suffix))
    for cand in candidates:
        found = _lookup(cand)
        if found:
            return found
    return None


def _fallback_index(key: str) -> int:
    return zlib.crc32(key.strip().lower().encode("utf-8")) % len(FALLBACK_PALETTE)


def color_for(key: str) -> str:
    """Hex colour for a company, product or series id (``agents.share.claude`` -> Anthropic).

    Tries the key, its last dotted part, then with common suffixes stripped; otherwise picks
    from a fixed palette by CRC32 of the key, so the choice survives restarts.
    """
    return house_color(key) or FALLBACK_PALETTE[_fallback_index(key)]


def colors_for(keys: list[str]) -> list[str]:
    """Colours for the series of one chart: house colours as fixed, fallbacks kept distinct.

    A fallback colour already taken in the chart, or too close to one (``MIN_DISTANCE``), moves
    to the next palette entry, so two keys whose hashes collide never share a colour and a
    fallback never passes for a company's colour; the result depends only on the keys, so it is
    the same on every redraw and in every export.
    """
    fixed = [house_color(key) for key in keys]
    taken = list(dict.fromkeys(c for c in fixed if c))
    out: list[str] = []
    for key, colour in zip(keys, fixed, strict=True):
        if colour is None:
            colour = _fallback(_fallback_index(key), taken)
            taken.append(colour)
        out.append(colour)
    return out


def _fallback(start: int, taken: list[str]) -> str:
    """From the key's palette slot on: the first free colour clearly distinct from every taken
    one; else the free colour farthest from them; with no free colour, the key's own slot."""
    n = len(FALLBACK_PALETTE)
    free = [c for c in (FALLBACK_PALETTE[(start + i) % n] for i in range(n)) if c not in taken]
    if not free:  # more fallback series than palette entries: repeat by hash
        return FALLBACK_PALETTE[start]
    def nearest(c: str) -> float:
        return min((color_distance(c, t) for t in taken), default=math.inf)
    return next((c for c in free if nearest(c) >= MIN_DISTANCE), None) or max(free, key=nearest)
