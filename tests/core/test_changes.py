"""A ChangeSet names the rows it wrote when it knows them; merging keeps "unknown" unknown."""

from __future__ import annotations

from qnai_desktop.core.changes import ChangeSet


def test_rows_of_a_table_merge_and_stay_unknown_once_unknown() -> None:
    edit = ChangeSet(changed=1, tables={"companies"}, rows={"companies": {"META"}})
    other = ChangeSet(changed=1, tables={"companies"}, rows={"companies": {"NVDA"}})
    assert ChangeSet().merge(edit).merge(other).rows_of("companies") == {"META", "NVDA"}
    whole = ChangeSet(tables={"companies"})  # a write that did not say which rows
    assert ChangeSet().merge(edit).merge(whole).rows_of("companies") is None
    assert ChangeSet().merge(whole).merge(edit).rows_of("companies") is None
    settings = ChangeSet(tables={"settings"})
    merged = ChangeSet().merge(edit).merge(settings)
    assert merged.rows_of("companies") == {"META"} and merged.rows_of("settings") is None
    assert merged.rows_of("observations") == set()  # not touched at all
