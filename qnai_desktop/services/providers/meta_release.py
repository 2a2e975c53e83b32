"""Read Meta's ad-impressions and price-per-ad growth out of an earnings release (Exhibit 99.1).

Two forms are published (both seen in Meta's releases):

* one sentence — "In the fourth quarter of 2024, ad impressions delivered across our Family of
  Apps increased by 6% year-over-year and the average price per ad increased by 14%
  year-over-year." (Q3 2022 … Q4 2024);
* two bullets — "Ad impressions – Ad impressions delivered across our Family of Apps increased
  by 20% year-over-year." and "Average price per ad – Average price per ad increased by 6%
  year-over-year." (Q1 2024 on).

The quarter comes from the sentence ("In the fourth quarter of 2024") or else from the release's
title ("Meta Reports Fourth Quarter and Full Year 2024 Results") and must be the calendar quarter
that ended before the filing date. Sentences about the full year are ignored. Anything else — no
sentence, a sentence in another wording, two different figures, a quarter that does not match —
is a :class:`ReleaseProblem` naming what was found: a figure is read, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser

from ..text_fields import plain_text

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_Q_IN_SENTENCE = re.compile(r"\bin the (first|second|third|fourth) quarter of (\d{4})\b", re.I)
_Q_IN_TITLE = re.compile(r"\breports (first|second|third|fourth) quarter (?:and full year )?(\d{4}) "
                         r"results\b", re.I)
_CHANGE = r"(?:(increased|decreased|grew|declined) by (\d{1,3}(?:\.\d+)?)%|(?:was|were|remained) (flat))"
IMPRESSIONS = re.compile(r"ad impressions delivered across our family of apps " + _CHANGE
                         + r" year-over-year", re.I)
PRICE = re.compile(r"(?:the )?average price per ad " + _CHANGE + r" year-over-year", re.I)
_MENTIONS = re.compile(r"ad impressions|price per ad", re.I)
_FULL_YEAR = re.compile(r"\bfull year\b|\bfor the year\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
_BLOCKS = {"p", "div", "br", "tr", "td", "th", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Release:
    """The two figures of one quarter, with the sentence(s) they were read from."""

    quarter_end: date
    impressions: float
    price: float
    sentence: str


@dataclass(frozen=True)
class ReleaseProblem:
    """Why a release gave no figures (shown to the analyst; nothing is written for it)."""

    reason: str


class _Text(HTMLParser):
    """Visible text with a line break at every block element (spans stay inline)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> list[str]:
    """The document's text as lines (one per block), whitespace and dashes normalised."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = text.translate({0xA0: " ", 0x2013: "-", 0x2014: "-", 0x2019: "'", 0x201C: '"', 0x201D: '"',
                           0x200B: None, 0x2022: " ", 0x25AA: " "})  # bullets: not part of a sentence
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


def quarter_before(day: date) -> date:
    """The last calendar quarter end strictly before ``day``."""
    first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return first - timedelta(days=1)


def _quarter_end(ordinal: str, year: str) -> date:
    q = ORDINALS[ordinal.casefold()]
    return quarter_before(date(int(year) + (q == 4), q % 4 * 3 + 1, 1))


def _value(match: re.Match) -> float:
    verb, number, flat = match.group(1), match.group(2), match.group(3)
    if flat:
        return 0.0
    sign = -1.0 if verb.casefold() in ("decreased", "declined") else 1.0
    return sign * float(number)


def read_release(html: str, filed: date) -> Release | ReleaseProblem:
    """The quarter's two figures from a release filed on ``filed``, or why they cannot be read."""
    lines = html_text(html)
    sentences = [s for line in lines for s in _SENTENCE_END.split(line)]
    quarterly = [s for s in sentences if _MENTIONS.search(s) and not _FULL_YEAR.search(s)]
    found: dict[str, dict[float, str]] = {"impressions": {}, "price": {}}
    quarters: set[date] = set()
    unread: list[str] = []
    for s in quarterly:
        hits = [(name, m) for name, rx in (("impressions", IMPRESSIONS), ("price", PRICE))
                for m in rx.finditer(s)]
        if not hits:
            unread.append(s)
        for name, m in hits:
            found[name].setdefault(_value(m), s)
        q = _Q_IN_SENTENCE.search(s)
        if q and hits:
            quarters.add(_quarter_end(q[1], q[2]))
    title = next((m for line in lines[:40] if (m := _Q_IN_TITLE.search(line))), None)
    if title:
        quarters.add(_quarter_end(title[1], title[2]))
    missing = [name for name in ("impressions", "price") if not found[name]]
    if missing:
        what = " and ".join("ad impressions" if n == "impressions" else "average price per ad"
                            for n in missing)
        seen = f"; sentences that mention them but do not read '… increased by X% year-over-year': " \
               f"{' | '.join(plain_text(s, 160) for s in unread[:2])}" if unread else ""
        return ReleaseProblem(f"no '{what} … by X% year-over-year' sentence for the quarter{seen}")
    for name in ("impressions", "price"):
        if len(found[name]) > 1:
            figures = ", ".join(f"{v:g}%" for v in found[name])
            return ReleaseProblem(f"{len(found[name])} different {name} figures for the quarter "
                                  f"({figures}); none is chosen")
    expected = quarter_before(filed)
    if not quarters:
        return ReleaseProblem("the release names no quarter (no 'In the … quarter of YYYY' and no "
                              "'Reports … Quarter YYYY Results' title)")
    if quarters != {expected}:
        named = ", ".join(str(q) for q in sorted(quarters))
        return ReleaseProblem(f"the release is about the quarter ending {named}, but a release "
                              f"filed on {filed} reports the quarter ending {expected}")
    [impressions], [price] = found["impressions"], found["price"]
    used = list(dict.fromkeys([found["impressions"][impressions], found["price"][price]]))
    return Release(expected, impressions, price, plain_text(" ".join(used), 500))
