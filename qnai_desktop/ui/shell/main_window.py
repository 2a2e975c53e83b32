"""The main window: composes the four tabs, menus and status bar; owns no business logic."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QLayout, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from ...core.changes import ChangeSet
from ...core.formatting import fmt_date
from ...core.palette import PaletteEntry
from ..common import i18n
from ..common.app_context import AppContext
from ..common.base_tab import CacheTab
from ..common.operations import stop_background_work
from ..common.settings import make_settings
from ..monitors.alert_watcher import AlertWatcher
from . import snapshot
from .cache_guard import CacheGuard
from .command_palette import CommandPalette
from .help_dialog import HelpDialog
from .pages import TAB_NAMES, TAB_OF_KIND, TAB_TITLES, Pages, make_page
from .sources_ui import SourcesUi
from .window_geometry import MINIMUM, restore_window, save_window

CLOSE_TIMEOUT_S = 10.0  # how long quitting waits for running work before it lets go


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        # Tabs are built when first shown, into a slot that holds each place until then.
        self.pages = Pages(self)
        self._slots: list[QWidget] = []
        for _name in TAB_NAMES:
            slot = QWidget()
            QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self._slots.append(slot)
            self.tabs.addTab(slot, "")
        self._closed = False
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)
        # Only she resizes the window: a tab or dock with a larger minimum must not grow it.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(*MINIMUM)
        self.badges: dict[str, int] = {}
        # Alerts run from start-up whether or not the Monitors tab was ever opened.
        self.alert_watcher = AlertWatcher(ctx, parent=self)
        self.alert_watcher.sig_badge_changed.connect(self._on_alert_badge)
        self.restore_requested = False
        # Built on first use: the refresh machinery (httpx, providers) is not needed to paint.
        self._refresh_panel = None
        self._refresh_dock: QDockWidget | None = None
        self.setAcceptDrops(True)
        self.cache_label = QLabel()
        self.sources_label = QLabel()
        self.newest_label = QLabel()
        self.statusBar().addPermanentWidget(self.sources_label)
        self.statusBar().addPermanentWidget(self.newest_label)
        self.statusBar().addWidget(self.cache_label)
        self._build_menus()
        self.sources_ui = SourcesUi(self)  # refresh status item, Data sources, prices, linked files
        ctx.sig_cache_changed.connect(self._on_cache_changed)
        ctx.sig_status_message.connect(lambda m: self.statusBar().showMessage(m, 5000))
        ctx.sig_open_chart_requested.connect(self.open_chart)
        ctx.sig_open_alert_requested.connect(self.open_alert)
        self.palette = CommandPalette(self._palette_entries, self)
        self.palette.sig_entry_chosen.connect(self.go_to)
        self.retranslate()
        self._update_status()
        self._restore_state()
        self.current_page()  # the visible tab is built now; the others when first shown
        # Damage SQLite reports (any thread) → one restore offer; another writer's lock → status.
        # Last, so a constructor that failed on damage leaves no listener behind.
        self.cache_guard = CacheGuard(Path(ctx.cache.path or ""), self)
        self.cache_guard.sig_busy_changed.connect(self._on_cache_busy)
        self.cache_guard.sig_restore_requested.connect(self._on_restore_requested)

    def _on_cache_busy(self, waiting: bool) -> None:
        if waiting:
            self.statusBar().showMessage(self.tr("Waiting for another program writing the cache…"))
        else:
            self.statusBar().clearMessage()

    def _on_restore_requested(self) -> None:
        """Close; ``app.run_gui`` then closes every connection, restores and reopens."""
        self.restore_requested = True
        self.close()

    def _on_alert_badge(self, count: int) -> None:
        self.set_badge("monitors", count)

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index and not self._closed:  # not while Qt tears the tabs down after close
            self.pages[TAB_NAMES[index]]

    def _build_page(self, name: str) -> CacheTab:
        page = make_page(name, self.ctx, self.alert_watcher)
        self.pages.built[name] = page
        slot = self._slots[TAB_NAMES.index(name)]
        slot.layout().addWidget(page)
        if slot.isVisible():
            page.show()  # now, not on the layout's queued show: the tab is on screen already
        if name != "monitors":  # monitors' count comes from the watcher, built or not
            page.sig_badge_changed.connect(lambda n, name=name: self.set_badge(name, n))
        return page

    # -- construction -------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.act_import = QAction(self, shortcut=QKeySequence("Ctrl+I"))
        self.act_import.triggered.connect(lambda: self.open_import([]))
        self.act_series_editor = QAction(self)
        self.act_series_editor.triggered.connect(self.open_series_editor)
        self.act_refresh = QAction(self, shortcut=QKeySequence("Ctrl+R"))
        self.act_refresh.triggered.connect(self.refresh)
        self.act_export = QAction(self, shortcut=QKeySequence("Ctrl+Shift+E"))
        self.act_export.triggered.connect(self.export_current_chart)
        self.act_export_pack = QAction(self, shortcut=QKeySequence("Ctrl+E"))
        self.act_export_pack.triggered.connect(self.export_pack)
        self.act_quit = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        for act in (self.act_import, self.act_series_editor, self.act_refresh, self.act_export,
                    self.act_export_pack):
            self.file_menu.addAction(act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)

        self.view_menu = bar.addMenu("")
        self.tab_actions = []
        for i, _name in enumerate(TAB_NAMES):
            act = QAction(self, shortcut=QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, i=i: self.tabs.setCurrentIndex(i))
            self.view_menu.addAction(act)
            self.tab_actions.append(act)
        self.view_menu.addSeparator()
        self.lang_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.lang_actions = {}
        for lang in ("ko", "en"):
            act = QAction(self, checkable=True, checked=i18n.current_language() == lang)
            act.triggered.connect(lambda _c=False, lang=lang: self.set_language(lang))
            group.addAction(act)
            self.lang_menu.addAction(act)
            self.lang_actions[lang] = act

        self.view_menu.addSeparator()
        self.act_palette = QAction(self, shortcut=QKeySequence("Ctrl+K"))
        self.act_palette.triggered.connect(lambda: self.palette.open_palette())
        self.view_menu.addAction(self.act_palette)
        self.act_settings = QAction(self, shortcut=QKeySequence("Ctrl+,"))
        self.act_settings.triggered.connect(lambda: self.show_settings())
        self.file_menu.insertAction(self.act_quit, self.act_settings)

        self.help_menu = bar.addMenu("")
        self.act_help = QAction(self, shortcut=QKeySequence("F1"))
        self.act_help.triggered.connect(self.show_help)
        self.help_menu.addAction(self.act_help)
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.help_menu.addAction(self.act_about)

    def changeEvent(self, event: QEvent) -> None:
        # A language switch reaches windows that are closed but not yet deleted (their cache may be
        # closed): those read nothing. A sqlite3 error escaping a Qt virtual crashes shiboken 6.10.3
        # (PepException_GetArgs) instead of being reported.
        if event.type() == QEvent.Type.LanguageChange and not self.ctx.stopped:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Q&AI Desktop"))
        for i, name in enumerate(TAB_NAMES):
            self.tabs.setTabText(i, self._tab_title(name))
            self.tab_actions[i].setText(self.tr(TAB_TITLES[name]))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.act_import.setText(self.tr("Import…"))
        self.act_export.setText(self.tr("Export…"))
        self.act_refresh.setText(self.tr("Refresh"))
        self.act_series_editor.setText(self.tr("Edit series values…"))
        self.act_export_pack.setText(self.tr("Export pack…"))
        self.act_quit.setText(self.tr("Quit"))
        self.act_about.setText(self.tr("About Q&AI Desktop"))
        self.act_help.setText(self.tr("Help"))
        self.act_palette.setText(self.tr("Command palette…"))
        self.act_settings.setText(self.tr("Settings…"))
        self.lang_menu.setTitle(self.tr("Language"))
        self.lang_actions["ko"].setText(self.tr("Korean"))
        self.lang_actions["en"].setText(self.tr("English"))
        self.lang_actions[i18n.current_language()].setChecked(True)
        if self._refresh_dock is not None:
            self._refresh_dock.setWindowTitle(self.tr("Refresh data"))
        self._update_status()

    def set_language(self, lang: str) -> None:
        """View → Language: every widget retranslates on Qt's LanguageChange; remembered."""
        i18n.set_language(lang)
        settings = make_settings()
        settings.setValue("main/lang", i18n.current_language())
        settings.sync()

    # -- behaviour ----------------------------------------------------------------------
    def show_tab(self, name: str) -> CacheTab:
        page = self.pages[name]
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))
        return page

    def current_page(self) -> CacheTab:
        """The tab on screen (built: showing a tab builds it)."""
        return self.pages[TAB_NAMES[self.tabs.currentIndex()]]

    def _tab_title(self, name: str) -> str:
        count = self.badges.get(name, 0) if hasattr(self, "badges") else 0
        title = self.tr(TAB_TITLES[name])
        return f"{title} ({count})" if count else title

    def set_badge(self, name: str, count: int) -> None:
        """Show a count on a tab's title, e.g. unacknowledged alerts on Monitors."""
        self.badges[name] = count
        self.tabs.setTabText(TAB_NAMES.index(name), self._tab_title(name))

    def open_chart(self, chart_or_series_id: str) -> None:
        """Jump to the Charts tab showing a chart (or the chart of a series)."""
        self.show_tab("charts").open_item(chart_or_series_id)

    def open_alert(self, chart_id: str, window: object) -> None:
        """An alert from the Monitors tab: its chart, the days its rule compared shaded."""
        from ..monitors.alert_overlay import show_alert_window

        self.open_chart(chart_id)
        show_alert_window(self.pages["charts"].canvas, window)

    def palette_actions(self) -> dict[str, QAction]:
        acts = {"import": self.act_import, "export": self.act_export, "refresh": self.act_refresh,
                "series_editor": self.act_series_editor,
                "export_pack": self.act_export_pack, "settings": self.act_settings,
                "help": self.act_help, "about": self.act_about, "quit": self.act_quit,
                "lang_ko": self.lang_actions["ko"], "lang_en": self.lang_actions["en"]}
        acts.update({f"tab_{n}": a for n, a in zip(TAB_NAMES, self.tab_actions, strict=True)})
        acts.update(getattr(self, "extra_actions", {}))
        return {k: a for k, a in acts.items() if a.isEnabled()}

    def go_to(self, entry: PaletteEntry) -> None:
        """Act on a palette choice: jump to the ticker, chart, monitor, scenario or run the action."""
        if entry.kind == "action":
            self.palette_actions()[entry.key].trigger()
        else:
            self.show_tab(TAB_OF_KIND[entry.kind]).open_item(entry.key)

    @property
    def refresh_panel(self):
        self._ensure_refresh_dock()
        return self._refresh_panel

    @property
    def refresh_dock(self) -> QDockWidget:
        self._ensure_refresh_dock()
        return self._refresh_dock

    def _ensure_refresh_dock(self) -> None:
        if self._refresh_panel is not None:
            return
        from .refresh_panel import RefreshPanel

        self._refresh_panel = RefreshPanel(self.ctx)
        self._refresh_dock = QDockWidget(self.tr("Refresh data"), self)
        self._refresh_dock.setObjectName("refresh_dock")
        self._refresh_dock.setWidget(self._refresh_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._refresh_dock)
        self._refresh_dock.hide()
        self._refresh_panel.sig_refresh_finished.connect(lambda _r: self._update_status())
        self.sources_ui.panel_built(self._refresh_panel)

    def _palette_entries(self) -> list[PaletteEntry]:
        from .palette_entries import build_entries

        return build_entries(self.ctx, self.palette_actions())

    def open_import(self, paths: list[str]) -> None:
        """File → Import… (Ctrl+I) or files dropped on the window: preview, map, then commit."""
        from ..importing.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.add_files(paths)
        dialog.show()
        self.import_dialog = dialog

    def open_series_editor(self) -> None:
        from ..importing.series_editor import SeriesEditor

        SeriesEditor(self.ctx, None, self).show()

    def refresh(self) -> None:
        """Ctrl+R: refresh the chosen sources on a worker; the status-bar item shows progress
        and opens the panel (progress, reasons, Cancel) on demand."""
        chosen = str(make_settings().value("refresh/sources", "")).split(",")
        sources = [s for s in chosen if s in self.refresh_panel.sources] or None
        self.refresh_panel.start(sources)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.sources_ui.handle_drop(paths)  # a price file updates prices; others: import

    def export_current_chart(self) -> None:
        """File → Export…: the chart on screen (opens the Charts tab if no chart is shown yet)."""
        from ..export.export_dialog import ExportDialog

        charts = self.pages["charts"]
        spec = getattr(charts.canvas, "spec", None)
        if spec is None:
            self.show_tab("charts")
            charts.refresh_if_dirty()
            spec = charts.canvas.spec
        if spec is not None:
            ExportDialog(self.ctx, spec, self).exec()

    def export_pack(self) -> None:
        """File → Export pack… (Ctrl+E): every chart, with progress and cancel."""
        from ..export.pack_dialog import PackExportDialog

        PackExportDialog(self.ctx, parent=self).exec()

    def show_help(self) -> None:
        HelpDialog(self).exec()

    def show_settings(self, field: str = "") -> None:
        """File → Settings…; ``field`` puts the cursor where a data source needs something."""
        from .settings_dialog import SettingsDialog

        try:
            from ..common.style import available_styles
            styles = list(available_styles())
        except ImportError:
            styles = ["house_default"]
        dialog = SettingsDialog(str(self.ctx.cache.path), styles, self, ctx=self.ctx)
        if field:
            dialog.focus_field(field)
        self.settings_dialog = dialog
        if dialog.exec():
            values = dialog.values()
            self.set_language(str(values["main/lang"]))
            from PySide6.QtWidgets import QApplication

            from ..common.theme import apply_theme
            apply_theme(QApplication.instance(), str(values["ui/theme"]))

    def show_about(self) -> None:
        from .about_dialog import AboutDialog

        AboutDialog(self.ctx.cache, self).exec()

    def _on_cache_changed(self, _change: ChangeSet) -> None:
        self._update_status()

    def _update_status(self) -> None:
        self.cache_label.setText(self.tr("Cache: {path}").format(path=str(self.ctx.cache.path)))
        stamps = self.ctx.cache.settings.with_prefix("refresh.last_success.")
        self.sources_label.setText(" · ".join(
            f"{key.rsplit('.', 1)[-1]} {when.replace('T', ' ')[:16]}" for key, when in stamps.items()))
        newest = self.ctx.cache.series.newest_date()
        self.newest_label.setText(self.tr("Newest observation: {date}").format(date=fmt_date(newest))
                                  if newest else self.tr("No data"))

    # -- persistence --------------------------------------------------------------------
    def _restore_state(self) -> None:
        restore_window(self, self.tabs, TAB_NAMES)

    def save_state(self) -> None:
        save_window(self, TAB_NAMES[self.tabs.currentIndex()], i18n.current_language())
        snapshot.save(self, Path(self.ctx.cache.path), i18n.current_language())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quit: cancel running work and wait for it (bounded), let queued writes land, close
        the writer's connection (``app._close_window`` closes the window's own after)."""
        self._closed = True
        self.save_state()
        self.cache_guard.detach()
        stop_background_work(self.ctx, CLOSE_TIMEOUT_S)
        super().closeEvent(event)
