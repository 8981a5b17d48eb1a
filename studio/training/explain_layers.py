"""One output pixel of a torch layer worked out in numpy (float64), from the module's own
settings and weights: convolution, max/average pooling (also adaptive), batch norm (eval)
and element-wise activations (ReLU6, SiLU, Hardswish and Hardsigmoid too). Each explainer
gets the module, the layer's input for one image as an array [C, H, W] and (c, y, x); it
returns JSON-ready numbers including ``recomputed`` (the caller adds the model's own ``value``)."""
from __future__ import annotations

import math

import numpy as np

from studio.core.i18n import QT_TRANSLATE_NOOP


def _pair(v) -> tuple[int, int]:
    return (int(v[0]), int(v[1])) if isinstance(v, (tuple, list)) else (int(v), int(v))


def _taps(start: int, k: int, d: int, size: int):
    """Positions read by a window starting at ``start`` and whether each lies inside 0..size-1."""
    pos = [start + i * d for i in range(k)]
    return pos, [0 <= p < size for p in pos]


def _window(inp: np.ndarray, chans, top: int, left: int, k, d):
    """Patch [len(chans), kh, kw] with zeros outside the input, and the padding mask."""
    _c, H, W = inp.shape
    rows, rin = _taps(top, k[0], d[0], H)
    cols, cin = _taps(left, k[1], d[1], W)
    patch = np.zeros((len(chans), k[0], k[1]))
    mask = np.zeros((k[0], k[1]), dtype=bool)  # True = padding
    for i, (r, ri) in enumerate(zip(rows, rin)):
        for j, (q, qi) in enumerate(zip(cols, cin)):
            if ri and qi:
                patch[:, i, j] = inp[chans, r, q]
            else:
                mask[i, j] = True
    return patch, mask, rows, cols


def _conv_pads(mod) -> tuple[int, int]:
    k, d = _pair(mod.kernel_size), _pair(mod.dilation)
    if isinstance(mod.padding, str):
        if mod.padding == "valid":
            return 0, 0
        return d[0] * (k[0] - 1) // 2, d[1] * (k[1] - 1) // 2  # 'same': the extra zero goes right/bottom
    return _pair(mod.padding)


def conv2d(mod, inp, at):
    c, y, x = at
    k, s, d, p = _pair(mod.kernel_size), _pair(mod.stride), _pair(mod.dilation), _conv_pads(mod)
    c_in, g = inp.shape[0], mod.groups
    per_in, per_out = c_in // g, mod.out_channels // g
    group = c // per_out
    chans = list(range(group * per_in, (group + 1) * per_in))
    top, left = y * s[0] - p[0], x * s[1] - p[1]
    patch, mask, rows, cols = _window(inp, chans, top, left, k, d)
    kernel = mod.weight.detach().double().cpu().numpy()[c]
    products = patch * kernel
    sums = products.sum(axis=(1, 2))
    bias = float(mod.bias.detach()[c]) if mod.bias is not None else 0.0
    total = float(sums.sum())
    return {"kind": "conv", "input_channels": chans, "window": {"top": top, "left": left, "rows": rows,
                                                                  "cols": cols, "kernel": list(k), "stride": list(s),
                                                                  "dilation": list(d), "padding": list(p)},
            "patch": patch.tolist(), "padding_mask": mask.tolist(), "kernel": kernel.tolist(),
            "products": products.tolist(), "channel_sums": sums.tolist(), "sum": total,
            "bias": bias if mod.bias is not None else None, "recomputed": total + bias}


def _pool_window(mod, inp, at):
    c, y, x = at
    k = _pair(mod.kernel_size)
    s = _pair(mod.stride if mod.stride is not None else mod.kernel_size)
    p = _pair(mod.padding)
    d = _pair(getattr(mod, "dilation", 1))
    top, left = y * s[0] - p[0], x * s[1] - p[1]
    patch, mask, rows, cols = _window(inp, [c], top, left, k, d)
    win = {"top": top, "left": left, "rows": rows, "cols": cols, "kernel": list(k), "stride": list(s),
           "dilation": list(d), "padding": list(p)}
    return patch[0], mask, win, (k, s, p)


def maxpool2d(mod, inp, at):
    patch, mask, win, _ = _pool_window(mod, inp, at)
    vals = np.where(mask, -np.inf, patch)  # PyTorch pads max pooling with −∞: padding never wins
    i, j = np.unravel_index(int(np.argmax(vals)), vals.shape)
    shown = [[None if m else float(v) for v, m in zip(rv, rm)] for rv, rm in zip(patch, mask)]
    return {"kind": "max", "window": win, "patch": [shown], "padding_mask": mask.tolist(), "kernel": None,
            "bias": None, "argmax": [int(i), int(j)], "recomputed": float(vals[i, j])}


