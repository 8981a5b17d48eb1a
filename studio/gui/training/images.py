"""Turn tensors and arrays into QImages: samples, what the model sees, feature maps, filters."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap


def to_uint8(arr: np.ndarray, lo: float | None = None, hi: float | None = None) -> np.ndarray:
    """Rescale any float array to 0..255 (min..max unless lo/hi are given)."""
    a = np.asarray(arr, dtype=np.float32)
    lo = float(np.nanmin(a)) if lo is None else lo
    hi = float(np.nanmax(a)) if hi is None else hi
    if not np.isfinite(lo) or not np.isfinite(hi) or hi - lo < 1e-12:
        return np.zeros(a.shape, dtype=np.uint8)
    return np.clip((a - lo) * (255.0 / (hi - lo)), 0, 255).astype(np.uint8)


def chw_to_hwc(t, mean=None, std=None) -> np.ndarray:
    """A [C,H,W] tensor/array (normalised or not) -> uint8 [H,W,C] with C in (1, 3) for display."""
    a = t.detach().cpu().float().numpy() if hasattr(t, "detach") else np.asarray(t, dtype=np.float32)
    if a.ndim == 2:
        a = a[None]
    c = a.shape[0]
    if mean is not None and std is not None:
        m = np.asarray(list(mean) if np.ndim(mean) else [mean] * c, dtype=np.float32).reshape(-1, 1, 1)
        s = np.asarray(list(std) if np.ndim(std) else [std] * c, dtype=np.float32).reshape(-1, 1, 1)
        if m.shape[0] in (1, c):
            a = a * s + m
            img = to_uint8(a, 0.0, 1.0) if a.min() >= -0.05 and a.max() <= 1.05 else to_uint8(a)
        else:
            img = to_uint8(a)
    else:
        img = to_uint8(a)
    if c not in (1, 3):
        img = img[:3] if c > 3 else img[:1]
    return np.ascontiguousarray(np.transpose(img, (1, 2, 0)))


def array_to_qimage(hwc: np.ndarray) -> QImage:
    """uint8 [H,W] or [H,W,1|3] -> QImage (copied, so the array may be freed)."""
    a = np.ascontiguousarray(hwc)
    if a.ndim == 3 and a.shape[2] == 1:
        a = np.ascontiguousarray(a[:, :, 0])
    h, w = a.shape[:2]
    if a.ndim == 2:
        return QImage(a.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QImage(a.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def tensor_pixmap(t, mean=None, std=None, size: int = 64) -> QPixmap:
    """A pixmap of a [C,H,W] tensor scaled to ``size`` px (nearest neighbour: pixels stay crisp)."""
    pm = QPixmap.fromImage(array_to_qimage(chw_to_hwc(t, mean, std)))
    return pm.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)


def grid(tiles: list[np.ndarray], cols: int | None = None, pad: int = 2, fill: int = 255) -> np.ndarray:
    """Tile equally sized uint8 [H,W] or [H,W,3] images into one image with ``pad`` px gaps."""
    if not tiles:
        return np.full((8, 8), fill, dtype=np.uint8)
    n = len(tiles)
    cols = cols or max(1, math.ceil(math.sqrt(n)))
    rows = math.ceil(n / cols)
    h, w = tiles[0].shape[:2]
    shape = (rows * (h + pad) + pad, cols * (w + pad) + pad) + tiles[0].shape[2:]
    out = np.full(shape, fill, dtype=np.uint8)
    for i, t in enumerate(tiles):
        r, c = divmod(i, cols)
        y, x = pad + r * (h + pad), pad + c * (w + pad)
        out[y:y + h, x:x + w] = t
    return out


def maps_grid(maps, cols: int | None = None) -> np.ndarray:
    """Feature maps [C,H,W] -> one grayscale grid, each map rescaled to its own min..max."""
    a = maps.detach().cpu().float().numpy() if hasattr(maps, "detach") else np.asarray(maps)
    return grid([to_uint8(m) for m in a], cols)


def filters_grid(weight, cols: int | None = None) -> np.ndarray:
    """Conv weights [Cout,Cin,kh,kw] -> a grid: RGB filters when Cin is 3, else the channel mean."""
    w = weight.detach().cpu().float().numpy() if hasattr(weight, "detach") else np.asarray(weight)
    tiles = []
    for f in w:
        if f.shape[0] == 3:
            tiles.append(np.transpose(to_uint8(f), (1, 2, 0)))
        else:
            tiles.append(to_uint8(f.mean(axis=0)))
    return grid(tiles, cols, pad=1)
