"""Series the catalogue computes instead of reading from the cache. Pure.

The note's "기존 방식과 MTP + Speculative decoding 비교" and "Dspark 적용하여 동일 모델 속도 향상"
charts have no publisher to fetch: their numbers are the spec_decoding scenario model's
(core/scenarios/models/spec_decoding.py, at its default — assumed — inputs) and the note's own
Dspark figure (+85%, the model's ``note`` mark, also data/facts.csv ``dspark_speedup``). They are
computed whenever a chart names them (:func:`with_derived`, called by ``prepare``), so they always
equal what the Scenarios tab shows, never go stale and are never missing from a pack. Each says
where its numbers come from in its source line and legend: "모형 추정 (가정 입력)" for the model
with assumed inputs, "노트 인용" for the note's figure.

Both are category curves (core/param_axis.py): x positions 1, 2, 3 named by their case.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import pandas as pd

from qnai_desktop.core.param_axis import PARAM_X, ParamAxis
from qnai_desktop.core.scenarios import get_model
from qnai_desktop.core.scenarios.models.spec_decoding import DSPARK_SOURCE
from qnai_desktop.core.scenarios.verdict import note_mark
from qnai_desktop.core.series import SeriesBundle, SeriesMeta

DERIVED_PREFIX = "derived."
SPEC_DECODING_SPEED = "derived.spec_decoding.speed"
DSPARK_SPEED = "derived.dspark.speed"
MODEL_SOURCE_KO = "모형 추정 (가정 입력)"
MODEL_SOURCE_EN = "Model estimate (assumed inputs)"
NOTE_SOURCE_KO = "노트 인용 (언론 종합)"
NOTE_SOURCE_EN = "The note (press reports)"


def _gain(speedup: float) -> str:
    """``+76%`` for a speed-up of 1.76x."""
    return f"{speedup - 1.0:+.0%}"


def spec_decoding_speeds() -> dict[str, float]:
    """Decoding speed relative to the usual way (one token per model step), from the model:
    at its default inputs (MTP drafts checked by speculative decoding) and with every draft
    accepted (acceptance 100%: what MTP's drafts could give at most)."""
    model = get_model("spec_decoding")
    defaults = model.defaults()
    return {"usual": 1.0,
            "mtp_spec": model.evaluate(defaults)["speedup"],
            "ceiling": model.evaluate({**defaults, "acceptance_rate": 1.0})["speedup"]}


def dspark_speeds() -> dict[str, float]:
    """Model speed before and after Dspark, as the note states it (+85%)."""
    mark = note_mark(get_model("spec_decoding"), "speedup")
    if mark is None:  # the model carries the note's figure; without it there is no chart
        raise LookupError("spec_decoding has no note mark for 'speedup'")
    return {"before": 1.0, "after": float(mark.value)}


def spec_decoding_inputs(lang: str) -> str:
    """The assumed inputs in words, for the chart's note: ``수락률 85%, 초안 토큰 1개, …``."""
    d = get_model("spec_decoding").defaults()
    if lang == "ko":
        return (f"수락률 {d['acceptance_rate']:.0%}, 초안 토큰 {d['draft_tokens']:.0f}개, "
                f"초안 비용 본 모델 한 스텝의 {d['draft_cost_ratio']:.0%}")
    drafts = f"{d['draft_tokens']:.0f} draft token" + ("" if d["draft_tokens"] == 1 else "s")
    return (f"acceptance {d['acceptance_rate']:.0%}, {drafts}, "
            f"draft cost {d['draft_cost_ratio']:.0%} of a model step")


def _bundle(sid: str, values: list[float], names_ko: list[str], names_en: list[str], *,
            title: tuple[str, str], source: tuple[str, str], note: tuple[str, str],
            licence: str) -> SeriesBundle:
    axis = ParamAxis(tuple(float(i + 1) for i in range(len(values))),
                     names_ko=tuple(names_ko), names_en=tuple(names_en))
    meta = SeriesMeta(id=sid, title_ko=title[0], title_en=title[1], unit="ratio", frequency="D",
                      source=source[1], source_ko=source[0], note_ko=note[0], note_en=note[1],
                      is_demo=False, licence=licence, extra={PARAM_X: axis.to_dict()})
    frame = pd.DataFrame({"date": axis.dates(), "value": [float(v) for v in values]})
    return SeriesBundle(meta, frame)


@cache
def _bundles() -> tuple[SeriesBundle, ...]:
    s = spec_decoding_speeds()
    d = dspark_speeds()
    spec = _bundle(
        SPEC_DECODING_SPEED, [s["usual"], s["mtp_spec"], s["ceiling"]],
        ["기존 방식 (스텝당 1토큰)", f"MTP + Speculative decoding ({_gain(s['mtp_spec'])})",
         f"MTP 상한: 초안 전부 수락 ({_gain(s['ceiling'])})"],
        ["Usual decoding (1 token per step)",
         f"MTP + speculative decoding ({_gain(s['mtp_spec'])})",
         f"MTP ceiling: every draft accepted ({_gain(s['ceiling'])})"],
        title=(MODEL_SOURCE_KO, MODEL_SOURCE_EN), source=(MODEL_SOURCE_KO, MODEL_SOURCE_EN),
        note=("spec_decoding 시나리오 모형 (Leviathan et al. 2023), 기본 가정 입력",
              "spec_decoding scenario model (Leviathan et al. 2023), default assumed inputs"),
        licence="own model")
    dspark = _bundle(
        DSPARK_SPEED, [d["before"], d["after"]],
        ["Dspark 적용 전", f"Dspark 적용 후 ({_gain(d['after'])})"],
        ["Before Dspark", f"With Dspark ({_gain(d['after'])})"],
        title=("노트 수치", "The note's figure"), source=(NOTE_SOURCE_KO, NOTE_SOURCE_EN),
        note=(DSPARK_SOURCE, "As the note states: " + DSPARK_SOURCE), licence="the note")
    return spec, dspark


def derived_bundles() -> dict[str, SeriesBundle]:
    """Every derived series by id (computed once per process: the model is pure)."""
    return {b.meta.id: b for b in _bundles()}


def with_derived(spec, frames: Mapping[str, pd.DataFrame | pd.Series],
                 metas: Mapping[str, SeriesMeta]
                 ) -> tuple[Mapping[str, pd.DataFrame | pd.Series], Mapping[str, SeriesMeta]]:
    """``frames`` and ``metas`` plus the derived series ``spec`` names (unchanged otherwise)."""
    wanted = [b for sid, b in derived_bundles().items()
              if any(ref.series_id == sid for ref in spec.series)]
    if not wanted:
        return frames, metas
    return ({**frames, **{b.meta.id: b.frame for b in wanted}},
            {**metas, **{b.meta.id: b.meta for b in wanted}})


def with_derived_metas(metas: Mapping[str, SeriesMeta]) -> dict[str, SeriesMeta]:
    """The cache's metas plus every derived series' (for listings: sources, coverage)."""
    return {**metas, **{sid: b.meta for sid, b in derived_bundles().items()}}
