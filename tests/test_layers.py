"""The layers: import-linter's contracts hold, and core/store/services run with Qt blocked.

This is the one Qt-blocked import test (it replaced three copies): every module of core/, store/
and services/ imports, the CLI imports, and a scenario, a chart and a seeded cache work, all in a
process where importing PySide6, pyqtgraph or superqt raises.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_core_store_services_import_and_run_without_qt() -> None:
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
        from qnai_desktop.core.scenarios import get_model
        share = get_model('meta_compute_sale').evaluate()['added_supply_share']
        assert abs(share - 0.034) < 1e-9, share
        from qnai_desktop.core.charts import catalogue_by_id, prepare
        assert prepare(catalogue_by_id()['coding_agent_commit_share'], {}, {}) is not None
        from qnai_desktop.services.seed import open_cache
        c = open_cache(':memory:')
        assert len(c.watchlist.companies()) == 8
        print('ok')
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


def test_import_contracts_hold() -> None:
    """The same check ``scripts/test.sh`` runs before pytest (``lint-imports``)."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    out = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout
