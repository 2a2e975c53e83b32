"""Series identity in imports: Korean headers get ids of their own, one header in two files gives
two series, stored values from elsewhere are never overwritten without a choice, and datasets are
recognised by their whole signature (a pr-data folder is not the commit counts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qnai_desktop.services.importers import (
    NEW_SERIES,
    REPLACE,
    SKIP,
    ImportConflictError,
    ImportFileError,
    choose,
    commit_imports,
    default_choices,
    keep_apart,
    preview_file,
)

PR_DAY = ("date,query,count\n{d},total,210120\n{d},claude,0\n{d},codex,0\n{d},copilot,0\n"
          "{d},cursor,0\n{d},devin,130\n{d},jules,3\n{d},amazonq,0\n{d},opencode,0\n")
PR_DAYS = ["2025-04-10", "2025-04-11", "2025-04-12", "2025-04-13", "2025-04-14"]


def dump(cache) -> list[str]:
    return list(cache.db.conn.iterdump())


def values(cache, sid: str) -> dict[str, float]:
    obs = cache.series.observations(sid)
    return dict(zip(obs["date"].dt.strftime("%Y-%m-%d"), obs["value"], strict=True))


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def agents_rows(cache) -> list[str]:
    return [line for line in dump(cache) if "'agents.commits." in line]


def pr_folder(root: Path) -> Path:
    for day in PR_DAYS:
        write(root / "pr-data" / f"{day}.csv", PR_DAY.format(d=day))
    return root / "pr-data"


def commit_data(root: Path, shared: Path, days: list[str], change=lambda d, q, n: n) -> Path:
    """A commit-data folder of real day files, each count passed through ``change``."""
    for day in days:
        lines = (shared / "coding-agent-commits" / "commit-data" / f"{day}.csv").read_text().split()
        rows = [lines[0]] + [f"{d},{q},{change(d, q, int(n))}" for d, q, n in
                             (line.split(",") for line in lines[1:])]
        write(root / "commit-data" / f"{day}.csv", "\n".join(rows) + "\n")
    return root / "commit-data"


# --- ids from Korean headers ---------------------------------------------------------------------

def test_two_korean_files_one_after_the_other_give_two_series(cache, tmp_path: Path) -> None:
    oracle = write(tmp_path / "oracle.csv", "날짜,오라클 매출\n2026-03-31,100\n", "cp949")
    nvidia = write(tmp_path / "nvidia.csv", "날짜,엔비디아 매출\n2026-03-31,500\n")
    first = commit_imports(cache, [preview_file(oracle, cache.series.metas())])
    second = commit_imports(cache, [preview_file(nvidia, cache.series.metas())])
    assert (first.total.added, second.total.added, second.total.changed) == (1, 1, 0)
    assert values(cache, "import.orakeul_maechul") == {"2026-03-31": 100.0}
    assert values(cache, "import.enbidia_maechul") == {"2026-03-31": 500.0}
    assert cache.series.meta("import.orakeul_maechul").title_ko == "오라클 매출"
    assert cache.series.meta("import.enbidia_maechul").title_ko == "엔비디아 매출"


def test_headers_with_no_ascii_letter_never_share_an_id(tmp_path: Path) -> None:
    f = write(tmp_path / "w.csv", "날짜,東京,大阪,닭,닥,!!!\n2026-03-31,1,2,3,4,5\n")
    ids = [m.series_id for m in preview_file(f).mapping]
    assert len(set(ids)) == 5 and "import.series" not in ids


# --- one header, two files, one import ---------------------------------------------------------

def test_same_header_in_two_files_of_one_import_gives_two_series(cache, tmp_path: Path) -> None:
    a = preview_file(write(tmp_path / "a.csv", "날짜,매출\n2026-03-31,1\n"), cache.series.metas())
    b = preview_file(write(tmp_path / "b.csv", "날짜,매출\n2026-03-31,2\n"), cache.series.metas())
    assert a.mapping[0].series_id == b.mapping[0].series_id  # each file alone suggests the same
    assert keep_apart([a.mapping, b.mapping], cache.series.metas()) == 1
    commit_imports(cache, [a, b])
    assert values(cache, "import.maechul") == {"2026-03-31": 1.0}
    assert values(cache, "import.maechul_2") == {"2026-03-31": 2.0}


def test_two_files_mapped_onto_one_series_are_refused(cache, tmp_path: Path) -> None:
    a = preview_file(write(tmp_path / "a.csv", "날짜,매출\n2026-03-31,1\n"), cache.series.metas())
    b = preview_file(write(tmp_path / "b.csv", "날짜,매출\n2026-06-30,2\n"), cache.series.metas())
    before = dump(cache)
    with pytest.raises(ImportFileError, match=r"file b\.csv, column '매출': .*a\.csv column '매출' also"):
        commit_imports(cache, [a, b])
    assert dump(cache) == before


# --- stored values from another file -----------------------------------------------------------

def test_a_different_file_changing_stored_values_needs_a_choice(cache, tmp_path: Path) -> None:
    old = write(tmp_path / "oracle_q1.csv", "날짜,오라클 매출\n2026-03-31,100\n2026-06-30,110\n")
    commit_imports(cache, [preview_file(old, cache.series.metas())])
    new = preview_file(write(tmp_path / "oracle_fix.csv", "날짜,오라클 매출\n2026-06-30,999\n"),
                       cache.series.metas())
    dry = commit_imports(cache, [new], dry_run=True)
    [c] = dry.review.conflicts
    assert (c.series_id, c.origin, c.reasons, c.changed, c.stored) == (
        "import.orakeul_maechul", "oracle_q1.csv", ("file",), 1, 1)
    assert "oracle_fix.csv column '오라클 매출' → import.orakeul_maechul “오라클 매출” (from " \
           "oracle_q1.csv): would change 1 of 1 stored values" in c.describe()
    before = dump(cache)
    with pytest.raises(ImportConflictError, match=r"oracle_fix\.csv"):
        commit_imports(cache, [new])
    assert dump(cache) == before
    assert commit_imports(cache, [new], replace=True).replaced == 1
    assert values(cache, "import.orakeul_maechul")["2026-06-30"] == 999.0


def test_a_weekly_append_from_a_new_file_is_no_conflict(cache, tmp_path: Path) -> None:
    commit_imports(cache, [preview_file(write(tmp_path / "w1.csv", "날짜,매출\n2026-03-31,1\n"),
                                        cache.series.metas())])
    week2 = preview_file(write(tmp_path / "w2.csv", "날짜,매출\n2026-03-31,1\n2026-06-30,2\n"),
                         cache.series.metas())
    result = commit_imports(cache, [week2])
    assert not result.review.conflicts and (result.total.added, result.total.unchanged) == (1, 1)


def test_choices_new_series_replace_skip(cache, tmp_path: Path) -> None:
    commit_imports(cache, [preview_file(write(tmp_path / "a.csv", "날짜,매출\n2026-03-31,1\n"),
                                        cache.series.metas())])
    p = preview_file(write(tmp_path / "b.csv", "날짜,매출\n2026-03-31,7\n"), cache.series.metas())
    review = commit_imports(cache, [p], dry_run=True).review
    assert default_choices({str(p.path): p.mapping}, review, cache.series.metas()) == 1
    row = p.mapping[0]
    assert (row.series_id, row.choice, row.conflict_with, row.title_ko) == (
        "import.maechul_2", NEW_SERIES, "import.maechul", "매출")
    assert not commit_imports(cache, [p], dry_run=True).review.conflicts
    replaced = choose(row, REPLACE, cache.series.metas())
    assert (replaced.series_id, replaced.include) == ("import.maechul", True)
    assert not choose(row, SKIP, cache.series.metas()).include
    p.mapping[0] = replaced
    assert commit_imports(cache, [p]).replaced == 1 and values(cache, "import.maechul") == {
        "2026-03-31": 7.0}


# --- datasets by their whole signature ---------------------------------------------------------

def test_a_pr_data_folder_is_not_taken_for_commit_counts(cache, tmp_path: Path) -> None:
    before = dump(cache)
    with pytest.raises(ImportFileError, match=r"file pr-data: .*not 'commit-data'"):
        preview_file(pr_folder(tmp_path), cache.series.metas())
    assert dump(cache) == before


def test_a_pr_data_day_file_imports_as_new_series(cache, tmp_path: Path) -> None:
    before = agents_rows(cache)
    p = preview_file(pr_folder(tmp_path) / "2025-04-10.csv", cache.series.metas())
    assert p.layout == "long" and {m.status for m in p.mapping} == {"new"}
    assert not any(m.series_id.startswith("agents.") for m in p.mapping)
    commit_imports(cache, [p])
    assert agents_rows(cache) == before


@pytest.mark.parametrize(("name", "text", "message"), [
    ("commit-data/2026-08-01.csv", "Date,Query,Count\n2026-08-01,total,1\n",
     "file 2026-08-01.csv, row 1: .*header date,query,count exactly"),
    ("commit-data/notes.csv", "date,query,count\n", "file notes.csv: not a YYYY-MM-DD.csv day file"),
    ("snap/2026-07-05.json", '{"date": "2026-07-05", "offers": []}',
     "file 2026-07-05.json: not a gpurentalprices.com snapshot .*check generated_at, providers"),
    ("epoch/ai_companies_funding_rounds.csv", "Company,Date\nOpenAI,2026-01-01\n",
     "file ai_companies_funding_rounds.csv, row 1: .*Status, Valuation"),
])
def test_a_broken_dataset_signature_is_refused_by_name(tmp_path: Path, name: str, text: str,
                                                       message: str) -> None:
    f = write(tmp_path / name, text)
    if name.startswith("epoch/"):  # a folder of Epoch files needs both
        write(f.parent / "ai_companies_revenue_reports.csv", "Company,Date,Annualized revenue\n")
    for target in [f, f.parent] if name != "commit-data/notes.csv" else [f.parent]:
        with pytest.raises(ImportFileError, match=message):
            preview_file(target)


def test_a_commit_data_file_elsewhere_is_a_generic_table(tmp_path: Path, shared_data: Path) -> None:
    real = shared_data / "coding-agent-commits" / "commit-data" / "2026-08-21.csv"
    copy = write(tmp_path / "2026-08-21.csv", real.read_text())
    assert preview_file(real).layout == "coding_agents" and preview_file(copy).layout == "long"


def test_a_dataset_changing_many_stored_values_needs_confirmation(cache, tmp_path: Path,
                                                                  shared_data: Path) -> None:
    folder = commit_data(tmp_path, shared_data, ["2026-08-19", "2026-08-20", "2026-08-21"],
                         lambda d, q, n: n * 2 + 1)
    p = preview_file(folder, cache.series.metas())
    mass = {m.group: m for m in commit_imports(cache, [p], dry_run=True).review.mass_changes}
    assert mass["agents.commits.*"].changed == mass["agents.commits.*"].stored == 42
    assert "would change 42 of 42 stored values of agents.commits.* (100.0%)" in \
        mass["agents.commits.*"].describe()
    before = dump(cache)
    with pytest.raises(ImportConflictError, match=r"agents\.commits"):
        commit_imports(cache, [p])
    assert dump(cache) == before
    approved = {sid for m in mass.values() for sid in m.series}
    assert commit_imports(cache, [p], replace=approved).total.changed > 0
    assert values(cache, "agents.commits.total")["2026-08-21"] == 6680504 * 2 + 1


def test_a_dataset_changing_a_few_values_goes_through(cache, tmp_path: Path,
                                                      shared_data: Path) -> None:
    days = [f"2026-08-{d:02d}" for d in range(12, 22)]
    folder = commit_data(tmp_path, shared_data, days,
                         lambda d, q, n: n + 1 if (d, q) == ("2026-08-21", "claude") else n)
    result = commit_imports(cache, [preview_file(folder, cache.series.metas())])
    assert not result.review.mass_changes and result.total.changed == 2  # count and share
    assert values(cache, "agents.commits.claude")["2026-08-21"] == 575586

