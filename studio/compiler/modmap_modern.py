"""Import mappings for the modern CNNs (MobileNet, EfficientNet, ShuffleNet, ConvNeXt,
DenseNet, hand-written functional code): activations, functional pools, x.mean, Multiply,
LayerScale, chunk, permute, channel shuffle. Merged into :mod:`studio.compiler.modmap`'s tables.

Besides ``(layer type, params, inputs)``, a function mapper may return ``("alias", node)``:
the operation passes its input on unchanged (``torch.cat`` of one tensor, ``.contiguous()``).
"""
from __future__ import annotations

import operator

import torch
import torch.nn.functional as F
from torch import fx, nn

PARAM = "param"  # env tag of a get_attr parameter (LayerScale's weight)
CHUNK = "chunk"  # env tag of x.chunk(n, dim=1), read by getitem


def _l(v):
    return list(v) if isinstance(v, (tuple, list)) else v


def _arg(n: fx.Node, i: int, name: str, default=None):
    if len(n.args) > i:
        return n.args[i]
    return n.kwargs.get(name, default)


# ---- modules ---------------------------------------------------------------------------
def _layer_norm(m: nn.LayerNorm, n, shape):
    if len(m.normalized_shape) != 1 or not m.elementwise_affine or getattr(m, "bias", 1) is None:
        return "only a LayerNorm over the last dimension with a learned scale and shift is supported"
    return "LayerNorm", {"eps": float(m.eps)}


def _linear_last(m: nn.Linear, n, shape):
    return "LinearLast", {"out_features": m.out_features, "bias": m.bias is not None}


def _layer_norm2d(m, n, shape):
    if not m.elementwise_affine:
        return "a LayerNorm2d without a learned scale and shift is not supported"
    return "LayerNorm2d", {"eps": float(m.eps)}


def _stochastic_depth(m, n, shape):
    return "StochasticDepth", {"p": float(m.p), "mode": m.mode}


_ORDERS = {(0, 2, 3, 1): "channels_last", (0, 3, 1, 2): "channels_first"}


def _permute_mod(m, n, shape):
    order = _ORDERS.get(tuple(m.dims))
    if order is None:
        return f"permute{tuple(m.dims)} is not supported (only channels last (0, 2, 3, 1) and back (0, 3, 1, 2))"
    return "Permute", {"order": order}


# modules whose mapping needs the traced graph (the others map through their spec's ``imports``)
MODULES = {
    nn.LayerNorm: _layer_norm,
}
# torchvision's own modules, by qualified class name (torchvision is not imported here)
NAMED = {
    "torchvision.models.convnext.LayerNorm2d": _layer_norm2d,
    "torchvision.ops.stochastic_depth.StochasticDepth": _stochastic_depth,
    "torchvision.ops.misc.Permute": _permute_mod,
}


