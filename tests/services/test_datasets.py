"""The three real-dataset parsers: real files, the documented quirks, and located errors."""

from __future__ import annotations

import csv
import json
import os
import re
import statistics
from pathlib import Path

import pandas as pd
import pytest

from qnai_desktop.services.bundle_io import read_bundles, write_bundles
from qnai_desktop.services.datasets import (
    DatasetError,
    coding_agents,
    daily_medians,
    epoch,
    gpurentalprices,
    load_all,
    parse_coding_agents,
    parse_epoch,
    parse_gpurentalprices,
)

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("QNAI_SHARED_DATA")
              or Path(__file__).resolve().parents[3] / "shared" / "data")
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason=f"shared public datasets not found at {SHARED} (set QNAI_SHARED_DATA)")
EPOCH = SHARED / "epoch-ai-companies"
SNAPSHOTS = SHARED / "gpurentalprices" / "snapshots"
COMMITS = SHARED / "coding-agent-commits" / "commit-data"


def by_id(bundles):
    return {b.meta.id: b for b in bundles}


def values_on(bundle) -> dict[str, float]:
    return dict(zip(bundle.frame["date"].dt.strftime("%Y-%m-%d"), bundle.frame["value"],
                    strict=True))


def assert_contract(bundle) -> None:
    df = bundle.frame
    assert list(df.columns) == ["date", "value", "n"]
    assert str(df["date"].dtype) == "datetime64[s]"
    assert df["value"].dtype == "float64"
    assert str(df["n"].dtype) == "Int64"
    assert df["date"].is_monotonic_increasing and df["date"].is_unique
    assert bundle.meta.is_demo is False and bundle.meta.licence and bundle.meta.source
    assert bundle.meta.title_ko and bundle.meta.title_en


# --- real files -----------------------------------------------------------------------------


@needs_shared
def test_real_files_give_the_documented_ids_with_readme_licences():
    groups = load_all(SHARED)
    documented = _documented_real_ids()
    produced = {b.meta.id for bundles in groups.values() for b in bundles}
    assert produced == documented
    licences = _readme_licences()
    folder_of = {"epoch_ai": "epoch-ai-companies/", "gpurentalprices": "gpurentalprices/snapshots/",
                 "coding_agents": "coding-agent-commits/commit-data/"}
    for group, bundles in groups.items():
        for b in bundles:
            assert_contract(b)
            assert b.meta.licence == licences[folder_of[group]]


@needs_shared
def test_epoch_arr_and_valuation_counts_match_an_independent_count():
    rev = pd.read_csv(EPOCH / epoch.REVENUE_FILE, dtype=str, keep_default_na=False)
    rounds = pd.read_csv(EPOCH / epoch.FUNDING_FILE, dtype=str, keep_default_na=False)
    got = by_id(parse_epoch(EPOCH))
    for company, sid in (("OpenAI", "openai"), ("Anthropic", "anthropic"), ("xAI", "xai")):
        r = rev[(rev["Company"] == company) & (rev["Date"] != "")
                & (rev["Annualized revenue (USD)"] != "")]
        arr = got[f"epoch.arr.{sid}"]
        assert len(arr.frame) == r["Date"].nunique()
        assert arr.frame["date"].min() == pd.Timestamp(r["Date"].min())
        f = rounds[(rounds["Company"] == company) & (rounds["Status"] == "Closed")
                   & (rounds["Close date"] != "") & (rounds["Valuation (post-money)"] != "")]
        val = got[f"epoch.valuation.{sid}"]
        assert len(val.frame) == f["Close date"].nunique()
        assert val.meta.unit == "usd_bn" and val.meta.frequency == "M"


@needs_shared
def test_epoch_discussed_rounds_never_plot_as_valuations():
    rounds = pd.read_csv(EPOCH / epoch.FUNDING_FILE, dtype=str, keep_default_na=False)
    talks = rounds[(rounds["Status"] != "Closed") & (rounds["Valuation (post-money)"] != "")]
    assert len(talks), "the snapshot has valuations from rounds still in discussion"
    got = by_id(parse_epoch(EPOCH))
    for _, row in talks.iterrows():
        series = got.get(f"epoch.valuation.{row['Company'].casefold()}")
        if series is not None:
            billions = float(row["Valuation (post-money)"]) / 1e9
            assert billions not in set(series.frame["value"])


