"""The small dialog behind "Add event…" / "Add callout…" / a finished difference arrow: the
label in Korean and (optionally) English. It only collects text; the chart annotator stores it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class AnnotationDialog(QDialog):
    """``kind`` is event, callout or arrow; ``what`` says where (date, value, computed change).
    An event or callout needs a label in one language; an arrow's is optional (its change is
    computed from the data)."""

    def __init__(self, kind: str, day: date, what: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.day, self.what = kind, day, what
        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        self.ko_edit = QLineEdit()
        self.en_edit = QLineEdit()
        self.ko_label, self.en_label = QLabel(), QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.ko_label, self.ko_edit)
        form.addRow(self.en_label, self.en_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.ko_edit, self.en_edit):
            edit.textChanged.connect(self._update_ok)
        self.setMinimumWidth(420)
        self.retranslate()
        self._update_ok()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def labels(self) -> tuple[str, str]:
        """(Korean, English) as typed, trimmed."""
        return self.ko_edit.text().strip(), self.en_edit.text().strip()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.kind == "arrow" or any(self.labels()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        titles = {"event": self.tr("Add event"), "callout": self.tr("Add callout"),
                  "arrow": self.tr("Add difference arrow")}
        self.setWindowTitle(titles.get(self.kind, self.tr("Add event")))
        where = self.tr("Date: {date}").format(date=self.day.isoformat())
        self.where_label.setText(where + (f" · {self.what}" if self.what else ""))
        self.ko_label.setText(self.tr("Label (Korean)"))
        self.en_label.setText(self.tr("Label (English, optional)"))
        self.ko_edit.setPlaceholderText(self.tr("e.g. Meta compute-sale report") if self.kind == "event"
                                        else "")