def qualname(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def map_modern_module(mod: nn.Module, n: fx.Node, shape):
    """(type, params), a reason string, or None when this table does not know the module."""
    if type(mod) is nn.Linear:
        x = n.args[0] if n.args else None
        ins = shape(x) if isinstance(x, fx.Node) else None
        return _linear_last(mod, n, shape) if ins is not None and len(ins) > 2 else None
    f = MODULES.get(type(mod)) or NAMED.get(qualname(type(mod)))
    return f(mod, n, shape) if f else None


def is_leaf(mod: nn.Module) -> bool:
    """Modules traced as one call (not into their forward): the torchvision ones above."""
    return qualname(type(mod)) in NAMED


# ---- functions and methods -------------------------------------------------------------
def _x(n):
    x = n.args[0] if n.args else n.kwargs.get("input")
    return x if isinstance(x, fx.Node) else None


def _max_pool(n, shape):
    if _arg(n, 6, "return_indices", False):
        return "return_indices=True is not supported"
    k = _arg(n, 1, "kernel_size")
    s = _arg(n, 2, "stride", None)
    return "MaxPool2d", {"kernel_size": _l(k), "stride": _l(s) if s not in (None, [], ()) else None,
                         "padding": _l(_arg(n, 3, "padding", 0)), "dilation": _l(_arg(n, 4, "dilation", 1)),
                         "ceil_mode": bool(_arg(n, 5, "ceil_mode", False))}, [_x(n)]


def _avg_pool(n, shape):
    if _arg(n, 6, "divisor_override", None) is not None:
        return "divisor_override is not supported"
    k = _arg(n, 1, "kernel_size")
    s = _arg(n, 2, "stride", None)
    return "AvgPool2d", {"kernel_size": _l(k), "stride": _l(s) if s not in (None, [], ()) else None,
                         "padding": _l(_arg(n, 3, "padding", 0)), "ceil_mode": bool(_arg(n, 4, "ceil_mode", False)),
                         "count_include_pad": bool(_arg(n, 5, "count_include_pad", True))}, [_x(n)]


def _adaptive(type_id):
    def f(n, shape):
        size = _arg(n, 1, "output_size")
        if size is None or (isinstance(size, (tuple, list)) and None in size):
            return "an output_size with None (keep that dimension) is not supported"
        return type_id, {"output_size": _l(size)}, [_x(n)]
    return f


def _mean(n, shape):
    x, dims = _x(n), _arg(n, 1, "dim")
    ins = shape(x) if x is not None else None
    if ins is None or len(ins) != 4 or dims is None:
        return "only the mean over height and width of an image (x.mean((2, 3))) is supported"
    dims = dims if isinstance(dims, (list, tuple)) else [dims]
    if sorted(d % 4 for d in dims) != [2, 3]:
        return f"the mean over dim={tuple(dims)} is not supported (only over height and width (2, 3))"
    return "GlobalMean", {"keepdim": bool(_arg(n, 2, "keepdim", False))}, [x]


def _cat_any(n, shape):
    xs = _arg(n, 0, "tensors")
    if isinstance(xs, (list, tuple)) and len(xs) == 1 and isinstance(xs[0], fx.Node):
        return "alias", xs[0]
    return None  # the general case: modmap._cat


def _alias(n, shape):
    return ("alias", _x(n)) if _x(n) is not None else "its input is not a tensor"


def _mul(n, shape):
    a, b = (list(n.args) + [None, None])[:2]
    if not (isinstance(a, fx.Node) and isinstance(b, fx.Node)):
        return "multiplying by a constant is not supported (only tensor × tensor)"
    for p, x in ((a, b), (b, a)):
        if p.op == "get_attr":
            return PARAM, p, x
    return "Multiply", {}, [a, b]


def _chunk(n, shape):
    x, k, dim = _x(n), _arg(n, 1, "chunks"), _arg(n, 2, "dim", 0)
    ins = shape(x) if x is not None else None
    if ins is None or not isinstance(k, int) or dim % len(ins) != 1:
        return "only chunking along the channels (x.chunk(n, dim=1)) is supported"
    return CHUNK, x, k


def _permute(n, shape):
    dims = n.args[1:] if len(n.args) > 2 else _arg(n, 1, "dims")
    order = _ORDERS.get(tuple(int(d) for d in dims)) if isinstance(dims, (list, tuple)) else None
    if order is None:
        return f"permute{tuple(dims) if isinstance(dims, (list, tuple)) else ''} is not supported (only channels " \
               f"last (0, 2, 3, 1) and back (0, 3, 1, 2))"
    return "Permute", {"order": order}, [_x(n)]


def _shuffle(n, shape):
    g = _arg(n, 1, "groups")
    if not isinstance(g, int):
        return "channel_shuffle needs a constant number of groups"
    return "ChannelShuffle", {"groups": g}, [_x(n)]


def _unary(type_id):
    return lambda n, shape: ((type_id, {}, [_x(n)]) if _x(n) is not None else "its input is not a tensor")


FUNCTIONS = {
    F.relu6: _unary("ReLU6"), F.silu: _unary("SiLU"), F.hardswish: _unary("Hardswish"),
    F.hardsigmoid: _unary("Hardsigmoid"), F.max_pool2d: _max_pool, torch.max_pool2d: _max_pool,
    F.avg_pool2d: _avg_pool, F.adaptive_avg_pool2d: _adaptive("AdaptiveAvgPool2d"),
    F.adaptive_max_pool2d: _adaptive("AdaptiveMaxPool2d"), torch.mean: _mean,
    operator.mul: _mul, operator.imul: _mul, torch.mul: _mul, torch.permute: _permute,
    F.channel_shuffle: _shuffle, torch.channel_shuffle: _shuffle,
}
METHODS = {
    "mean": _mean, "mul": _mul, "mul_": _mul, "contiguous": _alias, "chunk": _chunk, "permute": _permute,
    "relu6": _unary("ReLU6"),
}
CAT_FIRST = _cat_any


def wrapped_functions() -> tuple:
    """Library functions traced as one call: torchvision's channel_shuffle."""
    try:
        from torchvision.models.shufflenetv2 import channel_shuffle
    except ImportError:  # torchvision is optional
        return ()
    return (channel_shuffle,)


def map_wrapped(fn, n, shape):
    if getattr(fn, "__name__", "") == "channel_shuffle" and fn in wrapped_functions():
        return _shuffle(n, shape)
    return None
