"""Sensitivity grid: pick two inputs and a result; a heat-map table with the current case outlined.

Axes are centred on the current case (``core.scenarios.sensitivity.grid_axis``) and stay put
while the current values remain on them, so the outline moves instead of the table jumping.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.scenarios import Model, grid
from ...core.scenarios.display import text
from ...core.scenarios.sensitivity import DEFAULT_POINTS, grid_axis, grid_tsv
from ..common.i18n import current_language
from ..common.theme import set_tone
from .grid_delegate import ScenarioGridDelegate
from .grid_model import ScenarioGridModel


class ScenarioGridPanel(QWidget):
    """Computes through core.scenarios.grid; shows through ScenarioGridModel."""

    sig_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: Model | None = None
        self._params: dict[str, float] = {}
        self._axes: tuple[list[float], list[float]] | None = None
        self.x_combo, self.y_combo, self.out_combo = QComboBox(), QComboBox(), QComboBox()
        self.points = QSpinBox(minimum=3, maximum=21, value=DEFAULT_POINTS, singleStep=2)
        self.center_button, self.copy_button = QPushButton(), QPushButton()
        self.labels = [QLabel() for _ in range(4)]
        self.hint = QLabel()
        set_tone(self.hint, "muted")
        self.table_model = ScenarioGridModel(self)
        self.view = QTableView()
        self.view.setModel(self.table_model)
        self.view.setItemDelegate(ScenarioGridDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        controls = QGridLayout()
        for col, (label, w) in enumerate(zip(self.labels, (self.x_combo, self.y_combo,
                                                           self.out_combo, self.points),
                                             strict=True)):
            controls.addWidget(label, 0, col)
            controls.addWidget(w, 1, col)
        controls.setColumnStretch(0, 2)
        controls.setColumnStretch(1, 2)
        controls.setColumnStretch(2, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(controls)
        box.addWidget(self.view, 1)
        bottom = QGridLayout()
        bottom.addWidget(self.hint, 0, 0)
        bottom.addWidget(self.center_button, 0, 1)
        bottom.addWidget(self.copy_button, 0, 2)
        bottom.setColumnStretch(0, 1)
        box.addLayout(bottom)
        for combo in (self.x_combo, self.y_combo, self.out_combo):
            # long input names (English runs longer) show in full in the list, not in the
            # panel's minimum width: the tab must fit a 1440-px window in either language
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self._recenter)
        self.points.valueChanged.connect(self._recenter)
        self.center_button.clicked.connect(self._recenter)
        self.copy_button.clicked.connect(self.copy_tsv)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for label, text_ in zip(self.labels, (self.tr("Across (columns)"), self.tr("Down (rows)"),
                                              self.tr("Result"), self.tr("Steps")), strict=True):
            label.setText(text_)
        self.center_button.setText(self.tr("Centre on current"))
        self.copy_button.setText(self.tr("Copy as TSV"))
        self.hint.setText(self.tr("Outlined cell = current case. Darker = larger."))

    def set_model(self, model: Model, params: Mapping[str, float]) -> None:
        """Fill the pickers for ``model``: main input across, the next input down, main result
        (its labels are content, in the UI language: the tab sets the model again on a switch)."""
        self.model, self._params, self._axes = model, dict(params), None
        lang = current_language()
        inputs = [p for p in model.params if p.choices is None]
        y_default = next(p.name for p in inputs if p.name != model.main_param)
        for combo, items, current in (
                (self.x_combo, inputs, model.main_param), (self.y_combo, inputs, y_default),
                (self.out_combo, model.outputs, model.main_output)):
            combo.blockSignals(True)
            combo.clear()
            for item in items:
                combo.addItem(text(item, lang), item.name)
            combo.setCurrentIndex(combo.findData(current))
            combo.blockSignals(False)
        self._refresh()

    def show_params(self, params: Mapping[str, float]) -> None:
        """The current case moved: keep the axes if it is still on them, else recentre."""
        self._params = dict(params)
        if self._axes is not None:
            x, y = params[self.x_combo.currentData()], params[self.y_combo.currentData()]
            if not (_on(x, self._axes[0]) and _on(y, self._axes[1])):
                self._axes = None
        self._refresh()

    def _recenter(self, *_args: object) -> None:
        self._axes = None
        self._refresh()

    def _refresh(self) -> None:
        model = self.model
        if model is None or not self._params:
            return
        xn, yn, out = (self.x_combo.currentData(), self.y_combo.currentData(),
                       self.out_combo.currentData())
        if xn == yn:  # the same input both ways: move the rows to the next input
            yn = next(p.name for p in model.params if p.choices is None and p.name != xn)
            self.y_combo.blockSignals(True)
            self.y_combo.setCurrentIndex(self.y_combo.findData(yn))
            self.y_combo.blockSignals(False)
        if self._axes is None:
            n = self.points.value()
            self._axes = (grid_axis(model.param(xn), self._params[xn], n),
                          grid_axis(model.param(yn), self._params[yn], n))
        table = grid(model, self._params, xn, self._axes[0], yn, self._axes[1], out)
        self.table_model.set_table(model, table, out, (self._params[xn], self._params[yn]))

    def copy_tsv(self) -> str:
        """Put the table on the clipboard as tab-separated text (pastes into Excel as cells)."""
        if self.model is None or self.table_model.table.empty:
            return ""
        tsv = grid_tsv(self.model, self.table_model.table, self.out_combo.currentData(),
                       current_language())
        QApplication.clipboard().setText(tsv)
        self.sig_message.emit(self.tr("Sensitivity table copied (paste into Excel)"))
        return tsv


def _on(value: float, axis: list[float]) -> bool:
    return any(abs(value - a) <= 1e-9 for a in axis)