def avgpool2d(mod, inp, at):
    patch, mask, win, (k, s, p) = _pool_window(mod, inp, at)
    _c, H, W = inp.shape
    # PyTorch's divisor: the window clipped to input + padding, or to the input alone
    hs, ws = win["top"], win["left"]
    he, we = min(hs + k[0], H + p[0]), min(ws + k[1], W + p[1])
    size = (he - hs) * (we - ws)
    inside = (min(he, H) - max(hs, 0)) * (min(we, W) - max(ws, 0))
    div = mod.divisor_override or (size if mod.count_include_pad else inside)
    total = float(patch.sum())
    return {"kind": "avg", "window": win, "patch": [patch.tolist()], "padding_mask": mask.tolist(),
            "kernel": None, "bias": None, "sum": total, "divisor": int(div), "recomputed": total / div}


def _adaptive(mod, inp, at, kind: str):
    c, y, x = at
    _c, H, W = inp.shape
    oh, ow = _pair(mod.output_size) if mod.output_size is not None else (H, W)
    oh, ow = oh or H, ow or W
    r0, r1 = (y * H) // oh, -(-((y + 1) * H) // oh)
    c0, c1 = (x * W) // ow, -(-((x + 1) * W) // ow)
    patch = inp[c, r0:r1, c0:c1]
    win = {"top": r0, "left": c0, "rows": list(range(r0, r1)), "cols": list(range(c0, c1)),
           "kernel": [r1 - r0, c1 - c0]}
    d = {"kind": kind, "window": win, "patch": [patch.tolist()], "padding_mask": np.zeros(patch.shape, bool).tolist(),
         "kernel": None, "bias": None}
    if kind == "max":
        i, j = np.unravel_index(int(np.argmax(patch)), patch.shape)
        d.update(argmax=[int(i), int(j)], recomputed=float(patch[i, j]))
    else:
        d.update(sum=float(patch.sum()), divisor=int(patch.size), recomputed=float(patch.mean()))
    return d


def batchnorm2d(mod, inp, at):
    c, y, x = at
    v = float(inp[c, y, x])
    mu, var = float(mod.running_mean[c]), float(mod.running_var[c])
    gamma = float(mod.weight.detach()[c]) if mod.weight is not None else 1.0
    beta = float(mod.bias.detach()[c]) if mod.bias is not None else 0.0
    xhat = (v - mu) / math.sqrt(var + mod.eps)
    return {"kind": "batchnorm", "input": v, "running_mean": mu, "running_var": var, "eps": mod.eps,
            "gamma": gamma, "beta": beta, "normalised": xhat, "patch": [[[v]]], "kernel": None,
            "bias": None, "recomputed": gamma * xhat + beta}


def _elementwise(fn, name):
    def explain(mod, inp, at):
        c, y, x = at
        v = float(inp[c, y, x])
        return {"kind": "activation", "function": name, "input": v, "patch": [[[v]]], "kernel": None,
                "bias": None, "recomputed": float(fn(mod, v))}
    return explain


def _gelu(mod, v):
    if getattr(mod, "approximate", "none") == "tanh":
        return 0.5 * v * (1 + math.tanh(math.sqrt(2 / math.pi) * (v + 0.044715 * v ** 3)))
    return 0.5 * v * (1 + math.erf(v / math.sqrt(2)))


def _sigmoid(_m, v):
    return 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))


def _hardsigmoid(_m, v):
    return min(max(0.0, v + 3.0), 6.0) / 6.0


EXPLAINERS = {
    "Conv2d": conv2d,
    "MaxPool2d": maxpool2d,
    "AvgPool2d": avgpool2d,
    "AdaptiveAvgPool2d": lambda m, i, a: _adaptive(m, i, a, "avg"),
    "AdaptiveMaxPool2d": lambda m, i, a: _adaptive(m, i, a, "max"),
    "BatchNorm2d": batchnorm2d,
    "ReLU": _elementwise(lambda m, v: max(0.0, v), "max(0, x)"),
    "LeakyReLU": _elementwise(lambda m, v: v if v > 0 else m.negative_slope * v,
                              QT_TRANSLATE_NOOP("Explain", "x if x > 0 else slope·x")),
    "Sigmoid": _elementwise(_sigmoid, "1 / (1 + e^−x)"),
    "Tanh": _elementwise(lambda m, v: math.tanh(v), "tanh(x)"),
    "GELU": _elementwise(_gelu, "x·Φ(x)"),
    "ReLU6": _elementwise(lambda m, v: min(max(0.0, v), 6.0), "min(max(0, x), 6)"),
    "SiLU": _elementwise(lambda m, v: v * _sigmoid(m, v), "x·σ(x)"),
    "Hardswish": _elementwise(lambda m, v: v * _hardsigmoid(m, v), "x·min(max(0, x + 3), 6) / 6"),
    "Hardsigmoid": _elementwise(_hardsigmoid, "min(max(0, x + 3), 6) / 6"),
}


def explain_module(mod):
    """The explainer for a torch module, or None: the layer spec that lists its class in
    ``explainers`` says it has one (studio.core.spec.LayerSpec.explainers)."""
    from studio.core.spec import spec_explaining

    name = type(mod).__name__
    return EXPLAINERS.get(name) if spec_explaining(name) is not None else None
