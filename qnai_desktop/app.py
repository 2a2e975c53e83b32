"""Composition root: paths → cache → AppContext → QApplication → MainWindow."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .paths import default_db_path, resources_dir


def _ensure_platform() -> None:
    """Headless machine (no DISPLAY/WAYLAND): fall back to the offscreen platform."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def create_application(*, plots: bool = True):
    """The QApplication with fonts and names set (one per process); ``plots=False`` leaves
    pyqtgraph unloaded (the shell's first paint needs PySide6 alone)."""
    _ensure_platform()
    from PySide6.QtWidgets import QApplication

    from .ui.common.fonts import apply_app_font
    from .ui.common.settings import make_settings
    from .ui.common.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("qnai")
    app.setApplicationName("qnai-desktop")
    app.setDesktopFileName("qnai-desktop")  # Wayland matches the window to the .desktop entry
    icon = resources_dir() / "icons" / "qnai-desktop.png"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    if plots:
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
    apply_app_font(app)
    apply_theme(app, str(make_settings().value("ui/theme", "system")))
    return app


def build_window(db: Path | str | None, lang: str | None = None):
    """Open the cache (seeding a new one), then the main window over it (not shown)."""
    import sqlite3

    from .services.seed import open_cache
    from .store import health
    from .ui.common.app_context import AppContext
    from .ui.common.i18n import set_language, startup_language
    from .ui.shell.main_window import MainWindow

    create_application()
    set_language(startup_language(lang))
    cache = open_cache(db)
    ctx = AppContext(cache)
    try:
        return MainWindow(ctx)
    except sqlite3.Error as exc:  # a read while building met damage: a sentence, not a crash
        ctx.stop()
        cache.close()
        raise health.classify(exc, cache.path) from exc
    except BaseException:
        ctx.stop()
        cache.close()
        raise


def run_gui(db: Path | str | None, lang: str | None = None) -> int:
    """The window until she quits; when SQLite reports the cache damaged and she accepts the
    offer, every connection is closed, the newest usable backup restored, and a new window
    opened on it."""
    from PySide6.QtWidgets import QApplication

    from .logs import setup_logging
    from .store.errors import CorruptCacheError, StoreError
    from .ui.common.error_dialog import show_error
    from .ui.common.i18n import current_language, set_language, startup_language

    setup_logging()
    app = create_application(plots=False)
    set_language(startup_language(lang))
    path = Path(db) if db else default_db_path()
    shell = show_shell(path, current_language())
    while True:
        try:
            window = build_window(path, current_language())
        except CorruptCacheError as exc:
            _drop(shell)
            shell = None
            if not offer_restore(path, exc):
                return 2
            continue
        except StoreError as exc:  # read-only, busy, newer schema, another program's file
            _drop(shell)
            print(f"error: {exc}", file=sys.stderr)
            show_error(str(exc), repr(exc))
            return 2
        _start_window(window)
        _drop(shell)  # the window is up at the same geometry: the picture goes
        shell = None
        code = QApplication.exec() if app else 0
        _close_window(window)
        if not window.restore_requested:
            return code
        offer_restore(path, CorruptCacheError(str(path)), ask=False)  # refused: reopen


def show_shell(db: Path, lang: str):
    """Paint the window she saw last from its snapshot before pandas and pyqtgraph load
    (``ui/shell/snapshot.py``); None when there is no usable snapshot for this cache."""
    from PySide6.QtWidgets import QApplication

    from .ui.shell.snapshot import ShellWindow, read_snapshot

    snapshot = read_snapshot(db, lang)
    if snapshot is None:
        return None
    try:
        shell = ShellWindow(snapshot)
    except Exception:  # an odd value in the file: start as without a snapshot, never fail
        import logging

        logging.getLogger(__name__).warning("window snapshot not shown", exc_info=True)
        return None
    shell.show()
    QApplication.processEvents()  # paint it now: the imports that follow hold the loop
    return shell


def _drop(shell) -> None:
    if shell is not None:
        shell.close()
        shell.deleteLater()


#: After the window is up, the objects of the start-up (modules, Qt wrappers, the tabs built so
#: far, ~130k) move out of the collector's sight: a full collection over them held the GUI
#: thread ~75 ms each time it ran (the event-loop benchmark saw 80–130 ms pauses); frozen, ~0 ms.
FREEZE_AFTER_MS = 3_000
_frozen = False


def freeze_startup_heap() -> None:
    """Collect the young garbage, then ``gc.freeze()`` what is left (once per process)."""
    global _frozen
    if _frozen:
        return
    import gc

    gc.collect(1)  # the start-up's short-lived cycles, cheaply (not a full collection)
    gc.freeze()
    _frozen = True


def _start_window(window) -> None:
    """Show the window, then the background work of journey 1: the cache check and the daily
    backup off the GUI thread, a refresh after 500 ms, the interval refresh, the welcome."""
    from PySide6.QtCore import QTimer

    from .store import health
    from .ui.common.error_dialog import install_excepthook
    from .ui.common.settings import make_settings

    settings = make_settings()
    cache_path = Path(window.ctx.cache.path)
    install_excepthook(lambda: window,
                       on_damage=lambda exc: health.mark_damaged(cache_path, str(exc)))
    window.show()
    # Python's collector runs in whichever thread allocates: a worker thread reading pandas
    # frames would destroy the GUI's garbage Qt objects off the GUI thread (Qt warnings,
    # crashes). pyqtgraph's GarbageCollector turns automatic collection off and collects
    # on a 1 s timer on the GUI thread instead.
    from pyqtgraph.util.garbage_collector import GarbageCollector

    window.gc_on_gui_thread = GarbageCollector(interval=1.0)
    # bound to the window: a window closed within 3 s (a test, a restore) freezes nothing
    QTimer.singleShot(FREEZE_AFTER_MS, window, lambda: window.isVisible() and freeze_startup_heap())
    window.cache_guard.start_check(int(settings.value("cache/backups_keep", 5)))
    if settings.value("refresh/on_start", True, type=bool):
        QTimer.singleShot(500, window.refresh)
    interval_min = int(settings.value("refresh/interval_min", 0))
    if interval_min > 0:
        timer = QTimer(window)
        timer.timeout.connect(window.refresh)
        timer.start(interval_min * 60_000)
    if not settings.value("welcome/shown", False, type=bool):
        from .ui.shell.welcome_dialog import WelcomeDialog

        settings.setValue("welcome/shown", True)
        QTimer.singleShot(0, lambda: WelcomeDialog(window.ctx.cache, window).exec())


