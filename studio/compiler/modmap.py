"""How torch modules, functions and tensor methods map to studio layers (for the importer).

Each mapper returns ``(layer type, params)`` (functions also the input fx nodes), the word
``"helper"`` for values that only feed another op (``x.size(0)``), or a reason string when
the operation has no studio layer.
"""
from __future__ import annotations

import operator

import torch
import torch.nn.functional as F
from torch import fx, nn

from . import modmap_modern
from .modmap_modern import map_modern_module


def _l(v):
    return list(v) if isinstance(v, (tuple, list)) else v


def _conv(m: nn.Conv2d):
    if m.padding_mode != "zeros":
        return f"padding_mode={m.padding_mode!r} has no studio layer (only zero padding)"
    return "Conv2d", {"out_channels": m.out_channels, "kernel_size": _l(m.kernel_size), "stride": _l(m.stride),
                      "padding": _l(m.padding), "dilation": _l(m.dilation), "groups": m.groups,
                      "bias": m.bias is not None}


def _maxpool(m: nn.MaxPool2d):
    if m.return_indices:
        return "return_indices=True is not supported"
    return "MaxPool2d", {"kernel_size": _l(m.kernel_size), "stride": _l(m.stride), "padding": _l(m.padding),
                         "dilation": _l(m.dilation), "ceil_mode": bool(m.ceil_mode)}


def _avgpool(m: nn.AvgPool2d):
    if m.divisor_override is not None:
        return "divisor_override is not supported"
    return "AvgPool2d", {"kernel_size": _l(m.kernel_size), "stride": _l(m.stride), "padding": _l(m.padding),
                         "ceil_mode": bool(m.ceil_mode), "count_include_pad": bool(m.count_include_pad)}


def _adaptive(type_id):
    def f(m):
        size = m.output_size
        if size is None or (isinstance(size, (tuple, list)) and None in size):
            return "an output_size with None (keep that dimension) is not supported"
        return type_id, {"output_size": _l(size)}
    return f


def _bn(m):
    if m.momentum is None or not m.track_running_stats:
        return "cumulative averages (momentum=None) or no running statistics are not supported"
    return "BatchNorm", {"eps": float(m.eps), "momentum": float(m.momentum), "affine": bool(m.affine)}


def _flatten_mod(m: nn.Flatten):
    if m.start_dim != 1 or m.end_dim != -1:
        return f"Flatten(start_dim={m.start_dim}, end_dim={m.end_dim}) is not supported (only start_dim=1)"
    return "Flatten", {}


def _softmax_mod(m, n, shape):
    return _softmax_dim(m.dim, shape(n))


def _softmax_dim(dim, out):
    if out is not None and dim is not None and dim % len(out) == 1:
        return "Softmax", {}
    return f"softmax over dim={dim} is not supported (only the class/channel dimension 1)"


MODULES = {
    nn.Conv2d: _conv,
    nn.MaxPool2d: _maxpool,
    nn.AvgPool2d: _avgpool,
    nn.AdaptiveAvgPool2d: _adaptive("AdaptiveAvgPool2d"),
    nn.AdaptiveMaxPool2d: _adaptive("AdaptiveMaxPool2d"),
    nn.ZeroPad2d: lambda m: ("ZeroPad2d", {"padding": _l(m.padding)}),
    nn.BatchNorm1d: _bn,
    nn.BatchNorm2d: _bn,
    nn.LocalResponseNorm: lambda m: ("LocalResponseNorm", {"size": m.size, "alpha": float(m.alpha),
                                                           "beta": float(m.beta), "k": float(m.k)}),
    nn.Dropout: lambda m: ("Dropout", {"p": float(m.p)}),
    nn.Dropout2d: lambda m: ("Dropout2d", {"p": float(m.p)}),
    nn.Linear: lambda m: ("Linear", {"out_features": m.out_features, "in_features": m.in_features,
                                     "bias": m.bias is not None}),
    nn.Flatten: _flatten_mod,
    nn.ReLU: lambda m: ("ReLU", {}),
    nn.LeakyReLU: lambda m: ("LeakyReLU", {"negative_slope": float(m.negative_slope)}),
    nn.GELU: lambda m: ("GELU", {"approximate": m.approximate}),
    nn.Sigmoid: lambda m: ("Sigmoid", {}),
    nn.Tanh: lambda m: ("Tanh", {}),
    nn.Identity: lambda m: ("Identity", {}),
}


