"""Pick any cached series to watch as a monitor row, and which direction hurts."""

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

from ...core.series import SeriesMeta
from ..common.i18n import current_language

ADVERSE = {"none": QT_TRANSLATE_NOOP("MonitorPickerDialog", "either way"),
           "up": QT_TRANSLATE_NOOP("MonitorPickerDialog", "rising hurts"),
           "down": QT_TRANSLATE_NOOP("MonitorPickerDialog", "falling hurts")}


class MonitorPickerDialog(QDialog):
    """After Accepted: ``series_id()`` and ``adverse()`` ('up', 'down' or None)."""

    def __init__(self, metas: Mapping[str, SeriesMeta], exclude: Iterable[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(520, 480)
        self.search = QLineEdit()
        self.list = QListWidget()
        skip = set(exclude)
        lang = current_language()
        self._metas = {sid: meta for sid, meta in sorted(metas.items(), key=lambda kv: kv[1].title(lang))
                       if sid not in skip}
        for sid in self._metas:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, sid)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.adverse_box = QComboBox()
        for key, value in (("none", None), ("up", "up"), ("down", "down")):
            self.adverse_box.addItem(key, value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        form = QFormLayout()
        self.adverse_label = QLabel()
        form.addRow(self.adverse_label, self.adverse_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add monitor"))
        self.search.setPlaceholderText(self.tr("Search series…"))
        self.adverse_label.setText(self.tr("Adverse direction"))
        for i, key in enumerate(("none", "up", "down")):
            self.adverse_box.setItemText(i, self.tr(ADVERSE[key]))
        lang, demo = current_language(), self.tr("Illustrative data")
        for i in range(self.list.count()):
            item = self.list.item(i)
            sid = item.data(Qt.ItemDataRole.UserRole)
            meta = self._metas[sid]
            item.setText(f"{meta.title(lang)}  ({sid})" + (f"  · {demo}" if meta.is_demo else ""))
        self._filter(self.search.text())

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
