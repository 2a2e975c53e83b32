"""Where the shipped ``data/`` and ``resources/`` folders are (source tree or PyInstaller bundle)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return app_root() / "data"


def resources_dir() -> Path:
    return app_root() / "resources"


def default_db_path() -> Path:
    """``QNAI_DB`` if set, else ``cache.sqlite`` in the per-user data dir (platformdirs).
    Here, not in ``store.db``, so the window's first paint can name the file without loading
    sqlite-utils (which imports pandas)."""
    env = os.environ.get("QNAI_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("qnai-desktop", "qnai")) / "cache.sqlite"
