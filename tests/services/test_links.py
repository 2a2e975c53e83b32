"""Linked workbooks as a service: link once, re-read on change, and every way a link can break.

Each hostile case ends with the link's state and sentence stored, and every other table exactly
as it was (only ``linked_files`` records the failed read)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bloomberg_fill import save_as_excel_would
from cache_files import dump

from qnai_desktop.services.importers import ImportConflictError, ImportFileError, commit_imports, preview_file
from qnai_desktop.services.links import (
    CONFLICT,
    MOVED,
    OK,
    UNCHANGED,
    UNREADABLE,
    LinkedFiles,
    LinkError,
    add_link,
    list_links,
    preview_link,
    refresh_links,
    remove_link,
    reread_link,
)
from qnai_desktop.services.refresh import FAILED, SKIPPED, run_refresh
from qnai_desktop.services.refresh import OK as SOURCE_OK
from qnai_desktop.services.refresh_sources import configured_providers
from qnai_desktop.store.cache import Cache

NOTE_SERIES = {"silicondata.h100_index", "cds.oracle_5y", "cds.coreweave_5y"}


def link(cache: Cache, path: Path, sheet: str = "", **kw) -> int:
    done = add_link(cache, preview_link(cache, path, sheet), sheet, **kw)
    assert done.link_id is not None
    return done.link_id


def but_links(path: Path) -> list[tuple]:
    """Every row of every table except the links' own (where a failed read is recorded)."""
    return [r for r in dump(path) if r[0] != "linked_files"]


def value_on(cache: Cache, sid: str, day: str) -> float:
    obs = cache.series.observations(sid)
    return float(obs.loc[obs["date"] == day, "value"].iat[0])


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """The shipped template as Excel saves it after Bloomberg loaded (40 business days)."""
    (tmp_path / "bbg").mkdir()
    return save_as_excel_would(tmp_path / "bbg" / "bloomberg_note_series.xlsx")


def test_linking_the_template_fills_the_notes_series_with_provenance_per_read(
        cache: Cache, workbook: Path) -> None:
    link_id = link(cache, workbook, "Series")
    metas = cache.series.metas()
    for sid in NOTE_SERIES:
        assert not metas[sid].is_demo and metas[sid].extra["linked_from"] == str(workbook)
        assert len(cache.series.observations(sid)) == 40
    info = list_links(cache)[0]
    assert (info.id, info.state, info.sheet, sorted(info.series)) == (
        link_id, OK, "Series", sorted(NOTE_SERIES))
    prov = cache.provenance(5)
    row = prov[prov["origin"] == str(workbook)].iloc[0]  # the data's row (not the link's own)
    assert row["how"] == "import" and row["detail"].startswith(f"linked file #{link_id}")
    assert row["added"] == 3 * 40 and row["content_hash"] == list_links(cache)[0].content_hash


def test_an_unchanged_file_is_not_read_and_nothing_is_written(db_path: Path, workbook: Path) -> None:
    with Cache.open(db_path) as cache:
        link_id = link(cache, workbook)
    before = dump(db_path)
    with Cache.open(db_path) as cache:
        assert reread_link(cache, link_id).state == UNCHANGED
        assert [r.state for r in refresh_links(cache)] == [UNCHANGED]
    assert dump(db_path) == before


def test_a_saved_change_is_read_again_and_only_that_value_changes(cache: Cache, workbook: Path) -> None:
    link_id = link(cache, workbook)
    day = str(cache.series.observations("cds.oracle_5y")["date"].iat[-1].date())
    save_as_excel_would(workbook, {("Series", "E45"): 151.25})  # the last ORCL CDS cell
    read = reread_link(cache, link_id)
    assert (read.state, read.change.added, read.change.changed) == (OK, 0, 1)
    assert read.change.series >= {"cds.oracle_5y"} and value_on(cache, "cds.oracle_5y", day) == 151.25
    assert reread_link(cache, link_id).state == UNCHANGED


def test_a_deleted_or_renamed_file_says_moved_and_changes_no_data(db_path: Path, workbook: Path) -> None:
    with Cache.open(db_path) as cache:
        link_id = link(cache, workbook)
    before = but_links(db_path)
    workbook.rename(workbook.with_name("renamed.xlsx"))
    with Cache.open(db_path) as cache:
        read = reread_link(cache, link_id)
        assert read.state == MOVED and str(workbook) in read.message
        assert "qnai-desktop links add NEW_PATH" in read.message
        assert f"qnai-desktop links remove {link_id}" in read.message
        info = list_links(cache)[0]
        assert info.failed and info.state == MOVED and info.message == read.message
    assert but_links(db_path) == before


