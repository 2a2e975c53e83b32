"""The alert-rule editor: conditions (one, or several joined by AND), validation, live preview.

Validation is the core's ``parse_rule`` plus the service's "series exists" check; the dialog only
translates the named field into words ("조건 2 · 기준값: 숫자를 입력하세요") and keeps OK disabled
until the rule is valid. The preview is the core's ``describe`` — the same sentence the alert will
carry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.localized import Localized
from ...core.monitors import WATCH_RULES, RuleError, describe
from ...core.series import SeriesMeta
from ...services.alerts import validate_spec
from ..common.i18n import current_language
from ..common.theme import set_tone
from .condition import FIELD_LABELS, ConditionEditor

_ORACLE, _H100 = "cds.oracle_5y", "gpu_rent.h100.median"
_WATCH = {w.key: w for w in WATCH_RULES}
_RENT_DROP = _WATCH["rent_h100"].spec
#: key -> (the rule's name with {series} for the watched series' title, both languages; its spec).
#: The note's watch points (core.monitors.watch_points): the same thresholds as the seeded rules.
TEMPLATES: dict[str, tuple[Localized, dict[str, Any]]] = {
    "cds_jump": (Localized("{series} 급등", "{series} jump"), _WATCH["cds_oracle"].spec),
    "rent_drop": (Localized("{series} 하락", "{series} drop"), _RENT_DROP),
    "thesis_break": (Localized("논지 훼손: {series}", "Thesis break: {series}"),
                     {"kind": "all_of", "rules": [
                         {"kind": "level_above", "series": _ORACLE, "threshold": 250}, _RENT_DROP]}),
}
TEMPLATE_LABELS = {"cds_jump": QT_TRANSLATE_NOOP("RuleEditorDialog", "CDS jump: {series} +60 bp in 20 days"),
                   "rent_drop": QT_TRANSLATE_NOOP("RuleEditorDialog", "Rent drop: {series} −4% in a month"),
                   "thesis_break": QT_TRANSLATE_NOOP("RuleEditorDialog",
                                                     "Thesis break: {series} > 250 bp and H100 −4% m/m")}
_GOT = re.compile(r"got (.*)$")


def _first_series(spec: Mapping[str, Any]) -> str:
    return str(spec["rules"][0]["series"] if spec.get("kind") == "all_of" else spec["series"])


def explain(error: RuleError) -> str:
    """A rule error in the user's words, naming the condition and field."""
    field, prefix = error.field, ""
    match = re.match(r"rules\[(\d+)\]\.(.*)", field)
    if match:
        prefix = QCoreApplication.translate("RuleEditorDialog", "Condition {n}").format(
            n=int(match.group(1)) + 1) + " · "
        field = match.group(2)
    label = QCoreApplication.translate("ConditionEditor", FIELD_LABELS[field]) if field in FIELD_LABELS \
        else field
    problem = error.problem
    got = _GOT.search(problem)
    if problem.startswith("required"):
        text = QCoreApplication.translate("RuleEditorDialog", "required")
    elif problem.startswith(("must be a number", "must be finite")):
        text = QCoreApplication.translate("RuleEditorDialog", "enter a number (got {got})").format(
            got=got.group(1) if got else "")
    elif problem.startswith(("must be a whole number", "must be at least 1")):
        text = QCoreApplication.translate("RuleEditorDialog", "enter a whole number of days, at least 1")
    elif problem.startswith("must be ≥ 0"):
        text = QCoreApplication.translate("RuleEditorDialog", "must be ≥ 0 (pick the sign under Direction)")
    elif problem.startswith("must be greater than 0"):
        text = QCoreApplication.translate("RuleEditorDialog", "must be greater than 0")
    elif problem.startswith("no series"):
        text = QCoreApplication.translate("RuleEditorDialog", "no such series in the cache: {got}").format(
            got=problem.removeprefix("no series ").split(" in ")[0])
    else:
        text = problem
    return f"{prefix}{label}: {text}"


