"""Monitors tab: where each market signal of the note stands, and the alerts its rules raised.

Rules are evaluated after EVERY cache change — own writes and other processes' ('*') — by an
``AlertWatcher`` the main window owns from start-up, so the badge on the tab title is right on the
morning check even before this tab is first opened (see ui/monitors/alert_watcher.py).
Drawing (the table, rules and log) still happens only while the tab is visible (``CacheTab``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.monitors import RuleError
from ...core.param_axis import dated_only
from ...services import alerts
from ...services.monitor_table import (
    TABLE_COLUMNS,
    add_user_monitor,
    known_metas,
    monitor_rows,
    remove_user_monitor,
)
from ..common.app_context import AppContext
from ..common.base_tab import CacheTab
from ..common.i18n import current_language
from ..common.operations import run_op
from ..common.theme import set_tone
from .alert_watcher import AlertWatcher
from .detail import MonitorDetail
from .events import EventsPanel
from .model import MonitorTableModel
from .notifier import TrayNotifier
from .picker import MonitorPickerDialog
from .rule_editor import RuleEditorDialog, explain
from .rules import RulesPanel
from .sparkline_delegate import SparklineDelegate
from .style import legend_html


class MonitorsTab(CacheTab):
    """Monitor table, the selected monitor's thesis link, alert rules and the alert log."""

    tables = frozenset({"observations", "series", "alert_events", "alert_rules", "settings",
                        "companies", "company_links"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today,
                 watcher: AlertWatcher | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today
        # The main window hands in its watcher (alerts run before this tab is first opened);
        # a tab on its own (tests, embedding) evaluates with its own.
        self.watcher = watcher if watcher is not None else AlertWatcher(ctx, today, self)
        self.watcher.sig_badge_changed.connect(self.sig_badge_changed)
        self.rows: dict[str, dict] = {}
        self.stored_rules: list[alerts.StoredRule] = []
        self.title = QLabel()
        self.legend = QLabel(wordWrap=True)
        self.add_monitor_button = QPushButton(clicked=self.open_monitor_picker)
        self.model = MonitorTableModel(self)
        self.view = self._build_view()
        self.detail = MonitorDetail()
        self.rules = RulesPanel()
        self.events = EventsPanel()
        self._connect()
        self._layout()
        self.retranslate()

    # -- construction -------------------------------------------------------------------
    def _build_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setItemDelegateForColumn(TABLE_COLUMNS.index("sparkline"),
                                      SparklineDelegate(MonitorTableModel.STATUS_ROLE, view))
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)  # after clearing the indicator: keep the note's order
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(30)
        view.horizontalHeader().setStretchLastSection(True)  # the sparkline takes spare width
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        set_tone(view, "soft-table")  # a soft selection keeps status chips and red moves readable
        return view

    def _connect(self) -> None:
        self.view.doubleClicked.connect(lambda idx: self.open_chart_for_row(idx.row()))
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_detail())
        self.detail.sig_open_chart_requested.connect(self.ctx.sig_open_chart_requested)
        self.detail.sig_rule_requested.connect(lambda sid: self.open_rule_editor(sid))
        self.detail.sig_remove_requested.connect(self.remove_monitor)
        self.rules.sig_add_requested.connect(lambda: self.open_rule_editor())
        self.rules.sig_enable_requested.connect(self.set_rule_enabled)
        self.rules.sig_delete_requested.connect(self._confirm_delete_rule)
        self.events.sig_ack_requested.connect(self.acknowledge)
        self.events.sig_ack_all_requested.connect(self.acknowledge_all)
        self.events.sig_open_alert_requested.connect(self.open_alert)
        self.events.sig_filter_changed.connect(self._show_events)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.add_monitor_button)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.detail, self.rules, self.events):
            w.setMinimumWidth(160)  # below the buttons' width: a small window may clip, not grow
            bottom.addWidget(w)
        bottom.setSizes([330, 420, 560])
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.view)
        self.split.addWidget(bottom)
        self.split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.split, 1)

    def retranslate(self) -> None:
        title = self.tr("Market signals — the note's watch points")
        self.title.setText(f"<span style='font-size:13pt'><b>{title}</b></span>")
        self.legend.setText(legend_html())
        self.add_monitor_button.setText(self.tr("Add monitor…"))
        self.model.retranslate()

    # -- drawing (visible only) ---------------------------------------------------------
    def refresh(self) -> None:
        cache, lang = self.ctx.cache, current_language()  # names, watch points: content
        current = self.current_series()
        rows = monitor_rows(cache, self.today(), lang)
        self.rows = {r["series_id"]: r for r in rows}
        self.model.set_rows(rows)
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._fit_columns()
        for column, cap in (("name", 240), ("source", 130)):  # longer text elides; tooltip has it
            i = TABLE_COLUMNS.index(column)
            self.view.setColumnWidth(i, min(self.view.columnWidth(i), cap))
        self.view.setColumnWidth(TABLE_COLUMNS.index("sparkline"), 90)  # last: stretches
        self._fit_table_height()
        self.stored_rules = alerts.load_rules(cache)
        metas = known_metas(cache)
        self.rules.show_rules(self.stored_rules, {s.id: alerts.describe_rule(s, metas, lang)
                                                  for s in self.stored_rules})
        self._show_events()
        row = max(0, self.model.row_of(current)) if current else 0
        if self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._show_detail()

    def _fit_columns(self) -> None:
        """Content width, without the room resizeColumnsToContents keeps for a sort arrow on
        every header (~20 px × 15 columns would push the table past a 1280 px window)."""
        metrics = self.view.horizontalHeader().fontMetrics()
        for i in range(self.model.columnCount()):
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal))
            self.view.setColumnWidth(i, max(self.view.sizeHintForColumn(i),
                                            metrics.horizontalAdvance(title) + 14))

    def _fit_table_height(self) -> None:
        """Give the table the height of its rows (up to half the tab); the panels get the rest."""
        rows = self.model.rowCount()
        header = self.view.horizontalHeader()
        wanted = header.height() + rows * self.view.verticalHeader().defaultSectionSize() \
            + 2 * self.view.frameWidth() + 4
        if header.length() > self.view.viewport().width():
            wanted += self.view.horizontalScrollBar().sizeHint().height()
        total = sum(self.split.sizes())
        if total > 0:
            table = min(wanted, total // 2 + 60)
            self.split.setSizes([table, total - table])

    def _show_events(self) -> None:
        cache = self.ctx.cache
        frame = alerts.events(cache, unacknowledged_only=self.events.unacked_only.isChecked())
        self.events.show_events(frame, alerts.unacknowledged_count(cache))

    def current_series(self) -> str | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.row_label(index.row()) if index.isValid() else None

    def select_monitor(self, series_id: str) -> bool:
        """Select the row of ``series_id`` (command palette); False when it is not monitored."""
        self.refresh_if_dirty()
        for row in range(self.model.rowCount()):
            if self.model.row_label(row) == series_id:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def open_item(self, key: str) -> bool:
        return self.select_monitor(key)

    def _show_detail(self) -> None:
        sid = self.current_series()
        row = self.rows.get(sid) if sid else None
        count = sum(1 for s in self.stored_rules if s.rule is not None and sid in s.rule.series_ids())
        self.detail.show_row(row, count)

    # -- alerts (always, visible or not: the watcher owns them) ---------------------------
    @property
    def badge_count(self) -> int:
        return self.watcher.badge_count

    @property
    def notifier(self) -> TrayNotifier:
        return self.watcher.notifier

    def evaluate_now(self) -> None:
        """Run the rules now (on the writer thread); record, announce and badge any new crossing."""
        self.watcher.evaluate_now()

    # -- user actions (one operation each, on the writer thread, announced once) ---------
    def _write(self, fn: Callable[..., object], *args: object) -> bool:
        """Start ``fn(cache, *args)``; a rule that does not parse is said on the status bar, the
        store's refusal in the error dialog. True: started (it lands a moment later)."""
        run_op(self.ctx, self, fn, *args).expecting(RuleError) \
            .on_failure(self._refused).run()
        return True

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, RuleError):
            self.ctx.sig_status_message.emit(explain(exc))
        else:
            self.ctx.sig_status_message.emit(str(exc))

    def add_rule(self, spec: dict, name: str = "") -> bool:
        return self._write(alerts.add_rule_op, dict(spec), name)

    def set_rule_enabled(self, rule_id: int, enabled: bool) -> bool:
        return self._write(alerts.set_rule_enabled, rule_id, enabled)

    def delete_rule(self, rule_id: int) -> bool:
        return self._write(alerts.delete_rule, rule_id)

    def acknowledge(self, event_ids: list[int], acknowledged: bool = True) -> bool:
        return self._write(alerts.acknowledge, list(event_ids), acknowledged)

    def acknowledge_all(self) -> bool:
        return self._write(alerts.acknowledge_all)

    def add_monitor(self, series_id: str, adverse: str | None = None) -> bool:
        return self._write(add_user_monitor, series_id, adverse)

    def remove_monitor(self, series_id: str) -> bool:
        return self._write(remove_user_monitor, series_id)

    def open_chart_for_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.ctx.sig_open_chart_requested.emit(self.model.info(row)["chart_id"])

    def open_chart_for_series(self, series_id: str) -> None:
        row = self.rows.get(series_id)
        self.ctx.sig_open_chart_requested.emit(row["chart_id"] if row else series_id)

    def open_alert(self, event_id: int) -> None:
        """The alert's chart, its window shaded and the crossing marked (by the main window)."""
        window = alerts.alert_window(self.ctx.cache, event_id)
        if window is None:
            return
        row = self.rows.get(window.series_id)
        self.ctx.sig_open_alert_requested.emit(row["chart_id"] if row else window.series_id, window)

    # -- dialogs ------------------------------------------------------------------------
    def make_rule_editor(self, series_id: str | None = None) -> RuleEditorDialog:
        metas = known_metas(self.ctx.cache)
        order = list(dict.fromkeys([*self.rows, *sorted(metas)]))
        initial = {"kind": "level_above", "series": series_id} if series_id else None
        return RuleEditorDialog(metas, order, initial, self)

    def open_rule_editor(self, series_id: str | None = None) -> None:
        dialog = self.make_rule_editor(series_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_rule(dialog.spec(), dialog.rule_name())

    def open_monitor_picker(self) -> None:
        dialog = MonitorPickerDialog(dated_only(self.ctx.cache.series.metas()), self.rows, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.series_id():
            self.add_monitor(dialog.series_id(), dialog.adverse())

    def _confirm_delete_rule(self, rule_id: int) -> None:
        answer = QMessageBox.question(self, self.tr("Delete rule"),
                                      self.tr("Delete this rule and its alert history?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_rule(rule_id)
