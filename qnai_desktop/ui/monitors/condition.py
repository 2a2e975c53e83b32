"""One alert condition (a leaf rule) as a small form; the rule editor stacks these for AND rules.

The form only collects what the user typed: numbers that do not parse are passed on as text so
the core's ``parse_rule`` names the field and the editor explains it (one validator, not two).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from ...core.monitors import change_measure
from ...core.monitors.describe import unit_label
from ...core.series import SeriesMeta
from ..common.i18n import current_language

LEAF_KINDS = ("level_above", "level_below", "change_over", "zscore_beyond", "stale_older_than")
_FIELDS = {
    "level_above": ("threshold",),
    "level_below": ("threshold",),
    "change_over": ("n_days", "measure", "direction", "threshold"),
    "zscore_beyond": ("k", "direction"),
    "stale_older_than": ("n_days",),
}
KIND_LABELS = {"level_above": QT_TRANSLATE_NOOP("ConditionEditor", "Level above"),
               "level_below": QT_TRANSLATE_NOOP("ConditionEditor", "Level below"),
               "change_over": QT_TRANSLATE_NOOP("ConditionEditor", "Change within N days"),
               "zscore_beyond": QT_TRANSLATE_NOOP("ConditionEditor", "z-score beyond k"),
               "stale_older_than": QT_TRANSLATE_NOOP("ConditionEditor", "Data older than N days")}
FIELD_LABELS = {"kind": QT_TRANSLATE_NOOP("ConditionEditor", "Kind"),
                "series": QT_TRANSLATE_NOOP("ConditionEditor", "Series"),
                "n_days": QT_TRANSLATE_NOOP("ConditionEditor", "Days"),
                "measure": QT_TRANSLATE_NOOP("ConditionEditor", "Measure"),
                "direction": QT_TRANSLATE_NOOP("ConditionEditor", "Direction"),
                "k": QT_TRANSLATE_NOOP("ConditionEditor", "k (standard deviations)"),
                "threshold": QT_TRANSLATE_NOOP("ConditionEditor", "Threshold")}
MEASURES = {"diff": QT_TRANSLATE_NOOP("ConditionEditor", "difference (series unit, bp for spreads)"),
            "pct": QT_TRANSLATE_NOOP("ConditionEditor", "percent change")}
DIRECTIONS = {"up": QT_TRANSLATE_NOOP("ConditionEditor", "up"),
              "down": QT_TRANSLATE_NOOP("ConditionEditor", "down"),
              "both": QT_TRANSLATE_NOOP("ConditionEditor", "either way")}


def parse_number(text: str) -> float | int | str | None:
    """``"1,500"`` → 1500; ``""`` → None (required); anything else unparsable stays text."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return text.strip()
    return int(value) if value.is_integer() else value


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and float(value).is_integer():
        return str(int(value))
    return str(value)


