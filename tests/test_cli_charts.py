"""``qnai-desktop charts list``: the chart pack with titles, source lines, series and demo flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qnai_desktop.cli import main
from qnai_desktop.core.charts import ChartSpec, SeriesRef, build_catalogue
from qnai_desktop.store.cache import Cache


def test_charts_list_json(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", str(db_path), "charts", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert [s.id for s in build_catalogue()] == list(rows)
    rent = rows["gpu_rent_b200_h100"]
    assert rent["is_demo"] is False and rent["demo_series"] == []
    assert rent["series"] == ["gpu_rent.b200.median", "gpu_rent.h100.median"]
    assert rent["source_ko"] == "자료: gpurentalprices.com, SK증권"
    assert rent["note_ko"] == "주: 일별 공개 오퍼 중앙값"
    assert (rent["title_ko"], rent["title_en"]) == ("B200, H100 렌탈 가격 추이", "B200 and H100 rental price")
    cds = rows["cds_oracle_coreweave"]
    assert cds["is_demo"] is True and set(cds["demo_series"]) == {"cds.oracle_5y", "cds.coreweave_5y"}
    assert cds["source_en"] == ("Source: Illustrative data — not a real source (Bloomberg), "
                                "SK Securities")
    assert rows["coding_agent_intensity"]["note_ko"] == "주: 업데이트 및 다운로드 수 기준"
    assert all(r["source_ko"].startswith("자료: ") for r in rows.values())


def test_charts_list_includes_user_charts_and_flags_illustrative(db_path: Path,
                                                                  capsys: pytest.CaptureFixture) -> None:
    spec = ChartSpec(id="user_h100", title_ko="H100 렌탈", title_en="H100 rent", kind="line",
                     series=(SeriesRef("gpu_rent.h100.median"),), origin="user")
    with Cache.open(db_path) as cache:
        cache.charts.save(spec.id, spec.to_dict())
        cache.charts.save("user_broken", {"id": "user_broken", "kind": "pie"})
    assert main(["--db", str(db_path), "charts", "list"]) == 0
    out = capsys.readouterr().out
    assert "cds_oracle_coreweave" in out and "[illustrative]" in out
    line = next(row for row in out.splitlines() if row.startswith("gpu_rent_b200_h100"))
    assert "[illustrative]" not in line
    assert "user_h100" in out and "unreadable user chart" in out
    assert main(["--db", str(db_path), "charts", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["user_h100"]["origin"] == "user" and rows["user_h100"]["is_demo"] is False
    assert "error" in rows["user_broken"]
