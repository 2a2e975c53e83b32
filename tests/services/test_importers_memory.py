"""A big long CSV is imported without spare copies of itself (issue 21).

Each test checks what the import holds or hands on — never time or RSS; the 100 MB figures are
``benchmarks/bench_import_big.py --only long``. Failing here means a copy the size of the file (its
text, the parsed frame, a count column, a list of every row) came back.
"""

from __future__ import annotations

import sqlite3
import weakref
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qnai_desktop.services.importers import (
    ImportFileError,
    commit_imports,
    layouts,
    long_csv,
    preview,
    preview_file,
)


def write_long(path: Path, encoding: str = "utf-8", *, shuffled: bool = False) -> Path:
    """40 series × 30 days, one value blank; rows grouped by series, or shuffled."""
    rows = [f"증권{s:02d},2024-01-{d:02d},{'' if (s, d) == (3, 7) else s * 100 + d}"
            for s in range(40) for d in range(1, 31)]
    if shuffled:
        rows = [rows[(i * 7919) % len(rows)] for i in range(len(rows))]
    path.write_text("series,date,value\n" + "\n".join(rows) + "\n", encoding=encoding)
    return path


def root(arr: np.ndarray) -> np.ndarray:
    while isinstance(arr.base, np.ndarray):
        arr = arr.base
    return arr


@pytest.mark.parametrize("shuffled", [False, True])
def test_every_series_is_a_slice_of_one_table_without_a_count_column(tmp_path: Path,
                                                                       shuffled: bool) -> None:
    p = preview_file(write_long(tmp_path / "long.csv", shuffled=shuffled))
    assert (p.series_found, p.rows) == (40, 40 * 30 - 1)
    frames = [c.frame for c in p.candidates]
    # no all-blank "n" column: 9 bytes a row of nothing (the writer binds NULL without one)
    assert all(list(f.columns) == ["date", "value"] for f in frames)
    for col in ("date", "value"):  # one array of the file's rows, each series a view of it
        table = root(frames[0][col].to_numpy())
        assert table.size == p.rows
        assert all(np.shares_memory(f[col].to_numpy(), table) for f in frames)
    third = next(c for c in p.candidates if c.label == "증권03").frame
    assert third["value"].tolist() == [300 + d for d in range(1, 31) if d != 7]
    assert third["date"].is_monotonic_increasing and third.index.tolist() == list(range(29))


@pytest.mark.parametrize(("encoding", "parsed_from_bytes"),
                         [("utf-8", True), ("utf-8-sig", True), ("cp949", False)])
def test_the_file_text_and_parsed_frame_are_gone_before_the_series_are_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, parsed_from_bytes: bool) -> None:
    """pandas parses a UTF-8 file's bytes, so its decoded text (as big again) is released before
    the parse; the parsed frame is released once its three columns are arrays."""
    seen: dict = {}
    real_read, real_facts = preview.read_body, layouts.bulk_facts

    def read_body(src, layout, width):
        seen["text_kept"] = bool(src.text)
        body = real_read(src, layout, width)
        seen["body"] = weakref.ref(body)
        return body

    def bulk_facts(*args):
        seen["body_alive"] = seen["body"]() is not None
        return real_facts(*args)

    monkeypatch.setattr(preview, "read_body", read_body)
    monkeypatch.setattr(layouts, "bulk_facts", bulk_facts)
    p = preview_file(write_long(tmp_path / "long.csv", encoding))
    assert seen == {"text_kept": not parsed_from_bytes, "body": seen["body"], "body_alive": False}
    assert [c.label for c in p.candidates][:2] == ["증권00", "증권01"] and p.rows == 1199


