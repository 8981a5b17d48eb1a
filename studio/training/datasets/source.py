"""What every data set loader returns: a Source, i.e. labels plus a way to fetch model-ready images."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import torch

from .transforms import to_model_input

Fetch = Callable[[Sequence[int], tuple], torch.Tensor]

TRAIN, VAL, TEST = 0, 1, 2


@dataclass
class Source:
    """A data set before splitting.

    ``fetch(indices, input_shape)`` returns float32 (n, C, H, W) in [0, 1] at the model's input.
    ``preset`` (int8, one per item) marks items fixed to a split by the data set itself:
    0 = train pool (split further by the fractions), 1 = val, 2 = test (e.g. MNIST's official test).
    """

    name: str
    class_names: list[str]
    labels: torch.Tensor
    fetch: Fetch
    native_channels: int
    native_size: tuple[int, int] | None = None  # (H, W) when all images share one size
    preset: torch.Tensor | None = None
    known_stats: tuple[tuple[float, ...], tuple[float, ...]] | None = None  # at native channels
    info: str = ""
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return int(self.labels.shape[0])


def array_source(name: str, images: torch.Tensor, labels, class_names: list[str], scale: float = 255.0,
                 **kw) -> Source:
    """A Source over a tensor (N, C, H, W) of uint8 (or floats with ``scale`` = 1)."""
    labels = torch.as_tensor(labels, dtype=torch.int64)

    def fetch(indices: Sequence[int], input_shape: tuple) -> torch.Tensor:
        idx = torch.as_tensor(list(indices), dtype=torch.int64)
        return to_model_input(images[idx], input_shape, scale)

    kw.setdefault("native_size", tuple(images.shape[-2:]))
    return Source(name, list(class_names), labels, fetch, int(images.shape[1]), **kw)
