"""Engine internals: device choice, batch sources (in-memory tensors or a DataLoader), validation."""
from __future__ import annotations

import contextlib
import math
import os
import platform

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, DistributedSampler, Subset

from studio.core.errors import StudioError


def pick_device(wanted: str = "auto") -> tuple[torch.device, str]:
    """``auto`` takes CUDA, then MPS, then the CPU; returns the device and a readable name."""
    mps = getattr(torch.backends, "mps", None)
    has_mps = bool(mps is not None and mps.is_available())
    if wanted == "cuda" and not torch.cuda.is_available():
        raise StudioError("device 'cuda' was asked for but no CUDA GPU is available", field="training.device",
                          hint="choose", value="auto or cpu")
    if wanted == "mps" and not has_mps:
        raise StudioError("device 'mps' was asked for but Apple MPS is not available", field="training.device",
                          hint="choose", value="auto or cpu")
    if wanted == "cuda" or (wanted == "auto" and torch.cuda.is_available()):
        idx = torch.cuda.current_device()
        return torch.device("cuda", idx), torch.cuda.get_device_name(idx)
    if wanted == "mps" or (wanted == "auto" and has_mps):
        return torch.device("mps"), "Apple MPS"
    cpu = platform.processor() or platform.machine() or "CPU"
    return torch.device("cpu"), f"CPU ({cpu}, {torch.get_num_threads()} threads)"


def amp_setup(device: torch.device, wanted: bool) -> tuple[torch.dtype | None, bool]:
    """(autocast dtype or None, whether a GradScaler is needed). AMP is used on CUDA only."""
    if not wanted or device.type != "cuda":
        return None, False
    if torch.cuda.is_bf16_supported():
        return torch.bfloat16, False
    return torch.float16, True


def autocast(device: torch.device, dtype: torch.dtype | None):
    if dtype is None:
        return contextlib.nullcontext()
    return torch.autocast(device_type=device.type, dtype=dtype)


def dataset_len(ds) -> int:
    return 0 if ds is None else len(ds)


def as_tensors(ds: Dataset, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    """All samples of an in-memory dataset as (images, labels) tensors on ``device``."""
    tensors = getattr(ds, "tensors", None)
    if tensors is not None and len(tensors) >= 2:
        x, y = tensors[0], tensors[1]
    else:
        xs, ys = [], []
        for xb, yb in DataLoader(ds, batch_size=1024, shuffle=False):
            xs.append(xb)
            ys.append(yb)
        x, y = torch.cat(xs), torch.cat(ys)
    return x.float().to(device), y.long().to(device)


class TensorBatches:
    """Shuffled batches cut straight from tensors held on the device (no DataLoader).

    With ``world_size`` > 1 every rank draws the same permutation and takes its slice of each
    global batch, so N processes see exactly the batches one process would.
    """

    def __init__(self, x, y, batch_size, seed, rank=0, world_size=1):
        self.x, self.y, self.bs, self.seed = x, y, batch_size, seed
        self.rank, self.world = rank, world_size

    def __len__(self) -> int:
        return math.ceil(len(self.x) / self.bs)

    def epoch(self, epoch: int):
        g = torch.Generator().manual_seed(self.seed * 1_000_003 + epoch)
        perm = torch.randperm(len(self.x), generator=g).to(self.x.device)
        for i in range(0, len(perm), self.bs):
            idx = perm[i:i + self.bs]
            n_global = len(idx)
            if self.world > 1:
                idx = torch.tensor_split(idx, self.world)[self.rank]
            yield self.x[idx], self.y[idx], n_global


class LoaderBatches:
    """Batches from a DataLoader (pinned memory and non-blocking copies on CUDA)."""

    def __init__(self, ds, batch_size, seed, device, workers=0, rank=0, world_size=1):
        self.device = device
        self.world = world_size
        self.sampler = None
        per_rank = max(1, batch_size // world_size)
        kw = dict(batch_size=per_rank, num_workers=workers, pin_memory=device.type == "cuda",
                  persistent_workers=workers > 0)
        if world_size > 1:
            self.sampler = DistributedSampler(ds, num_replicas=world_size, rank=rank, shuffle=True, seed=seed)
            self.loader = DataLoader(ds, sampler=self.sampler, **kw)
        else:
            self.gen = torch.Generator().manual_seed(seed)
            self.loader = DataLoader(ds, shuffle=True, generator=self.gen, **kw)
        self.seed = seed

    def __len__(self) -> int:
        return len(self.loader)

    def epoch(self, epoch: int):
        if self.sampler is not None:
            self.sampler.set_epoch(epoch)
        else:
            self.gen.manual_seed(self.seed * 1_000_003 + epoch)
        for xb, yb in self.loader:
            xb = xb.to(self.device, non_blocking=True)
            yb = yb.to(self.device, non_blocking=True).long()
            yield xb, yb, len(yb) * self.world


def val_batches(ds, in_memory, device, batch_size, rank=0, world_size=1, tensors=None):
    """Batches of the validation set, this rank's share only when distributed."""
    if ds is None or len(ds) == 0:
        return
    if in_memory:
        x, y = tensors if tensors is not None else as_tensors(ds, device)
        if world_size > 1:
            x, y = x[rank::world_size], y[rank::world_size]
        for i in range(0, len(x), batch_size):
            yield x[i:i + batch_size], y[i:i + batch_size]
        return
    if world_size > 1:
        ds = Subset(ds, list(range(rank, len(ds), world_size)))
    workers = min(2, os.cpu_count() or 1) if device.type == "cuda" else 0
    for xb, yb in DataLoader(ds, batch_size=batch_size, shuffle=False, num_workers=workers,
                             pin_memory=device.type == "cuda"):
        yield xb.to(device, non_blocking=True), yb.to(device, non_blocking=True).long()


@torch.no_grad()
def validate(model, batches, device, amp_dtype, channels_last, num_classes):
    """Sums over the batches: [loss_sum, correct, top5_correct, count]."""
    was_training = model.training
    model.eval()
    sums = torch.zeros(4, dtype=torch.float64, device=device)
    k = min(5, num_classes)
    try:
        for xb, yb in batches:
            if channels_last and xb.dim() == 4:
                xb = xb.contiguous(memory_format=torch.channels_last)
            with autocast(device, amp_dtype):
                out = model(xb)
            out = out.float()
            sums[0] += F.cross_entropy(out, yb, reduction="sum")
            sums[1] += (out.argmax(1) == yb).sum()
            sums[2] += (out.topk(k, 1).indices == yb[:, None]).any(1).sum()
            sums[3] += len(yb)
    finally:
        model.train(was_training)
    return sums.tolist()
