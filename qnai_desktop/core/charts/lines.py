"""Source and note lines printed under every chart, in house style ("자료: …, SK증권")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from qnai_desktop.core.charts.resolve import resolve_series
from qnai_desktop.core.charts.spec import ChartSpec
from qnai_desktop.core.phrases import ILLUSTRATIVE_FLAG, ILLUSTRATIVE_SOURCE
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
    """``자료: OpenRouter, SK증권`` / ``Source: OpenRouter, SK Securities``.

    Invented numbers never carry a real publisher's name alone: the publishers of illustrative
    series stand inside the flag, first — ``자료: 예시 데이터 — 실제 자료 아님 (OpenRouter), SK증권``.
    """
    lang = _lang(lang)
    real = {sid: m for sid, m in metas.items() if not m.is_demo}
    demo = {sid: m for sid, m in metas.items() if m.is_demo}
    names = chart_sources(spec, real, lang)
    if demo:
        shown = chart_sources(spec, demo, lang)
        flag = (ILLUSTRATIVE_SOURCE.pick(lang).format(names=", ".join(shown)) if shown
                else ILLUSTRATIVE_FLAG.pick(lang))
        names = [flag, *names]
    return SOURCE_PREFIX[lang] + ", ".join([*names, HOUSE_NAME[lang]])


def note_line(spec: ChartSpec, lang: str = "ko", extra: Sequence[str] = ()) -> str:
    """``주: …`` / ``Note: …`` (the chart's note, then ``extra`` sentences such as the series
    left out, joined by "; "), or an empty string when there is nothing to note."""
    lang = _lang(lang)
    parts = [t.strip() for t in (spec.note(lang), *extra) if t and t.strip()]
    return NOTE_PREFIX[lang] + "; ".join(parts) if parts else ""
