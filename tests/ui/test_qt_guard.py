"""Guard for the PySide6 6.12.0 / Python 3.11 crash (PITFALLS.md): Qt calls returning nothing
must not lower None's refcount. If an upgrade brings the bug back, this fails instead of the app
dying with "Fatal Python error: none_dealloc" minutes into a session."""

from __future__ import annotations

import sys

from PySide6 import QtCore, QtGui


def test_void_qt_calls_keep_none_refcount() -> None:
    path = QtGui.QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(100_000):
        path.clear()
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None refcount fell by {before - after} (PySide6 "\
        f"{QtCore.__version__}); see PITFALLS.md"


def test_pinned_versions() -> None:
    import pyqtgraph

    assert QtCore.__version__ == "6.10.3"
    assert pyqtgraph.__version__ == "0.14.0"
