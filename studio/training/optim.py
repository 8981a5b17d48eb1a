"""Optimisers and learning-rate schedules from TrainSettings. Every schedule steps once per batch."""
from __future__ import annotations

import torch

from .settings import TrainSettings


def make_optimizer(model: torch.nn.Module, st: TrainSettings) -> torch.optim.Optimizer:
    from .transfer import param_groups, parse_lr_mult  # transfer learning: frozen tensors, lr multipliers

    params = param_groups(model, st.lr, parse_lr_mult(st.lr_mult), include_frozen=st.unfreeze_after > 0)
    if not any(p.requires_grad for g in params for p in g["params"]):
        from studio.core.errors import StudioError
        raise StudioError("the model has no trainable parameters: add a Conv2d or Linear layer")
    if st.optimizer == "sgd":
        return torch.optim.SGD(params, lr=st.lr, momentum=st.momentum, nesterov=st.nesterov,
                               weight_decay=st.weight_decay)
    if st.optimizer == "adamw":
        return torch.optim.AdamW(params, lr=st.lr, weight_decay=st.weight_decay)
    return torch.optim.Adam(params, lr=st.lr, weight_decay=st.weight_decay)


def make_scheduler(opt: torch.optim.Optimizer, st: TrainSettings, steps_per_epoch: int):
    total = max(1, st.epochs * steps_per_epoch)
    if st.scheduler == "step":
        every = st.step_size or max(1, st.epochs // 3)
        return torch.optim.lr_scheduler.StepLR(opt, step_size=every * steps_per_epoch, gamma=st.gamma)
    if st.scheduler == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total)
    if st.scheduler == "onecycle":
        return torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=[g["lr"] for g in opt.param_groups], total_steps=total + 1)
    return None
