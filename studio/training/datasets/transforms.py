"""Tensor transforms shared by every data set and by prediction: channels, resize, normalise, augment.

Everything works on batches ``(N, C, H, W)`` of floats in [0, 1] (before normalisation), so the
same code serves in-memory tensors on the CPU or GPU and batches coming out of a DataLoader.
"""
from __future__ import annotations

import math
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np
import torch
import torch.nn.functional as F

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.text import printable

from .settings import AugmentSettings, DataError, DataSettings

if TYPE_CHECKING:
    from PIL import Image

_LUMA = (0.299, 0.587, 0.114)  # the ITU-R 601 weights PIL uses for RGB -> L


def match_channels(x: torch.Tensor, channels: int) -> torch.Tensor:
    """Grayscale <-> RGB on a batch (N, C, H, W): repeat gray, or take luminance of RGB."""
    c = x.shape[1]
    if c == channels:
        return x
    if c == 1 and channels == 3:
        return x.expand(-1, 3, -1, -1).contiguous()
    if c == 3 and channels == 1:
        w = torch.tensor(_LUMA, dtype=x.dtype, device=x.device).view(1, 3, 1, 1)
        return (x * w).sum(1, keepdim=True)
    if c == 4:
        return match_channels(x[:, :3], channels)
    raise DataError(QT_TRANSLATE_NOOP("Errors", "the model's input has {channels} channel(s) but the images have "
                                      "{c}: set the Input node's channels to 1 (grayscale) or 3 (RGB)"),
                    args={"channels": channels, "c": c})


def resize(x: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """Bilinear resize of a float batch (antialiased when shrinking)."""
    if x.shape[-2:] == (height, width):
        return x
    shrink = height < x.shape[-2] or width < x.shape[-1]
    return F.interpolate(x, size=(height, width), mode="bilinear", align_corners=False, antialias=shrink)


def to_model_input(x: torch.Tensor, input_shape: Sequence[int], scale: float = 255.0,
                   chunk: int = 1024) -> torch.Tensor:
    """uint8/float batch (N, C, H0, W0) -> float32 (N, C', H, W) in [0, 1] at the model's input."""
    c, h, w = (int(v) for v in input_shape)
    out = torch.empty((x.shape[0], c, h, w), dtype=torch.float32)
    for i in range(0, x.shape[0], chunk):
        part = x[i:i + chunk].to(torch.float32) / scale
        if part.shape[1] > c:  # fewer channels first, then resize: less work
            part = resize(match_channels(part, c), h, w)
        else:
            part = match_channels(resize(part, h, w), c)
        out[i:i + chunk] = part.clamp_(0.0, 1.0)
    return out


def normalize_(x: torch.Tensor, mean: Sequence[float], std: Sequence[float]) -> torch.Tensor:
    m = torch.tensor(mean, dtype=x.dtype, device=x.device).view(1, -1, 1, 1)
    s = torch.tensor(std, dtype=x.dtype, device=x.device).view(1, -1, 1, 1)
    return x.sub_(m).div_(s)


def denormalize(x: torch.Tensor, mean: Sequence[float], std: Sequence[float]) -> torch.Tensor:
    m = torch.tensor(mean, dtype=x.dtype, device=x.device).view(1, -1, 1, 1)
    s = torch.tensor(std, dtype=x.dtype, device=x.device).view(1, -1, 1, 1)
    return x * s + m


def channel_stats(x: torch.Tensor) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean and std of a [0, 1] batch (N, C, H, W)."""
    if x.shape[0] == 0:
        c = x.shape[1]
        return (0.5,) * c, (0.25,) * c
    var, mean = torch.var_mean(x.float(), dim=(0, 2, 3), correction=0)  # cascaded float32 sums: accurate
    std = var.clamp_min(0).sqrt().clamp_min(1e-3)
    return tuple(float(v) for v in mean), tuple(float(v) for v in std)


def pil_to_tensor(image, channels: int) -> torch.Tensor:
    """A PIL image -> float tensor (1, channels, H, W) in [0, 1]."""
    from PIL import Image

    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        a = np.asarray(image, dtype=np.float64)
        hi = 65535.0 if image.mode.startswith("I;16") or a.max() > 255 else 255.0
        image = Image.fromarray(np.clip(a / hi * 255.0, 0, 255).astype(np.uint8), "L")
    if image.mode not in ("L", "RGB"):
        image = image.convert("L" if image.mode in ("1", "LA") else "RGB")
    a = np.asarray(image, dtype=np.uint8)
    a = a[:, :, None] if a.ndim == 2 else a
    t = torch.from_numpy(a.copy()).permute(2, 0, 1).unsqueeze(0).to(torch.float32) / 255.0
    return match_channels(t, channels)


def read_image(path) -> "Image.Image":
    """A PIL image read from a file, or DataError in one line: a missing file, a folder, a pipe or
    device (refused before opening: reading it would block), an unreadable or damaged image, and
    a decompression bomb (more pixels than PIL's limit, e.g. a 20000×20000 PNG) are refused."""
    from PIL import Image, UnidentifiedImageError

    p = Path(path)
    name = printable(p.name)
    if not p.exists():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{path}: no such image file"), args={"path": printable(path)})
    if p.is_dir():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{path} is a folder: give image files (PNG, JPEG, ...)"),
                        args={"path": printable(path)})
    if not p.is_file():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{path} is not a regular file (a pipe or a device?): give image "
                                          "files"), args={"path": printable(path)})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(p) as im:
                im.load()
                return im.copy()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        limit = Image.MAX_IMAGE_PIXELS or 0
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{name} was skipped: its size in pixels is over the safety limit "
                                          "of {limit} pixels (a decompression bomb?); resize it to a normal photo size"),
                        args={"name": name, "limit": f"{limit:,}"}) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        if isinstance(exc, UnidentifiedImageError):
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{name} cannot be read as an image (not an image PIL can "
                                              "read): use a PNG, JPEG, BMP or GIF file"), args={"name": name}) from None
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{name} cannot be read as an image (damaged or truncated): use a "
                                          "PNG, JPEG, BMP or GIF file"), args={"name": name}) from None


