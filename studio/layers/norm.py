"""Normalisation and regularisation: BatchNorm, LocalResponseNorm, Dropout, Dropout2d."""
from __future__ import annotations

from studio.core.spec import Costs, LayerSpec, ParamSpec, fmt_shape, register

from ._arith import grouped


@register
class BatchNormSpec(LayerSpec):
    id = "BatchNorm"
    torch_classes = ("BatchNorm1d", "BatchNorm2d")
    torch_keywords = ("num_features", "eps", "momentum", "affine", "track_running_stats", "device",
                      "dtype", "bias")
    imports = ("BatchNorm1d", "BatchNorm2d")
    explainers = ("BatchNorm2d",)
    title = "BatchNorm"
    category = "Normalisation"
    legacy_ids = ("BatchNorm2d", "BatchNorm1d")
    description = ("Normalises each channel over the batch, then scales and shifts it; "
                   "2d on images, 1d on vectors (chosen from the input).")
    params = (
        ParamSpec("eps", "float", 1e-5, "Added to the variance for numerical stability (above 0, as torch requires)",
                  0.0, 1.0, min_open=True),
        ParamSpec("momentum", "float", 0.1, "Weight of the newest batch in the running statistics", 0.0, 1.0),
        ParamSpec("affine", "bool", True, "Learn a scale (γ) and shift (β) per channel"),
    )

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def costs(self, params, in_shapes, out):
        c = in_shapes[0][0]
        return Costs(params=2 * c if params["affine"] else 0, buffers=2 * c + 1)

    def explain(self, params, in_shapes, out):
        if not in_shapes:
            return "BatchNorm: needs an input"
        c = in_shapes[0][0]
        kind = "BatchNorm2d" if len(in_shapes[0]) == 3 else "BatchNorm1d"
        learn = (f"params = 2·C = 2·{c} = {grouped(2 * c)} (learned: γ and β, one pair per channel)"
                 if params["affine"] else "params = 0 (affine off: γ = 1, β = 0)")
        where = "over the batch and all pixels" if len(in_shapes[0]) == 3 else "over the batch"
        return (f"{kind}: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}\n"
                f"y = γ·(x − μ)/√(σ² + ε) + β, per channel (ε = {params['eps']:g})\n"
                f"training: μ, σ² are the mean and variance of each channel {where}; "
                f"evaluation: the running mean and variance (updated with momentum {params['momentum']:g})\n"
                f"{learn}\n"
                f"buffers = 2·{c} + 1 = {grouped(2 * c + 1)} (running mean and variance, batch counter; kept, "
                "not trained)")

    def short(self, params):
        return "BatchNorm"

    def from_torch(self, m):
        if m.momentum is None or not m.track_running_stats:
            return "cumulative averages (momentum=None) or no running statistics are not supported"
        return {"eps": float(m.eps), "momentum": float(m.momentum), "affine": bool(m.affine)}

    def torch_module(self, params, in_shapes):
        cls = "BatchNorm2d" if len(in_shapes[0]) == 3 else "BatchNorm1d"
        kw = {"num_features": in_shapes[0][0]}
        if params["eps"] != 1e-5:
            kw["eps"] = params["eps"]
        if params["momentum"] != 0.1:
            kw["momentum"] = params["momentum"]
        if not params["affine"]:
            kw["affine"] = False
        return cls, kw


@register
class LocalResponseNormSpec(LayerSpec):
    id = "LocalResponseNorm"
    torch_keywords = ("size", "alpha", "beta", "k")
    imports = ("LocalResponseNorm",)
    title = "LocalResponseNorm"
    category = "Normalisation"
    torch_class = "LocalResponseNorm"
    description = "Normalises each value by its neighbours across channels (AlexNet, 2012)."
    params = (
        ParamSpec("size", "int", 5, "Number of neighbouring channels", 1, 1024),
        ParamSpec("alpha", "float", 1e-4, "Scale", 0.0, 10.0),
        ParamSpec("beta", "float", 0.75, "Exponent", 0.0, 10.0),
        ParamSpec("k", "float", 1.0, "Additive constant", 0.0, 100.0),
    )

    def infer(self, params, in_shapes, who=None):
        self.need_image(in_shapes[0], who or self.title)
        return tuple(in_shapes[0])

    def short(self, params):
        return f"LRN {params['size']}"

    def torch_module(self, params, in_shapes):
        kw = {"size": params["size"]}
        for n, d in (("alpha", 1e-4), ("beta", 0.75), ("k", 1.0)):
            if params[n] != d:
                kw[n] = params[n]
        return "LocalResponseNorm", kw


@register
class DropoutSpec(LayerSpec):
    id = "Dropout"
    torch_keywords = ("p", "inplace")
    imports = ("Dropout",)
    title = "Dropout"
    category = "Regularisation"
    torch_class = "Dropout"
    description = "While training, zeroes each value with probability p (and scales the rest); off at test time."
    params = (ParamSpec("p", "float", 0.5, "Probability of dropping a value", 0.0, 1.0),)

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def explain(self, params, in_shapes, out):
        return _dropout_text(self.title, "value", params["p"], in_shapes, out)

    def short(self, params):
        return f"Dropout {params['p']:g}"

    def torch_module(self, params, in_shapes):
        return "Dropout", ({} if params["p"] == 0.5 else {"p": params["p"]})


@register
class Dropout2dSpec(LayerSpec):
    id = "Dropout2d"
    torch_keywords = ("p", "inplace")
    imports = ("Dropout2d",)
    title = "Dropout2d"
    category = "Regularisation"
    torch_class = "Dropout2d"
    description = "While training, zeroes whole feature maps with probability p."
    params = (ParamSpec("p", "float", 0.5, "Probability of dropping a channel", 0.0, 1.0),)

    def infer(self, params, in_shapes, who=None):
        self.need_image(in_shapes[0], who or self.title)
        return tuple(in_shapes[0])

    def explain(self, params, in_shapes, out):
        return _dropout_text(self.title, "whole channel (feature map)", params["p"], in_shapes, out)

    def short(self, params):
        return f"Dropout2d {params['p']:g}"

    def torch_module(self, params, in_shapes):
        return "Dropout2d", ({} if params["p"] == 0.5 else {"p": params["p"]})


def _dropout_text(title, what, p, in_shapes, out) -> str:
    ins = fmt_shape(in_shapes[0]) if in_shapes else "?"
    keep = f"the rest scaled by 1/(1 − p) = {1 / (1 - p):.4g}" if p < 1 else "nothing is kept"
    return (f"{title}: {ins} → {fmt_shape(out)}\n"
            f"training: each {what} is zeroed with probability p = {p:g}, {keep}, so the expected sum is unchanged\n"
            "evaluation (predict, evaluate): passes everything through unchanged\n"
            "params = 0 (nothing to learn)")
