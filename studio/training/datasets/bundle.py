"""Split a Source, compute normalisation, and hold the result in memory or as a streamed Dataset."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import torch
from torch.utils.data import Dataset, TensorDataset

from studio.core.errors import Message
from studio.core.i18n import QT_TRANSLATE_NOOP

from .settings import DataSettings
from .source import TEST, TRAIN, VAL, Source
from .transforms import augment_batch, channel_stats, denormalize, normalize_

MAX_IN_MEMORY_BYTES = 1 << 30  # float32 tensors at the model's input, all splits together
_STATS_SAMPLES = 256  # streamed sets: statistics from this many train images (evenly spread)


class TensorData(TensorDataset):
    """An in-memory split: ``X`` float32 (N, C, H, W), normalised; ``y`` int64 (N,)."""

    def __init__(self, X: torch.Tensor, y: torch.Tensor):
        super().__init__(X, y)

    @property
    def X(self) -> torch.Tensor:
        return self.tensors[0]

    @property
    def y(self) -> torch.Tensor:
        return self.tensors[1]

    def to(self, device, non_blocking: bool = False) -> "TensorData":
        return TensorData(self.X.to(device, non_blocking=non_blocking), self.y.to(device, non_blocking=non_blocking))


class StreamData(Dataset):
    """A split too big for memory: items fetched (decoded/rendered, resized, normalised) on demand."""

    def __init__(self, source: Source, indices: torch.Tensor, input_shape, mean, std):
        self.source, self.indices = source, indices
        self.input_shape, self.mean, self.std = tuple(input_shape), tuple(mean), tuple(std)
        self.y = source.labels[indices]

    def __len__(self) -> int:
        return int(self.indices.shape[0])

    def __getitem__(self, i: int):
        x = self.source.fetch([int(self.indices[i])], self.input_shape)
        return normalize_(x, self.mean, self.std)[0], self.y[i]


@dataclass
class DataBundle:
    """Everything the engine needs: the three splits and how images were prepared."""

    train: Dataset
    val: Dataset
    test: Dataset
    class_names: list[str]
    num_classes: int
    channels: int
    mean: tuple[float, ...]
    std: tuple[float, ...]
    info: str
    warnings: list[str] = field(default_factory=list)
    in_memory: bool = False
    input_shape: tuple[int, int, int] = (1, 28, 28)
    settings: DataSettings = field(default_factory=DataSettings)

    def augment(self, x: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
        """Augment a normalised TRAIN batch per the settings (a no-op when augmentation is off)."""
        return augment_batch(x, self.settings.augment, generator, self.mean, self.std)

    @property
    def augments(self) -> bool:
        return self.settings.augment.enabled


def split_indices(labels: torch.Tensor, val_fraction: float, test_fraction: float, seed: int,
                  preset: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Stratified, seeded split into sorted (train, val, test) index tensors; disjoint, covering all.

    Items preset to val/test stay there; the fraction for a preset part is then not applied.
    """
    n = labels.shape[0]
    preset = torch.zeros(n, dtype=torch.int8) if preset is None else preset
    has_val, has_test = bool((preset == VAL).any()), bool((preset == TEST).any())
    vf = 0.0 if has_val else val_fraction
    tf = 0.0 if has_test else test_fraction
    g = torch.Generator().manual_seed(int(seed))
    parts = {TRAIN: [], VAL: [], TEST: []}
    pool = torch.nonzero(preset == TRAIN).flatten()
    pool_labels = labels[pool]
    for cls in torch.unique(pool_labels).tolist():
        members = pool[pool_labels == cls]
        members = members[torch.randperm(members.numel(), generator=g)]
        k = members.numel()
        n_test = min(int(round(k * tf)), max(k - 1, 0))
        n_val = min(int(round(k * vf)), max(k - 1 - n_test, 0))
        parts[TEST].append(members[:n_test])
        parts[VAL].append(members[n_test:n_test + n_val])
        parts[TRAIN].append(members[n_test + n_val:])
    out = {p: (torch.cat(v) if v else torch.zeros(0, dtype=torch.int64)) for p, v in parts.items()}
    for part, frac in ((VAL, vf), (TEST, tf)):  # tiny sets: still give a non-empty part when asked
        if frac > 0 and out[part].numel() == 0 and out[TRAIN].numel() > 1:
            counts = torch.bincount(labels[out[TRAIN]])
            cls = int(torch.argmax(counts))
            if counts[cls] > 1:
                pick = out[TRAIN][labels[out[TRAIN]] == cls][0]
                out[part] = pick.view(1)
                out[TRAIN] = out[TRAIN][out[TRAIN] != pick]
    out[VAL] = torch.cat([out[VAL], torch.nonzero(preset == VAL).flatten()])
    out[TEST] = torch.cat([out[TEST], torch.nonzero(preset == TEST).flatten()])
    return tuple(torch.sort(out[p]).values for p in (TRAIN, VAL, TEST))


