"""``qnai-desktop series list|show``: cached series and their observations."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from ..core.param_axis import param_axis
from ._common import fail, open_cache

NAME = "series"
HELP = "list or show cached series"


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="series_command", required=True)
    sl = sub.add_parser("list", help="every series with points, dates (or x range for scenario "
                                     "curves), unit, source")
    sl.add_argument("--json", action="store_true")
    ss = sub.add_parser("show", help="one series' observations")
    ss.add_argument("id")
    ss.add_argument("--csv", action="store_true")
    for p in (sl, ss):
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _listing(cache) -> pd.DataFrame:
    """``series_list`` plus ``kind``: ``dated``, or ``curve`` for a parameter curve (a published
    scenario), whose placeholder days are replaced by its x range, input and unit."""
    df = cache.series.summary()
    axes = {sid: param_axis(m) for sid, m in cache.series.metas().items()}
    df["kind"] = ["curve" if axes.get(sid) else "dated" for sid in df["id"]]
    df["x"] = [_x_text(axes.get(sid)) for sid in df["id"]]
    curve = df["kind"] == "curve"
    df["first"] = df["first"].astype(object).where(~curve, None)
    df["last"] = df["last"].astype(object).where(~curve, None)
    return df


def _x_text(axis) -> str | None:
    if axis is None:
        return None
    return f"x = {axis.label_en or 'input'} {axis.values[0]:g}…{axis.values[-1]:g} {axis.unit_en}".strip()


def run(args: argparse.Namespace) -> int:
    with open_cache(args) as cache:
        if args.series_command == "list":
            df = _listing(cache)
            if args.json:
                print(df.to_json(orient="records", force_ascii=False, indent=2))
            else:
                for r in df.itertuples():
                    flag = " [illustrative]" if r.is_demo else ""
                    span = (f"{r.first or '-':>10} … {r.last or '-':<10}" if r.kind == "dated"
                            else f"{'[curve, not dated]':<23}")
                    print(f"{r.id:<32} {r.points:>6} {span} [{r.unit}] {r.source}{flag}"
                          + (f" — {r.x}" if isinstance(r.x, str) else ""))
            return 0
        try:
            meta = cache.series.meta(args.id)
        except KeyError as exc:
            return fail(exc.args[0])
        obs = cache.series.observations(args.id)
    axis = param_axis(meta)
    if axis is not None:  # placeholder days stand for the input's values: show those instead
        x_name = f"{axis.label_en} ({axis.unit_en})" if axis.unit_en else axis.label_en or "x"
        out = pd.DataFrame({x_name: axis.x_for(obs["date"]), "value": obs["value"]})
    else:
        out = obs.assign(date=obs["date"].dt.strftime("%Y-%m-%d"))
    if args.csv:
        sys.stdout.write(out.to_csv(index=False))
    else:
        print(f"{meta.id}: {meta.title_en} [{meta.unit}] — {meta.source}"
              + (" (illustrative data)" if meta.is_demo else "")
              + (" (scenario curve: x is a model input, not dates)" if axis is not None else ""))
        print(out.to_string(index=False))
    return 0
