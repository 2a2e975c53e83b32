"""``qnai-desktop events``: dated events, callouts and difference arrows on charts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qnai_desktop.cli import main


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), "events", *args])


def test_she_marks_an_event_lists_it_and_deletes_it(db_path: Path, capsys) -> None:
    assert cli(db_path, "add", "--chart", "meta_ads", "--date", "2026-04-29", "--label",
               "1Q26 실적 발표", "--label-en", "1Q26 results", "--json") == 0
    added = json.loads(capsys.readouterr().out)
    assert cli(db_path, "list", "--chart", "meta_ads") == 0
    out = capsys.readouterr().out
    assert f"{added['id']:>4}  meta_ads" in out and "2026-04-29  1Q26 실적 발표" in out
    assert cli(db_path, "list", "--chart", "meta_ads", "--lang", "en") == 0
    assert "1Q26 results" in capsys.readouterr().out
    assert cli(db_path, "delete", str(added["id"])) == 0
    assert cli(db_path, "list", "--chart", "meta_ads") == 0
    assert capsys.readouterr().out.endswith("no events on meta_ads\n")


def test_an_arrow_lists_its_label_computed_from_the_data(db_path: Path, capsys) -> None:
    from qnai_desktop.services.annotations import list_annotations
    from qnai_desktop.store.cache import Cache

    assert cli(db_path, "add", "--chart", "gpu_rent_b200_h100", "--kind", "arrow", "--date",
               "2026-07-05", "--to", "2026-07-31", "--series", "gpu_rent.h100.median") == 0
    capsys.readouterr()
    assert cli(db_path, "list", "--chart", "gpu_rent_b200_h100", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    arrow = next(r for r in rows if r["kind"] == "arrow")
    with Cache.open(db_path) as cache:
        h100 = cache.series.observations("gpu_rent.h100.median").set_index("date")["value"]
        first, last = h100.loc["2026-07-05"], h100.loc["2026-07-31"]
        change = (last / first - 1) * 100
        assert arrow["arrow_label"] == f"+{change:.1f}%"  # H100 rent up under 1% in July
        # new data for the last day: the label follows
        cache.series.write_bundles([_bump(cache, "gpu_rent.h100.median", "2026-07-31", first * 1.5)],
                                   how="import")
        again = next(r for r in list_annotations(cache, "gpu_rent_b200_h100") if r["kind"] == "arrow")
        assert again["arrow_label"] == "+50%"


def _bump(cache, sid: str, day: str, value: float):
    import pandas as pd

    from qnai_desktop.core.series import SeriesBundle

    meta = cache.series.metas()[sid]
    return SeriesBundle(meta, pd.DataFrame({"date": pd.to_datetime([day]), "value": [value]}))


@pytest.mark.parametrize(("args", "message"), [
    (["add", "--chart", "no_such_chart", "--date", "2026-07-01", "--label", "x"], "unknown chart"),
    (["add", "--chart", "meta_ads", "--date", "2026-07-01"], "needs a label"),
    (["add", "--chart", "meta_ads", "--kind", "arrow", "--date", "2026-07-01"], "second date"),
    (["delete", "99999"], "no annotation with id 99999"),
])
def test_mistakes_are_one_sentence_and_exit_2(args, message, db_path: Path, capsys) -> None:
    assert cli(db_path, *args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_a_date_that_is_not_a_date_is_refused_by_the_parser(db_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        cli(db_path, "add", "--chart", "meta_ads", "--date", "7/1", "--label", "x")
    assert exc.value.code == 2
    assert "not a date (YYYY-MM-DD)" in capsys.readouterr().err
