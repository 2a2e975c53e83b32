"""Benchmark: one Scenarios-tab slider move -> outputs recomputed, cards and chart repainted.

For two models (meta_compute_sale: one curve; spec_decoding: five γ curves, the heaviest chart)
it makes ``MOVES`` slider value changes while the handle is held down, and times each from
``setValue`` to the repainted widgets: the throttle is flushed on every move (the worst case —
each move lands in its own 60 Hz frame), then ``processEvents`` and a synchronous repaint of the
cards and the plot. Printed beside baselines measured in the same run: ``Model.evaluate`` alone
and the pure recompute (outputs + chart curves, no Qt). Target: p95 <= 16 ms. Prints, never
asserts. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_slider.py``
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

MOVES = 600
TARGET_MS = 16.0
#: (model, input dragged). Dragging the chart's x input only moves the marker; dragging another
#: input recomputes every curve (five for spec_decoding) and may rescale the y axis.
CASES = (("meta_compute_sale", "external_sale_fraction"), ("meta_compute_sale", "meta_capex_share"),
         ("spec_decoding", "acceptance_rate"), ("spec_decoding", "draft_cost_ratio"))


def pct(samples: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(samples) * 1000.0, q))


def shown_values(param, n: int) -> list[float]:
    """Back-and-forth across the slider's range in display units, one step at a time."""
    from qnai_desktop.core.scenarios.display import display_scale

    scale = display_scale(param.unit)
    lo, hi, step = param.min * scale, param.max * scale, param.step * scale
    ramp = list(np.arange(lo, hi + step / 2, step))
    out: list[float] = []
    while len(out) < n:
        out += ramp + ramp[::-1]
    return out[:n]


class PaintCounter(QObject):
    """Counts paint events of a widget, to show the chart really repainted on each move."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def time_tab(app: QApplication, tab, model_id: str, name: str) -> tuple[list[float], int]:
    from qnai_desktop.core.scenarios import MODELS

    tab.models_list.setCurrentRow(list(MODELS).index(model_id))
    for _ in range(3):
        app.processEvents()
    control = tab.params.rows[name].control
    values = shown_values(MODELS[model_id].param(name), MOVES)
    control._slider.setSliderDown(True)  # a drag: no autosave until release
    counter = PaintCounter(tab.chart.plot.viewport())
    samples = []
    for v in values:
        t0 = time.perf_counter()
        control.setValue(v)
        tab.flush()
        app.processEvents()  # delivers the update requests: cards and plot paint here
        samples.append(time.perf_counter() - t0)
    control._slider.setSliderDown(False)
    tab.reset()
    return samples, counter.count


def time_pure(model_id: str, name: str) -> tuple[list[float], list[float]]:
    """(evaluate alone, evaluate + every chart curve) per move, no Qt involved."""
    from qnai_desktop.core.scenarios import MODELS
    from qnai_desktop.core.scenarios.curves import chart_x, curve

    model = MODELS[model_id]
    p = model.param(name)
    xs = chart_x(model.param(model.main_param))
    series = [None] if model.chart_series is None else list(model.chart_series[1])
    evaluate, recompute = [], []
    for v in shown_values(p, MOVES):
        params = {**model.defaults(), name: v / (100.0 if p.unit in ("fraction", "pp") else 1.0)}
        t0 = time.perf_counter()
        model.evaluate(params)
        evaluate.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        model.evaluate(params)
        for s in series:
            q = params if s is None else {**params, model.chart_series[0]: s}
            curve(model, q, model.main_param, xs, model.main_output)
        recompute.append(time.perf_counter() - t0)
    return evaluate, recompute


def main() -> None:
    from qnai_desktop.services.seed import open_cache
    from qnai_desktop.ui.common.app_context import AppContext
    from qnai_desktop.ui.common.fonts import apply_app_font
    from qnai_desktop.ui.common.i18n import set_language
    from qnai_desktop.ui.scenarios.tab import ScenariosTab

    app = QApplication.instance() or QApplication([])
    apply_app_font(app)
    with tempfile.TemporaryDirectory() as tmp:
        cache = open_cache(Path(tmp) / "bench.sqlite")
        set_language("ko")
        ctx = AppContext(cache, poll_ms=60_000)
        tab = ScenariosTab(ctx)
        tab.resize(1280, 760)
        tab.show()
        for _ in range(3):
            app.processEvents()
        print(f"Scenarios tab: {MOVES} slider moves per model, 1280x760 offscreen, "
              f"throttle flushed every move")
        print(f"{'measure':<44}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for model_id, name in CASES:
            evaluate, recompute = time_pure(model_id, name)
            moves, paints = time_tab(app, tab, model_id, name)
            print(f"{model_id}, dragging {name}:")
            for label, samples in (("  evaluate() alone (baseline)", evaluate),
                                   ("  outputs + every chart curve, no Qt", recompute),
                                   ("  move -> cards + chart repainted", moves)):
                print(f"{label:<44}{pct(samples, 50):>9.2f}{pct(samples, 95):>9.2f}"
                      f"{max(samples) * 1000:>9.2f}")
            verdict = "meets" if pct(moves, 95) <= TARGET_MS else "MISSES"
            print(f"  -> p95 {pct(moves, 95):.2f} ms {verdict} the {TARGET_MS:.0f} ms target; "
                  f"plot repainted {paints} times for {len(moves)} moves")
        ctx.stop()
        cache.close()


if __name__ == "__main__":
    main()
