"""The reusable pandas-backed table model."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt

from qnai_desktop.ui.common.pandas_model import PandasTableModel


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"name": ["엔비디아", "Apple", "메타"], "cap": [4736.0, 4592.0, np.nan],
                         "date": pd.to_datetime(["2026-07-06", "2026-07-01", "2026-07-03"])},
                        index=["NVDA", "AAPL", "META"])


def test_passes_qt_model_tester(qtmodeltester) -> None:
    model = PandasTableModel(_frame())
    qtmodeltester.check(model, force_py=True)


def test_display_is_dtype_aware() -> None:
    model = PandasTableModel(_frame())
    disp = Qt.ItemDataRole.DisplayRole
    assert model.data(model.index(0, 1), disp) == "4,736"
    assert model.data(model.index(2, 1), disp) == "-"
    assert model.data(model.index(0, 2), disp) == "2026-07-06"
    right = model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole)
    assert right & int(Qt.AlignmentFlag.AlignRight)


def test_sort_is_a_permutation_and_keeps_nan_last() -> None:
    df = _frame()
    model = PandasTableModel(df)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.row_label(r) for r in range(3)] == ["AAPL", "NVDA", "META"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.row_label(r) for r in range(3)] == ["NVDA", "AAPL", "META"]
    assert df.index.tolist() == ["NVDA", "AAPL", "META"]  # caller's frame untouched


def test_edit_writes_back_through_the_editor_and_rejections_are_signalled(qtbot) -> None:
    written = {}

    def editor(label, col, text):
        try:
            value = float(text)
        except ValueError:
            return False, f"{col} of {label}: '{text}' is not a number"
        written[(label, col)] = value
        return True, value

    df = _frame()
    model = PandasTableModel(df, editor=editor, editable={"cap"})
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, 1), "5000")
    assert written == {("NVDA", "cap"): 5000.0}
    assert model.data(model.index(0, 1)) == "5,000"
    assert df.loc["NVDA", "cap"] == 4736.0  # copy-on-write
    with qtbot.waitSignal(model.sig_edit_rejected) as blocker:
        assert not model.setData(model.index(1, 1), "abc")
    assert "not a number" in blocker.args[0]
