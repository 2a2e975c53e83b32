"""Which chart of the note stands on what: per catalogue chart, each series' origin, whether it
is real, a proxy or illustrative, its last date and freshness, and the ONE action that would make
it real (or fresh). ``qnai-desktop sources`` prints it; the window's "Data sources" view shows
the same rows (plain dataclasses, no Qt).

Origins: ``live`` (a refresh source keeps it: npm, fred, sec …), ``linked`` (a linked workbook
writes it, ``extra["linked_from"]``), ``import`` (a file she imported, ``extra["imported_from"]``),
``illustrative`` (is_demo), ``model`` (a published scenario curve), ``missing`` (the chart asks
for it and the cache has none). Kinds: ``real``, ``proxy`` (real data standing in for the
note's — ``core.charts.fill_hints.PROXIES``: FRED's credit spreads are not CDS, StatCounter's
referral share is not SimilarWeb's visits), ``illustrative``, ``missing``, ``model``. Freshness
uses the export check's rule (``core.export_checks.stale_after_days``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime

from ..core.charts import ChartSpec, build_catalogue, resolve_refs, unresolved_refs
from ..core.charts.derived import with_derived_metas
from ..core.charts.fill_hints import FillHint, hint_for, proxy_for, without_setup
from ..core.export_checks import stale_after_days
from ..core.param_axis import is_param_series
from ..core.series import SeriesMeta
from ..store.cache import Cache
from .fundamentals.sec import UA_ENV, UA_SETTING
from .importers.mapping import LINKED_FROM
from .links import LinkInfo, list_links

LIVE, LINKED, IMPORT, ILLUSTRATIVE, MODEL, MISSING = (
    "live", "linked", "import", "illustrative", "model", "missing")
REAL, PROXY = "real", "proxy"
FRESH, STALE = "fresh", "stale"
#: worst first: a chart is as real as its least real series
_RANK = {MISSING: 0, ILLUSTRATIVE: 1, PROXY: 2, MODEL: 3, REAL: 4}


@dataclass(frozen=True)
class SeriesCoverage:
    """One series of a chart (or a ref of it that matched nothing: ``series_id`` is its pattern)."""

    series_id: str
    title_ko: str
    title_en: str
    origin: str  # live / linked / import / illustrative / model / missing
    origin_detail: str  # the refresh source, the linked or imported file, or ''
    kind: str  # real / proxy / illustrative / missing / model
    last: date | None = None
    age_days: int | None = None
    stale_after_days: int | None = None
    freshness: str = ""  # fresh / stale / '' (no dated points)
    note_ko: str = ""  # what a proxy is not; a broken link's sentence
    note_en: str = ""
    action_ko: str = ""  # the one thing to do ('' when nothing is needed)
    action_en: str = ""

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en

    def note(self, lang: str) -> str:
        return self.note_ko if lang == "ko" else self.note_en

    def action(self, lang: str) -> str:
        return self.action_ko if lang == "ko" else self.action_en

    def to_dict(self) -> dict:
        out = asdict(self)
        out["last"] = self.last.isoformat() if self.last else None
        return out


@dataclass(frozen=True)
class ChartCoverage:
    """One catalogue chart: its status (its least real series) and the one next action."""

    chart_id: str
    title_ko: str
    title_en: str
    status: str  # real / proxy / illustrative / missing
    stale: bool
    series: tuple[SeriesCoverage, ...] = field(default_factory=tuple)
    action_ko: str = ""
    action_en: str = ""

    def title(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title_en

    def action(self, lang: str) -> str:
        return self.action_ko if lang == "ko" else self.action_en

    def to_dict(self) -> dict:
        return {"chart": self.chart_id, "title_ko": self.title_ko, "title_en": self.title_en,
                "status": self.status, "stale": self.stale, "action_ko": self.action_ko,
                "action_en": self.action_en, "series": [s.to_dict() for s in self.series]}


def coverage(cache: Cache, today: date | None = None) -> list[ChartCoverage]:
    """Every catalogue chart's coverage, read from ``cache`` (series stats, links)."""
    summary = cache.series.summary()
    last = {r.id: date.fromisoformat(r.last) for r in summary.itertuples()
            if isinstance(r.last, str) and r.last}
    metas = with_derived_metas(cache.series.metas())  # + series the catalogue computes
    charts = chart_coverage(build_catalogue(), metas, last, list_links(cache),
                            today or datetime.now(UTC).date())
    ua_set = bool(os.environ.get(UA_ENV, "").strip() or cache.settings.get(UA_SETTING))
    return [_setup_done(c) for c in charts] if ua_set else charts


def _setup_done(chart: ChartCoverage) -> ChartCoverage:
    """The SEC User-Agent is set: its step leaves every action (it said "set the User-Agent"
    on Meta's row after she had set it)."""
    rows = tuple(replace(r, action_ko=without_setup(r.action_ko), action_en=without_setup(r.action_en))
                 for r in chart.series)
    return replace(chart, series=rows, action_ko=without_setup(chart.action_ko),
                   action_en=without_setup(chart.action_en))