@needs_shared
def test_gpu_headline_medians_match_an_independent_computation():
    files = sorted(SNAPSHOTS.glob("*.json"))
    got = by_id(parse_gpurentalprices(SNAPSHOTS))
    days = {json.loads(f.read_text())["date"] for f in files}
    for model in ("h100", "h200", "b200"):
        b = got[f"gpu_rent.{model}.median"]
        assert len(b.frame) == len(days)
        assert b.meta.unit == "usd_per_gpu_hour" and b.meta.frequency == "D"
    # Recompute the last day's H100 median straight from the JSON.
    doc = json.loads(files[-1].read_text())
    kinds = gpurentalprices.DEFAULT_KINDS
    prices = [o["usd_hr"] for o in doc["offers"]
              if re.fullmatch(r"h100(-.*)?", o["gpu"]) and o["kind"] in kinds
              and isinstance(o.get("usd_hr"), int | float) and o["usd_hr"] > 0]
    last = got["gpu_rent.h100.median"].frame.iloc[-1]
    assert last["value"] == pytest.approx(statistics.median(prices))
    assert last["n"] == len(prices)


@needs_shared
def test_gpu_all_models_keep_gh200_apart_from_h200():
    df = daily_medians(SNAPSHOTS)
    assert {"h100", "h200", "b200", "gh200"} <= set(df["model"])
    assert str(df["date"].dtype) == "datetime64[s]" and str(df["n"].dtype) == "Int64"
    h200 = by_id(parse_gpurentalprices(SNAPSHOTS))["gpu_rent.h200.median"].frame
    table = df[df["model"] == "h200"].reset_index(drop=True)
    assert table["value"].tolist() == h200["value"].tolist()


@needs_shared
def test_coding_agent_counts_match_an_independent_count():
    files = sorted(COMMITS.glob("*.csv"))
    rows: dict[str, int] = {}
    for f in files:
        with f.open(newline="") as fh:
            for row in csv.DictReader(fh):
                rows[row["query"]] = rows.get(row["query"], 0) + 1
    got = by_id(parse_coding_agents(COMMITS))
    assert len(got["agents.commits.total"].frame) == len(files) == rows["total"]
    for query, count in rows.items():
        assert len(got[f"agents.commits.{query}"].frame) == count
        if query != "total":
            assert len(got[f"agents.share.{query}"].frame) == count
            assert got[f"agents.share.{query}"].meta.unit == "pct"


@needs_shared
def test_shipped_data_series_match_a_fresh_build(tmp_path):
    shipped = REPO / "data" / "series"
    for group, bundles in load_all(SHARED).items():
        write_bundles(bundles, tmp_path, group)
        for suffix in (".csv", ".meta.json"):
            name = f"{group}{suffix}"
            assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), (
                f"data/series/{name} is stale: run scripts/build_default_data.py")
    assert {b.meta.id for b in read_bundles(shipped)} == _documented_real_ids()


# --- Epoch quirks ---------------------------------------------------------------------------

ROUNDS_HEADER = "Id,Company,Close date,Status,Valuation (post-money),Report date,Confidence,Notes\n"


def test_epoch_keeps_closed_rounds_only_and_skips_empty_dates(tmp_path):
    path = tmp_path / epoch.FUNDING_FILE
    path.write_text(
        ROUNDS_HEADER
        + 'a,OpenAI,2025-01-10,Closed,100000000000.0,2025-01-10,Likely,"two\nline note"\n'
        + "b,OpenAI,2025-02-10,Late discussions,900000000000.0,2025-02-10,Likely,\n"
        + "c,OpenAI,,Closed,800000000000.0,2025-03-01,Likely,\n"
        + "d,Anthropic,2025-04-01,Early discussions,700000000000.0,,,\n",
        encoding="utf-8")
    bundles = parse_epoch(path)
    assert [b.meta.id for b in bundles] == ["epoch.valuation.openai"]
    assert values_on(bundles[0]) == {"2025-01-10": 100.0}


