"""One colour per company / series key, the same in every chart and export."""

from __future__ import annotations

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

    A fallback colour already taken in the chart moves to the next free palette entry, so two
    keys whose hashes collide never share a colour within a chart; the result depends only on
    the keys, so it is the same on every redraw and in every export.
    """
    fixed = [house_color(key) for key in keys]
    taken = {c for c in fixed if c}
    out: list[str] = []
    for key, colour in zip(keys, fixed, strict=True):
        if colour is None:
            start = _fallback_index(key)
            for step in range(len(FALLBACK_PALETTE)):
                candidate = FALLBACK_PALETTE[(start + step) % len(FALLBACK_PALETTE)]
                if candidate not in taken:
                    break
            else:  # more fallback series than palette entries: repeat by hash
                candidate = FALLBACK_PALETTE[start]
            colour = candidate
            taken.add(colour)
        out.append(colour)
    return out
