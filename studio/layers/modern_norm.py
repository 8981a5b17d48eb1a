"""ConvNeXt and EfficientNet pieces: LayerNorm2d (over channels), LayerNorm (last dim),
Permute, LinearLast (a Linear on the last dim), LayerScale, StochasticDepth."""
from __future__ import annotations

from studio.core.errors import ShapeError
from studio.core.spec import Costs, LayerSpec, ParamSpec, fmt_shape, prod, register

from studio.core.i18n import QT_TRANSLATE_NOOP

from ._arith import grouped, same, no_params

_EPS = QT_TRANSLATE_NOOP("Layers", "Added to the variance for numerical stability")


def _norm_kwargs(size: int, eps: float, default: float = 1e-5) -> dict:
    """torch's keywords: eps only when it differs from the class's default."""
    return {"normalized_shape": size, **({"eps": eps} if eps != default else {})}


@register
class LayerNorm2dSpec(LayerSpec):
    id = "LayerNorm2d"
    title = "LayerNorm2d"
    category = "Normalisation"
    torch_class = "LayerNorm2d"
    description = QT_TRANSLATE_NOOP("Layers", "Normalises the C values of each pixel (mean 0, variance 1 over the "
                                              "channels), then scales and shifts per channel; independent of the "
                                              "batch (ConvNeXt).")
    params = (ParamSpec("eps", "float", 1e-6, _EPS, 0.0, 1.0),)

    def infer(self, params, in_shapes, who=None):
        self.need_image(in_shapes[0], who or self.title)
        return tuple(in_shapes[0])

    def costs(self, params, in_shapes, out):
        return Costs(params=2 * in_shapes[0][0])

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes or len(in_shapes[0]) != 3:
            return t(QT_TRANSLATE_NOOP("Layers", "LayerNorm2d: needs a C×H×W input"))
        c, h, w = in_shapes[0]
        return (f"LayerNorm2d: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "each of the {h}·{w} = {n} pixels: y = (x − mean)/√(var + {eps})·γ + β "
                                                "over its {c} channels")).format(
                    h=h, w=w, n=grouped(h * w), eps=f"{params['eps']:g}", c=c)
                + "\n" + t(QT_TRANSLATE_NOOP("Layers", "params = 2·{c} = {n} (γ and β)")).format(c=c, n=grouped(2 * c)))

    def short(self, params):
        return "LayerNorm2d"

    def torch_module(self, params, in_shapes):
        return "LayerNorm2d", _norm_kwargs(in_shapes[0][0], params["eps"], 1e-6)


@register
class LayerNormSpec(LayerSpec):
    id = "LayerNorm"
    torch_keywords = ("normalized_shape", "eps", "elementwise_affine", "bias", "device", "dtype")
    title = "LayerNorm"
    category = "Normalisation"
    torch_class = "LayerNorm"
    description = QT_TRANSLATE_NOOP("Layers", "Normalises over the last dimension (the features, or the channels after a channels-last Permute).")
    params = (ParamSpec("eps", "float", 1e-5, _EPS, 0.0, 1.0),)

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def costs(self, params, in_shapes, out):
        return Costs(params=2 * in_shapes[0][-1])

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes:
            return t(QT_TRANSLATE_NOOP("Layers", "LayerNorm: needs an input"))
        x = in_shapes[0]
        d, groups = x[-1], prod(x[:-1])
        return (f"LayerNorm: {fmt_shape(x)} → {fmt_shape(out)}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "{n} vector(s) of {d}: y = (x − mean)/√(var + {eps})·γ + β")).format(
                    n=grouped(groups), d=d, eps=f"{params['eps']:g}")
                + "\n" + t(QT_TRANSLATE_NOOP("Layers", "params = 2·{c} = {n} (γ and β)")).format(c=d, n=grouped(2 * d)))

    def short(self, params):
        return "LayerNorm"

    def torch_module(self, params, in_shapes):
        return "LayerNorm", _norm_kwargs(in_shapes[0][-1], params["eps"])


_ORDERS = {"channels_last": (0, 2, 3, 1), "channels_first": (0, 3, 1, 2)}


@register
class PermuteSpec(LayerSpec):
    id = "Permute"
    title = "Permute"
    category = "Linear/Reshape"
    torch_class = "Permute"
    description = QT_TRANSLATE_NOOP("Layers", "Moves the channels last (C×H×W → H×W×C) or back first, so that "
                                              "LayerNorm and LinearLast work on the channels of every pixel (ConvNeXt).")
    params = (ParamSpec("order", "choice", "channels_last", QT_TRANSLATE_NOOP(
        "Layers", "channels_last: C×H×W → H×W×C; channels_first: H×W×C → C×H×W"), choices=tuple(_ORDERS)),)

    def infer(self, params, in_shapes, who=None):
        (x,) = in_shapes
        if len(x) != 3:
            from studio.core.i18n import QT_TRANSLATE_NOOP
            raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who} needs a 3-D feature map but receives a vector of {shape} "
                                               "features; place it before the Flatten"),
                             args={"who": who or self.title, "shape": fmt_shape(x)})
        a, b, c = x
        return (b, c, a) if params["order"] == "channels_last" else (c, a, b)

    def explain(self, params, in_shapes, out, t=same):
        ins = fmt_shape(in_shapes[0]) if in_shapes else "?"
        dims = ", ".join(map(str, _ORDERS[params["order"]]))
        return t(QT_TRANSLATE_NOOP("Layers", "Permute ({dims}): {i} → {o} (no values change, only their order)")).format(
            dims=dims, i=ins, o=fmt_shape(out)) + "\n" + no_params(t)

    def short(self, params):
        return "Permute → " + ("H×W×C" if params["order"] == "channels_last" else "C×H×W")

    def torch_module(self, params, in_shapes):
        return "Permute", {"dims": list(_ORDERS[params["order"]])}


