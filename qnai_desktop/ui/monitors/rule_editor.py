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

from ...core.monitors import RuleError, describe
from ...core.series import SeriesMeta
from ...services.alerts import validate_spec
from ..common.i18n import STRINGS
from ..common.theme import set_tone
from .condition import ConditionEditor
from .strings import tr

_ORACLE, _H100 = "cds.oracle_5y", "gpu_rent.h100.median"
_RENT_DROP = {"kind": "change_over", "series": _H100, "n_days": 30, "measure": "pct",
              "direction": "down", "threshold": 4}
TEMPLATES: dict[str, tuple[tuple[str, str], dict[str, Any]]] = {
    "cds_jump": (("오라클 CDS 급등", "Oracle CDS jump"),
                 {"kind": "change_over", "series": _ORACLE, "n_days": 20, "measure": "diff",
                  "direction": "up", "threshold": 50}),
    "rent_drop": (("H100 대여 가격 하락", "H100 rent drop"), _RENT_DROP),
    "thesis_break": (("논지 훼손", "Thesis break"),
                     {"kind": "all_of", "rules": [
                         {"kind": "level_above", "series": _ORACLE, "threshold": 250}, _RENT_DROP]}),
}
_GOT = re.compile(r"got (.*)$")


def explain(error: RuleError, lang: str) -> str:
    """A rule error in the user's words, naming the condition and field."""
    field, prefix = error.field, ""
    match = re.match(r"rules\[(\d+)\]\.(.*)", field)
    if match:
        prefix = tr("rule.condition_n", lang, n=int(match.group(1)) + 1) + " · "
        field = match.group(2)
    label = tr(f"rule.{field}", lang) if f"rule.{field}" in STRINGS else field
    problem = error.problem
    got = _GOT.search(problem)
    if problem.startswith("required"):
        text = tr("rule.err.required", lang)
    elif problem.startswith(("must be a number", "must be finite")):
        text = tr("rule.err.number", lang, got=got.group(1) if got else "")
    elif problem.startswith(("must be a whole number", "must be at least 1")):
        text = tr("rule.err.days", lang)
    elif problem.startswith("must be ≥ 0"):
        text = tr("rule.err.nonneg", lang)
    elif problem.startswith("must be greater than 0"):
        text = tr("rule.err.positive", lang)
    elif problem.startswith("no series"):
        text = tr("rule.err.series", lang, got=problem.removeprefix("no series ").split(" in ")[0])
    else:
        text = problem
    return f"{prefix}{label}: {text}"


class RuleEditorDialog(QDialog):
    """Build one rule. After ``exec()`` returns Accepted, read ``spec()`` and ``rule_name()``."""

    def __init__(self, metas: Mapping[str, SeriesMeta], series_order: Sequence[str], lang: str,
                 initial: Mapping[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metas, self._order, self._lang = dict(metas), list(series_order), lang
        self.setWindowTitle(tr("rule.title", lang))
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("rule.name.placeholder", lang))
        self.template = QComboBox()
        self.template.addItem(tr("rule.template.none", lang), "")
        for key in TEMPLATES:
            self.template.addItem(tr(f"rule.template.{key}", lang), key)
        self.template.activated.connect(lambda _i: self.apply_template(self.template.currentData()))
        head = QFormLayout()
        head.addRow(tr("rule.template", lang), self.template)
        head.addRow(tr("rule.name", lang), self.name)
        self.conditions_box = QGroupBox(tr("rule.conditions", lang))
        self.conditions_layout = QVBoxLayout(self.conditions_box)
        self.conditions: list[ConditionEditor] = []
        self.add_button = QPushButton(tr("rule.add_condition", lang))
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
        layout.addWidget(QLabel(f"<b>{tr('rule.preview', lang)}</b>"))
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self.set_spec(initial or {"kind": "level_above", "series": self._order[0] if self._order else ""})

    # -- content --------------------------------------------------------------------------
    def add_condition(self, spec: Mapping[str, Any] | None = None) -> ConditionEditor:
        editor = ConditionEditor(self._metas, self._order, self._lang)
        if spec is not None:
            editor.set_spec(spec)
        elif self.conditions:  # a new AND leg starts on the same series as the previous one
            editor.set_spec({"kind": "level_above", "series": self.conditions[-1].series_id()})
        holder = QWidget()
        row = QVBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 6)
        remove = QToolButton(text="×", toolTip=tr("rule.remove_condition", self._lang))
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
            title.setText(f"<b>{tr('rule.condition_n', self._lang, n=i + 1)}</b>" if many else "")
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
        if key in TEMPLATES:
            names, spec = TEMPLATES[key]
            self.name.setText(names[0 if self._lang == "ko" else 1])
            self.set_spec(spec)

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
            self.error.setText(explain(exc, self._lang))
            self.preview.setText("")
            ok_button.setEnabled(False)
            return
        self.error.setText("")
        self.preview.setText(describe(rule, self._metas, self._lang))
        ok_button.setEnabled(True)
