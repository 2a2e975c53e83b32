"""`qnai-desktop sources`: every chart of the note with what it stands on, as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from bloomberg_fill import save_as_excel_would
from cache_files import dump

from qnai_desktop.cli import main
from qnai_desktop.core.charts import build_catalogue


def test_sources_lists_every_chart_with_origin_kind_freshness_and_action(db_path: Path, tmp_path: Path,
                                                                         capsys) -> None:
    db = ["--db", str(db_path)]
    before = dump(db_path)
    assert main([*db, "sources", "--json"]) == 0
    charts = {c["chart"]: c for c in json.loads(capsys.readouterr().out)}
    assert list(charts) == [spec.id for spec in build_catalogue()]
    assert dump(db_path) == before  # read-only
    cds = charts["cds_oracle_coreweave"]
    assert cds["status"] == "illustrative" and "bloomberg_note_series.xlsx" in cds["action_en"]
    oracle = next(s for s in cds["series"] if s["series_id"] == "cds.oracle_5y")
    assert set(oracle) >= {"origin", "origin_detail", "kind", "last", "age_days", "freshness",
                           "stale_after_days", "note_en", "action_en", "action_ko"}

    book = save_as_excel_would(tmp_path / "bloomberg_note_series.xlsx")
    assert main([*db, "links", "add", str(book), "--sheet", "Series"]) == 0
    capsys.readouterr()
    assert main([*db, "sources"]) == 0
    out = capsys.readouterr().out
    assert "cds_oracle_coreweave — Oracle and CoreWeave CDS spread: real" in out
    assert f"linked ({book})" in out
    assert "credit-spread proxy, not CDS" in out
    assert "StatCounter referral share — not the note's SimilarWeb visit share" in out
    assert main([*db, "sources", "--lang", "ko"]) == 0
    assert "cds_oracle_coreweave — Oracle, CoreWeave CDS 스프레드: real" in capsys.readouterr().out
