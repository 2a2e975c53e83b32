"""``qnai-desktop charts list [--json]``: the chart pack and the user's charts, with sources."""

from __future__ import annotations

import argparse

from ..core.charts import ChartSpec, build_catalogue, note_line, resolve_series, source_line
from ..core.charts.derived import with_derived_metas
from ._common import open_cache, print_json

NAME = "charts"
HELP = "list the chart catalogue and saved user charts"


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="charts_command", required=True)
    cl = sub.add_parser("list", help="every chart: id, titles, source line, series, illustrative flag")
    cl.add_argument("--json", action="store_true")
    cl.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def chart_rows(cache) -> list[dict]:
    """One row per built-in and user chart, resolved against the cache's series."""
    metas = with_derived_metas(cache.series.metas())  # + series the catalogue computes
    specs: list[ChartSpec] = build_catalogue()
    rows: list[dict] = []
    for data in cache.charts.list():
        try:
            specs.append(ChartSpec.from_dict(data))
        except (KeyError, TypeError, ValueError) as exc:
            rows.append({"id": data.get("id", "?"), "origin": "user", "error": str(exc)})
    for spec in specs:
        series = resolve_series(spec, metas)
        cited = {sid: metas[sid] for sid in series}
        demo = [sid for sid in series if metas[sid].is_demo]
        rows.append({
            "id": spec.id,
            "title_ko": spec.title_ko,
            "title_en": spec.title_en,
            "kind": spec.kind,
            "origin": spec.origin,
            "source_ko": source_line(spec, cited, "ko"),
            "source_en": source_line(spec, cited, "en"),
            "note_ko": note_line(spec, "ko"),
            "note_en": note_line(spec, "en"),
            "series": series,
            "is_demo": bool(demo),
            "demo_series": demo,
        })
    return rows


def run(args: argparse.Namespace) -> int:
    with open_cache(args) as cache:
        rows = chart_rows(cache)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        if "error" in r:
            print(f"{r['id']:<32} [unreadable user chart: {r['error']}]")
            continue
        flag = " [illustrative]" if r["is_demo"] else ""
        print(f"{r['id']:<32} {r['kind']:<13} {r['title_ko']}{flag}")
        print(f"{'':<32} {r['title_en']} — {len(r['series'])} series — {r['source_ko']}")
    return 0
