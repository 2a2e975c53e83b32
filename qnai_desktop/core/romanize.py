"""Stable ASCII keys for column labels: Korean romanised, anything lossy given a hash suffix.

Hangul syllables are romanised by the Revised Romanization of Korean, letter by letter, from
Unicode jamo arithmetic (syllable = 0xAC00 + (initial × 21 + vowel) × 28 + final): ``오라클 매출``
→ ``orakeul_maechul``. RR is not one-to-one (``닭`` and ``닥`` are both ``dak``; ``각카`` and
``가까`` both ``gakka``), so a Hangul run counts as *readable* only when a fixed decoder reads its
romanisation back to the very same syllables; otherwise, and for any other non-ASCII script,
a label with no letter or digit, or a key cut to length, the key ends ``-`` + 6 hex digits of
the label's SHA-256. Plain keys hold only ``[a-z0-9_]``, so a hashed key never equals a plain
one, and two labels with the same plain key read back to the same syllables.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
            "t", "p", "h")
VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
          "we", "wi", "yu", "eu", "ui", "i")
FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
          "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")
#: The final jamo a decoder reads for each romanised final (ㄱ ㄴ ㅅ ㄹ ㅁ ㅂ ㅇ).
CANONICAL_FINAL = {"k": 1, "n": 4, "ng": 21, "t": 19, "l": 8, "m": 16, "p": 17}
FIRST, LAST = 0xAC00, 0xD7A3
HASH_DIGITS = 6
_SEPARATORS = re.compile(r"_+")


def is_syllable(char: str) -> bool:
    return FIRST <= ord(char) <= LAST


def romanize_syllable(char: str) -> str:
    """One precomposed Hangul syllable in Revised Romanization (``클`` → ``keul``)."""
    index = ord(char) - FIRST
    return INITIALS[index // 588] + VOWELS[index % 588 // 28] + FINALS[index % 28]


def romanize(text: str) -> str:
    """``text`` with every Hangul syllable romanised; other characters are kept as they are."""
    return "".join(romanize_syllable(c) if is_syllable(c) else c for c in text)


def decode(roman: str) -> str | None:
    """The syllables a fixed rule reads from ``roman`` (onset first, longest vowel), or None.

    Any deterministic rule would do: a run is readable when this returns it unchanged."""
    return _decode_from(roman, 0)


@lru_cache(maxsize=4096)
def _decode_from(roman: str, start: int) -> str | None:
    if start == len(roman):
        return ""
    for initial in _matches(roman, start, INITIALS):
        at = start + len(INITIALS[initial])
        for vowel in _matches(roman, at, VOWELS):
            end = at + len(VOWELS[vowel])
            base = FIRST + (initial * 21 + vowel) * 28
            rest = _decode_from(roman, end)  # no final: the next consonant starts a syllable
            if rest is not None:
                return chr(base) + rest
            for final in CANONICAL_FINAL:  # "n" before "ng": 한국 is han-guk
                if roman.startswith(final, end):
                    rest = _decode_from(roman, end + len(final))
                    if rest is not None:
                        return chr(base + CANONICAL_FINAL[final]) + rest
    return None


def _matches(roman: str, at: int, table: tuple[str, ...]) -> list[int]:
    """Indexes of the table's entries found at ``roman[at:]``, longest first."""
    found = [i for i, part in enumerate(table) if roman.startswith(part, at)]
    return sorted(found, key=lambda i: len(table[i]), reverse=True)


def is_readable(run: str) -> bool:
    """Whether a run of Hangul syllables reads back from its romanisation unchanged."""
    return decode(romanize(run)) == run


def label_hash(label: str) -> str:
    """Six stable hex digits of the label (NFC, exactly as written otherwise)."""
    data = unicodedata.normalize("NFC", label).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:HASH_DIGITS]


def label_key(label: str, limit: int = 60) -> str:
    """A stable ASCII key for a column label: ``[a-z0-9_]`` words, or ``…-<hash>`` when lossy.

    Pure-ASCII labels keep their old keys (lower-cased words joined by ``_``, cut at ``limit``).
    Hangul runs are romanised and set off from neighbouring ASCII by ``_`` (``H100 임대지수`` →
    ``h100_imdaejisu``)."""
    text = unicodedata.normalize("NFC", label)
    pieces: list[str] = []
    lossy = False
    for run, hangul in _runs(text):
        if hangul:
            lossy = lossy or not is_readable(run)
            pieces.append("_" + romanize(run) + "_")
            continue
        for char in run:
            if char.isascii():
                pieces.append(char.lower() if char.isalnum() else "_")
                continue
            lossy = True  # é → e, ｆ → f; other scripts leave only the hash
            folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            pieces.append("".join(c.lower() for c in folded if c.isalnum()) or "_")
    key = _SEPARATORS.sub("_", "".join(pieces)).strip("_")
    if text.isascii() and key:
        return key[:limit]
    if key and not lossy and len(key) <= limit:
        return key
    return (key[: limit - HASH_DIGITS - 1].rstrip("_") or "series") + "-" + label_hash(label)


def _runs(text: str) -> list[tuple[str, bool]]:
    """``text`` split into runs of Hangul syllables and runs of anything else."""
    out: list[tuple[str, bool]] = []
    for char in text:
        hangul = is_syllable(char)
        if out and out[-1][1] == hangul:
            out[-1] = (out[-1][0] + char, hangul)
        else:
            out.append((char, hangul))
    return out


__all__ = ["decode", "is_readable", "label_hash", "label_key", "romanize", "romanize_syllable"]
