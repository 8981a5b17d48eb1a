"""Every layer's feature maps for one image, in network order (no Qt).

:func:`capture_all` runs one image through a compiled model with a forward hook on every layer
module and works out the layers that are not modules (Add, Concat, Multiply) from their inputs,
so a ResNet's Add shows the two maps it sums. :func:`stats` gives per-channel mean and max (the
``predict --activations --json`` record); :func:`save_thumbnails` writes each layer's maps as one
PNG grid; :func:`receptive_box` is the input region one output pixel reads (the overview's hover).

The studio window (Inference → Overview) and ``cnn-studio predict --activations`` both call these
functions, so the numbers on screen and in JSON are the same numbers.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .explain import module_for


@dataclass
class LayerMaps:
    node: str  # node id
    name: str  # what the user calls it (label or id)
    type: str  # layer type id
    maps: object  # torch.Tensor [C,H,W] (CPU, float)
    inputs: list[str] = field(default_factory=list)  # source node ids, in port order

    @property
    def shape(self) -> list[int]:
        return [int(v) for v in self.maps.shape]


def _sources(graph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in sorted(graph.edges, key=lambda e: e.port):
        out.setdefault(e.target, []).append(e.source)
    return out


def _merge(t: str, xs):
    import torch

    if t == "Add":
        out = xs[0]
        for v in xs[1:]:
            out = out + v
        return out
    if t == "Concat":
        return torch.cat(xs, 0)
    if t == "Multiply":
        return xs[0] * xs[1]
    return None


def capture_all(model, project, x):
    """(layers, logits) for image ``x`` [C,H,W]: ``layers`` lists every node with an image output
    (the Input first) in topological order, each with its C×H×W maps; ``logits`` the output."""
    import torch

    from studio.core.validate import validate

    g = project.graph
    a = validate(g, project.num_classes)
    order = a.order or [n.id for n in g.nodes]
    got: dict[str, object] = {}
    handles = []
    for nid in order:
        if nid == a.input_id:
            continue
        try:
            mod = module_for(model, nid)
        except (KeyError, AttributeError):
            continue
        if mod is model:
            continue
        handles.append(mod.register_forward_hook(
            lambda _m, _i, out, nid=nid: got.__setitem__(nid, out.detach()[0].float().cpu().clone())))
    try:
        with torch.no_grad():
            model.eval()
            dev = next(iter(model.parameters()), torch.empty(0)).device
            logits = model(x.unsqueeze(0).to(dev))[0].float().cpu()
    finally:
        for h in handles:
            h.remove()
    srcs = _sources(g)
    values: dict[str, object] = {a.input_id: x.detach().float().cpu()} if a.input_id else {}
    layers: list[LayerMaps] = []
    for nid in order:
        node = g.node(nid)
        ins = srcs.get(nid, [])
        v = values.get(nid) if nid == a.input_id else got.get(nid)
        if v is None and ins and all(s in values for s in ins):
            v = _merge(node.type, [values[s] for s in ins])
        if v is None:
            continue
        values[nid] = v
        if v.dim() == 3:
            layers.append(LayerMaps(nid, node.name, node.type, v, ins))
    return layers, logits


def stats(layers, include_input: bool = False) -> dict[str, dict]:
    """{layer name: {"shape": [C,H,W], "mean": [per channel], "max": [per channel]}}."""
    out = {}
    for lay in layers:
        if lay.type == "Input" and not include_input:
            continue
        m = lay.maps
        out[lay.name] = {"shape": lay.shape, "mean": m.mean(dim=(1, 2)).tolist(),
                         "max": m.amax(dim=(1, 2)).tolist()}
    return out


def to_uint8(a: np.ndarray) -> np.ndarray:
    """One map rescaled to 0..255 by its own min..max (a constant map is black)."""
    a = np.asarray(a, dtype=np.float32)
    lo, hi = float(np.nanmin(a)), float(np.nanmax(a))
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi - lo < 1e-12:
        return np.zeros(a.shape, dtype=np.uint8)
    return np.clip((a - lo) * (255.0 / (hi - lo)), 0, 255).astype(np.uint8)


def grid_image(maps, cols: int | None = None, pad: int = 1) -> np.ndarray:
    """Maps [C,H,W] as one uint8 grid (each map on its own range), white gaps of ``pad``."""
    a = maps.numpy() if hasattr(maps, "numpy") else np.asarray(maps)
    c, h, w = a.shape
    cols = cols or max(1, math.ceil(math.sqrt(c)))
    rows = math.ceil(c / cols)
    out = np.full((rows * (h + pad) + pad, cols * (w + pad) + pad), 255, dtype=np.uint8)
    for i in range(c):
        r, k = divmod(i, cols)
        y, x = pad + r * (h + pad), pad + k * (w + pad)
        out[y:y + h, x:x + w] = to_uint8(a[i])
    return out


def _file_name(i: int, name: str) -> str:
    return f"{i:03d}_{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)[:60] or 'layer'}.png"


def save_thumbnails(layers, out_dir, min_px: int = 256) -> list[Path]:
    """One PNG per layer (network order: 000_input.png, 001_conv1.png, …): its maps as a grid,
    enlarged by whole pixels so the image is at least ``min_px`` wide. Returns the files."""
    from PIL import Image

    from studio.core.errors import StudioError

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StudioError(f"cannot create --activations-out folder {out}: {exc.strerror or exc}") from exc
    files = []
    for i, lay in enumerate(layers):
        img = grid_image(lay.maps)
        scale = max(1, min(16, -(-min_px // max(1, img.shape[1]))))
        img = np.kron(img, np.ones((scale, scale), dtype=np.uint8))
        path = out / _file_name(i, lay.name)
        Image.fromarray(img).save(path)
        files.append(path)
    return files


def _padding(node, kernel) -> tuple[int, int]:
    p = node.params.get("padding", 0)
    if node.type == "ZeroPad2d":
        if isinstance(p, (list, tuple)) and len(p) == 4:  # left, right, top, bottom
            return int(p[2]), int(p[0])
    if p == "same":
        return tuple((k - 1) // 2 for k in kernel)
    if p in ("valid", None):
        return 0, 0
    if isinstance(p, (list, tuple)):
        return int(p[0]), int(p[-1])
    return int(p), int(p)


def receptive_boxes(project) -> dict[str, tuple]:
    """For every layer with an image output: (start_y, start_x, size_h, size_w, jump_y, jump_x):
    output pixel (y, x) reads input rows start_y + y·jump_y … + size_h − 1 (and columns alike),
    following the main (largest) path through merges, as the Summary's receptive field does."""
    from studio.core.spec import get_spec
    from studio.core.validate import validate

    g = project.graph
    a = validate(g, project.num_classes)
    srcs = _sources(g)
    out: dict[str, tuple] = {}
    for nid in a.order:
        shape = a.shapes.get(nid)
        if shape is None or len(shape) != 3:
            continue
        if nid == a.input_id:
            out[nid] = (0, 0, 1, 1, 1, 1)
            continue
        ins = [out[s] for s in srcs.get(nid, ()) if s in out]
        if not ins:
            continue
        sy, sx, rh, rw, jy, jx = max(ins, key=lambda b: (b[2] * b[3], b[4]))
        node = g.node(nid)
        try:
            win = get_spec(node.type).window(node.params, a.in_shapes.get(nid, []), shape)
        except (KeyError, TypeError, ValueError, IndexError):
            win = None
        if node.type == "ZeroPad2d":
            py, px = _padding(node, (1, 1))
            out[nid] = (sy - py * jy, sx - px * jx, rh, rw, jy, jx)
            continue
        if win is None:
            out[nid] = (sy, sx, rh, rw, jy, jx)
            continue
        (kh, kw), (s_h, s_w), (dh, dw) = win
        py, px = _padding(node, (kh, kw))
        out[nid] = (sy - py * jy, sx - px * jx, rh + (kh - 1) * dh * jy, rw + (kw - 1) * dw * jx, jy * s_h, jx * s_w)
    return out


def receptive_box(box, y: int, x: int, height: int, width: int) -> tuple[int, int, int, int]:
    """(top, left, bottom, right), inclusive and clipped to the input, of output pixel (y, x)."""
    sy, sx, rh, rw, jy, jx = box
    top, left = sy + y * jy, sx + x * jx
    return max(0, top), max(0, left), min(height - 1, top + rh - 1), min(width - 1, left + rw - 1)