@register
class LinearLastSpec(LayerSpec):
    id = "LinearLast"
    title = "LinearLast"
    category = "Linear/Reshape"
    torch_class = "Linear"
    description = QT_TRANSLATE_NOOP("Layers", "A Linear layer applied to the last dimension of every position (after "
                                              "a channels-last Permute it is a 1×1 conv: ConvNeXt's pointwise layers).")
    params = (
        ParamSpec("out_features", "int", 16, QT_TRANSLATE_NOOP("Layers", "Number of outputs per position"), 1, 1_000_000),
        ParamSpec("bias", "bool", True, QT_TRANSLATE_NOOP("Layers", "Learn an additive bias per output")),
    )

    def infer(self, params, in_shapes, who=None):
        x = tuple(in_shapes[0])
        return x[:-1] + (params["out_features"],)

    def costs(self, params, in_shapes, out):
        x = in_shapes[0]
        i, o = x[-1], params["out_features"]
        return Costs(params=i * o + (o if params["bias"] else 0), macs=prod(x[:-1]) * i * o)

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes:
            return t(QT_TRANSLATE_NOOP("Layers", "LinearLast: y = W·x + b on the last dimension"))
        x = in_shapes[0]
        i, o, pos = x[-1], params["out_features"], prod(x[:-1])
        bias = f" + {o}" if params["bias"] else ""
        n = i * o + (o if params["bias"] else 0)
        return (t(QT_TRANSLATE_NOOP("Layers", "LinearLast: {i} → {o}   y = W·x + b at each of {n} positions")).format(
                    i=fmt_shape(x), o=fmt_shape(out), n=grouped(pos)) + "\n"
                + t(QT_TRANSLATE_NOOP("Layers", "params = {i}·{o}{b} = {n}")).format(i=i, o=o, b=bias, n=grouped(n))
                + f"\nMACs = {grouped(pos)}·{i}·{o} = {grouped(pos * i * o)}")

    def short(self, params):
        return f"Linear(last) → {params['out_features']}"

    def torch_module(self, params, in_shapes):
        kw = {"in_features": in_shapes[0][-1], "out_features": params["out_features"]}
        if not params["bias"]:
            kw["bias"] = False
        return "Linear", kw


@register
class LayerScaleSpec(LayerSpec):
    """Not a module: the compiler keeps its C×1×1 weight as a parameter of the enclosing block,
    under the node's own name (torchvision's ``layer_scale``)."""

    id = "LayerScale"
    title = "LayerScale"
    category = "Normalisation"
    torch_class = "Parameter"
    as_parameter = True
    description = QT_TRANSLATE_NOOP("Layers", "Multiplies each channel by a learned scale that starts tiny (1e-6), so "
                                              "a deep residual branch starts near zero (CaiT, ConvNeXt).")
    params = (ParamSpec("init", "float", 1e-6, QT_TRANSLATE_NOOP("Layers", "Starting value of every scale"), 0.0, 1e6),)

    def infer(self, params, in_shapes, who=None):
        self.need_image(in_shapes[0], who or self.title)
        return tuple(in_shapes[0])

    def costs(self, params, in_shapes, out):
        return Costs(params=in_shapes[0][0])

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes or len(in_shapes[0]) != 3:
            return t(QT_TRANSLATE_NOOP("Layers", "LayerScale: needs a C×H×W input"))
        c = in_shapes[0][0]
        return t(QT_TRANSLATE_NOOP("Layers", "LayerScale: {i} → {o}   y_c = γ_c·x_c, γ starts at {init}\n"
                                             "params = {c} (one scale per channel)")).format(
            i=fmt_shape(in_shapes[0]), o=fmt_shape(out), init=f"{params['init']:g}", c=c)

    def short(self, params):
        return f"LayerScale {params['init']:g}"

    def torch_module(self, params, in_shapes):
        return "Parameter", {"channels": in_shapes[0][0], "init": params["init"]}


@register
class StochasticDepthSpec(LayerSpec):
    id = "StochasticDepth"
    title = "StochasticDepth"
    category = "Regularisation"
    torch_class = "StochasticDepth"
    description = QT_TRANSLATE_NOOP("Layers", "While training, skips a residual branch with probability p (its block "
                                              "becomes the identity); the identity at test time.")
    params = (
        ParamSpec("p", "float", 0.1, QT_TRANSLATE_NOOP("Layers", "Probability of dropping the branch"), 0.0, 1.0),
        ParamSpec("mode", "choice", "row", QT_TRANSLATE_NOOP("Layers", "row: per image; batch: the whole batch at once"),
                  choices=("row", "batch")),
    )

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def explain(self, params, in_shapes, out, t=same):
        ins = fmt_shape(in_shapes[0]) if in_shapes else "?"
        p = params["p"]
        keep = (f"1/(1 − {p:g}) = {1 / (1 - p):.4g}" if p < 1
                else t(QT_TRANSLATE_NOOP("Layers", "nothing (p = 1 drops every branch)")))
        return (f"StochasticDepth: {ins} → {fmt_shape(out)}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "training: drop the branch with p = {p} ({mode}), scale what is kept by "
                                                "{keep}; evaluation: identity")).format(
                    p=f"{p:g}", mode=params['mode'], keep=keep) + "\n" + no_params(t))

    def short(self, params):
        return f"StochDepth {params['p']:g}"

    def torch_module(self, params, in_shapes):
        return "StochasticDepth", {"p": params["p"], "mode": params["mode"]}
