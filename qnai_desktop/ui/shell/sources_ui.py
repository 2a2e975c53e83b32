"""The window's data-source pieces, installed by one call from ``MainWindow`` (kept out of it so
the main window stays a composer): the compact refresh item in the status bar, Help → Data
sources, File → Import prices (and price files dropped on the window), and the file watcher that
re-reads linked workbooks after she saves them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction

from .refresh_status import RefreshStatusButton

if TYPE_CHECKING:
    from .main_window import MainWindow


WATCHER_DELAY_MS = 1500


class SourcesUi(QObject):
    """Adds its actions and status item to ``window``; retranslates with it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = None  # the Data sources view, built on first use
        self.status = RefreshStatusButton()
        self.status.sig_panel_requested.connect(self.toggle_panel)
        window.statusBar().addPermanentWidget(self.status)
        # the per-source success times move into the item's tooltip: 13 of them in a row would
        # push the cache path and the newest date off a 1280 px status bar
        window.statusBar().removeWidget(window.sources_label)
        window.sources_label.hide()
        self._show_stamps()
        window.ctx.sig_cache_changed.connect(lambda _c: self._show_stamps())
        self.act_data_sources = QAction(window)
        self.act_data_sources.triggered.connect(self.show_data_sources)
        window.help_menu.insertAction(window.act_about, self.act_data_sources)
        self.act_import_prices = QAction(window)
        self.act_import_prices.triggered.connect(self.choose_price_file)
        window.file_menu.insertAction(window.act_series_editor, self.act_import_prices)
        window.extra_actions = {**getattr(window, "extra_actions", {}),
                                "data_sources": self.act_data_sources,
                                "import_prices": self.act_import_prices}
        self._prices = None
        self.links = None  # the linked-file watcher, started a moment after the first paint
        QTimer.singleShot(WATCHER_DELAY_MS, self.start_watcher)  # (it loads the importers)
        window.installEventFilter(self)
        self.retranslate()

    def start_watcher(self):
        if self.links is None and not self.window.ctx.stopped:
            from ..importing.link_watcher import LinkWatcher

            self.links = LinkWatcher(self.window.ctx, self.window)
        return self.links

    @property
    def prices(self):
        if self._prices is None:
            from ..importing.price_import import PriceImporter

            self._prices = PriceImporter(self.window.ctx, self.window)
        return self._prices

    def _show_stamps(self) -> None:
        if not self.window.ctx.stopped:
            stamps = self.window.ctx.cache.settings.with_prefix("refresh.last_success.")
            self.status.set_last_success({k.rsplit(".", 1)[-1]: v for k, v in stamps.items()})

    def panel_built(self, panel) -> None:
        """The refresh panel exists now (first refresh or first click): follow its state."""
        panel.sig_state_changed.connect(self.status.set_state)
        panel.sig_sources_requested.connect(self.show_data_sources)

    def toggle_panel(self) -> None:
        dock = self.window.refresh_dock
        dock.setVisible(not dock.isVisible())

    def show_data_sources(self):
        from .data_sources_view import DataSourcesView

        if self.view is None:
            self.view = DataSourcesView(self.window.ctx, self.window)
            self.view.sig_settings_requested.connect(self.window.show_settings)
            self.view.sig_link_requested.connect(self.link_file)
            self.view.sig_import_requested.connect(lambda: self.window.open_import([]))
            self.view.sig_refresh_requested.connect(self.refresh_source)
        else:
            self.view.reload()
        self.view.show()
        self.view.raise_()
        return self.view

    def link_file(self) -> None:
        """The import dialog with "keep linked" ticked: the file is re-read whenever saved."""
        self.window.open_import([])
        self.window.import_dialog.keep_linked.setChecked(True)

    def refresh_source(self, name: str) -> None:
        """Refresh one source now; the status-bar item follows it."""
        self.window.refresh_panel.start([name])

    def choose_price_file(self) -> None:
        self.prices.choose_file()

    def handle_drop(self, paths: list[str]) -> None:
        """Files dropped on the window: a price file of watchlist names updates the prices,
        anything else opens the import dialog (decided on a worker: no file read here)."""
        self.prices.import_or_else(paths, self.window.open_import)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.act_data_sources.setText(self.tr("Data sources"))
        self.act_import_prices.setText(self.tr("Import prices…"))
