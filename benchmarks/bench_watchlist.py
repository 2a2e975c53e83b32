"""Benchmark: the Watchlist tab over 5,000 names (issue 3, target ≤ 50 ms per filter keystroke
and per sort, median).

Measures, in one run and on the real widget (offscreen, shown, events processed so the view has
relaid out): typing a filter one keystroke at a time, and sorting by each kind of column. Beside
each it prints baselines measured in the same run: a plain pandas filter / sort of the same frame
(the floor: no Qt at all) and Qt's stock QSortFilterProxyModel filtering and sorting the same
model through ``data()`` (what the tab would cost without the permutation design).
Prints, never asserts. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_watchlist.py``
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import pandas as pd

from qnai_desktop.core.watchlist import VIEW_COLUMNS, search_text
from qnai_desktop.services.seed import open_cache, watchlist_rows

N_NAMES = 5_000
TARGET_MS = 50.0
QUERY = "agent 주목"  # typed one character at a time
SORT_COLUMNS = ["market_cap_usd_bn", "per_12mf", "vs_sp500", "name", "thesis1", "as_of"]


def make_rows(rng: np.random.Generator) -> list[dict]:
    """The note's 8 names repeated with jittered numbers and suffixed text: 5,000 distinct names."""
    base = watchlist_rows()
    rows = []
    for i in range(N_NAMES):
        r = dict(base[i % len(base)])
        r["ticker"] = f"{r['ticker']}{i:04d}"
        r["name_ko"] = f"{r['name_ko']} {i}"
        r["name_en"] = f"{r['name_en']} {i}"
        r["market_cap_usd_bn"] = float(round(rng.uniform(5, 5000), 1))
        r["per_12mf"] = None if rng.random() < 0.05 else float(round(rng.uniform(8, 60), 1))
        for col in ("thesis1_ko", "thesis2_ko", "thesis1_en", "thesis2_en"):
            r[col] = f"{r[col]} #{i}"
        r["as_of"] = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        r["position"] = i + 1
        rows.append(r)
    return rows


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QApplication

    from qnai_desktop.app import create_application
    from qnai_desktop.ui.common.app_context import AppContext
    from qnai_desktop.ui.common.i18n import set_language
    from qnai_desktop.ui.watchlist.tab import WatchlistTab

    app = create_application()
    rng = np.random.default_rng(3)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QNAI_SETTINGS"] = str(Path(tmp) / "settings.ini")
        cache = open_cache(Path(tmp) / "bench.sqlite")
        t0 = time.perf_counter()
        with cache.transaction():
            cache.db.execute("DELETE FROM companies")
            cache.watchlist.upsert_companies(make_rows(rng), how="import", origin="bench")
        load_s = time.perf_counter() - t0
        set_language("ko")
        ctx = AppContext(cache, poll_ms=3_600_000)
        tab = WatchlistTab(ctx)
        tab.resize(1500, 900)
        t0 = time.perf_counter()
        tab.show()
        app.processEvents()
        first_ms = (time.perf_counter() - t0) * 1000
        assert tab.model.rowCount() == N_NAMES

        # -- filter: one keystroke at a time, then erased one at a time ----------------------
        prefixes = [QUERY[:k] for k in range(1, len(QUERY) + 1)]
        typing = prefixes + prefixes[-2::-1] + [""]
        samples = []
        for _ in range(3):
            for text in typing:
                t0 = time.perf_counter()
                tab.toolbar.filter.setText(text)
                app.processEvents()
                samples.append(time.perf_counter() - t0)
        tab.toolbar.filter.setText("agent")
        shown = tab.proxy.rowCount()
        tab.toolbar.filter.setText("")
        app.processEvents()

        companies = cache.watchlist.companies()
        hay = pd.Series(search_text(companies))
        pandas_filter = []
        for text in typing:
            t0 = time.perf_counter()
            mask = np.ones(len(hay), dtype=bool)
            for term in text.lower().split():
                mask &= hay.str.contains(term, regex=False).to_numpy()
            companies[mask]
            pandas_filter.append(time.perf_counter() - t0)

        # -- sort: each kind of column, both directions ----------------------------------------
        sort_samples: dict[str, list[float]] = {}
        for col in SORT_COLUMNS:
            c = VIEW_COLUMNS.index(col)
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder) * 2:
                t0 = time.perf_counter()
                tab.view.sortByColumn(c, order)
                app.processEvents()
                sort_samples.setdefault(col, []).append(time.perf_counter() - t0)
        frame = tab.model.frame
        pandas_sort = [s for col in SORT_COLUMNS for s in timed(
            lambda col=col: frame.sort_values(col, kind="stable"), 4)]

        refresh = []  # what every stored edit costs: reread, recheck, redraw in place
        for _ in range(3):
            t0 = time.perf_counter()
            tab.refresh()
            app.processEvents()
            refresh.append(time.perf_counter() - t0)
        refresh_ms = median_ms(refresh)

        # -- baseline: Qt's stock proxy doing the same work through data() --------------------
        stock = QSortFilterProxyModel()
        stock.setSourceModel(tab.model)
        stock.setFilterKeyColumn(-1)
        stock.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        stock_filter = []
        for text in prefixes[:4]:
            t0 = time.perf_counter()
            stock.setFilterFixedString(text)
            stock.rowCount()
            stock_filter.append(time.perf_counter() - t0)
        stock.setFilterFixedString("")
        stock.rowCount()  # the stock proxy maps lazily: build it before timing the sort
        stock.setSortRole(Qt.ItemDataRole.UserRole)
        cap = VIEW_COLUMNS.index("market_cap_usd_bn")
        stock_sort = timed(lambda: (stock.sort(cap, Qt.SortOrder.DescendingOrder),
                                    stock.sort(cap, Qt.SortOrder.AscendingOrder),
                                    stock.index(0, 0).data()), 3)
        stock_sort = [s / 2 for s in stock_sort]  # two sorts per sample

        ctx.stop()
        tab.close()
        cache.close()

    all_sort = [s for v in sort_samples.values() for s in v]
    print(f"Watchlist tab, {N_NAMES:,} names (offscreen, {os.cpu_count()} cores)")
    print(f"  load into cache {load_s:.2f} s; first show {first_ms:.0f} ms; full refresh {refresh_ms:.0f} ms")
    print(f"  filter keystroke  median {median_ms(samples):6.1f} ms  max {max(samples) * 1000:6.1f} ms"
          f"  ({len(samples)} keystrokes; 'agent' → {shown:,} rows)  target ≤ {TARGET_MS:.0f} ms")
    print(f"    baseline pandas str.contains + mask     median {median_ms(pandas_filter):6.1f} ms")
    print(f"    baseline stock QSortFilterProxyModel    median {median_ms(stock_filter):6.1f} ms")
    print(f"  sort (click)      median {median_ms(all_sort):6.1f} ms  max {max(all_sort) * 1000:6.1f} ms"
          f"  target ≤ {TARGET_MS:.0f} ms")
    for col, s in sort_samples.items():
        print(f"    {col:<20} median {median_ms(s):6.1f} ms")
    print(f"    baseline pandas sort_values             median {median_ms(pandas_sort):6.1f} ms")
    print(f"    baseline stock proxy sort via data()    median {median_ms(stock_sort):6.1f} ms")
    QApplication.processEvents()


if __name__ == "__main__":
    main()