def test_a_file_replaced_by_garbage_is_unreadable_and_read_again_once_repaired(
        db_path: Path, workbook: Path) -> None:
    with Cache.open(db_path) as cache:
        link_id = link(cache, workbook)
    good = workbook.read_bytes()
    before = but_links(db_path)
    workbook.write_bytes(b"PK\x03\x04 this is not a workbook any more")
    with Cache.open(db_path) as cache:
        read = reread_link(cache, link_id)
    assert read.state == UNREADABLE and "file bloomberg_note_series.xlsx" in read.message
    assert "not a readable Excel workbook" in read.message
    assert but_links(db_path) == before
    workbook.write_bytes(good)  # the same content as the last good read: read again, all unchanged
    with Cache.open(db_path) as cache:
        again = reread_link(cache, link_id)
        assert (again.state, again.change.added, again.change.changed) == (OK, 0, 0)
        assert list_links(cache)[0].state == OK


def test_a_workbook_saved_without_the_add_in_is_refused_naming_the_cell(db_path: Path,
                                                                       workbook: Path) -> None:
    with Cache.open(db_path) as cache:
        link_id = link(cache, workbook)
    before = but_links(db_path)
    save_as_excel_would(workbook, error="#NAME?")
    with Cache.open(db_path) as cache:
        read = reread_link(cache, link_id)
    assert read.state == UNREADABLE
    assert "sheet 'Series' cell A6: =BDH(" in read.message and "#NAME?" in read.message
    assert but_links(db_path) == before


def test_a_read_that_now_conflicts_is_refused_whole_and_says_why(db_path: Path, workbook: Path,
                                                                 tmp_path: Path) -> None:
    with Cache.open(db_path) as cache:
        link_id = link(cache, workbook)
        # a colleague's sheet imported over Oracle's CDS afterwards, approved by her
        other = tmp_path / "colleague.csv"
        other.write_text("date,ORCL CDS USD SR 5Y D14 Corp PX_LAST\n2026-11-30,99\n", encoding="utf-8")
        p = preview_file(other, cache.series.metas())
        assert p.mapping[0].series_id == "cds.oracle_5y"
        commit_imports(cache, [p], replace=True)
    save_as_excel_would(workbook, {("Series", "E45"): 151.25, ("Series", "B45"): 2.5})
    before = but_links(db_path)
    with Cache.open(db_path) as cache:
        read = reread_link(cache, link_id)
        assert read.state == CONFLICT and "refused, nothing written" in read.message
        assert "cds.oracle_5y" in read.message and "colleague.csv" in read.message
        assert value_on(cache, "cds.oracle_5y", "2026-11-30") == 99.0  # hers stays
        assert list_links(cache)[0].state == CONFLICT
    assert but_links(db_path) == before  # the H100 change of the same read is not written either


