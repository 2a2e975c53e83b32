"""Source and note lines printed under every chart, in house style ("자료: …, SK증권")."""

from __future__ import annotations

from collections.abc import Mapping

from qnai_desktop.core.charts.resolve import resolve_series
from qnai_desktop.core.charts.spec import ChartSpec
from qnai_desktop.core.series import SeriesMeta

HOUSE_NAME = {"ko": "SK증권", "en": "SK Securities"}
SOURCE_PREFIX = {"ko": "자료: ", "en": "Source: "}
NOTE_PREFIX = {"ko": "주: ", "en": "Note: "}


def _lang(lang: str) -> str:
    if lang not in HOUSE_NAME:
        raise ValueError(f"lang must be 'ko' or 'en', not {lang!r}")
    return lang


def chart_sources(spec: ChartSpec, metas: Mapping[str, SeriesMeta], lang: str) -> list[str]:
    """Publishers of the chart's series, deduplicated in plotting order (house name excluded)."""
    lang = _lang(lang)
    out: list[str] = []
    for sid in resolve_series(spec, metas.keys()):
        meta = metas[sid]
        name = (meta.source_ko or meta.source) if lang == "ko" else meta.source
        name = name.strip()
        if name and name not in out and name not in HOUSE_NAME.values():
            out.append(name)
    return out


def source_line(spec: ChartSpec, metas: Mapping[str, SeriesMeta], lang: str = "ko") -> str:
    """``자료: OpenRouter, SK증권`` / ``Source: OpenRouter, SK Securities``."""
    lang = _lang(lang)
    names = [*chart_sources(spec, metas, lang), HOUSE_NAME[lang]]
    return SOURCE_PREFIX[lang] + ", ".join(names)


def note_line(spec: ChartSpec, lang: str = "ko") -> str:
    """``주: …`` / ``Note: …``, or an empty string when the chart has no note."""
    lang = _lang(lang)
    note = spec.note(lang).strip()
    return NOTE_PREFIX[lang] + note if note else ""
