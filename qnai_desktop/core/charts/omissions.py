"""Series a chart leaves out, and the footnote that names them in the chart's language.

Prepare records each series it cannot draw as an :class:`Omission` (why, as a code, plus the
series' title in Korean and English); the footnote groups them by reason —
``Codex, Amazon Q, Windsurf는 누적 1만 미달로 제외`` / ``Codex, Amazon Q and Windsurf not shown
(cumulative total below 10,000)`` — so an image never drops a line silently and never shows a
raw series id. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qnai_desktop.core.localized import Localized
from qnai_desktop.core.phrases import (
    NAMES_MORE,
    OMITTED_CUMULATIVE,
    OMITTED_HIDDEN,
    OMITTED_LEVEL,
    OMITTED_NO_DATA,
    OMITTED_OTHER,
)

#: Why a series is not on the chart.
THRESHOLD, NO_DATA, HIDDEN, OTHER = "threshold", "no_data", "hidden", "other"
REASONS = (THRESHOLD, NO_DATA, HIDDEN, OTHER)
#: Names listed before "외 N개" / "and N more".
MAX_NAMES = 6


@dataclass(frozen=True)
class Omission:
    """One series the chart asked for but does not draw."""

    series_id: str
    label_ko: str
    label_en: str
    reason: str
    threshold: float | None = None
    cumulative: bool = False

    def __post_init__(self) -> None:
        if self.reason not in REASONS:
            raise ValueError(f"omission reason must be one of {REASONS}, not {self.reason!r}")

    def label(self, lang: str) -> str:
        return self.label_ko if lang == "ko" else self.label_en

    @property
    def group(self) -> tuple:
        """Omissions with the same sentence share a group (one threshold, one reason)."""
        return (self.reason, self.threshold, self.cumulative)


def korean_number(value: float) -> str:
    """``10000`` -> ``1만``, ``1000000`` -> ``100만``, ``2e8`` -> ``2억``, else ``1,500``."""
    for unit, word in ((100_000_000, "억"), (10_000, "만")):
        if value >= unit and value % unit == 0:
            return f"{value / unit:,.0f}{word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


#: Latin endings read with a final consonant in Korean (Devin 데빈, Copilot 코파일럿, Grok 그록,
#: a silent e: Cline 클라인), and letters whose Korean names end in one (L 엘, M 엠, N 엔, R 알).
_LATIN_FINAL = ("l", "m", "n", "k", "t", "ng", "ne", "me", "le")  # Cline 클라인, Google 구글
_LETTER_FINAL = ("L", "M", "N", "R")


def topic_particle(name: str) -> str:
    """``은`` after a final consonant, else ``는``: Hangul exactly, Latin script by its usual
    Korean reading (a best effort: brand names have no fixed reading)."""
    # a trailing parenthetical is an aside: "하이일드 OAS (대용치)" reads as "OAS는"
    text = re.sub(r"\s*\([^()]*\)\s*$", "", name).rstrip() or name.rstrip(" )")
    if not text:
        return "는"
    last = text[-1]
    if "가" <= last <= "힣":
        return "은" if (ord(last) - ord("가")) % 28 else "는"
    if last.isdigit():
        return "은" if last in "013678" else "는"  # 영·십·백, 일, 삼, 육, 칠, 팔 (이, 사, 오, 구: 는)
    word = text.split()[-1]
    if len(word) == 1 and word.isupper():
        return "은" if word in _LETTER_FINAL else "는"
    return "은" if word.lower().endswith(_LATIN_FINAL) else "는"


def _names(labels: Sequence[str], lang: str) -> str:
    shown = list(labels[:MAX_NAMES])
    if lang == "ko" or len(shown) == 1:
        text = ", ".join(shown)
    else:
        text = ", ".join(shown[:-1]) + " and " + shown[-1] if len(labels) <= MAX_NAMES \
            else ", ".join(shown)
    if len(labels) > MAX_NAMES:
        text = NAMES_MORE.pick(lang).format(names=text, n=len(labels) - MAX_NAMES)
    return text


def _phrase(reason: str, cumulative: bool) -> Localized:
    if reason == THRESHOLD:
        return OMITTED_CUMULATIVE if cumulative else OMITTED_LEVEL
    return {NO_DATA: OMITTED_NO_DATA, HIDDEN: OMITTED_HIDDEN}.get(reason, OMITTED_OTHER)


def omission_sentences(omitted: Iterable[Omission], lang: str) -> list[str]:
    """One sentence per reason, in the order the reasons first occur; unnamed series (no title
    at all) are counted, never shown by id."""
    groups: dict[tuple, list[Omission]] = {}
    for o in omitted:
        groups.setdefault(o.group, []).append(o)
    out = []
    for (reason, threshold, cumulative), items in groups.items():
        labels = list(dict.fromkeys(o.label(lang) for o in items if o.label(lang)))
        if not labels:
            continue
        names = _names(labels, lang)
        n = ""
        if threshold is not None:
            n = korean_number(threshold) if lang == "ko" else f"{threshold:,.0f}"
        text = _phrase(reason, cumulative).pick(lang)
        out.append(text.format(names=names, topic=topic_particle(names), n=n))
    return out


def omission_note(omitted: Iterable[Omission], lang: str) -> str:
    """The sentences joined for a footnote (``""`` when nothing is left out)."""
    return "; ".join(omission_sentences(omitted, lang))
