"""What an output card may truthfully say about the note: pure, so the cards, the CLI and tests
read the same sentence.

"Same as the note" only when the note states a figure for this output (a :class:`Mark` of kind
``note``) and the value equals it within display rounding (or within the mark's stated
tolerance, for the note's "about 3%"). A value computed from assumed inputs says so and, when it
misses the note's figure, by how much and which inputs are assumptions. Without a note figure a
card compares with the model's default inputs and never claims the note.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .display import format_delta, format_output, format_param
from .model import Model
from .outputs import Mark


@dataclass(frozen=True)
class Verdict:
    """The line under a card's value; ``differs`` draws it in the accent colour."""

    text_ko: str
    text_en: str
    differs: bool
    detail_ko: str = ""
    detail_en: str = ""

    def text(self, lang: str) -> str:
        return self.text_ko if lang == "ko" else self.text_en

    def detail(self, lang: str) -> str:
        """The longer why (which inputs are assumptions), for a tooltip or a footnote."""
        return self.detail_ko if lang == "ko" else self.detail_en


def note_mark(model: Model, output: str) -> Mark | None:
    """The note's own figure for ``output``, if the note states one."""
    return next((m for m in model.marks if m.output == output and m.kind == "note"), None)


def _agrees(out, value: float, mark: Mark) -> bool:
    """Equal as shown on the card, or within the tolerance of an approximate note figure."""
    return (format_output(out, value, "en") == format_output(out, mark.value, "en")
            or abs(value - mark.value) <= mark.tolerance + 1e-12)


def at_defaults(model: Model, params: Mapping[str, float]) -> bool:
    return all(math.isclose(float(params.get(p.name, p.default)), float(p.default),
                            rel_tol=1e-12, abs_tol=1e-12) for p in model.params)


def _assumptions(model: Model, lang: str) -> str:
    parts = []
    for p in model.params:
        if p.is_assumption:
            label = p.label_ko if lang == "ko" else p.label_en
            parts.append(f"{label} {format_param(p, p.default, lang)}")
    return ", ".join(parts)


def verdict(model: Model, output: str, value: float, params: Mapping[str, float],
            defaults_out: Mapping[str, float]) -> Verdict:
    """The truthful comparison line for one card (see the module docstring)."""
    out = model.output(output)
    defaults = at_defaults(model, params)
    mark = note_mark(model, output)
    if mark is not None:
        if _agrees(out, value, mark):
            if defaults:
                return Verdict(f"노트 기준과 같음 ({mark.label_ko})",
                               f"Same as the note ({mark.label_en})", False)
            return Verdict(f"노트 수치와 부합 ({mark.label_ko})",
                           f"Consistent with the note ({mark.label_en})", False)
        base = defaults_out[output]
        if not defaults and _agrees(out, base, mark):  # the note's case, as the model computes it
            return Verdict(f"노트 기준 {format_output(out, base, 'ko')} 대비 "
                           f"{format_delta(out, value - base, 'ko')}",
                           f"{format_delta(out, value - base, 'en')} vs the note's case "
                           f"{format_output(out, base, 'en')}", True)
        ko = (f"노트 {format_output(out, mark.value, 'ko')} 대비 "
              f"{format_delta(out, value - mark.value, 'ko')}")
        en = (f"{format_delta(out, value - mark.value, 'en')} vs the note's "
              f"{format_output(out, mark.value, 'en')}")
        if defaults and any(p.is_assumption for p in model.params):
            return Verdict(ko + " (가정 입력값)", en + " (assumed inputs)", True,
                           f"노트에 없는 가정 입력값: {_assumptions(model, 'ko')}. {mark.source}",
                           f"Inputs the note does not give (assumptions): "
                           f"{_assumptions(model, 'en')}.")
        return Verdict(ko, en, True)
    if defaults:
        if any(p.is_assumption for p in model.params):
            return Verdict("기본 가정 기준 (노트 수치 아님)",
                           "From default assumptions (not a figure in the note)", False)
        return Verdict("노트의 입력값 기준", "From the note's inputs", False)
    base = defaults_out[output]
    return Verdict(f"기본값 {format_output(out, base, 'ko')} 대비 "
                   f"{format_delta(out, value - base, 'ko')}",
                   f"{format_delta(out, value - base, 'en')} vs the default "
                   f"{format_output(out, base, 'en')}", True)
