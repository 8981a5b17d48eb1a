"""``shapes``: a seeded, generated data set of simple coloured shapes at any resolution.

Image ``i`` depends only on (seed, i): its scene (shape, colours, size, position, rotation) is
drawn from its own random stream in resolution-free units, then rendered with anti-aliased
signed distances at the requested H×W, vectorised over a chunk of images in numpy. So the same
seed gives the same pictures at 32×32 or 224×224, and a streamed Dataset can render any index.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from .settings import SHAPE_CLASSES

_CHUNK_PIXELS = 4_000_000  # pixels rendered per vectorised chunk (bounds temporary memory)


def _scene(seed: int, index: int, n_classes: int, aspect: float) -> tuple:
    rng = np.random.default_rng([int(seed), int(index), 7])
    r = rng.uniform(0.17, 0.34)  # radius in units of min(H, W)
    rx, ry = r * 1.05 * min(1.0, 1 / aspect), r * 1.05 * min(1.0, aspect)  # margins in width/height units
    cx = rng.uniform(rx, 1 - rx)
    cy = rng.uniform(ry, 1 - ry)
    theta = rng.uniform(0, 2 * math.pi)
    fg = rng.uniform(0, 1, 3)
    bg = rng.uniform(0, 1, 3)
    for _ in range(20):  # keep shape and background apart so the class is always visible
        if np.linalg.norm(fg - bg) >= 0.45:
            break
        bg = rng.uniform(0, 1, 3)
    else:
        bg = 1.0 - fg
    grad = rng.uniform(-0.12, 0.12, 2)  # a gentle lighting gradient across the background
    return rng, (cx, cy, r, theta), fg.astype(np.float32), bg.astype(np.float32), grad


def _signed_distance(kind: str, qx: np.ndarray, qy: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Approximate signed distance (negative inside) in units of min(H, W)."""
    if kind == "circle":
        return np.sqrt(qx * qx + qy * qy) - 0.85 * r
    if kind == "square":
        return np.maximum(np.abs(qx), np.abs(qy)) - 0.72 * r
    if kind == "triangle":
        d = None
        for k in range(3):
            a = math.pi / 2 + k * 2 * math.pi / 3
            e = qx * math.cos(a) + qy * math.sin(a)
            d = e if d is None else np.maximum(d, e)
        return d - 0.5 * r
    if kind == "cross":
        a, b = 0.95 * r, 0.3 * r
        h = np.maximum(np.abs(qx) - a, np.abs(qy) - b)
        v = np.maximum(np.abs(qx) - b, np.abs(qy) - a)
        return np.minimum(h, v)
    if kind == "star":
        rho = np.sqrt(qx * qx + qy * qy)
        sector = 2 * math.pi / 5
        t = np.mod(np.arctan2(qy, qx) + math.pi / 2, sector) / sector
        tri = np.abs(2 * t - 1)  # 1 at the points, 0 between them
        inner = 0.42 * r
        return (rho - (inner + (r - inner) * tri)) * 0.75
    raise ValueError(f"unknown shape {kind!r}")


def render_shapes(indices: Sequence[int], height: int, width: int, seed: int = 0,
                  classes: Sequence[str] = SHAPE_CLASSES, noise: float = 0.08) -> tuple[np.ndarray, np.ndarray]:
    """Images (n, H, W, 3) uint8 and labels (n,) int64 for the given image indices."""
    indices = [int(i) for i in indices]
    n, k = len(indices), len(classes)
    labels = np.array([i % k for i in indices], dtype=np.int64)
    out = np.empty((n, height, width, 3), dtype=np.uint8)
    s = float(min(height, width))
    ys = ((np.arange(height, dtype=np.float32) + 0.5) / s)[None, :, None]
    xs = ((np.arange(width, dtype=np.float32) + 0.5) / s)[None, None, :]
    step = max(1, _CHUNK_PIXELS // (height * width))
    for lo in range(0, n, step):
        idx = indices[lo:lo + step]
        m = len(idx)
        scenes = [_scene(seed, i, k, width / height) for i in idx]
        geo = np.array([sc[1] for sc in scenes], dtype=np.float32)
        cx, cy = geo[:, 0] * width / s, geo[:, 1] * height / s
        r, th = geo[:, 2], geo[:, 3]
        px = xs - cx[:, None, None]
        py = ys - cy[:, None, None]
        c, sn = np.cos(th)[:, None, None], np.sin(th)[:, None, None]
        qx, qy = c * px + sn * py, -sn * px + c * py
        sd = np.empty((m, height, width), dtype=np.float32)
        lab = labels[lo:lo + m]
        for ci, kind in enumerate(classes):
            sel = np.nonzero(lab == ci)[0]
            if sel.size:
                sd[sel] = _signed_distance(kind, qx[sel], qy[sel], r[sel, None, None])
        alpha = np.clip(0.5 - sd * s, 0.0, 1.0)[..., None]
        fg = np.array([sc[2] for sc in scenes])[:, None, None, :]
        bg = np.array([sc[3] for sc in scenes])[:, None, None, :]
        grad = np.array([sc[4] for sc in scenes], dtype=np.float32)
        u = (xs * s / width - 0.5)[..., None]
        v = (ys * s / height - 0.5)[..., None]
        bgimg = bg + grad[:, 0, None, None, None] * u + grad[:, 1, None, None, None] * v
        img = bgimg * (1 - alpha) + fg * alpha
        if noise > 0:
            # uniform noise with standard deviation ``noise`` (cheaper to draw than Gaussian)
            amp = np.float32(noise * math.sqrt(12.0))
            for j, sc in enumerate(scenes):
                img[j] += (sc[0].random((height, width, 3), dtype=np.float32) - np.float32(0.5)) * amp
        out[lo:lo + m] = np.clip(img * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return out, labels


def generate_shapes(count: int, height: int, width: int, seed: int = 0, classes: Sequence[str] = SHAPE_CLASSES,
                    noise: float = 0.08) -> tuple[np.ndarray, np.ndarray]:
    """``count`` images (count, H, W, 3) uint8 and balanced labels (count,) int64."""
    return render_shapes(range(count), height, width, seed, classes, noise)
