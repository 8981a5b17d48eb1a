"""The arithmetic the student is learning, recomputed from a trained model (no Qt).

* :func:`output_breakdown`: logits → e^z → Σ e^z → probabilities; the label as a one-hot
  vector; cross-entropy −Σ yᵢ·log pᵢ = −log p_true.
* :func:`layer_at`: one output pixel of a layer worked out by hand: the input patch the
  window reads (padding as zeros, or as "never the max" for max pooling), the kernel, the
  element-wise products, Σ + bias, next to the value the model itself computed.

The CLI (``cnn-studio predict --explain / --explain-layer``) and the studio window both call
these functions, so the numbers on screen and in JSON are the same numbers.
"""
from __future__ import annotations

import math
import re

import numpy as np

from studio.core.errors import StudioError
from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.number_text import MAX_DIGITS, is_ascii_int, parse_int
from studio.core.text import clip

from .explain_layers import EXPLAINERS, explain_module

__all__ = ["output_breakdown", "layer_at", "module_for", "capture", "find_node", "parse_at", "parse_label",
           "EXPLAINERS", "explain_module"]

WHY_DISTRIBUTION = QT_TRANSLATE_NOOP(
    "Explain",
    "Why a distribution and not one number? The classes have no order: predicting 7 for a 1 is "
    "not 'closer' than predicting 9, so rounding one output to the nearest class number would invent "
    "distances between classes. One score per class, turned into probabilities by softmax, says how "
    "sure the network is of each class, and cross-entropy compares that distribution with the one-hot "
    "label: it is small only when the true class gets most of the probability.")


def output_breakdown(logits, class_names, label: int | None = None, top_k: int = 5) -> dict:
    """Softmax and cross-entropy worked out step by step (float64) for one image's logits."""
    z = np.asarray(logits, dtype=np.float64).reshape(-1)
    n = z.size
    names = [str(c) for c in class_names][:n] + [str(i) for i in range(len(class_names), n)]
    top = float(z.max())
    shift = top if top > 80 else 0.0  # keep e^z finite; the probabilities do not change
    e = np.exp(z - shift)
    s = float(e.sum())
    p = e / s
    k = max(1, min(int(top_k), n))
    order = np.argsort(-p, kind="stable")[:k]
    out = {
        "class_names": names,
        "logits": z.tolist(),
        "exp": e.tolist(),
        "shift": shift,
        "sum_exp": s,
        "probabilities": p.tolist(),
        "predicted": int(order[0]),
        "top_k": [{"class": names[i], "index": int(i), "probability": float(p[i])} for i in order],
        "chance_level": math.log(n),
        "label": None,
        "one_hot": None,
        "cross_entropy": None,
    }
    if label is not None:
        if not 0 <= int(label) < n:
            raise StudioError(f"label {label} is not a class of this model (0 … {n - 1})")
        y = np.zeros(n)
        y[int(label)] = 1.0
        log_p = (z - top) - math.log(float(np.exp(z - top).sum()))  # log-softmax, stable
        out.update(label=int(label), label_name=names[int(label)], one_hot=y.astype(int).tolist(),
                   p_true=float(p[int(label)]), cross_entropy=float(-(y * log_p).sum()))
    return out


def parse_label(text: str, class_names) -> int:
    """--label: a class name, or else a class index."""
    names = [str(c) for c in class_names]
    if text in names:
        return names.index(text)
    t = text.strip()
    if is_ascii_int(t) and t[0] not in "+-" and len(t) <= MAX_DIGITS and int(t) < len(names):
        return int(t)
    shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
    raise StudioError(f"{{field}} {clip(text, 40)!r} is not a class of this model: give a class name ({shown}) "
                      f"or an index 0 … {len(names) - 1}", field="explain.label")


def parse_at(text: str) -> tuple[int, int, int]:
    """--at 'C,Y,X' → (c, y, x)."""
    parts = [p for p in re.split(r"[,\s]+", text.strip()) if p]
    if len(parts) != 3 or not all(is_ascii_int(p) for p in parts):
        raise StudioError(f"{{field}} {clip(text, 40)!r} is not C,Y,X: write the channel, row and column of the "
                          "output pixel with the digits 0-9, counting from 0, e.g. {field} 0,10,10",
                          field="explain.at")
    try:
        c, y, x = (parse_int(p, "{field}", 0, example="0,10,10") for p in parts)
    except StudioError as exc:
        raise StudioError(exc.message, field="explain.at") from None
    return c, y, x


