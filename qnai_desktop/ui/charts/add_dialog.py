"""'Add chart': pick cached series, a kind and a transform; the result is a user ChartSpec.

The dialog only collects choices and builds the spec (``chart_specs.build_user_spec``); the
Charts tab saves it to the cache, so the dialog never touches SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.charts import KINDS, ChartSpec
from ...core.charts.user_specs import TRANSFORM_CHOICES, build_user_spec
from ...core.series import SeriesMeta
from ..common.i18n import current_language
from ..common.theme import set_tone

KIND_LABELS = {"line": QT_TRANSLATE_NOOP("AddChartDialog", "Line"),
               "area_stacked": QT_TRANSLATE_NOOP("AddChartDialog", "Stacked area"),
               "area_pct": QT_TRANSLATE_NOOP("AddChartDialog", "100% stacked area"),
               "bar": QT_TRANSLATE_NOOP("AddChartDialog", "Bar"),
               "dual_axis": QT_TRANSLATE_NOOP("AddChartDialog", "Dual axis"),
               "log": QT_TRANSLATE_NOOP("AddChartDialog", "Log scale")}
TRANSFORM_LABELS = {"none": QT_TRANSLATE_NOOP("AddChartDialog", "None"),
                    "moving_average": QT_TRANSLATE_NOOP("AddChartDialog", "Moving average"),
                    "yoy_pct": QT_TRANSLATE_NOOP("AddChartDialog", "YoY %"),
                    "resample_w": QT_TRANSLATE_NOOP("AddChartDialog", "To weekly"),
                    "resample_m": QT_TRANSLATE_NOOP("AddChartDialog", "To monthly"),
                    "cumulative_sum": QT_TRANSLATE_NOOP("AddChartDialog", "Cumulative sum"),
                    "index_to": QT_TRANSLATE_NOOP("AddChartDialog", "Index to date = 100"),
                    "share_of_total": QT_TRANSLATE_NOOP("AddChartDialog", "Share of total %"),
                    "rebase_at_threshold": QT_TRANSLATE_NOOP("AddChartDialog", "Threshold day = 100")}


class AddChartDialog(QDialog):
    """Collects a user chart; ``result_spec`` holds it after a successful accept()."""

    def __init__(self, metas: Mapping[str, SeriesMeta], taken_ids: Iterable[str],
                 preselect: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metas = dict(metas)
        self._taken = set(taken_ids)
        self.result_spec: ChartSpec | None = None
        self.title_ko_edit = QLineEdit()
        self.title_en_edit = QLineEdit()
        self.filter_edit = QLineEdit()
        self.filter_edit.textChanged.connect(self._filter)
        self.series_list = QListWidget()
        chosen = set(preselect)
        for sid in sorted(self._metas):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, sid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if sid in chosen else Qt.CheckState.Unchecked)
            self.series_list.addItem(item)
        self.series_list.itemChanged.connect(lambda _item: self._fill_right())
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._fill_right())
        self.transform_combo = QComboBox()
        for choice in TRANSFORM_CHOICES:
            self.transform_combo.addItem("", choice)
        self.param_edit = QLineEdit()
        self.right_combo = QComboBox()
        self.error_label = QLabel()
        set_tone(self.error_label, "error")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        self.form = form = QFormLayout()
        for field in (self.title_ko_edit, self.title_en_edit, self.kind_combo, self.transform_combo,
                      self.param_edit, self.right_combo):
            form.addRow(QLabel(), field)
        self.series_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.series_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.series_list, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(620, 640)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Labels in the UI language; series titles too (they are content)."""
        self.setWindowTitle(self.tr("Add chart"))
        rows = {self.title_ko_edit: self.tr("Title (Korean)"), self.title_en_edit: self.tr("Title (English)"),
                self.kind_combo: self.tr("Chart kind"), self.transform_combo: self.tr("Transform"),
                self.param_edit: self.tr("Transform value"), self.right_combo: self.tr("Right-axis series")}
        for field, text in rows.items():
            self.form.labelForField(field).setText(text)
        self.series_label.setText(self.tr("Series"))
        self.filter_edit.setPlaceholderText(self.tr("Filter series…"))
        self.param_edit.setPlaceholderText(self.tr("MA window / base date YYYY-MM-DD / cumulative threshold"))
        for combo, labels in ((self.kind_combo, KIND_LABELS), (self.transform_combo, TRANSFORM_LABELS)):
            for i in range(combo.count()):
                combo.setItemText(i, self.tr(labels[combo.itemData(i)]))
        lang, demo = current_language(), self.tr("Illustrative data")
        self.series_list.blockSignals(True)  # a title is no check-state change
        for i in range(self.series_list.count()):
            item = self.series_list.item(i)
            sid = item.data(Qt.ItemDataRole.UserRole)
            meta = self._metas[sid]
            item.setText(f"{meta.title(lang)}  —  {sid}" + (f"  [{demo}]" if meta.is_demo else ""))
        self.series_list.blockSignals(False)
        self._filter(self.filter_edit.text())
        self._fill_right()

    # -- choices ------------------------------------------------------------------------
    def checked_series(self) -> list[str]:
        out = []
        for i in range(self.series_list.count()):
            item = self.series_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def set_checked(self, series_ids: Iterable[str]) -> None:
        wanted = set(series_ids)
        for i in range(self.series_list.count()):
            item = self.series_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_choice(self, combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(combo.findData(value))

    def _filter(self, text: str) -> None:
        text = text.strip().lower()
        for i in range(self.series_list.count()):
            item = self.series_list.item(i)
            item.setHidden(bool(text) and text not in item.text().lower())

    def _fill_right(self) -> None:
        dual = self.kind_combo.currentData() == "dual_axis"
        current = self.right_combo.currentData()
        self.right_combo.blockSignals(True)
        self.right_combo.clear()
        for sid in self.checked_series() if dual else []:
            self.right_combo.addItem(self._metas[sid].title(current_language()), sid)
        if current is not None and self.right_combo.findData(current) >= 0:
            self.right_combo.setCurrentIndex(self.right_combo.findData(current))
        elif self.right_combo.count() > 1:
            self.right_combo.setCurrentIndex(self.right_combo.count() - 1)
        self.right_combo.blockSignals(False)
        self.right_combo.setEnabled(dual)

    def build_spec(self) -> ChartSpec:
        """The chart as chosen so far (ValueError with a reason when it is not a chart yet)."""
        right = [self.right_combo.currentData()] if self.right_combo.currentData() else []
        return build_user_spec(
            title_ko=self.title_ko_edit.text(), title_en=self.title_en_edit.text(),
            series_ids=self.checked_series(), kind=self.kind_combo.currentData(),
            metas=self._metas, transform=self.transform_combo.currentData(),
            param=self.param_edit.text().strip() or None, right_ids=right, taken_ids=self._taken)

    def accept(self) -> None:
        try:
            self.result_spec = self.build_spec()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()
