"""The fast read of a wide CSV (pandas' C parser, :mod:`services.importers.wide_csv`) gives exactly
what the careful cell-by-cell read gives — same series, dates, values, unit hints, notes and
error messages — and steps aside whenever the file is not a regular grid."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from qnai_desktop.services.importers import ImportFileError, preview_file
from qnai_desktop.services.importers import preview as preview_module

FILES = {
    "plain": "date,A,B,C\n2026-01-02,1,2.5,3e2\n2026-01-03,4,,6\n2026-01-04,7,8.25,9\n",
    "holes and hints": ("Date,Oracle CDS,CoreWeave CDS,Share\n2026-01-02,#N/A N/A,410.5,5%\n"
                        "2026-01-03,120,#N/A N/A,6%\n2026-01-04,121.5,415,7%\n"),
    "thousands and escapes": ('date,a,b\n2026-01-02,"1,234",\'=1+1\n2026-01-03,"2,345",2\n'
                              "2026-01-04,3,3\n"),
    "blank lines": "date,a,b\n2026-01-02,1,2\n\n2026-01-04,3,4\n\n",
    "notes above, quoted break": ('"Bloomberg dump\nsecond line",,\n,,\ndate,a,b\n2026-01-02,1,2\n'
                                  "2026-01-03,3,4\n"),
    "korean dates": "날짜,매출\n2026년 1월 2일,10\n2026년 1월 3일,11\n",
    "compact int dates": "date,a\n20260102,1\n20260103,2\n",
    "semicolons": "date;a;b\n2026-01-02;1;2\n2026-01-03;3;4\n",
    "true cell": "date,a\n2026-01-02,TRUE\n2026-01-03,1\n",
    "bad date on row 4": "date,a\n2026-01-02,1\n2026-01-03,2\n2026-13-45,3\n",
    "value without a date": "date,a\n2026-01-02,1\n,2\n",
    "infinite": "date,a\n2026-01-02,1\n2026-01-03,1e999\n",
    "values without a header": "date,a,\n2026-01-02,1,\n2026-01-03,2,9\n",
    "ragged": "date,a\n2026-01-02,1\n2026-01-03,2,3\n",
    "duplicate date": "date,a\n2026-01-02,1\n2026-01-02,2\n",
    "integer past int64": "date,a\n2026-01-02," + "9" * 120 + "\n2026-01-03,1\n",
}


def _read(path: Path) -> object:
    try:
        p = preview_file(path)
    except ImportFileError as exc:
        return ("error", str(exc))
    return ("ok", p.layout, p.notes,
            [(c.key, c.label, c.unit_hint, c.frame["date"].astype(str).tolist(),
              c.frame["value"].tolist()) for c in p.candidates])


@pytest.mark.parametrize("name", sorted(FILES))
def test_fast_read_equals_the_careful_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           name: str) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(FILES[name], encoding="utf-8")
    fast = _read(path)
    monkeypatch.setattr(preview_module, "wide_body", lambda *a, **k: None)  # the careful path
    careful = _read(path)
    assert fast == careful


def test_a_large_wide_file_takes_the_fast_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    days = pd.date_range("2020-01-01", periods=400, freq="D").strftime("%Y-%m-%d")
    frame = pd.DataFrame(np.round(rng.normal(100, 10, (400, 60)), 4),
                         columns=[f"S{i}" for i in range(60)])
    frame.insert(0, "date", days)
    frame.iloc[17, 5] = np.nan  # a hole
    path = tmp_path / "big.csv"
    frame.to_csv(path, index=False)
    calls = []
    real = preview_module.wide_body
    monkeypatch.setattr(preview_module, "wide_body",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    p = preview_file(path)
    assert calls and len(p.candidates) == 60
    s4 = next(c for c in p.candidates if c.label == "S4")
    assert len(s4.frame) == 399  # the hole is not a value
    assert s4.frame["value"].tolist() == frame["S4"].dropna().tolist()  # bit-exact floats


def test_the_error_of_a_broken_date_names_its_row(tmp_path: Path) -> None:
    rows = ["date,a,b"] + [f"2026-01-{d:02d},{d},{d * 2}" for d in range(1, 29)]
    rows[-1] = "2026-02-30,1,2"  # spreadsheet row 29 (the header is row 1)
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        preview_file(path)
    assert "row 29" in str(info.value) and "2026-02-30" in str(info.value)
