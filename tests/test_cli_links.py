"""`links add|list|remove` and `refresh --source links` from the shell, with the shipped Bloomberg
template as Excel would save it: counts, exit codes, sentences, and the cache left as it was."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bloomberg_fill import TEMPLATE, save_as_excel_would
from cache_files import dump

from qnai_desktop.cli import main


def values(db_path: Path, sid: str) -> list[tuple[str, float]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT date, value FROM observations WHERE series_id = ? ORDER BY date",
                            [sid]).fetchall()


def is_demo(db_path: Path, sid: str) -> bool:
    with sqlite3.connect(db_path) as conn:
        return bool(conn.execute("SELECT is_demo FROM series WHERE id = ?", [sid]).fetchone()[0])


def but_links(db_path: Path) -> list[tuple]:
    return [r for r in dump(db_path) if r[0] != "linked_files"]


def test_the_bloomberg_template_linked_once_updates_exactly_the_cell_she_changed(
        db_path: Path, tmp_path: Path, capsys) -> None:
    book = save_as_excel_would(tmp_path / "bloomberg_note_series.xlsx")
    db = ["--db", str(db_path)]
    assert main([*db, "links", "add", str(book)]) == 0
    out = capsys.readouterr().out
    assert "SDH100RT Index PX_LAST → silicondata.h100_index [replaces_demo] 40 rows" in out
    assert "ORCL CDS USD SR 5Y D14 Corp PX_LAST → cds.oracle_5y [replaces_demo] 40 rows" in out
    assert "CRWV CDS USD SR 5Y D14 Corp PX_LAST → cds.coreweave_5y [replaces_demo] 40 rows" in out
    assert "NVDA US Equity BEST_PE_RATIO → bbg.best_pe.nvda [new] 40 rows" in out
    assert "760 added, 0 changed, 0 unchanged; linked as #1" in out
    for sid in ("silicondata.h100_index", "cds.oracle_5y", "cds.coreweave_5y", "bbg.mkt_cap.crwv"):
        assert not is_demo(db_path, sid) and len(values(db_path, sid)) == 40
    oracle = values(db_path, "cds.oracle_5y")

    save_as_excel_would(book, {("Series", "E30"): 222.5})  # she edits one ORCL CDS cell and saves
    assert main([*db, "refresh", "--source", "links", "--json"]) == 0
    source = json.loads(capsys.readouterr().out)["sources"][0]
    assert (source["source"], source["status"], source["added"], source["changed"]) == ("links", "ok", 0, 1)
    assert source["items"][0]["state"] == "ok"
    now = values(db_path, "cds.oracle_5y")
    assert [i for i, (a, b) in enumerate(zip(oracle, now, strict=True)) if a != b] == [24]
    assert now[24][1] == 222.5

    before = dump(db_path)
    assert main([*db, "refresh", "--source", "links"]) == 0  # saved again, nothing changed
    assert "#1 bloomberg_note_series.xlsx: unchanged — file unchanged since the last read" in \
        capsys.readouterr().out
    assert dump(db_path) == before


def test_the_template_as_shipped_or_saved_without_the_add_in_is_refused_naming_the_cell(
        db_path: Path, tmp_path: Path, capsys) -> None:
    before = dump(db_path)
    assert main(["--db", str(db_path), "links", "add", str(TEMPLATE)]) == 2
    err = capsys.readouterr().err
    assert "file bloomberg_note_series.xlsx: sheet 'Series' cell A6 holds =BDH(" in err
    assert "no saved value (10 more cell(s) like it)" in err and "nothing was linked" in err
    no_addin = save_as_excel_would(tmp_path / "no_addin.xlsx", error="#NAME?")
    assert main(["--db", str(db_path), "links", "add", str(no_addin), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["linked"] is False and "saved the error #NAME?" in data["errors"][0]
    assert dump(db_path) == before


def test_dry_run_list_and_remove(db_path: Path, tmp_path: Path, capsys) -> None:
    book = save_as_excel_would(tmp_path / "bbg.xlsx")
    db = ["--db", str(db_path)]
    before = dump(db_path)
    assert main([*db, "links", "add", str(book), "--sheet", "Series", "--dry-run"]) == 0
    assert "120 added, 0 changed, 0 unchanged (dry run: nothing linked or written)" in \
        capsys.readouterr().out
    assert dump(db_path) == before
    assert main([*db, "links", "list"]) == 0
    assert "no linked files" in capsys.readouterr().out
    assert main([*db, "links", "add", str(book), "--sheet", "Series", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert (added["linked"], added["id"], added["sheet"], added["total"]["added"]) == (True, 1, "Series", 120)
    assert main([*db, "links", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["path"] == str(book.resolve()) and listed["state"] == "ok"
    assert sorted(listed["series"]) == ["cds.coreweave_5y", "cds.oracle_5y", "silicondata.h100_index"]
    assert main([*db, "links", "remove", "7"]) == 2
    assert "no linked file #7" in capsys.readouterr().err
    assert main([*db, "links", "remove", "1"]) == 0
    assert "the data it imported stays" in capsys.readouterr().out
    assert not is_demo(db_path, "cds.oracle_5y")


def test_linking_the_cache_file_itself_is_refused(db_path: Path, capsys) -> None:
    before = dump(db_path)
    assert main(["--db", str(db_path), "links", "add", str(db_path)]) == 2
    assert "open Q&AI cache file cache.sqlite" in capsys.readouterr().err
    assert dump(db_path) == before


def test_a_link_that_would_overwrite_an_imported_series_needs_replace(db_path: Path, tmp_path: Path,
                                                                      capsys) -> None:
    db = ["--db", str(db_path)]
    colleague = tmp_path / "colleague.csv"
    colleague.write_text("date,ORCL CDS USD SR 5Y D14 Corp PX_LAST\n2026-11-30,99\n", encoding="utf-8")
    assert main([*db, "import", str(colleague)]) == 0
    book = save_as_excel_would(tmp_path / "bbg.xlsx")
    capsys.readouterr()
    before = dump(db_path)
    assert main([*db, "links", "add", str(book), "--sheet", "Series"]) == 2
    err = capsys.readouterr().err
    assert "conflict: bbg.xlsx column 'ORCL CDS USD SR 5Y D14 Corp PX_LAST' → cds.oracle_5y" in err
    assert "(from colleague.csv): would change 1 of 1 stored values" in err
    assert "nothing was linked: give --replace" in err
    assert dump(db_path) == before
    assert main([*db, "links", "add", str(book), "--sheet", "Series", "--replace"]) == 0
    assert values(db_path, "cds.oracle_5y")[-1][1] != 99


def test_refresh_says_which_link_broke_and_exits_2(db_path: Path, tmp_path: Path, capsys) -> None:
    book = save_as_excel_would(tmp_path / "bbg.xlsx")
    db = ["--db", str(db_path)]
    assert main([*db, "links", "add", str(book)]) == 0
    before = but_links(db_path)
    book.unlink()
    capsys.readouterr()
    assert main([*db, "refresh", "--source", "links"]) == 2
    out, err = capsys.readouterr()
    assert "#1 bbg.xlsx: moved" in out and f"error: links: #1 bbg.xlsx: moved — {book} is not there" in err
    book.write_text("date,ORCL\n2026-01-05,1\n2026-13-45,2\n", encoding="utf-8")  # another file
    assert main([*db, "refresh", "--source", "links"]) == 2
    assert "#1 bbg.xlsx: unreadable — file bbg.xlsx, row 3, column 'date'" in capsys.readouterr().err
    assert main([*db, "links", "list"]) == 0
    assert "unreadable (" in capsys.readouterr().out
    assert but_links(db_path) == before


def test_links_add_of_a_missing_file_or_an_image_changes_nothing(db_path: Path, tmp_path: Path,
                                                                 capsys) -> None:
    before = dump(db_path)
    assert main(["--db", str(db_path), "links", "add", str(tmp_path / "gone.xlsx")]) == 2
    assert "file gone.xlsx: no such file or folder" in capsys.readouterr().err
    png = tmp_path / "chart.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert main(["--db", str(db_path), "links", "add", str(png), "--sheet", "Series"]) == 2
    err = capsys.readouterr().err
    assert "file chart.xlsx: this is a PNG image, not a CSV or Excel file" in err
    assert "nothing was linked" in err
    assert dump(db_path) == before
