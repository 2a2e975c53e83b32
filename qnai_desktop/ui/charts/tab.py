"""Charts tab: the note's chart pack (plus the user's charts and every cached series), live.

The list comes from the core catalogue, ``cache.charts.list()`` and the cached series; the
chart is a ChartCanvas in house style. A cache change redraws the open chart only when it
touches that chart's series (or came from another process), and only while the tab is visible
(CacheTab keeps it dirty until shown).
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.annotations import annotations_from_rows
from ...core.changes import ChangeSet
from ...core.charts import ChartSpec, PreparedChart, build_catalogue, prepare, resolve_series
from ...core.charts.ranges import preset_range
from ...core.charts.user_specs import (
    SERIES_CHART_PREFIX,
    chart_for_series,
    parse_user_charts,
    series_chart,
)
from ...core.param_axis import dated_only
from ...core.series import SeriesMeta
from ...services import user_charts
from ...services.user_charts import delete_user_chart, owned_curves
from ..common.app_context import EXTERNAL, AppContext
from ..common.base_tab import CacheTab
from ..common.i18n import current_language
from ..common.operations import run_op
from ..common.pandas_model import PandasTableModel
from ..common.settings import make_settings
from ..common.theme import set_tone
from .add_dialog import AddChartDialog
from .annotation_menu import ChartAnnotator
from .canvas import ChartCanvas
from .crosshair import ChartCrosshair
from .picker import KEY_ROLE, ChartPicker, PickerEntry
from .render import render_chart
from .toolbar import ChartToolbar

SETTINGS_LAST = "charts/last"
COPY_SIZE = (1920, 1080)


def _touches(spec: ChartSpec, change: ChangeSet) -> bool:
    """Whether a change can alter what ``spec`` draws (its series, or its own saved spec)."""
    if "user_charts" in change.tables and spec.origin == "user":
        return True
    return any(ref.matches(sid) for ref in spec.series for sid in change.series)


class ChartsTab(CacheTab):
    tables = frozenset({"series", "observations", "user_charts", "chart_annotations"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._specs: dict[str, ChartSpec] = {}
        #: Prepared charts by id, dropped when a change touches their series: flipping back to
        #: a chart whose data did not change costs a draw, not a read + transforms.
        self._prepared: dict[str, PreparedChart] = {}
        self._metas: dict[str, SeriesMeta] = {}
        self._list_errors: list[str] = []
        self._current: str | None = None
        self._preset: str | None = "All"
        self._need_list = self._need_chart = True
        self.add_dialog: AddChartDialog | None = None

        self.picker = ChartPicker()
        self.search, self.list = self.picker.search, self.picker.list
        self.picker.sig_chart_selected.connect(self._on_chart_selected)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.open_add_chart_dialog)
        self.delete_button = QPushButton()
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(lambda: self.delete_chart(self._current or ""))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        #: asks before deleting (tests replace it); returns True to go ahead
        self.confirm_delete = self._ask_delete
        self.canvas = ChartCanvas()
        self.plot = self.canvas.plot_widget
        self.canvas.view_box.sigRangeChangedManually.connect(lambda *_a: self._set_preset(None))
        self.crosshair = ChartCrosshair(self.canvas)
        self.annotator = ChartAnnotator(ctx, self.canvas, self)  # right-click: events, arrows
        self.readout_label = QLabel()
        self.readout_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # a long read-out must never widen the window or squeeze the list
        self.readout_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.crosshair.sig_readout_changed.connect(self.readout_label.setText)
        self.toolbar = ChartToolbar()
        self.toolbar.sig_preset_requested.connect(self.apply_preset)
        self.toolbar.sig_log_toggled.connect(self.canvas.set_log_y)
        self.toolbar.sig_table_toggled.connect(self.show_table)
        self.toolbar.sig_copy_requested.connect(self.copy_image)
        self.table_model = PandasTableModel()
        self.table_view = QTableView()
        self.table_view.setModel(self.table_model)
        self.table_view.verticalHeader().setVisible(False)
        self.table_view.setVisible(False)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        set_tone(self.info_label, "warn")
        self._layout()
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self.retranslate()

    def _layout(self) -> None:
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.picker, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        lv.addLayout(buttons)
        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        top.addWidget(self.readout_label, 1)
        chart_split = QSplitter(Qt.Orientation.Vertical)
        chart_split.addWidget(self.canvas)
        chart_split.addWidget(self.table_view)
        chart_split.setSizes([600, 240])
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(top)
        rv.addWidget(chart_split, 1)
        rv.addWidget(self.info_label)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 1000])
        QVBoxLayout(self).addWidget(split)

    # -- CacheTab -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search charts…"))
        self.add_button.setText(self.tr("Add chart…"))
        self.delete_button.setText(self.tr("Delete chart…"))
        self.delete_button.setToolTip(self.tr("Delete the selected saved chart (pack and series charts "
                                              "cannot be deleted)"))
        self._need_list = self._need_chart = True

    def _on_cache_changed(self, change: ChangeSet) -> None:
        """Mark what the change touches; CacheTab redraws now if visible, else when shown."""
        external = EXTERNAL in change.tables
        self._forget_prepared(change, external)
        if external or change.tables & {"series", "user_charts"}:
            self._need_list = True
        if external or self._touches_current(change) or "chart_annotations" in change.tables:
            self._need_chart = True
        if self._need_list or self._need_chart:
            self._dirty = True
            if self.isVisible():
                self.refresh_if_dirty()

    def _touches_current(self, change: ChangeSet) -> bool:
        spec = self._specs.get(self._current or "")
        return spec is not None and _touches(spec, change)

    def _forget_prepared(self, change: ChangeSet, external: bool) -> None:
        if external:
            self._prepared.clear()
            return
        for chart_id in [c for c in self._prepared if c not in self._specs
                         or _touches(self._specs[c], change)]:
            del self._prepared[chart_id]

    def refresh(self) -> None:
        if self._need_list:
            self._need_list = False
            self._rebuild_list()
        if self._need_chart:
            self._need_chart = False
            self._draw_current(keep_view=True)

    # -- the list -----------------------------------------------------------------------
    def _rebuild_list(self) -> None:
        self._metas = self.ctx.cache.series.metas()
        builtin = build_catalogue()
        user, self._list_errors = parse_user_charts(self.ctx.cache.charts.list())
        by_series = [series_chart(m) for _sid, m in sorted(self._metas.items())]
        self._specs = {spec.id: spec for spec in [*builtin, *user, *by_series]}
        sections = [
            (self.tr("Chart pack"), [self._entry(s) for s in builtin]),
            (self.tr("My charts"), [self._entry(s) for s in user]),
            (self.tr("Series"), [self._entry(s) for s in by_series]),
        ]
        if self._current not in self._specs:
            last = str(make_settings().value(SETTINGS_LAST, "") or "")
            self._current = last if last in self._specs else (builtin[0].id if builtin else None)
            self._need_chart = True
        self.picker.set_sections(sections, self._current)

    def _entry(self, spec: ChartSpec) -> PickerEntry:
        lang = current_language()
        ids = resolve_series(spec, self._metas)
        demo = any(self._metas[sid].is_demo for sid in ids)
        text = spec.title(lang) + (self.tr(" (illustrative)") if demo else "")
        other = spec.title("en" if lang == "ko" else "ko")
        return PickerEntry(spec.id, text, search=f"{other} {' '.join(ids)}", is_demo=demo,
                           tooltip="\n".join([spec.id, *ids]))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- choosing and drawing -----------------------------------------------------------
    def open_chart(self, chart_or_series_id: str) -> bool:
        """Show a chart by id, or the first chart plotting a series id (else that series alone)."""
        if self._need_list:
            self._need_list = False
            self._rebuild_list()
        key = chart_or_series_id
        if key not in self._specs and key in self._metas:
            found = chart_for_series(key, [s for s in self._specs.values()
                                           if not s.id.startswith(SERIES_CHART_PREFIX)], self._metas)
            key = found.id if found is not None else SERIES_CHART_PREFIX + key
        if key not in self._specs:
            return False
        if key == self._current and self.picker.current_key() == key:
            self._on_chart_selected(key)
            return True
        return self.picker.select(key)

    def open_item(self, key: str) -> bool:
        return self.open_chart(key)

    def _on_chart_selected(self, key: str) -> None:
        self._current = key
        settings = make_settings()
        settings.setValue(SETTINGS_LAST, key)
        self._need_chart = False
        self._draw_current(keep_view=False)

    def _draw_current(self, keep_view: bool) -> None:
        spec = self._specs.get(self._current or "")
        self.delete_button.setEnabled(spec is not None and spec.origin == "user")
        if spec is None:
            self.canvas.clear()
            return
        prepared = self._prepared.get(spec.id)
        if prepared is None or prepared.spec != spec:
            metas = self._metas
            prepared = prepare(spec, self.ctx.cache.series.frames(resolve_series(spec, metas)), metas)
            self._prepared[spec.id] = prepared
        anns = annotations_from_rows(self.ctx.cache.annotations.list(spec.id))  # events, arrows
        self.canvas.show_chart(prepared.with_annotations(anns), spec, current_language(),
                               keep_view=keep_view)
        self.toolbar.set_log(self.canvas.log_y, self.canvas.supports_log)
        self.toolbar.set_dates_enabled(prepared.x_is_date)  # no date presets on days/parameter x
        if not keep_view or not prepared.x_is_date:
            self._set_preset("All")
        elif self._preset not in (None, "All"):
            self.apply_preset(self._preset)  # new data moved the last date: keep the window
        if self.table_view.isVisible():
            self._fill_table()
        # series left out are named by the canvas' footnote, by title, in the chart's language;
        # a saved chart of hers whose series id is gone also gets the id she picked
        gone = [sid for sid, why in prepared.skipped.items() if why == "not in cache"]
        info = ([self.tr("Not in the cache: {items}").format(items=", ".join(gone))]
                if gone and spec.origin == "user" else [])
        if self._list_errors:
            info.append(self.tr("Unreadable saved charts: {items}").format(
                items="; ".join(self._list_errors)))
        self.info_label.setText("\n".join(info))
        self.info_label.setVisible(bool(info))

    def current_chart_id(self) -> str | None:
        return self._current

    # -- toolbar actions ----------------------------------------------------------------
    def _set_preset(self, name: str | None) -> None:
        self._preset = name
        self.toolbar.set_preset(name)

    def apply_preset(self, name: str) -> None:
        """Show the last 1M/3M/6M/YTD/1Y of the chart, or All of it."""
        bounds = self.canvas.data_x_bounds()
        prepared = self.canvas.prepared
        window = None
        if bounds is not None and prepared is not None and prepared.x_is_date:
            window = preset_range(name, *bounds)
        if window is None:
            self.canvas.show_all()
        else:
            self.canvas.set_x_range(*window)
        self._set_preset(name)

    def set_log(self, on: bool) -> None:
        self.toolbar.log_button.setChecked(on)

    def show_table(self, on: bool) -> None:
        if self.toolbar.table_button.isChecked() != on:
            self.toolbar.table_button.setChecked(on)  # comes back here through the signal
            return
        if on:
            self._fill_table()
        self.table_view.setVisible(on)

    def _fill_table(self) -> None:
        prepared = self.canvas.prepared
        if prepared is None:
            self.table_model.set_frame(pd.DataFrame())
            return
        table = prepared.table_for(current_language())
        table = table if prepared.x_mode == "param" else table.iloc[::-1]  # newest first
        first = table.index.name
        frame = table.reset_index()
        formatters = ({} if prepared.x_is_date or prepared.categories else  # names as they are
                      {first: lambda v: f"{round(v, 6):,.10g}"} if prepared.x_mode == "param" else
                      {first: lambda v: f"{int(v):,}"})
        self.table_model = PandasTableModel(frame, formatters=formatters)
        self.table_view.setModel(self.table_model)
        self.table_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

    def copy_image(self) -> None:
        """Put the chart on the clipboard at slide size, ready to paste into PowerPoint."""
        if self.canvas.prepared is None or self.canvas.spec is None:
            return
        image = render_chart(self.canvas.prepared, self.canvas.spec, current_language(), *COPY_SIZE)
        QApplication.clipboard().setImage(image)
        self.ctx.sig_status_message.emit(self.tr("Chart image copied to the clipboard"))

    # -- user charts --------------------------------------------------------------------
    def open_add_chart_dialog(self) -> AddChartDialog:
        """Open (non-modal) the add-chart dialog; saving happens when it is accepted."""
        spec = self._specs.get(self._current or "")
        metas = dated_only(self._metas)  # scenario curves have no dates to plot against
        preselect = resolve_series(spec, metas) if spec is not None else []
        dialog = AddChartDialog(metas, self._specs, preselect, self)
        dialog.accepted.connect(lambda: self.save_user_chart(dialog.result_spec))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def save_user_chart(self, spec: ChartSpec | None) -> None:
        """Store the chart (on the writer thread); once stored, say so and show it."""
        if spec is None:
            return

        def saved(_change: ChangeSet) -> None:
            self.ctx.sig_status_message.emit(self.tr("Chart saved: {title}").format(
                title=spec.title(current_language())))
            self.open_chart(spec.id)

        run_op(self.ctx, self, user_charts.save_user_chart, spec.id, spec.to_dict()).on_success(saved).run()

    def is_user_chart(self, chart_id: str) -> bool:
        spec = self._specs.get(chart_id)
        return spec is not None and spec.origin == "user"

    def _list_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        menu = self.context_menu(item.data(KEY_ROLE) if item is not None else None)
        if menu is not None:
            menu.exec(self.list.viewport().mapToGlobal(pos))

    def context_menu(self, key: str | None) -> QMenu | None:
        """The list entry's right-click menu (only the user's own charts have one)."""
        if not key or not self.is_user_chart(key):
            return None
        menu = QMenu(self.list)
        menu.addAction(self.tr("Delete chart…"), lambda: self.delete_chart(key))
        return menu

    def _ask_delete(self, chart_id: str) -> bool:
        lang, spec = current_language(), self._specs[chart_id]
        curves = len(owned_curves(self.ctx.cache, chart_id))
        text = self.tr("Delete your chart '{title}'?").format(title=spec.title(lang))
        if curves:
            text += self.tr("\nThe {n} scenario curve(s) published with it are deleted too.").format(n=curves)
        answer = QMessageBox.question(self, self.tr("Delete chart"), text)
        return answer == QMessageBox.StandardButton.Yes

    def delete_chart(self, chart_id: str) -> bool:
        """Delete one of the user's charts after confirmation; the pack's cannot be deleted."""
        if not self.is_user_chart(chart_id) or not self.confirm_delete(chart_id):
            return False
        title = self._specs[chart_id].title(current_language())
        run_op(self.ctx, self, delete_user_chart, chart_id).on_success(
            lambda _change: self.ctx.sig_status_message.emit(
                self.tr("Chart deleted: {title}").format(title=title))).run()
        return True
