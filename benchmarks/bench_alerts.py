"""Benchmark: 200 alert rules over 50 series × 10 years of daily data (issue 6, target ≤ 20 ms).

Prints the median time of ``evaluate_rules`` (numpy ``FrameCache``, built inside every timed run)
beside a naive pandas evaluation of the same rules measured in the same run. Prints, never
asserts. Run: ``.venv/bin/python benchmarks/bench_alerts.py``
"""

from __future__ import annotations

import statistics
import time
from datetime import date

import numpy as np
import pandas as pd

from qnai_desktop.core.monitors import Rule, evaluate_rules, parse_rule
from qnai_desktop.core.series import SeriesMeta

N_SERIES = 50
N_RULES = 200
YEARS = 10
TARGET_MS = 20.0
TODAY = date(2026, 6, 30)


def make_series(rng: np.random.Generator) -> tuple[dict[str, pd.DataFrame], dict[str, SeriesMeta]]:
    dates = pd.bdate_range(end=pd.Timestamp(TODAY), periods=YEARS * 261).astype("datetime64[s]")
    frames: dict[str, pd.DataFrame] = {}
    metas: dict[str, SeriesMeta] = {}
    for i in range(N_SERIES):
        sid = f"bench.series_{i:02d}"
        spread = i % 2 == 0
        steps = rng.normal(0.0, 2.0 if spread else 0.01, len(dates))
        values = (120.0 if spread else 2.0) + np.cumsum(steps)
        values[rng.random(len(dates)) < 0.01] = np.nan  # holidays with no value
        end = len(dates) - int(rng.integers(0, 8))  # some series a few days behind
        frames[sid] = pd.DataFrame(
            {
                "date": dates[:end],
                "value": values[:end],
                "n": pd.array(rng.integers(3, 40, end), dtype="Int64"),
            }
        )
        unit = "bp" if spread else "usd_per_gpu_hour"
        metas[sid] = SeriesMeta(sid, sid, sid, unit, "D", "synthetic")
    return frames, metas


def leaf(rng: np.random.Generator, frames: dict[str, pd.DataFrame], kind: str) -> dict:
    sid = f"bench.series_{int(rng.integers(0, N_SERIES)):02d}"
    last = float(frames[sid]["value"].dropna().iloc[-1])
    if kind in ("level_above", "level_below"):
        return {"kind": kind, "series": sid, "threshold": round(last * rng.uniform(0.9, 1.1), 2)}
    if kind == "change_over":
        return {
            "kind": kind,
            "series": sid,
            "n_days": int(rng.choice([5, 20, 30, 90])),
            "measure": str(rng.choice(["diff", "pct"])),
            "direction": str(rng.choice(["up", "down"])),
            "threshold": float(rng.choice([1, 5, 10, 50])),
        }
    if kind == "zscore_beyond":
        return {"kind": kind, "series": sid, "k": float(rng.choice([1, 1.5, 2]))}
    return {"kind": kind, "series": sid, "n_days": int(rng.integers(1, 6))}


def make_rules(rng: np.random.Generator, frames: dict[str, pd.DataFrame]) -> list[Rule]:
    kinds = ["level_above", "level_below", "change_over", "zscore_beyond", "stale_older_than"]
    rules = []
    for i in range(N_RULES):
        if i % 7 == 6:
            parts = [
                leaf(rng, frames, str(rng.choice(kinds))) for _ in range(int(rng.integers(2, 4)))
            ]
            data = {"kind": "all_of", "rules": parts}
        else:
            data = leaf(rng, frames, kinds[i % len(kinds)])
        rules.append(parse_rule({"id": f"rule-{i:03d}", **data}))
    return rules


def naive_holds(rule: Rule, frames: dict[str, pd.DataFrame], today: date) -> bool:
    """The obvious pandas version: filter the frame afresh for every rule."""
    if rule.kind == "all_of":
        return all(naive_holds(sub, frames, today) for sub in rule.rules)
    df = frames.get(rule.series)
    df = df[df["value"].notna()] if df is not None else None
    if df is None or df.empty:
        return rule.kind == "stale_older_than"
    last_date, last = df["date"].iloc[-1], float(df["value"].iloc[-1])
    if rule.kind == "stale_older_than":
        return (pd.Timestamp(today) - last_date).days > rule.n_days
    if rule.kind == "level_above":
        return last > rule.threshold
    if rule.kind == "level_below":
        return last < rule.threshold
    if rule.kind == "change_over":
        base = df.loc[df["date"] <= last_date - pd.Timedelta(days=rule.n_days), "value"]
        if base.empty or (rule.measure == "pct" and base.iloc[-1] == 0):
            return False
        b = float(base.iloc[-1])
        change = last - b if rule.measure == "diff" else (last / b - 1.0) * 100.0
        limit = rule.threshold * (1.0 - 1e-9)
        return change >= limit if rule.direction == "up" else change <= -limit
    if df["date"].iloc[0] > last_date - pd.Timedelta(days=365):
        return False
    window = df.loc[df["date"] > last_date - pd.Timedelta(days=365), "value"]
    std = window.std(ddof=1)
    if len(window) < 3 or not std > 0:
        return False
    z = (last - window.mean()) / std
    if rule.direction == "up":
        return z >= rule.k
    if rule.direction == "down":
        return z <= -rule.k
    return abs(z) >= rule.k


def median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def main() -> None:
    rng = np.random.default_rng(6)
    frames, metas = make_series(rng)
    rules = make_rules(rng, frames)
    points = sum(len(f) for f in frames.values())

    def fast() -> dict[str, bool]:
        return evaluate_rules(rules, frames, metas, TODAY, {})[1]

    def naive() -> dict[str, bool]:
        return {rule.id: naive_holds(rule, frames, TODAY) for rule in rules}

    fast_state, naive_state = fast(), naive()  # warm-up and cross-check
    fast_ms = median_ms(fast, 51)
    naive_ms = median_ms(naive, 7)
    print(f"alert evaluation: {N_RULES} rules over {N_SERIES} series, {points:,} points")
    print(f"  evaluate_rules (numpy FrameCache): {fast_ms:8.2f} ms median of 51")
    print(f"  naive pandas per rule (baseline):  {naive_ms:8.2f} ms median of 7")
    print(f"  speed-up vs baseline:              {naive_ms / fast_ms:8.1f}x")
    print(f"  target:                            {TARGET_MS:8.2f} ms  ->  ", end="")
    print("within target" if fast_ms <= TARGET_MS else "OVER target")
    agree = fast_state == naive_state
    print(f"  rules true now: {sum(fast_state.values())}/{N_RULES}; both methods agree: {agree}")


if __name__ == "__main__":
    main()