def map_module(mod: nn.Module, n: fx.Node, shape):
    modern = map_modern_module(mod, n, shape)
    if modern is not None:
        return modern
    if type(mod) is nn.Softmax:
        return _softmax_mod(mod, n, shape)
    f = MODULES.get(type(mod))
    if f is None:
        return "no studio layer for this module type"
    return f(mod)


# ---- functions and methods ------------------------------------------------------------
def _arg(n: fx.Node, i: int, name: str, default=None):
    if len(n.args) > i:
        return n.args[i]
    return n.kwargs.get(name, default)


def _unary(type_id, **fixed):
    def f(n, shape):
        x = n.args[0] if n.args else n.kwargs.get("input")
        if not isinstance(x, fx.Node):
            return "its input is not a tensor"
        return type_id, dict(fixed), [x]
    return f


def _add(n, shape):
    a, b = (list(n.args) + [None, None])[:2]
    if n.kwargs.get("alpha", 1) != 1:
        return "add with alpha is not supported"
    if not (isinstance(a, fx.Node) and isinstance(b, fx.Node)):
        return "adding a constant is not supported (only tensor + tensor, the residual skip)"
    if shape(a) is None or shape(b) is None:
        return "only tensor + tensor is supported"
    return "Add", {}, [a, b]


def _cat(n, shape):
    one = modmap_modern.CAT_FIRST(n, shape)
    if one is not None:
        return one
    xs = _arg(n, 0, "tensors")
    dim = _arg(n, 1, "dim", 0)
    out = shape(n)
    if not isinstance(xs, (list, tuple)) or not all(isinstance(x, fx.Node) for x in xs) or len(xs) < 2:
        return "only torch.cat of a list of tensors is supported"
    if out is None or dim % len(out) != 1:
        return f"concatenating along dim={dim} is not supported (only the channel dimension 1)"
    return "Concat", {}, list(xs)


def _reshape(n, shape):
    x = n.args[0] if n.args else None
    ins, out = (shape(x) if isinstance(x, fx.Node) else None), shape(n)
    if ins is None or out is None or len(out) != 2 or out[0] != ins[0]:
        return f"reshaping to {tuple(out) if out else '?'} is not supported (only flattening to batch × features)"
    return "Flatten", {}, [x]


def _size(n, shape):
    return "helper"


def _leaky(n, shape):
    slope = _arg(n, 1, "negative_slope", 0.01)
    return "LeakyReLU", {"negative_slope": float(slope)}, [n.args[0]]


def _gelu(n, shape):
    return "GELU", {"approximate": n.kwargs.get("approximate", "none")}, [n.args[0]]


def _softmax_fn(n, shape):
    r = _softmax_dim(_arg(n, 1, "dim"), shape(n))
    return r if isinstance(r, str) else (*r, [n.args[0]])


FUNCTIONS = {
    operator.add: _add, operator.iadd: _add, torch.add: _add,
    torch.cat: _cat, torch.concat: _cat,
    torch.flatten: _reshape, torch.reshape: _reshape,
    F.relu: _unary("ReLU"), torch.relu: _unary("ReLU"), F.relu_: _unary("ReLU"), torch.relu_: _unary("ReLU"),
    torch.sigmoid: _unary("Sigmoid"), F.sigmoid: _unary("Sigmoid"), torch.tanh: _unary("Tanh"),
    F.tanh: _unary("Tanh"), F.leaky_relu: _leaky, F.gelu: _gelu, F.softmax: _softmax_fn,
    torch.softmax: _softmax_fn,
}
METHODS = {
    "view": _reshape, "reshape": _reshape, "flatten": _reshape, "size": _size,
    "relu": _unary("ReLU"), "relu_": _unary("ReLU"), "sigmoid": _unary("Sigmoid"), "tanh": _unary("Tanh"),
    "add": _add, "add_": _add, "softmax": _softmax_fn,
}
FUNCTIONS.update(modmap_modern.FUNCTIONS)
METHODS.update(modmap_modern.METHODS)
