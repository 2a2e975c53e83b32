"""Plain-language previews of rules, in English or Korean (개조식, no particles to get wrong)."""

from __future__ import annotations

from collections.abc import Mapping

from qnai_desktop.core.monitors.rule import Rule
from qnai_desktop.core.series import UNITS, SeriesMeta

_TIGHT_UNITS = {"%", "x", "배", "pp", "%p"}  # written without a space: 10%, 1.6x


def format_number(value: float) -> str:
    """Up to two decimals, thousands separators, no trailing zeros: 1,500 / 2.5 / 0.35."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def unit_label(unit: str | None, lang: str) -> str:
    if unit is None or unit not in UNITS:
        return ""
    return UNITS[unit].pick(lang)


def format_amount(value: float, unit: str | None, lang: str, signed: bool = False) -> str:
    """A number with its unit label, e.g. ``50 bp``, ``2.5 USD/GPU-hr``, ``1.6x``."""
    number = format_number(value)
    if signed and value > 0:
        number = "+" + number
    label = unit_label(unit, lang)
    if not label:
        return number
    return f"{number}{label}" if label in _TIGHT_UNITS else f"{number} {label}"


def _title(series_id: str, metas: Mapping[str, SeriesMeta], lang: str) -> str:
    meta = metas.get(series_id)
    return meta.title(lang) if meta is not None else series_id


def _unit(series_id: str, metas: Mapping[str, SeriesMeta]) -> str | None:
    meta = metas.get(series_id)
    return meta.unit if meta is not None else None


def _change_size(rule: Rule, unit: str | None, lang: str) -> str:
    return format_amount(rule.threshold or 0.0, "pct" if rule.measure == "pct" else unit, lang)


def _leaf_en(rule: Rule, metas: Mapping[str, SeriesMeta]) -> str:
    title, unit = _title(rule.series, metas, "en"), _unit(rule.series, metas)
    if rule.kind in ("level_above", "level_below"):
        word = "above" if rule.kind == "level_above" else "below"
        return f"{title} is {word} {format_amount(rule.threshold or 0.0, unit, 'en')}"
    if rule.kind == "change_over":
        size = _change_size(rule, unit, "en")
        verb = "rises" if rule.direction == "up" else "falls"
        return f"{title} {verb} {size} or more within {rule.n_days} days"
    if rule.kind == "zscore_beyond":
        k = format_number(rule.k or 0.0)
        side = {"up": "above", "down": "below"}.get(rule.direction or "", "away from")
        return f"{title} is {k} or more standard deviations {side} its 1-year average"
    return f"{title} has no new data for more than {rule.n_days} days"


def _leaf_ko(rule: Rule, metas: Mapping[str, SeriesMeta]) -> str:
    title, unit = _title(rule.series, metas, "ko"), _unit(rule.series, metas)
    if rule.kind in ("level_above", "level_below"):
        word = "초과" if rule.kind == "level_above" else "미만"
        return f"{title} {format_amount(rule.threshold or 0.0, unit, 'ko')} {word}"
    if rule.kind == "change_over":
        size = _change_size(rule, unit, "ko")
        verb = "상승" if rule.direction == "up" else "하락"
        return f"{title} {rule.n_days}일 내 {size} 이상 {verb}"
    if rule.kind == "zscore_beyond":
        k = format_number(rule.k or 0.0)
        side = {"up": "상회", "down": "하회"}.get(rule.direction or "", "이탈")
        return f"{title} 1년 평균 대비 {k} 표준편차 이상 {side}"
    return f"{title} {rule.n_days}일 넘게 데이터 갱신 없음"


def _body(rule: Rule, metas: Mapping[str, SeriesMeta], lang: str) -> str:
    if rule.kind != "all_of":
        return _leaf_en(rule, metas) if lang == "en" else _leaf_ko(rule, metas)
    parts = []
    for sub in rule.rules:
        text = _body(sub, metas, lang)
        parts.append(f"({text})" if sub.kind == "all_of" and len(sub.rules) > 1 else text)
    if lang == "en":
        return " and ".join(parts)
    return ", ".join(parts) + (" (동시 충족)" if len(parts) > 1 else "")


def describe(rule: Rule, metas: Mapping[str, SeriesMeta], lang: str = "ko") -> str:
    """E.g. "Oracle 5Y CDS rises 50 bp or more within 20 days" / "오라클 5년 CDS 20일 내 50 bp
    이상 상승". A named rule is prefixed with its name."""
    body = _body(rule, metas, lang)
    return f"{rule.name}: {body}" if rule.name else body
