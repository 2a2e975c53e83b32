"""How scenario values are shown: percent scaling, units, snapping to a slider step. No Qt.

The UI (sliders, cards, compare table, grid), the CLI's text output and published charts all
format through these functions, so "3.4%", "+30.5%p" and "1.76배" read the same everywhere.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ..phrases import ASSUMPTION_HEAD, NOTE_HEAD, TIMES
from .model import Model
from .outputs import Output
from .params import UNITS, Param

#: Units stored as fractions of 1 but shown in percent (0.034 -> 3.4%).
PERCENT_UNITS = frozenset({"fraction", "pp"})
NA = "-"


def text(obj: Param | Output | Model, lang: str) -> str:
    """The Korean or English label (or title, for a model)."""
    if isinstance(obj, Model):
        return obj.title_ko if lang == "ko" else obj.title_en
    return obj.label_ko if lang == "ko" else obj.label_en


def display_scale(unit: str) -> float:
    """Factor from stored to shown value: 100 for fractions and percentage points, else 1."""
    return 100.0 if unit in PERCENT_UNITS else 1.0


def unit_text(unit: str, lang: str) -> str:
    """The unit as shown beside a slider or in an axis title: ``%``, ``십억달러``, ``배``."""
    return UNITS[unit].pick(lang)


#: English units that count things: "1 token", "2 tokens" (Korean has no plural).
_SINGULAR_EN = {"tokens": "token"}


def suffix_unit(unit: str, fmt: str, lang: str, body: str = "") -> str:
    """The unit printed after a formatted value (``body``), or "" when the value text already
    carries it; English count units are singular after exactly one (``1 token``)."""
    if fmt.endswith("%") or unit == "x":
        return ""
    if lang == "en" and unit in _SINGULAR_EN and re.fullmatch(r"[+-]?1(\.0*)?", body.strip()):
        return _SINGULAR_EN[unit]
    return unit_text(unit, lang)


def format_value(unit: str, fmt: str, value: float, lang: str = "ko") -> str:
    """``0.034`` -> ``3.4%``; percentage points -> ``+30.5%p``; multiples -> ``1.76배``/``1.76x``.

    Non-finite values print as ``-``; a value that rounds to zero never shows as ``-0.0``.
    """
    if value is None or not math.isfinite(value):
        return NA
    # Round half up on the decimal value a person would compute: 17% × 35% = 5.95% -> "6.0%"
    # (binary floats hold 0.0595 as 0.05949999…, which plain format() shows as "5.9%").
    with localcontext() as ctx:
        ctx.rounding = ROUND_HALF_UP
        out = format(Decimal(repr(round(float(value), 12))), fmt)
    if out.startswith("-") and not re.search(r"[1-9]", out):  # "-0.0%" -> "0.0%" / "+0.0%"
        out = ("+" if fmt.startswith("+") else "") + out[1:]
    if fmt.endswith("%"):
        return out[:-1] + "%p" if unit == "pp" else out
    if unit == "x":
        return out + TIMES.pick(lang)
    return out


def format_output(output: Output, value: float, lang: str = "ko") -> str:
    """An output as printed on a card or in a table, long units included (``1,523 십억달러``)."""
    body = format_value(output.unit, output.fmt, value, lang)
    unit = suffix_unit(output.unit, output.fmt, lang, body)
    return f"{body} {unit}" if unit and body != NA else body


def format_param(param: Param, value: float, lang: str = "ko") -> str:
    """A parameter value as shown in tables: a choice's label (``2026F``) or the formatted value."""
    if param.choices is not None:
        choice = param.choice(value)
        if choice is not None:
            return choice.label
    body = format_value(param.unit, param.fmt, value, lang)
    unit = suffix_unit(param.unit, param.fmt, lang, body)
    return f"{body} {unit}" if unit and body != NA else body


def snap(param: Param, value: float) -> float:
    """Clamp to the parameter's range and round to its step grid (from ``min``)."""
    value = min(max(float(value), param.min), param.max)
    if param.integer:
        return float(round(value))
    steps = round((value - param.min) / param.step)
    snapped = min(max(param.min + steps * param.step, param.min), param.max)
    return round(snapped, 10) + 0.0  # never -0.0


def step_decimals(param: Param) -> int:
    """Decimals a slider's number box needs to show one step in display units (1% -> 0)."""
    if param.integer:
        return 0
    step = param.step * display_scale(param.unit)
    decimals = 0
    while decimals < 6 and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-9:
        decimals += 1
    return decimals


def localized(text: str, lang: str) -> str:
    """A bilingual ``"한국어 / English"`` rationale in one language. Korean-only text is dropped in
    English (the Korean note's own sentences are quoted separately, as data)."""
    if not text:
        return ""
    ko, sep, en = text.rpartition(" / ")
    has_hangul = any("\uac00" <= ch <= "\ud7a3" for ch in text)
    if sep and not any("\uac00" <= ch <= "\ud7a3" for ch in en):
        return ko if lang == "ko" else en
    return text if lang == "ko" or not has_hangul else ""


def source_text(param: Param, lang: str) -> str:
    """Tooltip text: the note's sentence, or why an assumption was made."""
    why = localized(param.rationale, lang)
    if param.is_assumption:
        head = ASSUMPTION_HEAD.pick(lang)
        return f"{head}\n{why}" if why else head
    head = NOTE_HEAD.pick(lang)
    body = f"{head}“{param.source}”"
    return f"{body}\n{why}" if why else body


def format_delta(obj: Param | Output, delta: float, lang: str = "ko") -> str:
    """A difference in the item's own format, signed; percent items in points (``+2.6%p``)."""
    fmt = obj.fmt if obj.fmt.startswith("+") else "+" + obj.fmt
    unit = "pp" if obj.unit in PERCENT_UNITS else obj.unit
    body = format_value(unit, fmt, delta, lang)
    suffix = suffix_unit(obj.unit, obj.fmt, lang, body)
    return f"{body} {suffix}" if suffix and body != NA else body


# -- inputs the note leaves out ---------------------------------------------------------------
@dataclass(frozen=True)
class NotGiven:
    """An optional input whose 0 means "not given" (documented on the parameter), the outputs
    that are then not available, and the hint shown in their place."""

    param: str
    outputs: tuple[str, ...]
    hint_ko: str
    hint_en: str

    def hint(self, lang: str) -> str:
        return self.hint_ko if lang == "ko" else self.hint_en


#: By model id. A card, table cell or CLI line of such an output shows ``NA`` and the hint,
#: never a false "0.0 십억달러". (tests/services/test_scenario_cases.py checks every name.)
NOT_GIVEN: dict[str, tuple[NotGiven, ...]] = {
    "meta_compute_sale": (
        NotGiven("major_ai_capex_usd_bn", ("added_supply_usd_bn", "meta_capex_usd_bn"),
                 "‘주요 AI Capex 총액’을 입력하면 계산됩니다", "Set ‘Major AI capex’ (total) to compute"),
        NotGiven("actual_meta_ttm_share", ("actual_ttm_share", "actual_vs_note_pp"),
                 "SEC 공시 데이터 없음: 새로고침하면 채워집니다",
                 "No SEC filings data yet: a refresh fills it in"),
    ),
}


def unavailable(model: Model, params: Mapping[str, float]) -> dict[str, NotGiven]:
    """Output name -> why it is n/a for ``params`` (an optional input left at 0)."""
    out: dict[str, NotGiven] = {}
    for rule in NOT_GIVEN.get(model.id, ()):
        if rule.param in params and float(params[rule.param]) == 0.0:
            out.update(dict.fromkeys(rule.outputs, rule))
    return out