def test_blank_and_na_values_keep_the_fast_reader(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Blank and n/a cells (a Bloomberg export's #N/A N/A) are read as NaN by the C parser: the
    careful way (every value a Python string, ~200 MB more for 3M rows) is only for cells such
    as 1,234 — and it reads the same values."""
    reads: list[bool] = []
    real = long_csv._read

    def read(src, layout, width, *, fast, **kw):
        reads.append(fast)
        return real(src, layout, width, fast=fast, **kw)

    monkeypatch.setattr(long_csv, "_read", read)
    p = preview_file(write_long(tmp_path / "long.csv"))  # 증권03 on 2024-01-07 is blank
    assert reads == [True] and p.rows == 1199
    cells = ["#N/A N/A", "2", "NaN", "n/a", "4", "#N/A Field Not Applicable", "-", "6"]
    f = tmp_path / "bloomberg.csv"
    f.write_text("series,date,value\n" + "".join(f"증권,2024-01-{d:02d},{v}\n" for d, v in
                                                 enumerate(cells, start=1)), encoding="utf-8")
    assert preview_file(f).candidates[0].frame["value"].tolist() == [2.0, 4.0, 6.0]
    assert reads == [True, True]
    f.write_text(f.read_text(encoding="utf-8") + '증권,2024-01-09,"1,234"\n', encoding="utf-8")
    assert preview_file(f).candidates[0].frame["value"].tolist() == [2.0, 4.0, 6.0, 1234.0]
    assert reads == [True, True, True, False]


VALUES = st.one_of(st.sampled_from(long_csv.FAST_BLANKS),
                   st.sampled_from([" n/a", "#N/A Requesting Data...", "#REF!", "1,234", "12%", "inf",
                                    "1e999", "nan", "TRUE", "x", "(1.5)", "-0", "1e-400", " 7 "]),
                   st.floats(allow_nan=False, allow_infinity=False).map(repr),
                   st.integers(-10**6, 10**6).map(str))
ROWS = st.lists(st.tuples(st.sampled_from(["a", "b", " a", "", "#N/A"]),
                          st.sampled_from(["2024-01-01", "2024-01-02", "2024-02-01", "", "N/A"]),
                          VALUES), max_size=12)


def _outcome(path: Path) -> object:
    try:
        p = preview_file(path)
    except ImportFileError as exc:
        return str(exc)
    return p.notes, [(c.label, c.unit_hint, c.frame["date"].astype(str).tolist(),
                      c.frame["value"].tolist()) for c in p.candidates]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS)
def test_the_fast_read_equals_the_careful_read(tmp_path: Path, rows: list[tuple[str, str, str]]) -> None:
    """Whatever the fast read takes as a blank (FAST_BLANKS) or a number, the careful reader
    reads the same: same series, dates, values, hints, notes and refusals."""
    f = tmp_path / "long.csv"
    f.write_text("series,date,value\n" + "".join(f'{s},{d},"{v}"\n' for s, d, v in rows),
                 encoding="utf-8")
    fast = _outcome(f)
    real = long_csv._read

    def careful(src, layout, width, *, fast, **kw):
        return real(src, layout, width, fast=False, **kw)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(long_csv, "_read", careful)
        assert _outcome(f) == fast


def test_the_careful_reader_still_names_the_cell_after_the_text_was_released(tmp_path: Path) -> None:
    """A row with an extra filled cell sends the read the careful way, which needs the text the
    fast path released: it is decoded again from the bytes and the row is named."""
    f = tmp_path / "extra.csv"
    f.write_text("series,date,value\n증권,2024-01-01,1\n증권,2024-01-02,2,메모\n", encoding="utf-8-sig")
    with pytest.raises(ImportFileError, match=r"row 3: more cells than the header's 3 .*'메모'"):
        preview_file(f)


def test_duplicates_after_blank_rows_name_the_rows_of_the_file(tmp_path: Path) -> None:
    """Blank-value rows are dropped before the sort: the refusal still names the file's rows."""
    f = tmp_path / "dup.csv"
    f.write_text("series,date,value\nb,2026-07-02,1\na,2026-07-01,\nb,2026-07-01,2\n,,\n"
                 "b,2026-07-02,3\n", encoding="utf-8")
    with pytest.raises(ImportFileError,
                       match=r"row 6, column 'date': date 2026-07-02 appears twice for series 'b' "
                             r"\(rows 2 and 6\)"):
        preview_file(f)


class _Recording:
    """The cache connection, noting what each ``executemany`` was given."""

    def __init__(self, conn: sqlite3.Connection, calls: list) -> None:
        self._conn, self._calls = conn, calls

    def executemany(self, sql, params):
        self._calls.append((sql, type(params)))
        return self._conn.executemany(sql, params)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_the_commit_streams_rows_to_sqlite_instead_of_listing_them(cache, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A list of 3M row tuples is ~400 MB: the observations go to executemany as an iterator."""
    p = preview_file(write_long(tmp_path / "long.csv", shuffled=True))
    calls: list = []
    monkeypatch.setattr(cache.db, "conn", _Recording(cache.db.conn, calls))
    assert commit_imports(cache, [p]).total.added == 1199
    monkeypatch.undo()
    inserts = [kind for sql, kind in calls if sql.startswith("INSERT INTO observations")]
    assert inserts and not any(issubclass(k, list | tuple) for k in inserts)
    sid = next(m.series_id for m in p.mapping if m.label == "증권03")
    assert cache.series.observations(sid)["value"].tolist()[:7] == [301, 302, 303, 304, 305, 306, 308]