def test_epoch_same_date_prefers_confidence_then_latest_report(tmp_path):
    path = tmp_path / epoch.REVENUE_FILE
    path.write_text(
        "Company,Date,Annualized revenue (USD),Confidence,Report date,Extra column\n"
        "xAI,2025-03-31,300000000,Confident,2025-04-01,x\n"
        "xAI,2025-03-31,100000000,Likely,2026-01-01,x\n"
        "Anthropic,2025-03-31,200000000,Likely,2025-06-01,\n"
        "Anthropic,2025-03-31,500000000,Likely,2026-01-09,\n"
        "Anthropic,2025-03-31,400000000,Likely,2025-07-01,\n",
        encoding="utf-8")
    got = by_id(parse_epoch(path))
    assert values_on(got["epoch.arr.xai"]) == {"2025-03-31": 0.3}
    assert values_on(got["epoch.arr.anthropic"]) == {"2025-03-31": 0.5}


def test_epoch_missing_required_column_names_file_and_column(tmp_path):
    path = tmp_path / epoch.FUNDING_FILE
    path.write_text("Company,Close date,Valuation (post-money)\nOpenAI,2025-01-01,1\n")
    with pytest.raises(ValueError, match=r"ai_companies_funding_rounds\.csv.*'Status'"):
        parse_epoch(path)


def test_epoch_unparseable_value_names_file_row_and_column(tmp_path):
    path = tmp_path / epoch.REVENUE_FILE
    path.write_text("Company,Date,Annualized revenue (USD),Notes\n"
                    'OpenAI,2024-01-01,1000000000,"multi\nline"\n'
                    "OpenAI,2024-02-01,about 2B,\n")
    with pytest.raises(DatasetError) as err:
        parse_epoch(path)
    assert err.value.row == 2 and err.value.line == 4
    assert err.value.column == "Annualized revenue (USD)"
    assert "ai_companies_revenue_reports.csv" in str(err.value)
    assert "row 2" in str(err.value) and "'Annualized revenue (USD)'" in str(err.value)


def test_epoch_bad_date_is_a_located_error(tmp_path):
    path = tmp_path / epoch.REVENUE_FILE
    path.write_text("Company,Date,Annualized revenue (USD)\nOpenAI,2024-13-01,1\n")
    with pytest.raises(ValueError, match=r"row 1.*'Date'.*2024-13-01"):
        parse_epoch(path)


# --- GPU quirks -----------------------------------------------------------------------------


def write_snapshot(folder: Path, day: str, offers: list[dict]) -> Path:
    path = folder / f"{day}.json"
    path.write_text(json.dumps({"date": day, "generated_at": f"{day}T08:00:00Z",
                                "offers": offers, "providers": {}, "meta": {}}))
    return path


def offer(gpu: str, usd_hr, kind: str = "on-demand", provider: str = "p") -> dict:
    return {"provider": provider, "gpu": gpu, "vram_gb": 80, "usd_hr": usd_hr, "kind": kind}


def test_gpu_gh200_is_not_h200_and_h100_variants_group(tmp_path):
    write_snapshot(tmp_path, "2026-07-01", [
        offer("h200", 4.0), offer("h200-nvl", 6.0), offer("gh200", 1.5), offer("gh200", 1.6),
        offer("h100-sxm", 2.0), offer("h100-pcie", 3.0), offer("H100 NVL", 4.0),
        offer("b200", 6.0), offer("gb200", 9.0), offer("b300", 9.5),
    ])
    got = by_id(parse_gpurentalprices(tmp_path))
    h200 = got["gpu_rent.h200.median"].frame.iloc[0]
    assert (h200["value"], h200["n"]) == (5.0, 2)
    h100 = got["gpu_rent.h100.median"].frame.iloc[0]
    assert (h100["value"], h100["n"]) == (3.0, 3)
    b200 = got["gpu_rent.b200.median"].frame.iloc[0]
    assert (b200["value"], b200["n"]) == (6.0, 1)
    models = set(daily_medians(tmp_path)["model"])
    assert {"h200", "gh200", "h100", "b200", "gb200", "b300"} == models


def test_gpu_ignores_bad_prices_and_spot_offers_by_default(tmp_path):
    write_snapshot(tmp_path, "2026-07-01", [
        offer("h100", 2.0), offer("h100", 4.0, kind="community"), offer("h100", 0),
        offer("h100", -1.0), offer("h100", None), {"provider": "p", "gpu": "h100"},
        offer("h100", 0.5, kind="spot"), offer("h100", 9.0, kind="serverless"),
    ])
    write_snapshot(tmp_path, "2026-07-02", [offer("h100", 3.0, kind="spot")])
    default = parse_gpurentalprices(tmp_path)[0].frame
    assert default["value"].tolist() == [3.0] and default["n"].tolist() == [2]
    everything = parse_gpurentalprices(tmp_path, kinds=None)[0].frame
    assert everything["value"].tolist() == [3.0, 3.0]
    assert everything["n"].tolist() == [4, 1]


