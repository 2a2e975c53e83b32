"""Scenarios tab: the note's arguments as live models — sliders, result cards, chart, sensitivity
grid, saved cases (compare, publish as chart) and the note's figures they come from.

Composition and wiring only. The math is ``core.scenarios`` (evaluate, curves, grids, compare,
formatting); writes are ``services.scenario_cases`` operations on the writer thread
(``operations.run_op``). Dragging a slider updates the state at once and redraws cards and chart
through a 16 ms leading+trailing throttle (at most once per 60 Hz frame, the last position always
drawn); releasing it autosaves the "(current)" case without waiting for the store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import QSignalThrottler

from ...core.changes import ChangeSet
from ...core.formatting import fmt_auto
from ...core.localized import Localized
from ...core.scenarios import MODELS, ScenarioError
from ...core.scenarios.compare import compare
from ...core.scenarios.display import text
from ...services import scenario_cases as cases_svc
from ...services.fundamentals.scenario_inputs import scenario_inputs
from ..common.app_context import AppContext
from ..common.base_tab import CacheTab
from ..common.i18n import current_language
from ..common.operations import run_op
from ..common.pandas_model import PandasTableModel
from ..common.theme import set_tone
from .cards import ScenarioOutputCards
from .cases_panel import ScenarioCasesPanel
from .chart import ScenarioChart
from .compare_model import ScenarioCompareModel
from .grid_panel import ScenarioGridPanel
from .params import ScenarioParamPanel
from .state import ScenarioState

FRAME_MS = 16


class ScenariosTab(CacheTab):
    tables = frozenset({"facts", "scenarios", "series", "observations"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = ScenarioState(parent=self)
        self.render_count = 0
        self.cases: list[cases_svc.SavedCase] = []
        self.compare_names: list[str] = []
        self._saved_params: dict[str, dict[str, float]] = {}
        self.confirm_delete: Callable[[str], bool] = self._ask_delete
        self._throttle = QSignalThrottler(QSignalThrottler.EmissionPolicy.Leading, self)
        self._throttle.setTimeout(FRAME_MS)
        self._throttle.triggered.connect(self._render)
        self._build_ui()
        self._connect()
        self.retranslate()
        self.models_list.setCurrentRow(0)
        self._build_model()

    # -- construction --------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.models_title, self.inputs_title, self.legend = QLabel(), QLabel(), QLabel()
        self.legend.setStyleSheet("font-size: 8pt;")
        set_tone(self.legend, "warn")
        self.legend.setWordWrap(True)
        self.models_list = QListWidget()
        self.models_list.setMaximumHeight(150)
        self.models_list.setWordWrap(True)
        self.models_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for mid in MODELS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, mid)
            self.models_list.addItem(item)
        self.reset_button = QPushButton()
        self.params = ScenarioParamPanel()
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        # inputs fit the panel's width (long labels wrap) instead of hiding values past the edge
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner_box = QVBoxLayout(inner)
        inner_box.setContentsMargins(0, 0, 6, 0)
        inner_box.addWidget(self.params)
        inner_box.addStretch(1)
        scroll.setWidget(inner)
        head = QHBoxLayout()
        head.addWidget(self.inputs_title)
        head.addStretch(1)
        head.addWidget(self.reset_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(self.models_title)
        lv.addWidget(self.models_list)
        lv.addLayout(head)
        lv.addWidget(scroll, 1)
        lv.addWidget(self.legend)

        self.title, self.description = QLabel(), QLabel()
        self.title.setStyleSheet("font-size: 14pt; font-weight: 700;")
        set_tone(self.description, "muted")
        self.description.setWordWrap(True)
        self.cards = ScenarioOutputCards()
        self.chart = ScenarioChart()
        self.grid = ScenarioGridPanel()
        self.center_tabs = QTabWidget()
        center = QWidget()
        cv = QVBoxLayout(center)
        for w, stretch in ((self.title, 0), (self.description, 0), (self.cards, 0),
                           (self.center_tabs, 1)):
            cv.addWidget(w, stretch)

        self.cases_panel = ScenarioCasesPanel()
        self.compare_model = ScenarioCompareModel(self)
        self.compare_view = QTableView()
        self.compare_view.setModel(self.compare_model)
        self.compare_view.verticalHeader().setVisible(False)
        self.compare_view.setWordWrap(True)
        self.compare_hint = QLabel()
        self.compare_hint.setWordWrap(True)
        set_tone(self.compare_hint, "muted")
        compare_page = QWidget()
        cpv = QVBoxLayout(compare_page)
        cpv.setContentsMargins(4, 4, 4, 4)
        cpv.addWidget(self.compare_hint)
        cpv.addWidget(self.compare_view, 1)
        # The note's figures the models use (the tab's original view), kept as the sources page.
        self.model = PandasTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        self.sources_hint = QLabel()
        set_tone(self.sources_hint, "muted")
        sources_page = QWidget()
        spv = QVBoxLayout(sources_page)
        spv.setContentsMargins(4, 4, 4, 4)
        spv.addWidget(self.sources_hint)
        spv.addWidget(self.view, 1)
        for page in (self.chart, self.grid, compare_page):
            self.center_tabs.addTab(page, "")
        self.right_tabs = QTabWidget()
        for page in (self.cases_panel, sources_page):
            self.right_tabs.addTab(page, "")

        split = QSplitter()
        for w in (left, center, self.right_tabs):
            split.addWidget(w)
        for i, stretch in enumerate((0, 1, 0)):  # extra width goes to the chart
            split.setStretchFactor(i, stretch)
        split.setSizes([320, 620, 320])
        QVBoxLayout(self).addWidget(split)

    def _connect(self) -> None:
        self.models_list.currentItemChanged.connect(
            lambda item, _prev: item and self.state.set_model(item.data(Qt.ItemDataRole.UserRole)))
        self.state.sig_model_changed.connect(lambda _id: self._build_model())
        self.state.sig_params_changed.connect(lambda _name: self._on_params_changed())
        self.params.sig_value_changing.connect(self.state.set_param)
        self.params.sig_value_committed.connect(lambda _name: self.commit())
        self.reset_button.clicked.connect(self.reset)
        self.grid.sig_message.connect(self.ctx.sig_status_message)
        p = self.cases_panel
        p.sig_save_requested.connect(self.save_case)
        p.sig_load_requested.connect(self.load_case)
        p.sig_rename_requested.connect(self.rename_case)
        p.sig_delete_requested.connect(self.delete_case)
        p.sig_compare_requested.connect(self.compare_cases)
        p.sig_publish_requested.connect(self.publish_case)

    def retranslate(self) -> None:
        models, inputs = self.tr("Scenario models"), self.tr("Inputs")
        self.models_title.setText(f"<b>{models}</b>")
        self.inputs_title.setText(f"<b>{inputs}</b>")
        self.legend.setText(self.tr("assumption = not in the note (hover for why)"))
        self.reset_button.setText(self.tr("Reset to the note's values"))
        self.reset_button.setToolTip(self.tr("Set every input back to the note's figures (and the marked "
                                             "assumptions)"))
        lang = current_language()  # model titles and descriptions are content
        for i in range(self.models_list.count()):
            item = self.models_list.item(i)
            model = MODELS[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(text(model, lang))
            item.setToolTip(Localized(model.description_ko, model.description).pick(lang))
        for tabs, titles in ((self.center_tabs, (self.tr("Chart"), self.tr("Sensitivity"),
                                                 self.tr("Compare cases"))),
                             (self.right_tabs, (self.tr("Cases"), self.tr("From the note")))):
            for i, title in enumerate(titles):
                tabs.setTabText(i, title)
        self.compare_hint.setText(self.tr("Values that differ from the note's are highlighted. Select "
                                          "several cases in the Cases tab to compare them."))
        self.sources_hint.setText(self.tr("Figures taken from the note, with the sentence each comes from."))
        self.model.set_headers({"label": self.tr("Fact"), "value": self.tr("Value"),
                                "quote": self.tr("Quote from the note")})
        if self.models_list.currentItem() is not None:  # built once the list is filled
            self._build_model()

    # -- data from the cache -------------------------------------------------------------
    def _on_cache_changed(self, change: ChangeSet) -> None:
        """Our own case write (autosave on slider release, save, rename, delete) changed only the
        cases: reload the list and the comparison, not the note's figures and inputs."""
        if change.initiator is self and change.tables <= {"scenarios"}:
            self._load_cases()
            return
        super()._on_cache_changed(change)

    def refresh(self) -> None:
        facts = self.ctx.cache.facts.all()
        facts["label"] = facts[f"label_{current_language()}"]
        facts["value"] = [f"{v:.0%}" if u == "ratio" and abs(v) < 1 else fmt_auto(v)
                          for v, u in zip(facts["value"], facts["unit"], strict=True)]
        self.model.set_frame(facts[["label", "value", "quote"]].set_index(facts["id"]))
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._load_cases()
        self._apply_cached_inputs()

    def _apply_cached_inputs(self) -> None:
        """Actuals a model takes as data (Meta's TTM capex share from SEC filings), from the
        cache; they are not choices, so they replace a loaded case's or the default value."""
        for name, info in scenario_inputs(self.ctx.cache, self.state.model.id).items():
            self.state.set_param(name, info["value"])

    def _load_cases(self) -> None:
        model = self.state.model
        self.cases = cases_svc.load_cases(self.ctx.cache, model.id)
        self.cases_panel.set_cases(model, self.cases)
        names = {c.name for c in self.cases}
        self.compare_names = [n for n in self.compare_names if n in names]
        self._show_comparison()

    # -- the open model ------------------------------------------------------------------
    def select_model(self, model_id: str) -> bool:
        """Show scenario model ``model_id`` (command palette); False when unknown."""
        for i in range(self.models_list.count()):
            if self.models_list.item(i).data(Qt.ItemDataRole.UserRole) == model_id:
                self.models_list.setCurrentRow(i)
                return True
        return False

    def open_item(self, key: str) -> bool:
        return self.select_model(key)

    def _build_model(self) -> None:
        model, lang = self.state.model, current_language()
        self.title.setText(text(model, lang))
        self.description.setText(Localized(model.description_ko, model.description).pick(lang))
        self.params.build(model, self.state.params)
        self.cards.build(model)
        self.chart.build(model)
        self.grid.set_model(model, self.state.params)
        self.compare_names = []
        self.center_tabs.setCurrentIndex(0)
        self.cases_panel.show_message("")
        self._render()
        self._load_cases()
        self._apply_cached_inputs()

    def _on_params_changed(self) -> None:
        self.params.sync(self.state.params)
        self._throttle.throttle()

    def _render(self) -> None:
        """Cards and chart from the state (called at most once per frame while dragging)."""
        self.render_count += 1
        model = self.state.model
        self.cards.show_outputs(model, self.state.outputs(), model.compute(model.defaults()),
                                self.state.params)
        self.chart.show_params(self.state.params)

    def flush(self) -> None:
        """Draw a pending throttled update now (tests, benchmarks, before saving)."""
        self._throttle.flush(restart_timer=False)

    def commit(self) -> None:
        """A slider was released (or a value confirmed): draw, autosave "(current)", regrid."""
        self.flush()
        model, params = self.state.model, dict(self.state.params)
        self.params.sync(params)
        self.grid.show_params(params)
        if not self.compare_names:
            self._show_comparison()
        if self._saved_params.get(model.id) != params:
            self._saved_params[model.id] = params  # not again while this one is on its way
            self._run(cases_svc.autosave, model.id, params,
                      failed=lambda: self._saved_params.pop(model.id, None))

    def reset(self) -> None:
        self.state.reset()
        self._apply_cached_inputs()
        self.commit()

    # -- cases ---------------------------------------------------------------------------
    def _run(self, fn: Callable[..., object], *args: object, message: str = "",
             failed: Callable[[], None] | None = None) -> bool:
        """Start one write on the writer thread; show its success message when it landed, or its
        error (cache unchanged): a bad name or value beside the cases, the store's in a dialog."""
        def refused(exc: BaseException) -> None:
            self.cases_panel.show_message(str(exc), error=True)
            if failed is not None:
                failed()

        def done(_result: object) -> None:
            if message:
                self.cases_panel.show_message(message)
                self.ctx.sig_status_message.emit(message)

        run_op(self.ctx, self, fn, *args).expecting(ScenarioError) \
            .on_success(done).on_failure(refused).run()
        return True

    def save_case(self, name: str) -> bool:
        model = self.state.model.id
        return self._run(cases_svc.save_case, model, name, dict(self.state.params),
                         message=self.tr("Saved: {name}").format(name=name.strip()))

    def load_case(self, name: str) -> None:
        case = next((c for c in self.cases if c.name == name), None)
        if case is not None:
            self.state.load(case.params)
            self._apply_cached_inputs()
            self.commit()
            self.cases_panel.show_message(self.tr("Loaded: {name}").format(name=name))

    def rename_case(self, old: str, new: str) -> bool:
        before = self.compare_names  # the comparison follows the rename (reloaded on notify)
        self.compare_names = [new.strip() if n == old else n for n in before]
        def failed() -> None:
            self.compare_names = before

        return self._run(cases_svc.rename_case, self.state.model.id, old, new,
                         message=self.tr("Renamed: {old} → {new}").format(old=old, new=new.strip()),
                         failed=failed)

    def delete_case(self, name: str) -> bool:
        if not self.confirm_delete(name):
            return False
        return self._run(cases_svc.delete_case, self.state.model.id, name,
                         message=self.tr("Deleted: {name}").format(name=name))

    def compare_cases(self, names: list[str]) -> None:
        self.compare_names = list(names)
        self._show_comparison()
        self.center_tabs.setCurrentIndex(2)

    def _show_comparison(self) -> None:
        model = self.state.model
        by_name = {c.name: c.params for c in self.cases}
        columns = [(self.tr("The note's values"), model.defaults())]
        picked = [n for n in self.compare_names if n in by_name]
        columns += [(self.tr("Current values (autosaved)") if n == cases_svc.CURRENT else n, by_name[n])
                    for n in picked] or [(self.tr("On screen now"), self.state.params)]
        self.compare_model.set_comparison(compare(model, columns), [n for n, _ in columns])
        self.compare_view.resizeColumnsToContents()

    def publish_case(self, name: str) -> bool:
        case = next((c for c in self.cases if c.name == name), None)
        if case is None:
            return False
        label = self.tr("Current values (autosaved)") if name == cases_svc.CURRENT else name
        title = f"{text(self.state.model, current_language())}: {label}"
        return self._run(cases_svc.publish_case, self.state.model.id, name, dict(case.params),
                         message=self.tr("Published to the Charts tab: {title}").format(title=title))

    def _ask_delete(self, name: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete"), f"{name}?")
        return answer == QMessageBox.StandardButton.Yes
