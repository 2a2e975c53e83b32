"""QSettings in an INI file under the user config dir (``QNAI_SETTINGS`` overrides the path)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings


def settings_path() -> Path:
    env = os.environ.get("QNAI_SETTINGS")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("qnai-desktop", "qnai")) / "settings.ini"


def make_settings() -> QSettings:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)
