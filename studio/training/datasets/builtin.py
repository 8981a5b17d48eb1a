"""The built-in data sets that need no download: ``digits`` (stored in the package) and ``shapes``."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import torch

from studio.core.i18n import QT_TRANSLATE_NOOP

from .settings import DataError, DataSettings
from .shapes import render_shapes
from .source import Source, array_source
from .transforms import match_channels

DIGITS_FILE = Path(__file__).resolve().parents[2] / "resources" / "digits.npz"


def load_digits_arrays() -> tuple[np.ndarray, np.ndarray]:
    """The UCI digits: images (1797, 8, 8) uint8 0..16 (high = ink) and labels (1797,) uint8."""
    try:
        with np.load(DIGITS_FILE, allow_pickle=False) as z:
            return z["images"], z["labels"]
    except (OSError, KeyError, ValueError) as e:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "the built-in digits file {file} is missing or damaged "
                                          "({reason}): reinstall cnn-studio or rebuild it with "
                                          "studio/resources/make_digits.py"),
                        args={"file": DIGITS_FILE, "reason": e}) from None


def digits_source(settings: DataSettings) -> Source:
    images, labels = load_digits_arrays()
    x = torch.from_numpy(images.copy()).unsqueeze(1)  # (N, 1, 8, 8)
    src = array_source("digits", x, labels.astype(np.int64), [str(d) for d in range(10)], scale=16.0)
    src.info = "UCI optical handwritten digits: 1,797 images, 8×8 grayscale (light ink on dark)"
    return src


def shapes_source(settings: DataSettings) -> Source:
    opts = settings.shapes
    count, classes, noise, seed = opts.count, list(opts.classes), opts.noise, settings.seed
    labels = torch.as_tensor(np.arange(count) % len(classes), dtype=torch.int64)

    def fetch(indices: Sequence[int], input_shape: tuple) -> torch.Tensor:
        c, h, w = (int(v) for v in input_shape)
        out = torch.empty((len(indices), c, h, w), dtype=torch.float32)
        indices = list(indices)
        step = 512
        for lo in range(0, len(indices), step):
            imgs, _ = render_shapes(indices[lo:lo + step], h, w, seed, classes, noise)
            t = torch.from_numpy(imgs).permute(0, 3, 1, 2).to(torch.float32).div_(255.0)
            out[lo:lo + step] = match_channels(t, c)
        return out

    src = Source("shapes", classes, labels, fetch, native_channels=3)
    src.info = (f"generated shapes ({', '.join(classes)}): {count:,} RGB images drawn at the model's "
                f"resolution, seed {seed}")
    return src