def test_two_links_never_overwrite_each_other_even_with_one_file_name(cache: Cache, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = save_as_excel_would(tmp_path / "a" / "bbg.xlsx")
    link(cache, first, "Series")
    second = save_as_excel_would(tmp_path / "b" / "bbg.xlsx", {("Series", "E45"): 151.25})
    with pytest.raises(ImportConflictError, match="different linked file"):
        link(cache, second, "Series")
    assert [i.path for i in list_links(cache)] == [str(first)]
    link(cache, second, "Series", replace=True)  # her explicit choice takes the series over
    save_as_excel_would(first, {("Series", "E45"): 160.0})
    assert reread_link(cache, 1).state == CONFLICT


def test_a_plain_import_over_a_linked_series_needs_her_choice(cache: Cache, workbook: Path,
                                                             tmp_path: Path) -> None:
    link(cache, workbook, "Series")
    copy = tmp_path / "bloomberg_note_series.xlsx"  # same name, not the link: still another source
    save_as_excel_would(copy, {("Series", "E45"): 151.25})
    p = preview_file(copy, cache.series.metas(), sheet="Series")
    with pytest.raises(ImportConflictError, match="linked file"):
        commit_imports(cache, [p])


def test_columns_added_or_removed_later_are_named_not_guessed(cache: Cache, tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text("date,H100 rent\n2026-11-27,2.1\n2026-11-30,2.2\n", encoding="utf-8")
    link_id = link(cache, f)
    f.write_text("date,H100 rent,B200 rent\n2026-11-27,2.1,3.9\n2026-11-30,2.3,4.0\n", encoding="utf-8")
    read = reread_link(cache, link_id)
    assert read.state == OK and read.change.changed == 1
    assert read.notes == ["1 column(s) not linked, left out: 'B200 rent' (link the file again to map them)"]
    assert "import.b200_rent" not in cache.series.metas()
    assert list_links(cache)[0].message == read.notes[0]
    f.write_text("date,B200 rent\n2026-11-30,4.1\n", encoding="utf-8")
    gone = reread_link(cache, link_id)
    assert gone.state == UNREADABLE and "none of the linked columns is in mine.csv any more" in gone.message


def test_a_link_to_the_open_cache_file_is_refused_and_never_read(cache: Cache) -> None:
    with pytest.raises(ImportFileError, match="open Q&AI cache file"):
        preview_link(cache, cache.path)
    link_id = cache.links.add(str(cache.path), "", {})  # e.g. written by an older build
    read = reread_link(cache, link_id)
    assert read.state == UNREADABLE and "open Q&AI cache file" in read.message


def test_unknown_ids_and_folders_are_sentences(cache: Cache, tmp_path: Path) -> None:
    with pytest.raises(LinkError, match="no linked file #42"):
        reread_link(cache, 42)
    with pytest.raises(LinkError, match="no linked file #42"):
        remove_link(cache, 42)
    with pytest.raises(LinkError, match="is a folder"):
        preview_link(cache, tmp_path)


def test_a_dry_run_links_and_writes_nothing(db_path: Path, workbook: Path) -> None:
    before = dump(db_path)
    with Cache.open(db_path) as cache:
        done = add_link(cache, preview_link(cache, workbook), dry_run=True)
    assert done.link_id is None and done.result.total.added == 19 * 40
    assert dump(db_path) == before


def test_links_is_a_refresh_source_that_fails_naming_each_broken_link(cache: Cache, workbook: Path,
                                                                     tmp_path: Path) -> None:
    assert run_refresh(cache, [LinkedFiles()]).sources[0].status == SKIPPED
    assert run_refresh(cache, [LinkedFiles()], explicit=True).sources[0].status == FAILED
    ok_id = link(cache, workbook, "Series")
    lost = tmp_path / "lost.xlsx"
    shutil.copy(workbook, lost)
    lost_id = link(cache, lost, "Valuation")
    lost.unlink()
    save_as_excel_would(workbook, {("Series", "E45"): 151.25})
    seen: list[tuple] = []
    result = run_refresh(cache, [LinkedFiles()], progress=lambda *p: seen.append(p))
    source = result.sources[0]
    assert source.status == FAILED and f"#{lost_id} lost.xlsx [Valuation]: moved" in source.error
    assert source.change.changed == 1  # the good link landed all the same
    assert [i["state"] for i in source.items] == [OK, MOVED]
    assert [p[1:3] for p in seen] == [(1, 2), (2, 2)]
    assert ok_id in {i["id"] for i in source.items}
    again = run_refresh(cache, [LinkedFiles()]).sources[0]
    assert [i["state"] for i in again.items] == [UNCHANGED, MOVED]
    remove_link(cache, lost_id)
    assert run_refresh(cache, [LinkedFiles()]).sources[0].status == SOURCE_OK


def test_configured_sources_end_with_the_links(cache: Cache) -> None:
    assert isinstance(configured_providers(cache)[-1], LinkedFiles)
    assert [p.name for p in configured_providers(cache, ["links"])] == ["links"]
    assert [p.name for p in configured_providers(cache, ["fred"])] == ["fred"]


def test_add_links_links_every_previewed_file_in_one_go(cache: Cache, tmp_path: Path) -> None:
    """The import dialog's "keep linked": each file linked with its mapping, counted as an import."""
    from qnai_desktop.services.links import add_links

    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("series,date,value\ncds.oracle_5y,2026-11-02,140.5\n", encoding="utf-8")
    b.write_text("series,date,value\ncds.coreweave_5y,2026-11-02,610\n", encoding="utf-8")
    result = add_links(cache, [preview_file(a, cache.series.metas()), preview_file(b, cache.series.metas())])
    assert sorted(Path(info.path).name for info in list_links(cache)) == ["a.csv", "b.csv"]
    assert result.total.added >= 2 and "linked_files" in result.change.tables
    assert all(info.state == OK for info in list_links(cache))