def find_node(project, name: str) -> str:
    """The node id whose name (label or id) is ``name``."""
    g = project.graph
    for n in g.nodes:
        if name in (n.name, n.id):
            return n.id
    names = ", ".join(n.name for n in g.nodes if n.type != "Input")
    raise StudioError(f"the network has no layer named {clip(name, 60)!r}: choose one of {clip(names, 300)}")


def explainable_node(model, project, name: str) -> str:
    """:func:`find_node`, refusing in one line a node that has no module to work out (the Input,
    an Add or a Concat) and naming the layers that can be worked out instead."""
    node_id = find_node(project, name)
    node = project.graph.node(node_id)
    try:
        mod = None if node.type == "Input" else module_for(model, node_id)
    except KeyError:
        mod = None
    if mod is not None:  # layer_at says what it can and cannot work out for a layer with a module
        return node_id
    ok = []
    for n in project.graph.nodes:
        try:
            if n.type != "Input" and explain_module(module_for(model, n.id)) is not None:
                ok.append(n.name)
        except KeyError:
            continue
    why = ("is the network's input, not a layer" if node.type == "Input" else
           f"({node.type}) has no weights or window to work out")
    raise StudioError(f"{{field}} {clip(node.name, 60)} {why}: choose one of "
                      f"{clip(', '.join(ok) or 'none in this network', 300)}", field="explain.layer")


def module_for(model, node_id: str):
    """The submodule that implements ``node_id`` in a compiled model."""
    if hasattr(model, "node_module"):
        try:
            return model.node_module(node_id)
        except (KeyError, AttributeError):
            pass
    names = getattr(model, "node_names", None) or {}
    mods = dict(model.named_modules())
    for name in (names.get(node_id), node_id, re.sub(r"\W", "_", node_id)):
        if name and name in mods:
            return mods[name]
    raise KeyError(f"the compiled model has no module for node '{node_id}'")


def capture(model, node_id: str, x):
    """Run ``x`` [C,H,W] through ``model`` (eval mode) and return (input, output) of the
    node's module for this one image, as CPU tensors (copies: later in-place ops cannot change them)."""
    import torch

    got = {}

    def hook(_m, inp, out):
        got["in"] = inp[0].detach().clone()
        got["out"] = out.detach().clone()

    handle = module_for(model, node_id).register_forward_hook(hook)
    try:
        with torch.no_grad():
            model.eval()
            dev = next(iter(model.parameters()), torch.empty(0)).device
            model(x.unsqueeze(0).to(dev))
    finally:
        handle.remove()
    return got["in"][0].cpu(), got["out"][0].cpu()


def layer_at(model, project, node_id: str, x, at: tuple[int, int, int], captured=None) -> dict:
    """One output pixel ``at`` = (c, y, x) of ``node_id`` for image ``x`` [C,H,W], by hand.
    ``captured``: the (input, output) of :func:`capture` for this node and image, if known."""
    node = project.graph.node(node_id)
    mod = module_for(model, node_id)
    inp, out = captured if captured is not None else capture(model, node_id, x)
    who = f"{node.name} ({node.type})"
    if out.dim() != 3:
        raise StudioError(f"{who} outputs a vector of {out.numel()} features, not a C×H×W feature map: "
                          "choose a convolution, pooling, normalisation or activation before the Flatten")
    c, y, xx = at
    C, H, W = out.shape
    if not (0 <= c < C and 0 <= y < H and 0 <= xx < W):
        raise StudioError(f"{{field}} {c},{y},{xx} is outside {node.name}'s {C}×{H}×{W} output: "
                          f"use 0 ≤ C < {C}, 0 ≤ Y < {H}, 0 ≤ X < {W}", field="explain.at")
    explainer = explain_module(mod)
    if explainer is None:
        kinds = ", ".join(sorted({k for k in EXPLAINERS}))
        raise StudioError(f"{who}: only {kinds} can be worked out pixel by pixel")
    d = explainer(mod, inp.double().numpy(), (c, y, xx))
    d.update(layer=node.name, node=node_id, type=type(mod).__name__, at=[c, y, xx],
             input_shape=list(inp.shape), output_shape=[C, H, W], value=float(out[c, y, xx]))
    d["difference"] = abs(d["value"] - d["recomputed"])
    return d
