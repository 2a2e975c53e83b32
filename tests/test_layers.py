"""The Qt-free core: core/, store/ and services/ import and run with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_store_services_import_without_qt() -> None:
    code = textwrap.dedent("""
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in {'PySide6', 'shiboken6', 'pyqtgraph', 'superqt', 'qtpy'}:
                    raise ImportError('Qt is blocked in this test: ' + name)
        sys.meta_path.insert(0, Block())
        import qnai_desktop
        for pkg in ('core', 'store', 'services'):
            mod = importlib.import_module('qnai_desktop.' + pkg)
            for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):
                importlib.import_module(info.name)
        import qnai_desktop.cli
        from qnai_desktop.services.seed import open_cache
        c = open_cache(':memory:')
        assert len(c.watchlist.companies()) == 8
        print('ok')
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


def test_ui_is_the_only_layer_that_names_qt() -> None:
    offenders = []
    for pkg in ("core", "store", "services"):
        for path in (ROOT / "qnai_desktop" / pkg).rglob("*.py"):
            for line in path.read_text(encoding="utf-8").splitlines():
                stripped = line.strip()
                if stripped.startswith(("import ", "from ")) and any(
                        q in stripped for q in ("PySide6", "pyqtgraph", "superqt", "shiboken6")):
                    offenders.append(f"{path.relative_to(ROOT)}: {stripped}")
    assert offenders == []
