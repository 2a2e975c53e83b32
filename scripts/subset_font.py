"""One-off: subset Noto Sans CJK KR (Regular + Bold) to Hangul + Latin + punctuation.

The result ships in ``resources/fonts/`` so Korean renders the same on every machine (issue 7).
Source: Debian's ``fonts-noto-cjk`` (SIL OFL 1.1, no Reserved Font Name, so the subset keeps the
family name "Noto Sans CJK KR" that ``ui/common/fonts.py`` prefers). The licence text is copied beside it.

    .venv/bin/pip install fonttools   # only for this script
    .venv/bin/python scripts/subset_font.py [--src-dir /usr/share/fonts/opentype/noto]
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "resources" / "fonts"
FAMILY = "Noto Sans CJK KR"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")

#: What a Korean sell-side chart prints: Hangul, Latin, digits, currency, punctuation, arrows,
#: circled numbers, units (㎡, ㈜) — and the handful of Hanja used in Korean market headlines.
RANGES: list[tuple[int, int]] = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x017F),  # Latin-1 Supplement, Latin Extended-A
    (0x02B0, 0x02FF),  # spacing modifier letters
    (0x0391, 0x03C9),  # Greek (α, β, Δ, σ)
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2000, 0x206F),  # General Punctuation (… – — ‘ ’ “ ” • ‰)
    (0x2070, 0x209F),  # super/subscripts
    (0x20A0, 0x20CF),  # currency (₩ € ¥ …)
    (0x2100, 0x218F),  # letterlike (™ №), number forms (Ⅰ Ⅱ)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # maths (− ≤ ≥ ≈ ×)
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes (■ ▲ ●)
    (0x2600, 0x26FF),  # misc symbols (★ ☎)
    (0x3000, 0x303F),  # CJK symbols and punctuation (「」 〈〉 · 、 。)
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0x3200, 0x32FF),  # enclosed CJK (㈜ ㉠)
    (0x3300, 0x33FF),  # CJK compatibility (㎡ ㎞ ㎾)
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7A3),  # Hangul Syllables (all 11,172)
    (0xD7B0, 0xD7FF),  # Hangul Jamo Extended-B
    (0xFF00, 0xFFEF),  # half-/full-width forms
]
HANJA = "美中日韓北英佛獨露印對前後比高低新舊大小上下年月日週株億兆萬円元弗金銀油利稅"


def codepoints() -> list[int]:
    cps = {cp for lo, hi in RANGES for cp in range(lo, hi + 1)}
    cps.update(ord(ch) for ch in HANJA)
    return sorted(cps)


def _face(ttc_path: Path):
    """The KR face of a Noto Sans CJK collection."""
    collection = TTCollection(str(ttc_path))
    for font in collection.fonts:
        if font["name"].getDebugName(1) == FAMILY:
            return font
    raise SystemExit(f"{ttc_path}: no face named {FAMILY!r}")


def subset_face(ttc_path: Path, out_path: Path) -> int:
    """Write the subset OTF atomically; return its size in bytes."""
    font = _face(ttc_path)
    options = subset.Options()
    options.layout_features = ["*"]  # keep kerning, locl, vertical forms
    options.name_IDs = ["*"]  # keep copyright, licence, family names
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False  # CFF hints are not needed at chart sizes; saves space
    sub = subset.Subsetter(options)
    sub.populate(unicodes=codepoints())
    sub.subset(font)
    fd, tmp = tempfile.mkstemp(dir=out_path.parent, suffix=".part")
    os.close(fd)
    try:
        font.save(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the bundle must be readable by all
        os.replace(tmp, out_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out_path.stat().st_size


def licence_text(copyright_notice: str) -> str:
    """The OFL 1.1 text from Debian's copyright file, headed by the font's own notice."""
    raw = DEBIAN_COPYRIGHT.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    lines = raw.decode("utf-8").splitlines()
    # The last "License: SIL-1.1" heads the stanza with the text (the first only names it).
    start = len(lines) - lines[::-1].index("License: SIL-1.1")
    body: list[str] = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    return (
        f"Noto Sans CJK KR (subset: Hangul, Latin, punctuation) — {copyright_notice}\n"
        "Subset by scripts/subset_font.py from Debian fonts-noto-cjk "
        "(https://github.com/googlefonts/noto-cjk). No Reserved Font Name.\n\n"
        + "\n".join(body).strip()
        + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src-dir", type=Path, default=Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    notice = ""
    for weight, ttc in WEIGHTS.items():
        src = args.src_dir / ttc
        out = args.out_dir / f"NotoSansCJKkr-{weight}-subset.otf"
        size = subset_face(src, out)
        notice = notice or _face(src)["name"].getDebugName(0)
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {size / 1e6:.2f} MB")
    (args.out_dir / "OFL.txt").write_text(licence_text(notice), encoding="utf-8")
    print(f"{len(codepoints())} code points; licence in {args.out_dir / 'OFL.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