def build_bundle(source: Source, settings: DataSettings, input_shape: Sequence[int]) -> DataBundle:
    c, h, w = (int(v) for v in input_shape)
    shape = (c, h, w)
    tr, va, te = split_indices(source.labels, settings.val_fraction, settings.test_fraction, settings.seed,
                               source.preset)
    nbytes = len(source) * c * h * w * 4
    in_memory = settings.cache == "memory" or (settings.cache == "auto" and nbytes <= MAX_IN_MEMORY_BYTES)
    known = source.known_stats
    if known and source.native_channels != c:  # gray repeated to RGB keeps its statistics; RGB->gray does not
        known = (known[0] * 3, known[1] * 3) if (source.native_channels, c) == (1, 3) else None
    if in_memory:
        X = [source.fetch(ix.tolist(), shape) for ix in (tr, va, te)]
        mean, std = _mean_only(settings, known if known else channel_stats(X[0]))
        splits = [TensorData(normalize_(x, mean, std), source.labels[ix]) for x, ix in zip(X, (tr, va, te))]
    else:
        if known:
            mean, std = known
        else:
            pick = tr[torch.linspace(0, max(tr.numel() - 1, 0), min(_STATS_SAMPLES, tr.numel())).long()]
            mean, std = _chunked_stats(source, pick.tolist(), shape)
        mean, std = _mean_only(settings, (mean, std))
        splits = [StreamData(source, ix, shape, mean, std) for ix in (tr, va, te)]
    mean, std = tuple(float(v) for v in mean), tuple(float(v) for v in std)
    where = f"in memory ({nbytes / 2**20:,.1f} MB)" if in_memory else "streamed from disk/generator"
    info = (f"{source.info}\n{len(source.class_names)} classes; {tr.numel():,} train / {va.numel():,} val / "
            f"{te.numel():,} test at {c}×{h}×{w}, {where}; seed {settings.seed}")
    warnings = list(source.warnings)
    if settings.val_fraction > 0 and va.numel() == 0:
        warnings.append(Message(QT_TRANSLATE_NOOP("Errors", "the validation split is empty (too few images): add images "
                                                  "or lower val_fraction")))
    return DataBundle(splits[0], splits[1], splits[2], list(source.class_names), len(source.class_names), c,
                      mean, std, info, warnings, in_memory, shape, settings)


def _mean_only(settings, stats):
    """(mean, std), or with ``normalize = "mean"`` (mean, 1/255 per channel): normalising with
    them gives 255·(x − mean), AlexNet's input (0–255 pixels with the training set's mean
    subtracted, not divided by any std)."""
    mean, std = stats
    if getattr(settings, "normalize", "std") == "mean":
        std = (1 / 255,) * len(tuple(std))
    return mean, std


def _chunked_stats(source: Source, indices: list[int], shape: tuple) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean/std over some items, fetched 32 at a time (bounded memory at any resolution)."""
    if not indices:
        return channel_stats(torch.zeros(0, shape[0], 1, 1))
    total, sq, count = torch.zeros(shape[0], dtype=torch.float64), torch.zeros(shape[0], dtype=torch.float64), 0
    for lo in range(0, len(indices), 32):
        x = source.fetch(indices[lo:lo + 32], shape).to(torch.float64)
        total += x.sum((0, 2, 3))
        sq += (x * x).sum((0, 2, 3))
        count += x.numel() // shape[0]
    mean = total / count
    std = (sq / count - mean * mean).clamp_min(0).sqrt().clamp_min(1e-3)
    return tuple(float(v) for v in mean), tuple(float(v) for v in std)


def sample_images(bundle: DataBundle, n: int = 16, split: str = "train", seed: int = 0) -> list[tuple[np.ndarray, int]]:
    """Up to ``n`` (uint8 H×W×C image as the model sees it, label index) pairs for a sample grid."""
    ds = {"train": bundle.train, "val": bundle.val, "test": bundle.test}[split]
    total = len(ds)
    if total == 0 or n <= 0:
        return []
    order = torch.randperm(total, generator=torch.Generator().manual_seed(seed))[:n].tolist()
    out = []
    for i in order:
        x, y = ds[i]
        img = denormalize(x.unsqueeze(0).float().cpu(), bundle.mean, bundle.std)[0].clamp(0, 1)
        out.append(((img.permute(1, 2, 0).numpy() * 255 + 0.5).astype(np.uint8), int(y)))
    return out
