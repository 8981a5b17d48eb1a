"""How torch modules, functions and tensor methods map to studio layers (for the importer).

A ``torch.nn`` module maps through the layer spec that lists its class in ``imports``
(:meth:`studio.core.spec.LayerSpec.from_torch` reads the parameters); the mappers here and in
:mod:`studio.compiler.modmap_modern` are for what needs the traced graph (a Softmax's
dimension, a Linear on the last dimension, LayerNorm, torchvision's own classes) and for
functions and tensor methods. Each mapper returns ``(layer type, params)`` (functions also
the input fx nodes), the word ``"helper"`` for values that only feed another op
(``x.size(0)``), or a reason string when the operation has no studio layer.
"""
from __future__ import annotations

import operator

import torch
import torch.nn.functional as F
from torch import fx, nn

from studio.core.spec import spec_importing

from . import modmap_modern
from .modmap_modern import map_modern_module


def _softmax_mod(m, n, shape):
    return _softmax_dim(m.dim, shape(n))


def _softmax_dim(dim, out):
    if out is not None and dim is not None and dim % len(out) == 1:
        return "Softmax", {}
    return f"softmax over dim={dim} is not supported (only the class/channel dimension 1)"


def map_module(mod: nn.Module, n: fx.Node, shape):
    modern = map_modern_module(mod, n, shape)
    if modern is not None:
        return modern
    if type(mod) is nn.Softmax:
        return _softmax_mod(mod, n, shape)
    spec = spec_importing(type(mod).__name__)
    if spec is None or getattr(nn, type(mod).__name__, None) is not type(mod):
        return "no studio layer for this module type"
    params = spec.from_torch(mod)
    return params if isinstance(params, str) else (spec.id, params)


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
