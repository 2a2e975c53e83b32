"""Composition root: paths → cache → AppContext → QApplication → MainWindow."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .paths import resources_dir
from .services.seed import open_cache


def _ensure_platform() -> None:
    """Headless machine (no DISPLAY/WAYLAND): fall back to the offscreen platform."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def create_application():
    """The QApplication with fonts and names set (one per process)."""
    _ensure_platform()
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from .ui.fonts import apply_app_font
    from .ui.settings import make_settings
    from .ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("qnai")
    app.setApplicationName("qnai-desktop")
    app.setDesktopFileName("qnai-desktop")  # Wayland matches the window to the .desktop entry
    icon = resources_dir() / "icons" / "qnai-desktop.png"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
    apply_app_font(app)
    apply_theme(app, str(make_settings().value("ui/theme", "system")))
    return app


def build_window(db: Path | str | None, lang: str | None = None):
    """Open the cache (seeding a new one), then the main window over it (not shown)."""
    from .ui.app_context import AppContext
    from .ui.main_window import MainWindow
    from .ui.settings import make_settings

    create_application()
    cache = open_cache(db)
    lang = lang or str(make_settings().value("main/lang", "ko"))
    ctx = AppContext(cache, lang=lang)
    return MainWindow(ctx)


def run_gui(db: Path | str | None, lang: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .logs import setup_logging
    from .services.backups import auto_backup
    from .store.db import default_db_path
    from .store.errors import CorruptCacheError, StoreError
    from .ui.error_dialog import install_excepthook, show_error
    from .ui.settings import make_settings

    setup_logging()
    app = create_application()
    lang = lang or str(make_settings().value("main/lang", "ko"))
    try:
        window = build_window(db, lang)
    except CorruptCacheError as exc:
        if not offer_restore(Path(db) if db else default_db_path(), exc, lang):
            return 2
        window = build_window(db, lang)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        show_error(str(exc), repr(exc), lang)
        return 2
    keep = int(make_settings().value("cache/backups_keep", 5))
    auto_backup(Path(window.ctx.cache.path), keep=keep)
    install_excepthook(lambda: window.ctx.lang, lambda: window)
    window.show()
    settings = make_settings()
    # Journey 1: the window shows yesterday's cache at once, then a refresh runs in the background.
    if settings.value("refresh/on_start", True, type=bool):
        QTimer.singleShot(500, window.refresh)
    interval_min = int(settings.value("refresh/interval_min", 0))
    if interval_min > 0:
        timer = QTimer(window)
        timer.timeout.connect(window.refresh)
        timer.start(interval_min * 60_000)
    if not settings.value("welcome/shown", False, type=bool):
        from .ui.welcome_dialog import WelcomeDialog

        settings.setValue("welcome/shown", True)
        QTimer.singleShot(0, lambda: WelcomeDialog(window.ctx.cache, window.ctx.lang, window).exec())
    return QApplication.exec() if app else 0


def offer_restore(path: Path, exc: Exception, lang: str) -> bool:
    """The cache is damaged: offer its newest usable backup. True when restored."""
    from PySide6.QtWidgets import QMessageBox

    from .services.backups import newest_usable_backup, restore
    from .ui.error_dialog import show_error
    from .ui.i18n import tr

    backup = newest_usable_backup(path)
    if backup is None:
        show_error(tr("startup.damaged_no_backup", lang, path=str(path)), str(exc), lang)
        return False
    answer = QMessageBox.question(
        None, tr("app.title", lang), tr("startup.damaged_restore", lang, path=str(path),
                                        backup=backup.name))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    damaged = restore(path, backup)
    QMessageBox.information(None, tr("app.title", lang),
                            tr("startup.restored", lang, damaged=str(damaged)))
    return True


def screenshot(db: Path | str | None, tab: str, out: Path, lang: str | None = None,
               size: tuple[int, int] = (1400, 860)) -> Path:
    """Render one tab of the main window offscreen to a PNG (used for the README screenshot)."""
    from PySide6.QtWidgets import QApplication

    window = build_window(db, lang)
    window.resize(*size)
    window.show_tab(tab)
    window.show()
    for _ in range(3):  # tick labels need more than one pass (PITFALLS.md)
        QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    window.ctx.stop()
    window.close()
    return out
