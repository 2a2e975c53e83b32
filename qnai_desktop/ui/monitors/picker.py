"""Pick any cached series to watch as a monitor row, and which direction hurts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.series import SeriesMeta
from .strings import tr


class MonitorPickerDialog(QDialog):
    """After Accepted: ``series_id()`` and ``adverse()`` ('up', 'down' or None)."""

    def __init__(self, metas: Mapping[str, SeriesMeta], exclude: Iterable[str], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("mon.picker.title", lang))
        self.resize(520, 480)
        self.search = QLineEdit(placeholderText=tr("mon.picker.search", lang))
        self.list = QListWidget()
        skip = set(exclude)
        for sid, meta in sorted(metas.items(), key=lambda kv: kv[1].title(lang)):
            if sid in skip:
                continue
            demo = f"  · {tr('mon.demo', lang)}" if meta.is_demo else ""
            item = QListWidgetItem(f"{meta.title(lang)}  ({sid}){demo}")
            item.setData(Qt.ItemDataRole.UserRole, sid)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.adverse_box = QComboBox()
        for key, value in (("none", None), ("up", "up"), ("down", "down")):
            self.adverse_box.addItem(tr(f"mon.adverse.{key}", lang), value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        form = QFormLayout()
        form.addRow(tr("mon.picker.adverse", lang), self.adverse_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        text = text.lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text) and text not in item.text().lower())

    def series_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def adverse(self) -> str | None:
        return self.adverse_box.currentData()
