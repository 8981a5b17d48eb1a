"""Normalisation and regularisation: BatchNorm, LocalResponseNorm, Dropout, Dropout2d."""
from __future__ import annotations

from studio.core.spec import Costs, LayerSpec, ParamSpec, fmt_shape, register

from studio.core.i18n import QT_TRANSLATE_NOOP

from ._arith import grouped, same


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
    description = QT_TRANSLATE_NOOP("Layers", "Normalises each channel over the batch, then scales and shifts it; "
                                              "2d on images, 1d on vectors (chosen from the input).")
    params = (
        ParamSpec("eps", "float", 1e-5, QT_TRANSLATE_NOOP(
            "Layers", "Added to the variance for numerical stability (above 0, as torch requires)"),
                  0.0, 1.0, min_open=True),
        ParamSpec("momentum", "float", 0.1, QT_TRANSLATE_NOOP("Layers", "Weight of the newest batch in the running statistics"), 0.0, 1.0),
        ParamSpec("affine", "bool", True, QT_TRANSLATE_NOOP("Layers", "Learn a scale (γ) and shift (β) per channel")),
    )

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def costs(self, params, in_shapes, out):
        c = in_shapes[0][0]
        return Costs(params=2 * c if params["affine"] else 0, buffers=2 * c + 1)

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes:
            return t(QT_TRANSLATE_NOOP("Layers", "BatchNorm: needs an input"))
        c = in_shapes[0][0]
        kind = "BatchNorm2d" if len(in_shapes[0]) == 3 else "BatchNorm1d"
        learn = (t(QT_TRANSLATE_NOOP("Layers", "params = 2·C = 2·{c} = {n} (learned: γ and β, one pair per channel)"))
                 .format(c=c, n=grouped(2 * c))
                 if params["affine"] else t(QT_TRANSLATE_NOOP("Layers", "params = 0 (affine off: γ = 1, β = 0)")))
        if len(in_shapes[0]) == 3:
            stats = QT_TRANSLATE_NOOP("Layers", "training: μ, σ² are the mean and variance of each channel over the "
                                                "batch and all pixels; evaluation: the running mean and variance "
                                                "(updated with momentum {m})")
        else:
            stats = QT_TRANSLATE_NOOP("Layers", "training: μ, σ² are the mean and variance of each channel over the "
                                                "batch; evaluation: the running mean and variance (updated with "
                                                "momentum {m})")
        return (f"{kind}: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "y = γ·(x − μ)/√(σ² + ε) + β, per channel (ε = {eps})")).format(
                    eps=f"{params['eps']:g}") + "\n"
                + t(stats).format(m=f"{params['momentum']:g}") + "\n"
                f"{learn}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "buffers = 2·{c} + 1 = {n} (running mean and variance, batch counter; "
                                                "kept, not trained)")).format(c=c, n=grouped(2 * c + 1)))

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
    description = QT_TRANSLATE_NOOP("Layers", "Normalises each value by its neighbours across channels (AlexNet, 2012).")
    params = (
        ParamSpec("size", "int", 5, QT_TRANSLATE_NOOP("Layers", "Number of neighbouring channels"), 1, 1024),
        ParamSpec("alpha", "float", 1e-4, QT_TRANSLATE_NOOP("Layers", "Scale"), 0.0, 10.0),
        ParamSpec("beta", "float", 0.75, QT_TRANSLATE_NOOP("Layers", "Exponent"), 0.0, 10.0),
        ParamSpec("k", "float", 1.0, QT_TRANSLATE_NOOP("Layers", "Additive constant"), 0.0, 100.0),
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
    description = QT_TRANSLATE_NOOP(
        "Layers", "While training, zeroes each value with probability p (and scales the rest); off at test time.")
    params = (ParamSpec("p", "float", 0.5, QT_TRANSLATE_NOOP("Layers", "Probability of dropping a value"), 0.0, 1.0),)

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def explain(self, params, in_shapes, out, t=same):
        return _dropout_text(self.title, QT_TRANSLATE_NOOP(
            "Layers", "training: each value is zeroed with probability p = {p}, {keep}, so the expected sum is "
            "unchanged"), params["p"], in_shapes, out, t)

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
    description = QT_TRANSLATE_NOOP("Layers", "While training, zeroes whole feature maps with probability p.")
    params = (ParamSpec("p", "float", 0.5, QT_TRANSLATE_NOOP("Layers", "Probability of dropping a channel"), 0.0, 1.0),)

    def infer(self, params, in_shapes, who=None):
        self.need_image(in_shapes[0], who or self.title)
        return tuple(in_shapes[0])

    def explain(self, params, in_shapes, out, t=same):
        return _dropout_text(self.title, QT_TRANSLATE_NOOP(
            "Layers", "training: each whole channel (feature map) is zeroed with probability p = {p}, {keep}, so the "
            "expected sum is unchanged"), params["p"], in_shapes, out, t)

    def short(self, params):
        return f"Dropout2d {params['p']:g}"

    def torch_module(self, params, in_shapes):
        return "Dropout2d", ({} if params["p"] == 0.5 else {"p": params["p"]})


def _dropout_text(title, training, p, in_shapes, out, t=same) -> str:
    ins = fmt_shape(in_shapes[0]) if in_shapes else "?"
    keep = (t(QT_TRANSLATE_NOOP("Layers", "the rest scaled by 1/(1 − p) = {f}")).format(f=f"{1 / (1 - p):.4g}")
            if p < 1 else t(QT_TRANSLATE_NOOP("Layers", "nothing is kept")))
    return (f"{title}: {ins} → {fmt_shape(out)}\n"
            + t(training).format(p=f"{p:g}", keep=keep) + "\n"
            + t(QT_TRANSLATE_NOOP("Layers", "evaluation (predict, evaluate): passes everything through unchanged"))
            + "\n" + t(QT_TRANSLATE_NOOP("Layers", "params = 0 (nothing to learn)")))
