"""One scenario input: label, note/assumption tag, a slider bound to a spin box (or a combo), unit.

Values cross this widget in *stored* units (0.2); the slider and its number box show display
units (20 %). ``sig_value_changing`` fires on every move; ``sig_value_committed`` when the
slider is released, the number box is confirmed, a choice is picked, or a keyboard change has
rested for ``KEY_COMMIT_MS`` (so holding an arrow key does not write on every step).

Precise work: the arrows step by the parameter's step, PageUp/PageDown by the page step,
Home/End go to the ends, and a drag snaps to the step grid, so 35% is reachable exactly both ways.
superqt's float slider ignores the keyboard (its ``triggerAction`` does nothing, superqt 0.9) and
maps pixels to unrounded floats: both are handled here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from superqt import QLabeledDoubleSlider, QLabeledSlider

from ...core.scenarios import Param
from ...core.scenarios.display import display_scale, source_text, step_decimals, text, unit_text
from ..common.i18n import current_language
from ..common.theme import set_tone

KEY_COMMIT_MS = 350
#: key -> (steps of the single step, steps of the page step); Home/End are handled apart
_KEY_STEPS = {Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Left: (-1, 0),
              Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_PageUp: (0, 1), Qt.Key.Key_PageDown: (0, -1)}
TAG_TONE = {True: "tag-assumption", False: "tag-note"}


class ScenarioParamRow(QWidget):
    """Edits one ``Param``; never computes anything itself."""

    sig_value_changing = Signal(str, float)
    sig_value_committed = Signal(str)

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.param = param
        self._scale = display_scale(param.unit)
        lang = current_language()  # the input's name, unit and source are content
        self.label = QLabel(text(param, lang))
        self.label.setWordWrap(True)  # a long input name wraps rather than widening the panel
        self.tag = QLabel(self.tr("assumption") if param.is_assumption else self.tr("note"))
        set_tone(self.tag, TAG_TONE[param.is_assumption])
        self.tag.setStyleSheet("border-radius: 6px; padding: 0 5px; font-size: 8pt;")
        tip = source_text(param, lang)
        for w in (self.label, self.tag):
            w.setToolTip(tip)
        self.unit = QLabel("" if param.choices else unit_text(param.unit, lang))
        set_tone(self.unit, "muted")
        self.unit.setMinimumWidth(64)
        self.control = self._make_control()
        self._key_timer = QTimer(self, singleShot=True, interval=KEY_COMMIT_MS)
        self._key_timer.timeout.connect(self._commit)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.label)
        top.addWidget(self.tag, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.control, 1)
        bottom.addWidget(self.unit)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 2, 0, 4)
        box.setSpacing(1)
        box.addLayout(top)
        box.addLayout(bottom)

    def _make_control(self) -> QWidget:
        p = self.param
        if p.choices is not None:
            combo = QComboBox()
            for c in p.choices:
                combo.addItem(c.label, c.value)
            combo.currentIndexChanged.connect(self._on_combo)
            return combo
        slider = QLabeledSlider(Qt.Orientation.Horizontal) if p.integer else \
            QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        if not p.integer:
            slider.setDecimals(step_decimals(p))
        slider.setRange(p.min * self._scale, p.max * self._scale)
        slider.setSingleStep(p.step * self._scale if not p.integer else 1)
        slider.setPageStep(max(p.step, (p.max - p.min) / 10) * self._scale)
        slider.valueChanged.connect(self._on_slider)
        slider.sliderReleased.connect(self._commit)
        slider.editingFinished.connect(self._commit)
        if not p.integer:  # the integer slider is a plain QSlider: Qt's own keys and ticks
            slider.installEventFilter(self)
            slider._slider.installEventFilter(self)  # the groove; superqt keeps it private
        return slider

    # -- precise work ------------------------------------------------------------------
    def snapped(self, shown: float) -> float:
        """``shown`` (display units) on the parameter's step grid, within its range."""
        p = self.param
        grid = p.step * self._scale
        low, high = p.min * self._scale, p.max * self._scale
        value = low + round((shown - low) / grid) * grid if grid > 0 else shown
        return round(min(high, max(low, value)), step_decimals(p) + 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self._on_key(event):  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def _on_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        slider = self.control
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            target = slider.minimum() if key == Qt.Key.Key_Home else slider.maximum()
        elif key in _KEY_STEPS:
            single, page = _KEY_STEPS[Qt.Key(key)]
            target = slider.value() + single * slider.singleStep() + page * slider.pageStep()
        else:
            return False
        slider.setValue(self.snapped(target))
        return True

    # -- values --------------------------------------------------------------------------
    def value(self) -> float:
        if isinstance(self.control, QComboBox):
            return float(self.control.currentData())
        if self.param.integer:
            return float(self.control.value()) / self._scale
        return self.snapped(float(self.control.value())) / self._scale

    def set_value(self, value: float) -> None:
        """Show ``value`` without emitting anything (the state already has it)."""
        self.control.blockSignals(True)
        try:
            if isinstance(self.control, QComboBox):
                self.control.setCurrentIndex(max(0, self.control.findData(value)))
            else:
                # 0.29 × 100 is 28.999…96 in floats: shown (and read back) as the 29 it means
                self.control.setValue(round(value * self._scale, step_decimals(self.param) + 2))
        finally:
            self.control.blockSignals(False)

    def is_dragging(self) -> bool:
        return not isinstance(self.control, QComboBox) and self.control.isSliderDown()

    # -- slots ---------------------------------------------------------------------------
    def _on_slider(self, shown: float) -> None:
        if not self.param.integer and not isinstance(self.control, QComboBox):
            on_grid = self.snapped(float(shown))
            if on_grid != float(shown):  # between two steps (or 28.999…): onto the nearer one
                self.control.setValue(on_grid)  # emits valueChanged(on_grid): this slot again
                return
        self.sig_value_changing.emit(self.param.name, float(shown) / self._scale)
        if not self.control.isSliderDown():
            self._key_timer.start()

    def _on_combo(self, _index: int) -> None:
        self.sig_value_changing.emit(self.param.name, self.value())
        self._commit()

    def _commit(self) -> None:
        self._key_timer.stop()
        self.sig_value_committed.emit(self.param.name)
