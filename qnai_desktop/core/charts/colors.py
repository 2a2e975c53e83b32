"""One colour per company / series key, kept apart within each chart, the same on every redraw.

Every pair of series in one chart differs by at least ``MIN_DELTA_E`` (CIEDE2000, the
perceived-difference formula printers use; about 2 is "just noticeable", 15 is "clearly another
line" — set after Copilot/Gemini at 13.4 and B200/H200 at 13.3 read as one line), and no line is
paler than ``MAX_LINE_L`` (CIELAB lightness), so none fades into the grid on white. A house
colour that clashes with one already in the chart keeps its hue and moves in lightness (darker
first); a key without a house colour takes the first clear fallback."""

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
    "h200": "#2E9E6B",
    "b200": "#76B900",
    # Intelligence tiers: dark (frontier) to light (small).
    "frontier": "#0B3C5D",
    "near_frontier": "#2A7AB8",
    "mid": "#4DB6AC",
    "small": "#A3A07A",
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
#: Least CIEDE2000 difference between two series of one chart.
MIN_DELTA_E = 15.0
#: Palest CIELAB lightness a series line may have (the house grid on white is about 94).
MAX_LINE_L = 78.0
_LIGHTNESS_STEPS = (-10, 10, -20, 20, -30, 30, -40, -50)


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


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


_WHITE = (0.95047, 1.0, 1.08883)  # D65


def _f(t: float) -> float:
    return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29


def _f_inv(t: float) -> float:
    return t ** 3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)


def lab(colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` (sRGB) in CIELAB, D65."""
    h = colour.lstrip("#")
    r, g, b = (_linear(int(h[i:i + 2], 16) / 255) for i in (0, 2, 4))
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)
    fx, fy, fz = (_f(v / w) for v, w in zip(xyz, _WHITE, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def from_lab(lum: float, a: float, b: float) -> str:
    """CIELAB (D65) back to ``#RRGGBB``, clipped to sRGB."""
    fy = (lum + 16) / 116
    x, y, z = (w * _f_inv(f) for w, f in zip(_WHITE, (fy + a / 500, fy, fy - b / 200),
                                              strict=True))
    rgb = (3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
           -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
           0.0556434 * x - 0.2040259 * y + 1.0572252 * z)
    return "#" + "".join(f"{round(min(1.0, max(0.0, _gamma(max(0.0, c)))) * 255):02X}"
                         for c in rgb)


def lightness(colour: str) -> float:
    """CIELAB L* (0 black … 100 white)."""
    return lab(colour)[0]


def delta_e2000(c1: str, c2: str) -> float:
    """CIEDE2000 colour difference of two hex colours."""
    return delta_e2000_lab(lab(c1), lab(c2))


def delta_e2000_lab(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 of two CIELAB colours (Sharma, Wu & Dalal 2005)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar ** 7 / (cbar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    dhue = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbar, cbarp = (l1 + l2) / 2, (c1p + c2p) / 2
    if not c1p * c2p:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hbar - 30)) + 0.24 * math.cos(math.radians(2 * hbar))
         + 0.32 * math.cos(math.radians(3 * hbar + 6))
         - 0.20 * math.cos(math.radians(4 * hbar - 63)))
    theta = 30 * math.exp(-(((hbar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbarp ** 7 / (cbarp ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbarp, 1 + 0.015 * cbarp * t
    rt = -math.sin(math.radians(2 * theta)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhue / sh) ** 2
                     + rt * (dc / sc) * (dhue / sh))


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
    """Colours for the series of one chart, in order: every pair at least ``MIN_DELTA_E`` apart
    and none paler than ``MAX_LINE_L``.

    House colours are kept when clear of the ones already placed; a clashing house colour keeps
    its hue and moves in lightness (darker first); a key without one takes the first clear
    fallback from its palette slot on (CRC32 of the key). The result depends only on the keys,
    so it is the same on every redraw and in every export.
    """
    out: list[str] = []
    for key in keys:
        house = house_color(key)
        if house is not None:
            candidates = [_line_safe(house), *_variants(house)]
        else:
            start = _fallback_index(key)
            n = len(FALLBACK_PALETTE)
            slots = [FALLBACK_PALETTE[(start + i) % n] for i in range(n)]
            candidates = [_line_safe(c) for c in slots] + [v for c in slots for v in _variants(c)]
        out.append(_first_clear(candidates, out))
    return out


def _line_safe(colour: str) -> str:
    """``colour`` darkened to ``MAX_LINE_L`` when it is paler (same hue)."""
    lum, a, b = lab(colour)
    return colour if lum <= MAX_LINE_L else from_lab(MAX_LINE_L, a, b)


def _variants(colour: str) -> list[str]:
    """The same hue at other lightnesses, nearest first, darker before lighter."""
    lum, a, b = lab(colour)
    return [from_lab(lum + step, a, b) for step in _LIGHTNESS_STEPS
            if 12 <= lum + step <= MAX_LINE_L]


def _first_clear(candidates: list[str], taken: list[str]) -> str:
    def nearest(c: str) -> float:
        return min((delta_e2000(c, t) for t in taken), default=math.inf)
    for colour in candidates:
        if nearest(colour) >= MIN_DELTA_E:
            return colour
    return max(candidates, key=nearest)