class ConditionEditor(QWidget):
    """Kind, series and the kind's fields; ``spec()`` returns the leaf rule dict."""

    sig_changed = Signal()

    def __init__(self, metas: Mapping[str, SeriesMeta], series_order: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metas = metas
        self.kind = QComboBox()
        for kind in LEAF_KINDS:
            self.kind.addItem(self.tr(KIND_LABELS[kind]), kind)
        self.series = QComboBox(editable=True)
        self.series.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        lang = current_language()
        for sid in series_order:
            if sid in metas:
                self.series.addItem(f"{metas[sid].title(lang)}  ({sid})", sid)
        completer = QCompleter(self.series.model(), self.series)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.series.setCompleter(completer)
        self.threshold, self.n_days, self.k = QLineEdit(), QLineEdit(), QLineEdit()
        self.unit = QLabel()
        threshold_row = QWidget()
        row = QHBoxLayout(threshold_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.threshold, 1)
        row.addWidget(self.unit)
        self.measure = QComboBox()
        for measure in ("diff", "pct"):
            self.measure.addItem(self.tr(MEASURES[measure]), measure)
        self.direction = QComboBox()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self._rows = {"kind": self.kind, "series": self.series, "n_days": self.n_days,
                      "measure": self.measure, "direction": self.direction, "k": self.k,
                      "threshold": threshold_row}
        for key, widget in self._rows.items():
            self.form.addRow(self.tr(FIELD_LABELS[key]), widget)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.series.currentTextChanged.connect(self._on_series)
        self.measure.currentIndexChanged.connect(self._changed)
        self.direction.currentIndexChanged.connect(self._changed)
        for edit in (self.threshold, self.n_days, self.k):
            edit.textChanged.connect(self._changed)
        self._on_kind()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Field names and choices in the UI language (series titles stay as listed)."""
        for key, widget in self._rows.items():
            self.form.labelForField(widget).setText(self.tr(FIELD_LABELS[key]))
        for combo, labels in ((self.kind, KIND_LABELS), (self.measure, MEASURES),
                              (self.direction, DIRECTIONS)):
            for i in range(combo.count()):
                combo.setItemText(i, self.tr(labels[combo.itemData(i)]))
        self._update_unit()

    # -- reading and writing --------------------------------------------------------------
    def series_id(self) -> str:
        text = self.series.currentText().strip()
        i = self.series.currentIndex()
        if i >= 0 and self.series.itemText(i).strip() == text:
            return str(self.series.itemData(i))
        found = self.series.findText(text)
        return str(self.series.itemData(found)) if found >= 0 else text

    def spec(self) -> dict[str, Any]:
        kind = self.kind.currentData()
        out: dict[str, Any] = {"kind": kind, "series": self.series_id()}
        for key in _FIELDS[kind]:
            if key in ("measure", "direction"):
                out[key] = getattr(self, key).currentData()
            else:
                out[key] = parse_number(getattr(self, key).text())
        return out

    def set_spec(self, spec: Mapping[str, Any]) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(spec.get("kind"))))
        sid = spec.get("series", "")
        found = self.series.findData(sid)
        if found >= 0:
            self.series.setCurrentIndex(found)
        else:
            self.series.setEditText(sid)
        for key in ("measure", "direction"):
            if spec.get(key) is not None:
                combo: QComboBox = getattr(self, key)
                combo.setCurrentIndex(max(0, combo.findData(spec[key])))
        for key in ("threshold", "n_days", "k"):
            getattr(self, key).setText(_number_text(spec.get(key)))
        self._update_unit()

    # -- behaviour ------------------------------------------------------------------------
    def _on_kind(self) -> None:
        kind = self.kind.currentData()
        wanted = ("up", "down", "both") if kind == "zscore_beyond" else ("up", "down")
        current = self.direction.currentData()
        self.direction.blockSignals(True)
        self.direction.clear()
        for d in wanted:
            self.direction.addItem(self.tr(DIRECTIONS[d]), d)
        default = current if current in wanted else ("both" if kind == "zscore_beyond" else "up")
        self.direction.setCurrentIndex(self.direction.findData(default))
        self.direction.blockSignals(False)
        for key, widget in self._rows.items():
            if key not in ("kind", "series"):
                self.form.setRowVisible(widget, key in _FIELDS[kind])
        self._changed()

    def _on_series(self) -> None:
        meta = self._metas.get(self.series_id())
        if meta is not None:  # default measure follows the table: bp as differences, prices as %
            self.measure.setCurrentIndex(self.measure.findData(change_measure(meta.unit)[0]))
        self._changed()

    def _update_unit(self) -> None:
        meta = self._metas.get(self.series_id())
        unit = meta.unit if meta is not None else None
        if self.kind.currentData() == "change_over" and self.measure.currentData() == "pct":
            unit = "pct"
        self.unit.setText(unit_label(unit, current_language()))

    def _changed(self) -> None:
        self._update_unit()
        self.sig_changed.emit()
