"""``qnai-desktop scenario list|run|grid`` driven as an analyst would from a shell."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from qnai_desktop.cli import main
from qnai_desktop.services import scenario_cases as sc
from qnai_desktop.store.cache import Cache


def _run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_run_meta_compute_sale_reports_the_notes_three_point_four(capsys) -> None:
    code, out, _ = _run(capsys, "scenario", "run", "meta_compute_sale", "--json")
    data = json.loads(out)
    assert code == 0 and set(data) == {"id", "params", "outputs"}
    assert data["id"] == "meta_compute_sale"
    assert round(data["outputs"]["added_supply_share"], 6) == 0.034
    assert data["params"]["external_sale_fraction"] == 0.2


def test_run_with_overrides_text_and_percent(capsys) -> None:
    code, out, _ = _run(capsys, "scenario", "run", "meta_compute_sale",
                        "--set", "external_sale_fraction=35%", "--set", "year=2027F")
    assert code == 0
    assert "35% *" in out and "2027F *" in out
    assert "4.9%" in out  # 14 % × 35 %
    code, out, _ = _run(capsys, "scenario", "run", "inference_margin", "--json")
    assert json.loads(out)["outputs"]["new_gross_margin"] == pytest.approx(0.695)


def test_run_from_a_saved_case_then_override(capsys, db_path: Path) -> None:
    with Cache.open(db_path) as cache:
        sc.save_case(cache, "meta_compute_sale", "Bear: Meta sells 35%",
                     {"external_sale_fraction": 0.35})
    code, out, _ = _run(capsys, "--db", str(db_path), "scenario", "run", "meta_compute_sale",
                        "--case", "Bear: Meta sells 35%", "--json")
    assert code == 0 and json.loads(out)["outputs"]["added_supply_share"] == pytest.approx(0.0595)
    code, out, _ = _run(capsys, "--db", str(db_path), "scenario", "run", "meta_compute_sale",
                        "--case", "Bear: Meta sells 35%", "--set", "year=2027", "--json")
    params = json.loads(out)["params"]
    assert params["meta_capex_share"] == 0.14 and params["external_sale_fraction"] == 0.35


@pytest.mark.parametrize("argv, needle", [
    (["run", "meta_sale"], "unknown scenario model 'meta_sale'; valid ids: meta_compute_sale"),
    (["run", "meta_compute_sale", "--set", "nope=1"],
     "unknown parameter 'nope' for meta_compute_sale; valid: year, meta_capex_share"),
    (["run", "meta_compute_sale", "--set", "external_sale_fraction=1.5"],
     "external_sale_fraction=1.5 is outside 0–1"),
    (["run", "meta_compute_sale", "--set", "external_sale_fraction=abc"],
     "'abc' is not a number (allowed 0–1)"),
    (["run", "meta_compute_sale", "--set", "external_sale_fraction=x%"], "not a percentage"),
    (["run", "meta_compute_sale", "--set", "external_sale_fraction=nan"], "not a finite number"),
    (["run", "meta_compute_sale", "--set", "external_sale_fraction"], "expected NAME=VALUE"),
    (["run", "meta_compute_sale", "--set", "=0.3"], "expected NAME=VALUE"),
    (["run", "meta_compute_sale", "--set", "year=2030"], "year=2030 is not one of 2026F, 2027F"),
    (["run", "spec_decoding", "--set", "draft_tokens=2.5"], "must be a whole number in 1–16"),
    (["grid", "spec_decoding", "--x", "acceptance_rate=0:1.2:3", "--y", "draft_tokens=1:4:4",
      "--output", "speedup"], "acceptance_rate=1.2 is outside 0–1"),
    (["grid", "spec_decoding", "--x", "acceptance_rate=0:1:3", "--y", "draft_tokens=1:4:4",
      "--output", "speed"], "unknown output 'speed'"),
    (["grid", "spec_decoding", "--x", "acceptance_rate=0:1", "--y", "draft_tokens=1:4:4",
      "--output", "speedup"], "expected LO:HI:N"),
    (["grid", "spec_decoding", "--x", "acceptance_rate", "--y", "draft_tokens=1:4:4",
      "--output", "speedup"], "--x expects NAME=LO:HI:N"),
    (["grid", "spec_decoding", "--x", "acceptance_rate=0:1:3", "--y", "acceptance_rate=0:1:3",
      "--output", "speedup"], "two different inputs"),
])
def test_bad_requests_exit_2_naming_what_is_wrong(capsys, argv, needle) -> None:
    code, out, err = _run(capsys, "scenario", *argv)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and needle in err


def test_unknown_case_lists_saved_ones_and_leaves_the_cache_alone(capsys, db_path: Path) -> None:
    with Cache.open(db_path) as cache:
        sc.save_case(cache, "meta_compute_sale", "Base", {})
        before = cache.cases.list().to_dict("records")
    code, _, err = _run(capsys, "--db", str(db_path), "scenario", "run", "meta_compute_sale",
                        "--case", "Bear")
    assert code == 2 and "no case 'Bear'" in err and "'Base'" in err
    with Cache.open(db_path) as cache:
        assert cache.cases.list().to_dict("records") == before


def test_grid_text_and_csv(capsys) -> None:
    argv = ["scenario", "grid", "meta_compute_sale", "--x", "external_sale_fraction=0.1:0.4:4",
            "--y", "meta_capex_share=0.14:0.17:2", "--output", "added_supply_share"]
    code, out, _ = _run(capsys, *argv)
    lines = out.splitlines()
    assert code == 0 and lines[1].split()[-4:] == ["10%", "20%", "30%", "40%"]
    assert lines[3].split() == ["17%", "1.7%", "3.4%", "5.1%", "6.8%"]
    code, out, _ = _run(capsys, *argv, "--csv")
    table = pd.read_csv(io.StringIO(out), index_col=0)
    assert table.columns.tolist() == ["0.1", "0.2", "0.3", "0.4"]  # no 0.30000000000000004
    assert table.loc[0.17, "0.2"] == pytest.approx(0.034)


def test_list_describes_every_model(capsys) -> None:
    code, out, _ = _run(capsys, "scenario", "list", "--json")
    models = json.loads(out)
    assert code == 0 and len(models) == 6
    spec = next(m for m in models if m["id"] == "spec_decoding")
    assert spec["marks"][0]["value"] == 1.85
    assert all(p["assumption"] for p in spec["params"])
    code, out, _ = _run(capsys, "scenario", "list")
    assert "external_sale_fraction" in out and "[assumption]" in out
