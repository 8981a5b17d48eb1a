"""Small real data for the engine tests: the digits (or shapes) via studio.training.data when it
exists, else an in-memory bundle made here from the bundled digits file; a digit as a PNG file."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch.utils.data import TensorDataset

import studio


@dataclass
class Bundle:
    train: object
    val: object
    test: object
    class_names: list
    num_classes: int
    channels: int
    mean: list
    std: list
    info: str = "test digits"
    warnings: list = field(default_factory=list)
    in_memory: bool = True


def digits_bundle(input_shape=(1, 32, 32), limit: int | None = None, in_memory: bool = True) -> Bundle:
    try:
        from studio.training.data import DataSettings, load_data
    except ImportError:
        load_data = None
    if load_data is not None and limit is None and in_memory:
        return load_data(DataSettings.from_dict({"source": "digits"}), tuple(input_shape))
    d = np.load(Path(studio.__file__).parent / "resources" / "digits.npz")
    x = torch.from_numpy(d["images"]).float()[:, None] / 16.0
    y = torch.from_numpy(d["labels"]).long()
    if limit:
        x, y = x[:limit], y[:limit]
    c, h, w = input_shape
    x = F.interpolate(x, size=(h, w), mode="bilinear", align_corners=False).repeat(1, c, 1, 1)
    mean, std = x.mean().item(), x.std().item()
    x = (x - mean) / std
    g = torch.Generator().manual_seed(0)
    perm = torch.randperm(len(x), generator=g)
    n_val = len(x) // 5
    val, train = perm[:n_val], perm[n_val:]
    return Bundle(TensorDataset(x[train], y[train]), TensorDataset(x[val], y[val]), None,
                  [str(i) for i in range(10)], 10, c, [mean] * c, [std] * c, in_memory=in_memory)


def digit_png(path, index: int) -> str:
    """Write bundled digit number `index` as a PNG; returns its label."""
    d = np.load(Path(studio.__file__).parent / "resources" / "digits.npz")
    Image.fromarray(np.clip(d["images"][index].astype(int) * 16, 0, 255).astype("uint8")).save(path)
    return str(int(d["labels"][index]))
