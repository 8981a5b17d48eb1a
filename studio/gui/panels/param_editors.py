"""One editor widget per :class:`~studio.core.spec.ParamSpec` kind.

Each editor reports a parsed value through ``on_value`` or a message through ``on_invalid``
(text that cannot be a value of the parameter); the inspector checks the value against the
whole layer and pushes the undo command.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from studio.core.errors import ParamError
from studio.core.spec import ParamSpec
from studio.gui.i18n import tr
from studio.gui.layer_text import param_tip

INT_MAX = 2**31 - 1
_SPLIT = re.compile(r"[x×X,;\s]+")


def format_value(spec: ParamSpec, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def parse_text(spec: ParamSpec, text: str) -> Any:
    """Text typed for a size2/padding/pad4 parameter -> value; raises ParamError."""
    t = text.strip()
    if not t:
        if spec.optional:
            return None
        raise ParamError(tr("'{name}' needs a value").format(name=spec.name), spec.name)
    if spec.kind == "padding" and t.lower() in spec.choices:
        return t.lower()
    parts = [p for p in _SPLIT.split(t) if p]
    if not all(re.fullmatch(r"[+-]?\d+", p) for p in parts):
        if spec.kind == "padding" and spec.choices:
            msg = tr("'{text}' is not a whole number: type e.g. 3 or 3, 5 or {choices}").format(
                text=t, choices=" / ".join(spec.choices))
        else:
            msg = tr("'{text}' is not a whole number: type e.g. 3 or 3, 5").format(text=t)
        raise ParamError(msg, spec.name)
    nums = [int(p) for p in parts]
    want = (1, 4) if spec.kind == "pad4" else (1, 2)
    if len(nums) not in want:
        raise ParamError(tr("'{name}' takes {a} or {b} numbers, not {n}").format(
            name=spec.name, a=want[0], b=want[1], n=len(nums)), spec.name)
    return nums[0] if len(nums) == 1 else nums


class _GDoubleSpinBox(QDoubleSpinBox):
    """A double spin box that shows values compactly (1e-05, 0.75)."""

    def textFromValue(self, value: float) -> str:  # Qt override
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # Qt override
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text, pos):  # Qt override
        from PySide6.QtGui import QValidator

        t = text.strip().replace(",", ".")
        if t in ("", "-", "+", ".", "e", "-."):
            return QValidator.State.Intermediate, text, pos
        try:
            v = float(t)
        except ValueError:
            if re.fullmatch(r"[+-]?\d*\.?\d*(e[+-]?)?", t, re.I):
                return QValidator.State.Intermediate, text, pos
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= v <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


class ParamEditor:
    """Wraps the widget for one parameter."""

    def __init__(self, spec: ParamSpec, on_value: Callable[[str, Any], None], on_invalid: Callable[[str, str], None]):
        self.spec = spec
        self.on_value = on_value
        self.on_invalid = on_invalid
        self._silent = False
        self.widget: QWidget = self._build()
        self.widget.setToolTip(param_tip(spec))
        self.widget.setObjectName(f"param_{spec.name}")

    # ---- kinds --------------------------------------------------------
    def _build(self) -> QWidget:
        s = self.spec
        if s.kind == "int":
            w = QSpinBox()
            lo = int(s.min) if s.min is not None else -INT_MAX
            hi = int(min(s.max, INT_MAX)) if s.max is not None else INT_MAX
            if s.optional:
                lo -= 1
                w.setSpecialValueText(tr("auto", "parameter value"))
            w.setRange(lo, hi)
            w.setAccelerated(True)
            w.valueChanged.connect(self._emit)
            return w
        if s.kind == "float":
            w = _GDoubleSpinBox()
            w.setDecimals(10)
            w.setRange(s.min if s.min is not None else -1e12, s.max if s.max is not None else 1e12)
            w.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
            w.setSingleStep(0.01)
            w.valueChanged.connect(self._emit)
            return w
        if s.kind == "bool":
            w = QCheckBox()
            w.toggled.connect(self._emit)
            return w
        if s.kind == "choice":
            w = QComboBox()
            for c in s.choices:
                w.addItem(str(c), c)
            w.currentIndexChanged.connect(self._emit)
            return w
        if s.kind == "padding":
            w = QComboBox()
            w.setEditable(True)
            for c in s.choices:
                w.addItem(str(c))
            w.lineEdit().setPlaceholderText(tr("e.g. 2 or 1, 2 or same"))
            w.editTextChanged.connect(self._emit)
            return w
        w = QLineEdit()  # size2 / pad4
        w.setPlaceholderText(tr("auto", "parameter value") if s.optional else
                             (tr("e.g. 1 or 1, 1, 2, 2") if s.kind == "pad4" else tr("e.g. 3 or 3, 5")))
        w.textEdited.connect(self._emit)
        return w

    def value(self) -> Any:
        """The editor's value; raises ParamError for text that is not a value."""
        s, w = self.spec, self.widget
        if s.kind == "int":
            v = w.value()
            return None if s.optional and v == w.minimum() else v
        if s.kind == "float":
            return float(w.value())
        if s.kind == "bool":
            return bool(w.isChecked())
        if s.kind == "choice":
            return w.currentData()
        if s.kind == "padding":
            return parse_text(s, w.currentText())
        return parse_text(s, w.text())

    def set_value(self, value: Any) -> None:
        """Show ``value`` without reporting an edit (skipped if it already shows it)."""
        try:
            if self.value() == value:
                return
        except ParamError:
            pass
        s, w = self.spec, self.widget
        self._silent = True
        try:
            if s.kind == "int":
                w.setValue(w.minimum() if value is None else int(value))
            elif s.kind == "float":
                w.setValue(float(value))
            elif s.kind == "bool":
                w.setChecked(bool(value))
            elif s.kind == "choice":
                w.setCurrentIndex(max(0, w.findData(value)))
            elif s.kind == "padding":
                w.setEditText(format_value(s, value))
            else:
                w.setText(format_value(s, value))
        finally:
            self._silent = False

    def _emit(self, *_args) -> None:
        if self._silent:
            return
        try:
            v = self.value()
        except ParamError as exc:
            self.on_invalid(self.spec.name, str(exc))
            return
        self.on_value(self.spec.name, v)