def test_gpu_malformed_json_names_file_and_line(tmp_path):
    (tmp_path / "2026-07-01.json").write_text('{"date": "2026-07-01",\n "offers": [ }')
    with pytest.raises(DatasetError, match=r"2026-07-01\.json.*line 2") as err:
        parse_gpurentalprices(tmp_path)
    assert err.value.line == 2 and err.value.column


def test_gpu_non_numeric_price_names_the_offer_field(tmp_path):
    write_snapshot(tmp_path, "2026-07-01", [offer("h100", 2.0), offer("h100", "cheap")])
    with pytest.raises(ValueError, match=r"2026-07-01\.json.*offers\[1\]\.usd_hr"):
        parse_gpurentalprices(tmp_path)


# --- coding-agent quirks --------------------------------------------------------------------


def write_day(folder: Path, day: str, counts: dict[str, str | int]) -> None:
    lines = ["date,query,count"] + [f"{day},{q},{c}" for q, c in counts.items()]
    (folder / f"{day}.csv").write_text("\n".join(lines) + "\n")


def test_agents_missing_agent_zero_count_and_missing_total(tmp_path):
    write_day(tmp_path, "2026-01-01", {"total": 1000, "claude": 50, "copilot": 0})
    write_day(tmp_path, "2026-01-02", {"total": 2000, "claude": 100})  # no copilot row
    write_day(tmp_path, "2026-01-03", {"claude": 70, "copilot": 5})  # no total row
    got = by_id(parse_coding_agents(tmp_path))
    assert values_on(got["agents.commits.copilot"]) == {"2026-01-01": 0.0, "2026-01-03": 5.0}
    assert values_on(got["agents.share.copilot"]) == {"2026-01-01": 0.0}
    assert values_on(got["agents.share.claude"]) == {"2026-01-01": 5.0, "2026-01-02": 5.0}
    assert len(got["agents.commits.total"].frame) == 2
    assert got["agents.commits.claude"].meta.unit == "count"


def test_agents_bad_count_names_file_row_and_column(tmp_path):
    write_day(tmp_path, "2026-01-01", {"total": 1000, "claude": "12x"})
    with pytest.raises(ValueError, match=r"2026-01-01\.csv, row 2 .*'count'"):
        parse_coding_agents(tmp_path)


def test_agents_missing_column_is_named(tmp_path):
    (tmp_path / "2026-01-01.csv").write_text("date,agent,count\n2026-01-01,claude,1\n")
    with pytest.raises(ValueError, match=r"2026-01-01\.csv.*'query'"):
        parse_coding_agents(tmp_path)


def test_agents_share_above_100_is_kept_and_counted(tmp_path):
    write_day(tmp_path, "2026-01-01", {"total": 10, "junie": 30})
    share = by_id(parse_coding_agents(tmp_path))["agents.share.junie"]
    assert share.frame["value"].tolist() == [300.0]
    assert share.meta.extra["days_over_100"] == 1


# --- helpers reading the docs ---------------------------------------------------------------


def _documented_real_ids() -> set[str]:
    text = (REPO / "docs" / "SERIES.md").read_text(encoding="utf-8")
    real = text.split("## Real", 1)[1].split("## ", 1)[0]
    agents = re.search(r"for ([a-z_, ]+);", real).group(1).split(", ")
    ids: set[str] = set()
    for sid in re.findall(r"`([a-z0-9_]+(?:\.[a-z0-9_<>]+)+)`", real):
        ids |= {sid.replace("<agent>", a) for a in agents} if "<agent>" in sid else {sid}
    return ids


def _readme_licences() -> dict[str, str]:
    rows = {}
    for line in (SHARED / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells[3]
    return rows


def test_module_constants_are_consistent():
    assert set(coding_agents.AGENTS) >= {"claude", "junie", "cursor_editor"}
    assert gpurentalprices.headline_model("gh200") is None
    assert gpurentalprices.headline_model("h200-nvl") == "h200"
    assert gpurentalprices.model_family("a100-sxm-80") == "a100-80"
