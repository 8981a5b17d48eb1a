"""Hyperparameters and device: the widgets behind ``project.training`` (TrainSettings).

Every default and range comes from ``studio.training.settings`` (the dataclass is the one source);
every row label from ``studio.gui.fields.WIDGETS`` (the names error messages use)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLineEdit,
                               QSpinBox)

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.gui.fields import WIDGETS
from studio.gui.i18n import tr, tr_core
from studio.training import settings as ts

_LABELS = {"adam": "Adam", "adamw": "AdamW", "sgd": "SGD", "none": QT_TRANSLATE_NOOP("TrainingPanel", "Constant"),
           "step": QT_TRANSLATE_NOOP("TrainingPanel", "Step decay"),
           "cosine": QT_TRANSLATE_NOOP("TrainingPanel", "Cosine"),
           "onecycle": QT_TRANSLATE_NOOP("TrainingPanel", "One-cycle")}
OPTIMIZERS = [(k, _LABELS[k]) for k in ("adam", "adamw", "sgd") if k in ts.OPTIMIZERS]
SCHEDULERS = [(k, _LABELS[k]) for k in ts.SCHEDULERS]


def available_devices() -> list[tuple[str, str]]:
    """(value, label) for the device chooser: auto, each CUDA GPU with its memory, MPS, CPU."""
    out = []
    labels = []
    try:
        import torch

        if torch.cuda.is_available():
            for i in range(torch.cuda.device_count()):
                p = torch.cuda.get_device_properties(i)
                labels.append(f"{p.name} ({p.total_memory / 2**30:.0f} GiB)")
            out.append(("cuda", "CUDA: " + ", ".join(labels)))
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            out.append(("mps", tr("Apple GPU (MPS)")))
        cpu = tr("CPU ({n} threads)").format(n=torch.get_num_threads())
    except Exception:  # a broken driver must not break the panel
        cpu = "CPU"
    best = out[0][1] if out else cpu
    return [("auto", tr("Automatic: {device}").format(device=best))] + out + [("cpu", cpu)]


class HyperBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(tr("Training"), parent)
        form = QFormLayout(self)
        d = self.defaults = ts.TrainSettings.defaults()
        self.epochs = _spin(1, ts.MAX_EPOCHS, d["epochs"])
        self.batch_size = _spin(1, ts.MAX_BATCH, d["batch_size"])
        self.lr = QLineEdit(f"{d['lr']:g}")
        v = QDoubleValidator(0.0, 1e9, 10, self)
        v.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.lr.setValidator(v)
        self.optimizer = _combo(OPTIMIZERS)
        self.momentum = _dspin(0.0, 0.999, 0.01, d["momentum"], 3)
        self.nesterov = QCheckBox(WIDGETS["training.nesterov"])
        self.weight_decay = QLineEdit(f"{d['weight_decay']:g}")
        self.weight_decay.setValidator(QDoubleValidator(0.0, 1.0, 10, self))
        self.scheduler = _combo(SCHEDULERS)
        self.label_smoothing = _dspin(0.0, 0.99, 0.05, d["label_smoothing"], 2)
        self.grad_clip = _clip_spin(d["grad_clip"])
        self.seed = _spin(0, ts.MAX_SEED, d["seed"])
        self.device = QComboBox()
        for value, label in available_devices():
            self.device.addItem(label, value)
        self.amp = QCheckBox(WIDGETS["training.amp"])
        self.channels_last = QCheckBox(WIDGETS["training.channels_last"])
        checkboxes = (self.nesterov, self.amp, self.channels_last)  # labelled on the box itself
        for name, w in (("epochs", self.epochs), ("batch_size", self.batch_size), ("lr", self.lr),
                        ("optimizer", self.optimizer), ("momentum", self.momentum), ("nesterov", self.nesterov),
                        ("weight_decay", self.weight_decay), ("scheduler", self.scheduler),
                        ("label_smoothing", self.label_smoothing), ("grad_clip", self.grad_clip),
                        ("seed", self.seed), ("device", self.device),
                        ("amp", self.amp), ("channels_last", self.channels_last)):
            form.addRow("" if w in checkboxes else WIDGETS["training." + name], w)
        self._editors = [self.epochs, self.batch_size, self.lr, self.optimizer, self.momentum, self.nesterov,
                         self.weight_decay, self.scheduler, self.label_smoothing, self.grad_clip, self.seed,
                         self.device, self.amp, self.channels_last]
        for w in self._editors:
            sig = {QComboBox: "currentIndexChanged", QLineEdit: "editingFinished", QCheckBox: "toggled"}.get(
                type(w), "valueChanged")
            getattr(w, sig).connect(self._on_edit)
        self.set_values({})

    def _on_edit(self, *_):
        self._on_edit_enable()
        self.changed.emit()

    def _on_edit_enable(self) -> None:
        sgd = self.optimizer.currentData() == "sgd"
        self.momentum.setEnabled(sgd)
        self.nesterov.setEnabled(sgd)

    def set_values(self, d: dict) -> None:
        """Show checked settings (``read_project_settings``); the defaults where ``d`` is silent."""
        d = {**self.defaults, **(d or {})}
        for w in self._editors:
            w.blockSignals(True)
        self.epochs.setValue(int(d["epochs"]))
        self.batch_size.setValue(int(d["batch_size"]))
        self.lr.setText(f"{float(d['lr']):g}")
        _set_combo(self.optimizer, d["optimizer"])
        self.momentum.setValue(float(d["momentum"]))
        self.nesterov.setChecked(bool(d["nesterov"]))
        self.weight_decay.setText(f"{float(d['weight_decay']):g}")
        _set_combo(self.scheduler, d["scheduler"])
        self.label_smoothing.setValue(float(d["label_smoothing"]))
        self.grad_clip.setValue(float(d["grad_clip"] or 0.0))
        self.seed.setValue(int(d["seed"]))
        _set_combo(self.device, d["device"])
        self.amp.setChecked(bool(d["amp"]))
        self.channels_last.setChecked(bool(d["channels_last"]))
        for w in self._editors:
            w.blockSignals(False)
        self._on_edit_enable()

    def values(self, base: dict | None = None) -> dict:
        """The settings as a dict over ``base`` (unknown keys kept)."""
        d = dict(base or {})
        default = self.defaults
        d.update(epochs=self.epochs.value(), batch_size=self.batch_size.value(),
                 lr=_float(self.lr.text(), default["lr"]), optimizer=self.optimizer.currentData(),
                 momentum=round(self.momentum.value(), 4),
                 nesterov=self.nesterov.isChecked() and self.momentum.value() > 0,
                 weight_decay=_float(self.weight_decay.text(), default["weight_decay"]),
                 scheduler=self.scheduler.currentData(), label_smoothing=round(self.label_smoothing.value(), 4),
                 grad_clip=round(self.grad_clip.value(), 4),
                 seed=self.seed.value(), device=self.device.currentData(), amp=self.amp.isChecked(),
                 channels_last=self.channels_last.isChecked())
        return d


def _float(text: str, default: float) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return default


def _spin(lo: int, hi: int, value: int) -> QSpinBox:
    s = QSpinBox()
    s.setRange(lo, hi)
    s.setValue(value)
    return s


def _dspin(lo, hi, step, value, decimals) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setSingleStep(step)
    s.setDecimals(decimals)
    s.setValue(value)
    return s


def _clip_spin(value: float) -> QDoubleSpinBox:
    """Gradient clipping: the largest global gradient norm a step may apply; 0 shows as "off"."""
    from studio.gui.i18n import tr

    s = _dspin(0.0, 1e6, 0.5, value, 2)
    s.setSpecialValueText(tr("off"))
    s.setToolTip(tr("Scale every step's gradients down so that their global L2 norm is at most this value "
                    "(their direction is kept); 0 = off. A remedy for exploding gradients."))
    return s


def _combo(items) -> QComboBox:
    c = QComboBox()
    for value, label in items:
        c.addItem(tr_core("TrainingPanel", label), value)  # shown translated, stored as the key
    return c


def _set_combo(c: QComboBox, value) -> None:
    i = c.findData(value)
    if i < 0 and c.count():
        i = 0
    c.setCurrentIndex(i)
