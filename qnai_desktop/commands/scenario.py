"""``qnai-desktop scenario list|run|grid``: the note's scenario models from the shell.

Values are in stored units (``--set external_sale_fraction=0.35``; ``35%`` is read as 0.35).
An unknown model, parameter or output, or a value out of range, exits 2 with a message naming
it and what is allowed. ``run`` reads cached actuals a model takes as data (Meta's TTM capex
share from SEC filings for ``meta_compute_sale``) from an existing cache, never creating one;
they replace a saved case's value, ``--set`` wins over them, and ``--json`` then lists them
under ``cached_inputs``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.scenarios import MODELS, ScenarioError, get_model, grid, parse_range, validate
from ..core.scenarios.display import format_output, format_param
from ..core.scenarios.sensitivity import grid_text
from ._common import fail, open_cache, print_json

NAME = "scenario"
HELP = "run the note's scenario models (list, run with overrides, sensitivity grid)"


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="scenario_command", required=True)
    sl = sub.add_parser("list", help="the models with their inputs, ranges and sources")
    sl.add_argument("--json", action="store_true")
    sr = sub.add_parser("run", help="evaluate a model (note's values unless overridden)")
    sr.add_argument("id", help="model id (see `scenario list`)")
    sr.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override an input; repeatable (fractions as 0.35 or 35%%)")
    sr.add_argument("--case", metavar="NAME", help="start from a case saved in the app")
    sr.add_argument("--json", action="store_true")
    sg = sub.add_parser("grid", help="two-input sensitivity table of one output")
    sg.add_argument("id")
    sg.add_argument("--x", required=True, metavar="NAME=LO:HI:N", help="input across (columns)")
    sg.add_argument("--y", required=True, metavar="NAME=LO:HI:N", help="input down (rows)")
    sg.add_argument("--output", required=True, metavar="NAME")
    sg.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    sg.add_argument("--csv", action="store_true", help="raw values as CSV (rows = --y)")
    for p in (sl, sr, sg):
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def parse_set(text: str) -> tuple[str, str | float]:
    """``NAME=VALUE`` -> (name, value); ``35%`` -> 0.35; other text is left to validate()."""
    name, sep, value = text.partition("=")
    name, value = name.strip(), value.strip()
    if not sep or not name or not value:
        raise ScenarioError(f"expected NAME=VALUE, got {text!r}")
    if value.endswith("%"):
        try:
            return name, float(value[:-1]) / 100.0
        except ValueError:
            raise ScenarioError(f"{name}={value!r} is not a percentage") from None
    return name, value


def run(args: argparse.Namespace) -> int:
    try:
        if args.scenario_command == "list":
            return _list(args)
        model = get_model(args.id)
        overrides = dict(parse_set(s) for s in args.set)
        if args.scenario_command == "run":
            return _run(args, model, overrides)
        return _grid(args, model, overrides)
    except ScenarioError as exc:
        return fail(str(exc))


def _list(args: argparse.Namespace) -> int:
    if args.json:
        print_json([m.describe() for m in MODELS.values()])
        return 0
    for m in MODELS.values():
        print(f"{m.id}: {m.title_en}")
        for p in m.params:
            tag = " [assumption]" if p.is_assumption else ""
            print(f"    {p.name:<26} {format_param(p, p.default, 'en'):>14}  "
                  f"({p.range_text()}){tag}")
        print(f"    -> {', '.join(m.output_names)}")
    return 0


def _run(args: argparse.Namespace, model, overrides: dict) -> int:
    base: dict = {}
    if args.case:
        from ..services.scenario_cases import case_params

        with open_cache(args) as cache:
            base = case_params(cache, model.id, args.case)
        for name in overrides:  # --set year=2027F re-derives what the year sets (capex share)
            for choice in model.param(name).choices or ():
                for target in choice.sets:
                    if target not in overrides:
                        base.pop(target, None)
    # Cached actuals are data, not choices: they replace what a saved case holds; --set wins.
    cached = {k: v for k, v in _cached_inputs(args, model.id).items() if k not in overrides}
    params = validate(model, {**base, **{k: v["value"] for k, v in cached.items()}, **overrides})
    outputs = model.compute(params)
    if args.json:
        print_json({"id": model.id, "params": params, "outputs": outputs,
                    **({"cached_inputs": cached} if cached else {})})
        return 0
    print(f"{model.id}: {model.title_en}" + (f"  [case {args.case}]" if args.case else ""))
    width = max(len(x.label_en) for x in (*model.params, *model.outputs))
    for p in model.params:
        mark = " *" if abs(params[p.name] - p.default) > 1e-12 else ""
        print(f"  {p.label_en:<{width}} {format_param(p, params[p.name], 'en'):>16}{mark}")
    print("  " + "-" * (width + 17))
    for o in model.outputs:
        print(f"  {o.label_en:<{width}} {format_output(o, outputs[o.name], 'en'):>16}")
    if any(abs(params[p.name] - p.default) > 1e-12 for p in model.params):
        print("  (* differs from the note's value)")
    for name, info in cached.items():
        print(f"  ({model.param(name).label_en}: {info['source']}, as of {info['as_of']})")
    return 0


def _cached_inputs(args: argparse.Namespace, model_id: str) -> dict[str, dict]:
    """Actuals from the cache named by --db / $QNAI_DB, if that file exists (no seeding)."""
    from ..services.fundamentals.scenario_inputs import scenario_inputs
    from ..store.cache import Cache
    from ..store.db import default_db_path

    path = Path(getattr(args, "db", None) or default_db_path())
    if not path.is_file():
        return {}
    with Cache.open(path) as cache:
        return scenario_inputs(cache, model_id)


def _axis(model, text: str, flag: str) -> tuple[str, list[float]]:
    name, sep, rng = text.partition("=")
    if not sep:
        raise ScenarioError(f"{flag} expects NAME=LO:HI:N (e.g. {model.main_param}=0:1:11), "
                            f"got {text!r}")
    param = model.param(name.strip())
    values = [round(v, 12) for v in parse_range(rng)]  # 0.30000000000000004 -> 0.3
    validate(model, {param.name: min(values)})  # names the input and its range if outside
    validate(model, {param.name: max(values)})
    return param.name, values


def _grid(args: argparse.Namespace, model, overrides: dict) -> int:
    x_name, xs = _axis(model, args.x, "--x")
    y_name, ys = _axis(model, args.y, "--y")
    model.output(args.output)
    table = grid(model, validate(model, overrides), x_name, xs, y_name, ys, args.output)
    if args.csv:
        sys.stdout.write(table.round(12).to_csv(index_label=f"{y_name}\\{x_name}"))
    else:
        print(grid_text(model, table, args.output, "en"))
    return 0