def _close_window(window) -> None:
    """Cancel and wait for background work (bounded; the window's close did it already unless it
    was never shown), then close the window's connection."""
    from .ui.common.operations import stop_background_work
    from .ui.shell.main_window import CLOSE_TIMEOUT_S

    stop_background_work(window.ctx, CLOSE_TIMEOUT_S)
    window.ctx.cache.close()
    window.deleteLater()


def offer_restore(path: Path, exc: Exception, *, ask: bool = True) -> bool:
    """SQLite reported the cache damaged: offer its newest usable backup. True when restored."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from .services.backups import newest_usable_backup, restore
    from .store.errors import StoreError
    from .ui.common.error_dialog import show_error

    backup = newest_usable_backup(path)
    if backup is None:
        show_error(QCoreApplication.translate(
            "App", "The cache file is damaged and no usable backup exists: {path}").format(path=str(path)),
            str(exc))
        return False
    title = QCoreApplication.translate("App", "Q&AI Desktop")
    if ask:
        answer = QMessageBox.question(None, title, QCoreApplication.translate(
            "App", "The cache file is damaged: {path}\nRestore the newest automatic backup ({backup})? "
            "The damaged file is kept beside it.").format(path=str(path), backup=backup.name) + f"\n\n{exc}")
        if answer != QMessageBox.StandardButton.Yes:
            return False
    try:
        kept = restore(path, backup)
    except StoreError as refused:
        show_error(str(refused), "")
        return False
    QMessageBox.information(None, title, QCoreApplication.translate(
        "App", "Restored. The damaged file: {damaged}").format(damaged=str(kept)))
    return True


def screenshot(db: Path | str | None, tab: str, out: Path, lang: str | None = None,
               size: tuple[int, int] = (1400, 860), view: str | None = None) -> Path:
    """Render one tab of the main window offscreen to a PNG (used for the README screenshot);
    ``view`` = ``settings``, ``data-sources`` or ``refresh`` renders that instead (the refresh
    panel opened from its status-bar item, over the tab)."""
    from PySide6.QtWidgets import QApplication

    from .store import health
    from .store.errors import CorruptCacheError

    window = build_window(db, lang)
    window.cache_guard.detach()  # no dialogs offscreen: damage ends in CorruptCacheError below
    path = window.ctx.cache.path
    health.verify(window.ctx.cache.db.conn, path)  # a picture of a damaged cache is no picture
    window.resize(*size)
    window.show_tab(tab)
    window.show()
    for _ in range(3):  # tick labels need more than one pass (PITFALLS.md)
        QApplication.processEvents()
    reason = health.damage_of(path)
    if reason is not None:
        raise CorruptCacheError(f"{path}: the cache file is damaged (SQLite: {reason})")
    out.parent.mkdir(parents=True, exist_ok=True)
    target = _view_for_screenshot(window, view, size) if view else window
    if not target.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    window.ctx.stop()
    window.close()
    return out


def _view_for_screenshot(window, view: str, size: tuple[int, int]):
    """The dialog or panel ``view`` of ``window``, shown and laid out, ready to grab."""
    import time

    from PySide6.QtWidgets import QApplication

    if view == "refresh":
        window.sources_ui.toggle_panel()
        target = window
    elif view == "data-sources":
        target = window.sources_ui.show_data_sources()
        deadline = time.monotonic() + 30
        while not target.states and time.monotonic() < deadline:  # read on a worker
            QApplication.processEvents()
            time.sleep(0.01)
    elif view == "settings":
        from .ui.common.style import available_styles
        from .ui.shell.settings_dialog import SettingsDialog

        target = SettingsDialog(str(window.ctx.cache.path), list(available_styles()), window,
                                ctx=window.ctx)
    else:
        raise ValueError(f"unknown view {view!r}: settings, data-sources or refresh")
    if target is not window:
        target.resize(min(size[0], target.sizeHint().width() if view == "settings" else size[0]),
                      target.sizeHint().height() if view == "settings" else size[1])
        target.show()
    for _ in range(3):
        QApplication.processEvents()
    return target


def load_house_style(name_or_path: str):
    """The chart house style by name or JSON path (for the CLI's ``export``; Qt-free data)."""
    from .ui.common.style import load_style

    return load_style(name_or_path)


def render_pack(jobs, options, out: Path, style, held_back=()):
    """Render an export pack headless (the CLI's ``export``/``publish``): a QApplication, then
    the pack (charts ``held_back`` are listed in its manifest)."""
    from .ui.export.pack import PackExporter
    from .ui.export.renderer import quiet_offscreen_warnings

    create_application()
    quiet_offscreen_warnings()
    return PackExporter(jobs, options, out, style=style, held_back=held_back).run()