class RuleEditorDialog(QDialog):
    """Build one rule. After ``exec()`` returns Accepted, read ``spec()`` and ``rule_name()``."""

    def __init__(self, metas: Mapping[str, SeriesMeta], series_order: Sequence[str],
                 initial: Mapping[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metas, self._order = dict(metas), list(series_order)
        self._template = ""  # the template the name came from, while she has not retyped it
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.template = QComboBox()
        self.template.addItem("", "")
        for key in TEMPLATES:
            self.template.addItem(key, key)
        self.template.activated.connect(lambda _i: self.apply_template(self.template.currentData()))
        self.head = head = QFormLayout()
        head.addRow(QLabel(), self.template)
        head.addRow(QLabel(), self.name)
        self.conditions_box = QGroupBox()
        self.conditions_layout = QVBoxLayout(self.conditions_box)
        self.conditions: list[ConditionEditor] = []
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_condition())
        self.preview = QLabel(wordWrap=True)
        self.preview.setStyleSheet("padding: 8px; border-radius: 4px;")
        set_tone(self.preview, "panel")
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("font-weight: bold;")
        set_tone(self.error, "error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.conditions_box)
        layout.addWidget(self.add_button)
        self.preview_title = QLabel()
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self.name.textEdited.connect(self._on_name_typed)
        self.set_spec(initial or {"kind": "level_above", "series": self._order[0] if self._order else ""})
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Alert rule"))
        self.name.setPlaceholderText(self.tr("e.g. Oracle CDS jump (empty: the condition is the name)"))
        self.template.setItemText(0, self.tr("Blank"))
        lang = current_language()
        for i in range(1, self.template.count()):
            key = self.template.itemData(i)
            self.template.setItemText(i, self.tr(TEMPLATE_LABELS[key]).format(
                series=self._title(_first_series(TEMPLATES[key][1]), lang)))
        self.head.labelForField(self.template).setText(self.tr("Template"))
        self.head.labelForField(self.name).setText(self.tr("Name"))
        self.conditions_box.setTitle(self.tr("Conditions (alert when all hold)"))
        self.add_button.setText(self.tr("+ Add condition (AND)"))
        preview = self.tr("Preview")
        self.preview_title.setText(f"<b>{preview}</b>")
        for editor in self.conditions:
            editor.property("remove").setToolTip(self.tr("Remove condition"))
        self._relabel()
        self._update()

    # -- content --------------------------------------------------------------------------
    def add_condition(self, spec: Mapping[str, Any] | None = None) -> ConditionEditor:
        editor = ConditionEditor(self._metas, self._order)
        if spec is not None:
            editor.set_spec(spec)
        elif self.conditions:  # a new AND leg starts on the same series as the previous one
            editor.set_spec({"kind": "level_above", "series": self.conditions[-1].series_id()})
        holder = QWidget()
        row = QVBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 6)
        remove = QToolButton(text="×", toolTip=self.tr("Remove condition"))
        remove.clicked.connect(lambda: self.remove_condition(editor))
        title = QLabel()
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(remove)
        row.addLayout(header)
        row.addWidget(editor)
        editor.setProperty("holder", holder)
        editor.setProperty("title", title)
        editor.setProperty("remove", remove)
        self.conditions_layout.addWidget(holder)
        self.conditions.append(editor)
        editor.sig_changed.connect(self._update)
        editor.sig_changed.connect(self._rename)
        self._relabel()
        self._update()
        return editor

    def remove_condition(self, editor: ConditionEditor) -> None:
        if len(self.conditions) <= 1:
            return
        self.conditions.remove(editor)
        holder = editor.property("holder")
        holder.setParent(None)
        holder.deleteLater()
        self._relabel()
        self._update()

    def _relabel(self) -> None:
        many = len(self.conditions) > 1
        for i, editor in enumerate(self.conditions):
            title: QLabel = editor.property("title")
            text = self.tr("Condition {n}").format(n=i + 1)
            title.setText(f"<b>{text}</b>" if many else "")
            title.setVisible(many)
            editor.property("remove").setVisible(many)

    def set_spec(self, spec: Mapping[str, Any]) -> None:
        while len(self.conditions) > 1:
            self.remove_condition(self.conditions[-1])
        legs = list(spec.get("rules", [])) if spec.get("kind") == "all_of" else [spec]
        for i, leg in enumerate(legs):
            if i < len(self.conditions):
                self.conditions[i].set_spec(leg)
            else:
                self.add_condition(leg)
        self._update()

    def apply_template(self, key: str) -> None:
        """The template's condition, and a name naming the series it watches; while she keeps
        that name, switching the series renames the rule (a CoreWeave rule is not "Oracle …")."""
        if key in TEMPLATES:
            self._template = ""
            self.set_spec(TEMPLATES[key][1])
            self._template = key
            self._rename()

    def template_name(self) -> str:
        """The name the current template gives the watched series ("" without a template)."""
        if not self._template or not self.conditions:
            return ""
        lang = current_language()
        return TEMPLATES[self._template][0].pick(lang).format(
            series=self._title(self.conditions[0].series_id(), lang))

    def _rename(self) -> None:
        name = self.template_name()
        if name and self.name.text() != name:
            self.name.blockSignals(True)
            self.name.setText(name)
            self.name.blockSignals(False)
            self._update()

    def _on_name_typed(self) -> None:
        if self._template and self.name.text() != self.template_name():
            self._template = ""  # she named it herself: keep her name from now on

    def _title(self, series_id: str, lang: str) -> str:
        meta = self._metas.get(series_id)
        return meta.title(lang) if meta is not None else series_id

    def spec(self) -> dict[str, Any]:
        legs = [c.spec() for c in self.conditions]
        return legs[0] if len(legs) == 1 else {"kind": "all_of", "rules": legs}

    def rule_name(self) -> str:
        return self.name.text().strip()

    # -- validation -----------------------------------------------------------------------
    def error_text(self) -> str:
        return self.error.text()

    def preview_text(self) -> str:
        return self.preview.text()

    def _update(self) -> None:
        if not self.conditions:
            return
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            rule = validate_spec({**self.spec(), "name": self.rule_name()}, self._metas)
        except RuleError as exc:
            self.error.setText(explain(exc))
            self.preview.setText("")
            ok_button.setEnabled(False)
            return
        self.error.setText("")
        self.preview.setText(describe(rule, self._metas, current_language()))
        ok_button.setEnabled(True)