def preprocess_image(image, input_shape: Sequence[int], mean: Sequence[float], std: Sequence[float]) -> torch.Tensor:
    """What the model sees for one PIL image (or a path): Tensor[C, H, W], resized and normalised."""
    from PIL import Image

    if not isinstance(image, Image.Image):
        image = read_image(image)
    c, h, w = (int(v) for v in input_shape)
    x = resize(pil_to_tensor(image, c), h, w).clamp_(0.0, 1.0)
    return normalize_(x, mean, std)[0]


def augment_batch(x: torch.Tensor, settings: AugmentSettings | DataSettings, generator: torch.Generator | None = None,
                  mean: Sequence[float] | None = None, std: Sequence[float] | None = None) -> torch.Tensor:
    """Random crop with padding, horizontal flip, rotation and colour jitter on a batch (N, C, H, W).

    Returns a new tensor on ``x``'s device. Random draws come from ``generator`` (a CPU generator)
    so results are reproducible. When ``mean``/``std`` are given, ``x`` is taken as normalised:
    padding and rotation fill with the mean colour and colour jitter works on the real colours.
    """
    aug = settings.augment if isinstance(settings, DataSettings) else settings
    if not aug.enabled or x.shape[0] == 0:
        return x
    g = generator if generator is not None else torch.Generator().manual_seed(torch.seed() % 2**63)
    n, c, h, w = x.shape
    dev = x.device
    if aug.color_jitter:
        x = _color_jitter(x, aug.color_jitter, g, mean, std)
    if aug.rotation_deg:
        ang = (torch.rand(n, generator=g) * 2 - 1) * math.radians(aug.rotation_deg)
        cos, sin = torch.cos(ang), torch.sin(ang)
        theta = torch.zeros(n, 2, 3)
        theta[:, 0, 0], theta[:, 0, 1], theta[:, 1, 0], theta[:, 1, 1] = cos, -sin * h / w, sin * w / h, cos
        grid = F.affine_grid(theta.to(dev, x.dtype), list(x.shape), align_corners=False)
        x = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    if aug.random_crop_padding:
        p = int(aug.random_crop_padding)
        xp = F.pad(x, (p, p, p, p))
        dy = torch.randint(0, 2 * p + 1, (n,), generator=g).to(dev)
        dx = torch.randint(0, 2 * p + 1, (n,), generator=g).to(dev)
        rows = (dy[:, None] + torch.arange(h, device=dev))[:, None, :, None].expand(n, c, h, w + 2 * p)
        cols = (dx[:, None] + torch.arange(w, device=dev))[:, None, None, :].expand(n, c, h, w)
        x = xp.gather(2, rows).gather(3, cols)
    if aug.hflip:
        flip = (torch.rand(n, generator=g) < 0.5).to(dev).view(n, 1, 1, 1)
        x = torch.where(flip, x.flip(-1), x)
    return x


def _color_jitter(x: torch.Tensor, j: float, g: torch.Generator, mean, std) -> torch.Tensor:
    """Brightness, contrast and saturation in one linear map per sample: out = A·x + B·gray(x) + C."""
    n, c = x.shape[:2]
    dev, dt = x.device, x.dtype
    real = denormalize(x, mean, std) if mean is not None else x
    lum = match_channels(real, 1) if c == 3 else real

    def factor():
        return (1 + (torch.rand(n, generator=g) * 2 - 1) * j).to(dev, dt).view(n, 1, 1, 1)

    b, ct = factor(), factor()
    s = factor() if c == 3 else torch.ones_like(b)
    mu = b * lum.mean(dim=(1, 2, 3), keepdim=True)  # mean gray after the brightness change
    out = real * (s * b * ct) + lum * ((1 - s) * b * ct) + mu * (1 - ct)
    out = out.clamp_(0.0, 1.0)
    return normalize_(out, mean, std) if mean is not None else out
