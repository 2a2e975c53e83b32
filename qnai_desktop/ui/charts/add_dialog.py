"""'Add chart': pick cached series, a kind and a transform; the result is a user ChartSpec.

The dialog only collects choices and builds the spec (``chart_specs.build_user_spec``); the
Charts tab saves it to the cache, so the dialog never touches SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
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
from ..common.i18n import register, tr
from ..common.theme import set_tone

register({
    "chart_add.title": ("차트 추가", "Add chart"),
    "chart_add.title_ko": ("제목 (한국어)", "Title (Korean)"),
    "chart_add.title_en": ("제목 (영어)", "Title (English)"),
    "chart_add.filter": ("시리즈 검색…", "Filter series…"),
    "chart_add.series": ("시리즈", "Series"),
    "chart_add.kind": ("차트 종류", "Chart kind"),
    "chart_add.transform": ("변환", "Transform"),
    "chart_add.param": ("변환 값", "Transform value"),
    "chart_add.right": ("오른쪽 축 시리즈", "Right-axis series"),
    "chart_add.param_hint": ("이동평균 기간 / 기준일 YYYY-MM-DD / 기준 누적값",
                             "MA window / base date YYYY-MM-DD / cumulative threshold"),
    "kind.line": ("선", "Line"),
    "kind.area_stacked": ("누적 영역", "Stacked area"),
    "kind.area_pct": ("100% 누적 영역", "100% stacked area"),
    "kind.bar": ("막대", "Bar"),
    "kind.dual_axis": ("이중 축", "Dual axis"),
    "kind.log": ("로그 스케일", "Log scale"),
    "transform.none": ("없음", "None"),
    "transform.moving_average": ("이동평균", "Moving average"),
    "transform.yoy_pct": ("전년 대비 %", "YoY %"),
    "transform.resample_w": ("주간으로", "To weekly"),
    "transform.resample_m": ("월간으로", "To monthly"),
    "transform.cumulative_sum": ("누적 합계", "Cumulative sum"),
    "transform.index_to": ("기준일 = 100", "Index to date = 100"),
    "transform.share_of_total": ("합계 대비 비중 %", "Share of total %"),
    "transform.rebase_at_threshold": ("누적 기준 도달일 = 100", "Threshold day = 100"),
})


class AddChartDialog(QDialog):
    """Collects a user chart; ``result_spec`` holds it after a successful accept()."""

    def __init__(self, metas: Mapping[str, SeriesMeta], lang: str, taken_ids: Iterable[str],
                 preselect: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metas = dict(metas)
        self._lang = lang
        self._taken = set(taken_ids)
        self.result_spec: ChartSpec | None = None
        self.setWindowTitle(tr("chart_add.title", lang))
        self.title_ko_edit = QLineEdit()
        self.title_en_edit = QLineEdit()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("chart_add.filter", lang))
        self.filter_edit.textChanged.connect(self._filter)
        self.series_list = QListWidget()
        chosen = set(preselect)
        for sid, meta in sorted(self._metas.items()):
            demo = f"  [{tr('demo.badge', lang)}]" if meta.is_demo else ""
            item = QListWidgetItem(f"{meta.title(lang)}  —  {sid}{demo}")
            item.setData(Qt.ItemDataRole.UserRole, sid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if sid in chosen else Qt.CheckState.Unchecked)
            self.series_list.addItem(item)
        self.series_list.itemChanged.connect(lambda _item: self._fill_right())
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(tr(f"kind.{kind}", lang), kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._fill_right())
        self.transform_combo = QComboBox()
        for choice in TRANSFORM_CHOICES:
            self.transform_combo.addItem(tr(f"transform.{choice}", lang), choice)
        self.param_edit = QLineEdit()
        self.param_edit.setPlaceholderText(tr("chart_add.param_hint", lang))
        self.right_combo = QComboBox()
        self.error_label = QLabel()
        set_tone(self.error_label, "error")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(tr("chart_add.title_ko", lang), self.title_ko_edit)
        form.addRow(tr("chart_add.title_en", lang), self.title_en_edit)
        form.addRow(tr("chart_add.kind", lang), self.kind_combo)
        form.addRow(tr("chart_add.transform", lang), self.transform_combo)
        form.addRow(tr("chart_add.param", lang), self.param_edit)
        form.addRow(tr("chart_add.right", lang), self.right_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("chart_add.series", lang)))
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.series_list, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(620, 640)
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
            self.right_combo.addItem(self._metas[sid].title(self._lang), sid)
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
