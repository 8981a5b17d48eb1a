"""The state of one training run, typed: what the setup builds (:class:`RunParts`, all at once)
and what the loop accumulates (:class:`RunState`, from the Trainer's constructor on)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch

from .records import EpochRecord



@dataclass
class RunState:
    """What the loop keeps across epochs (and a resumed run reads back from its checkpoint).

    ``best_acc`` is the best epoch accuracy so far on ``best_acc_split``: the validation split
    when the data has one, else the training split."""
    history: list[EpochRecord] = field(default_factory=list)
    epochs_done: int = 0
    start_epoch: int = 1
    best_acc: float | None = None
    best_acc_split: str | None = None  # "val" | "train"
    elapsed_offset: float = 0.0  # seconds already trained before a resume

    def offer(self, rec: EpochRecord) -> bool:
        """Remember a finished epoch; True when its accuracy is the best so far (a score of
        another split than the kept one replaces it: they do not compare)."""
        self.history.append(rec)
        self.epochs_done = rec.epoch
        split, score = ("val", rec.val_acc) if rec.val_acc is not None else ("train", rec.train_acc)
        improved = self.best_acc is None or split != self.best_acc_split or score > self.best_acc
        if improved:
            self.best_acc, self.best_acc_split = score, split
        return improved


@dataclass
class RunParts:
    """Everything the setup builds before the first step: the device, the data, the model and
    how it is trained. Built in one piece by ``Trainer._setup``; the loop only reads it."""
    device: torch.device
    device_name: str
    bundle: Any                      # DataBundle (train/val splits, class names, mean/std)
    model: torch.nn.Module           # the model whose state_dict is saved
    net: torch.nn.Module             # what runs the steps: the model, or its DDP wrapper
    optimizer: torch.optim.Optimizer
    scheduler: Any                   # an LRScheduler stepped once per batch, or None
    scaler: Any                      # a GradScaler (float16 AMP), or None
    amp_dtype: torch.dtype | None
    batches: Any                     # TensorBatches | LoaderBatches
    val_tensors: Any                 # (x, y) on the device for in-memory validation, or None
    augment: Any                     # bundle.augment(x, generator) on the device, or None
    aug_gen: torch.Generator
    layer_stats: Any = None          # LayerStats, or None