def chart_coverage(specs: list[ChartSpec], metas: Mapping[str, SeriesMeta],
                   last_dates: Mapping[str, date], links: list[LinkInfo],
                   today: date) -> list[ChartCoverage]:
    """Pure: the coverage of ``specs`` given the cache's series, their last dates and links."""
    by_path = {link.path: link for link in links}
    out = []
    for spec in specs:
        drawn = [series_coverage(sid, metas[sid], last_dates.get(sid), by_path, today)
                 for sid, _ref in resolve_refs(spec, metas)]
        missing = [_missing(spec, pattern) for pattern in unresolved_refs(spec, metas)]
        replacing = {m.series_id for m in missing if _replaces(spec, m.series_id)}
        # a proxy drawn beside the real series only when cached (FRED's spreads next to CDS)
        # is optional: its absence does not make the chart missing
        optional = {m.series_id for m in missing if m.note_en and m.series_id not in replacing}
        counted = drawn + [m for m in missing if m.series_id not in optional | replacing]
        status = min((_status(r) for r in counted), key=_RANK.__getitem__, default=MISSING)

        def priority(r: SeriesCoverage, replacing=replacing, optional=optional) -> tuple[int, int]:
            """What makes the chart real first: the source its fallback waits for, a missing
            series, illustrative ones, proxies; then a stale one; an optional proxy last."""
            if r.series_id in replacing:
                return (0, 0)
            if r.series_id in optional:
                return (9, 0)
            return (1 + _RANK[_status(r)], r.freshness != STALE)

        rows = drawn + missing
        todo = sorted((r for r in rows if r.action_en), key=priority)
        first = todo[0] if todo else None
        out.append(ChartCoverage(spec.id, spec.title_ko, spec.title_en, status,
                                 any(r.freshness == STALE for r in drawn), tuple(rows),
                                 first.action_ko if first else "", first.action_en if first else ""))
    return out


def _replaces(spec: ChartSpec, pattern: str) -> bool:
    """True when another ref of ``spec`` is a fallback waiting for ``pattern``."""
    return any(pattern in ref.unless for ref in spec.series)


def series_coverage(sid: str, meta: SeriesMeta, last: date | None, links: Mapping[str, LinkInfo],
                    today: date) -> SeriesCoverage:
    """Where one cached series comes from, how real and fresh it is, and what to do."""
    hint = hint_for(sid)
    proxy = proxy_for(sid)
    link = links.get(str(meta.extra.get(LINKED_FROM) or ""))
    if is_param_series(meta):
        return SeriesCoverage(sid, meta.title_ko, meta.title_en, MODEL, "scenario", MODEL)
    if meta.is_demo:
        origin, detail, kind = ILLUSTRATIVE, "", ILLUSTRATIVE
    elif link is not None:
        origin, detail = LINKED, link.path
    elif meta.extra.get("imported_from"):
        origin, detail = IMPORT, str(meta.extra["imported_from"])
    elif hint is not None and hint.source and hint.source != "links":
        origin, detail = LIVE, hint.source
    else:
        origin, detail = IMPORT, meta.source
    if not meta.is_demo:
        kind = PROXY if proxy is not None else REAL
    age = (today - last).days if last else None
    limit = stale_after_days(meta.frequency)
    freshness = "" if age is None else STALE if age > limit else FRESH
    note_ko, note_en = (proxy.note_ko, proxy.note_en) if proxy else ("", "")
    action_ko, action_en = _action(sid, origin, freshness, hint, link)
    if link is not None and link.failed:
        note_ko = note_en = f"link #{link.id} {link.state}: {link.message}"
    return SeriesCoverage(sid, meta.title_ko, meta.title_en, origin, detail, kind, last, age, limit,
                          freshness, note_ko, note_en, action_ko, action_en)


def _action(sid: str, origin: str, freshness: str, hint: FillHint | None,
            link: LinkInfo | None) -> tuple[str, str]:
    if origin == ILLUSTRATIVE:
        return _fill(sid, hint)
    if link is not None and link.failed:
        return (f"연결된 파일 #{link.id} 고치기 ({link.state}): qnai-desktop links list",
                f"fix linked file #{link.id} ({link.state}): qnai-desktop links list")
    if freshness != STALE:
        return "", ""
    if origin == LINKED and link is not None:
        return (f"{link.name}을(를) Bloomberg 애드인이 있는 Excel에서 열어 새로 고친 뒤 저장",
                f"open {link.name} in Excel with the Bloomberg add-in, let it refresh, save it")
    if origin == LIVE and hint is not None:
        return hint.action_ko, hint.action_en
    return ("더 최근 파일을 가져오기(Ctrl+I) 또는 qnai-desktop import",
            "import a newer file (Ctrl+I) or qnai-desktop import")


def _fill(sid: str, hint: FillHint | None) -> tuple[str, str]:
    if hint is not None:
        return hint.action_ko, hint.action_en
    return (f"{sid} 시리즈를 가져오기(Ctrl+I)", f"import the series {sid} (Ctrl+I)")


def _missing(spec: ChartSpec, pattern: str) -> SeriesCoverage:
    ref = next(r for r in spec.series if r.series_id == pattern)
    hint = hint_for(pattern)
    proxy = proxy_for(pattern)
    action_ko, action_en = _fill(pattern, hint)
    return SeriesCoverage(pattern, ref.label_ko or pattern, ref.label_en or pattern, MISSING,
                          hint.source if hint else "", MISSING,
                          note_ko=proxy.note_ko if proxy else "", note_en=proxy.note_en if proxy else "",
                          action_ko=action_ko, action_en=action_en)


def _status(row: SeriesCoverage) -> str:
    return row.kind if row.kind in _RANK else REAL
