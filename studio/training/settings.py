"""Training settings: a dataclass kept in ``project.training`` (plain JSON values).

``from_dict`` checks every value and raises StudioError naming the field and the fix;
unknown keys are ignored (a newer file may carry more), missing keys take the defaults.
The defaults train ``lenet5`` on ``digits`` to ≥ 97 % validation accuracy in
~5–7 of 10 epochs (Adam, one-cycle schedule peaking at lr 3e-3, batch 64: measured on digits).
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from studio.core.errors import StudioError
from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.text import short_repr

OPTIMIZERS = ("sgd", "adam", "adamw")
SCHEDULERS = ("none", "step", "cosine", "onecycle")
DEVICES = ("auto", "cpu", "cuda", "mps")
MAX_THREADS = 256           # torch.set_num_threads(100000) crashes the interpreter
MAX_WORKERS = 256
MAX_SEED = 2**31 - 1        # what the window's seed box can show (torch.manual_seed takes up to 64 bits)
MAX_EPOCHS = 10_000
MAX_BATCH = 65_536
_LR_MULT = re.compile(r"[\w.]+\s*=\s*(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


_CASE_KEPT = ("weights", "freeze", "lr_mult")  # names and paths keep their case


@dataclass
class TrainSettings:
    epochs: int = 10
    batch_size: int = 64
    lr: float = 3e-3            # the peak rate with "onecycle"
    optimizer: str = "adam"
    momentum: float = 0.9
    nesterov: bool = False
    weight_decay: float = 0.0
    scheduler: str = "onecycle"
    step_size: int = 0          # epochs between lr drops for "step" (0 = a third of the epochs)
    gamma: float = 0.1          # lr factor at each drop for "step"
    label_smoothing: float = 0.0
    grad_clip: float = 0.0      # the largest global gradient norm a step may apply (0 = no clipping)
    seed: int = 0
    device: str = "auto"
    amp: bool = True            # mixed precision; only used on CUDA
    channels_last: bool = False
    num_workers: int = 0        # DataLoader workers for data that is not held in memory
    threads: int = 0            # CPU threads (0 = automatic: 1 for small models, else torch's default)
    # transfer learning (studio.training.transfer; docs/transfer.md)
    weights: str = ""           # a weights file loaded by key and shape before training ("" = none)
    freeze: str = ""            # comma-separated layer names or prefixes whose weights stay fixed
    unfreeze_after: int = 0     # train the unfrozen layers alone for K epochs, then everything (0 = never)
    lr_mult: str = ""           # per-stage learning-rate multipliers, "layer1=0.1,layer2=0.3"

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        def need(cond: bool, setting: str, template: str, **args: Any) -> None:
            """``template`` (marked for translation) names the setting as ``'{setting}'``: the
            error's field; its values are filled in after the window translates it."""
            if not cond:
                raise StudioError(template, field="training." + setting, args={"setting": setting, **args})

        kinds = {
            "int": QT_TRANSLATE_NOOP("Errors", "training setting '{setting}' should be a whole number, not {value}"),
            "float": QT_TRANSLATE_NOOP("Errors", "training setting '{setting}' should be a number, not {value}"),
            "str": QT_TRANSLATE_NOOP("Errors", "training setting '{setting}' should be text, not {value}"),
            "bool": QT_TRANSLATE_NOOP("Errors", "training setting '{setting}' should be true or false, not {value}"),
        }
        for f in fields(self):
            v = getattr(self, f.name)
            want = {"int": int, "float": (int, float), "str": str, "bool": bool}[str(f.type)]
            ok = isinstance(v, want) and (f.type == "bool" or not isinstance(v, bool))
            need(ok, f.name, kinds[str(f.type)], value=short_repr(v))
            if ok and f.type == "int":
                need(abs(v) <= 2**63 - 1, f.name,
                     QT_TRANSLATE_NOOP("Errors", "training setting '{setting}' is {value}: far too large"),
                     value=short_repr(v))
            if ok and f.type == "float":
                need(math.isfinite(v), f.name,
                     QT_TRANSLATE_NOOP("Errors", "training setting '{setting}' is {value}: use a finite number"), value=v)
        need(1 <= self.epochs <= MAX_EPOCHS, "epochs", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: train for at least 1 epoch (at most {max})"),
            value=self.epochs, max=f"{MAX_EPOCHS:,}")
        need(1 <= self.batch_size <= MAX_BATCH, "batch_size", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use 1 to {max} (e.g. 64)"),
            value=self.batch_size, max=f"{MAX_BATCH:,}")
        need(self.lr > 0, "lr", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: the learning rate must be above 0 (e.g. 0.001)"),
            value=self.lr)
        choose = QT_TRANSLATE_NOOP("Errors", "training setting '{setting}' is {value}: choose one of {choices}")
        need(self.optimizer in OPTIMIZERS, "optimizer", choose, value=repr(self.optimizer), choices=", ".join(OPTIMIZERS))
        need(self.scheduler in SCHEDULERS, "scheduler", choose, value=repr(self.scheduler), choices=", ".join(SCHEDULERS))
        need(self.device in DEVICES, "device", choose, value=repr(self.device), choices=", ".join(DEVICES))
        need(0 <= self.momentum < 1, "momentum", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use a value in [0, 1), e.g. 0.9"), value=self.momentum)
        need(not self.nesterov or self.momentum > 0, "nesterov", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' needs a momentum above 0 (e.g. 0.9)"))
        need(self.weight_decay >= 0, "weight_decay", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use 0 or a small value (e.g. 5e-4)"),
            value=self.weight_decay)
        need(0 <= self.label_smoothing < 1, "label_smoothing", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use a value in [0, 1), e.g. 0.1"),
            value=self.label_smoothing)
        need(self.grad_clip >= 0, "grad_clip", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use 0 (no clipping) or the largest gradient norm "
            "a step may apply, e.g. 1.0"), value=self.grad_clip)
        need(0 <= self.step_size <= MAX_EPOCHS, "step_size", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use 0 (automatic) or a number of epochs"),
            value=self.step_size)
        need(0 < self.gamma <= 1, "gamma", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: the step factor must be in (0, 1], e.g. 0.1"),
            value=self.gamma)
        need(0 <= self.threads <= MAX_THREADS, "threads", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use 0 (automatic) or a number of CPU threads up to {max}"),
            value=self.threads, max=MAX_THREADS)
        need(0 <= self.num_workers <= MAX_WORKERS, "num_workers", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use 0 to {max}"), value=self.num_workers, max=MAX_WORKERS)
        need(0 <= self.unfreeze_after <= MAX_EPOCHS, "unfreeze_after", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use 0 (never) or a number of epochs"),
            value=self.unfreeze_after)
        need(all(_LR_MULT.fullmatch(p.strip()) for p in self.lr_mult.split(",") if p.strip()), "lr_mult",
             QT_TRANSLATE_NOOP("Errors", "training setting '{setting}' is {value}: write NAME=FACTOR pairs separated "
                               "by commas, e.g. layer1=0.1"), value=repr(self.lr_mult))
        need(0 <= self.seed <= MAX_SEED, "seed", QT_TRANSLATE_NOOP(
            "Errors", "training setting '{setting}' is {value}: use a whole number from 0 to {max}"),
            value=self.seed, max=MAX_SEED)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "TrainSettings":
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise StudioError(QT_TRANSLATE_NOOP(
                "Errors", "training settings should be an object of name: value pairs, not {value}"),
                args={"value": short_repr(data)})
        known = {f.name: f for f in fields(cls)}
        kw = {}
        for k, v in data.items():
            if k not in known:
                continue
            if k == "grad_clip" and v is None:  # null = no clipping
                v = 0.0
            if known[k].type == "float" and isinstance(v, int) and not isinstance(v, bool):
                v = float(v)
            if isinstance(v, str) and known[k].type == "str" and k not in _CASE_KEPT:
                v = v.strip().lower()
            kw[k] = v
        return cls(**kw)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """Every setting's default, read off the dataclass (the one source the window's widgets
        and the command line's help take them from); nothing is parsed or checked."""
        return {f.name: f.default for f in fields(cls)}

    def replace(self, **changes: Any) -> "TrainSettings":
        d = self.to_dict()
        d.update({k: v for k, v in changes.items() if v is not None})
        return TrainSettings.from_dict(d)
