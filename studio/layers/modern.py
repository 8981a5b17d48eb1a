"""Layers of the modern mobile CNNs: ReLU6, SiLU, Hardswish, Hardsigmoid (activations),
Multiply (squeeze-excitation gating), ChannelShuffle and ChannelChunk (ShuffleNet),
GlobalMean (x.mean over H and W)."""
from __future__ import annotations

from studio.core.errors import ShapeError
from studio.core.spec import LayerSpec, ParamSpec, fmt_shape, register

from studio.core.i18n import QT_TRANSLATE_NOOP

from ._arith import grouped, same, no_params
from .activation import _Activation


@register
class ReLU6Spec(_Activation):
    id = "ReLU6"
    torch_keywords = ("inplace",)
    imports = ("ReLU6",)
    explainers = ("ReLU6",)
    title = "ReLU6"
    torch_class = "ReLU6"
    formula = "f(x) = min(max(0, x), 6)"
    description = QT_TRANSLATE_NOOP("Layers", "ReLU capped at 6 (MobileNetV2): robust in low-precision arithmetic.")


@register
class SiLUSpec(_Activation):
    id = "SiLU"
    torch_keywords = ("inplace",)
    imports = ("SiLU",)
    explainers = ("SiLU",)
    title = "SiLU"
    torch_class = "SiLU"
    formula = "f(x) = x·σ(x) = x / (1 + e^−x)"
    description = QT_TRANSLATE_NOOP("Layers", "Sigmoid-weighted linear unit, also called Swish (EfficientNet).")


@register
class HardswishSpec(_Activation):
    id = "Hardswish"
    torch_keywords = ("inplace",)
    imports = ("Hardswish",)
    explainers = ("Hardswish",)
    title = "Hardswish"
    torch_class = "Hardswish"
    formula = "f(x) = x·min(max(0, x + 3), 6) / 6"
    description = QT_TRANSLATE_NOOP("Layers", "A cheap piecewise approximation of Swish (MobileNetV3).")


@register
class HardsigmoidSpec(_Activation):
    id = "Hardsigmoid"
    torch_keywords = ("inplace",)
    imports = ("Hardsigmoid",)
    explainers = ("Hardsigmoid",)
    title = "Hardsigmoid"
    torch_class = "Hardsigmoid"
    formula = "f(x) = min(max(0, x + 3), 6) / 6"
    description = QT_TRANSLATE_NOOP("Layers", "A cheap piecewise approximation of the sigmoid (MobileNetV3's squeeze-excitation gate).")


@register
class MultiplySpec(LayerSpec):
    id = "Multiply"
    merge = "multiply"
    holds_module = False
    title = "Multiply"
    category = "Merge"
    arity = (2, 2)
    description = QT_TRANSLATE_NOOP("Layers", "Multiplies two tensors element by element; a C×1×1 input scales every "
                                              "channel of a C×H×W one (the squeeze-excitation gate).")

    def infer(self, params, in_shapes, who=None):
        who = who or self.title
        a, b = (tuple(s) for s in in_shapes)
        if a == b:
            return a
        if len(a) == len(b) and all(x == y or 1 in (x, y) for x, y in zip(a, b)):
            return tuple(max(x, y) for x, y in zip(a, b))
        from studio.core.i18n import QT_TRANSLATE_NOOP
        raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who} multiplies {a} by {b}: the shapes must be equal, or one "
                                           "must be 1 wherever they differ (e.g. a {c}×1×1 channel gate)"),
                         args={"who": who, "a": fmt_shape(a), "b": fmt_shape(b), "c": a[0]})

    def explain(self, params, in_shapes, out, t=same):
        ins = " ⊙ ".join(fmt_shape(s) for s in in_shapes) or "?"
        return t(QT_TRANSLATE_NOOP("Layers", "Multiply: {i} → {o} (element-wise product; size-1 dimensions are "
                                             "repeated to match)")).format(i=ins, o=fmt_shape(out)) + "\n" + no_params(t)

    def short(self, params):
        return "Multiply (×)"


@register
class ChannelShuffleSpec(LayerSpec):
    id = "ChannelShuffle"
    torch_keywords = ("groups",)
    imports = ("ChannelShuffle",)
    title = "ChannelShuffle"
    category = "Linear/Reshape"
    torch_class = "ChannelShuffle"
    description = QT_TRANSLATE_NOOP("Layers", "Interleaves the channels of g groups (ShuffleNet), so the next grouped "
                                              "conv mixes information between groups.")
    params = (ParamSpec("groups", "int", 2, QT_TRANSLATE_NOOP("Layers", "Number of channel groups to interleave"), 1, 65536),)

    def infer(self, params, in_shapes, who=None):
        who = who or self.title
        (x,) = in_shapes
        self.need_image(x, who)
        g = params["groups"]
        if x[0] % g:
            from studio.core.i18n import QT_TRANSLATE_NOOP
            raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who}: {c} channels cannot be split into {g} equal groups; "
                                               "use a groups value that divides {c}"), args={"who": who, "c": x[0], "g": g})
        return tuple(x)

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes or len(in_shapes[0]) != 3:
            return t(QT_TRANSLATE_NOOP("Layers", "ChannelShuffle: needs a C×H×W input"))
        c, g = in_shapes[0][0], params["groups"]
        return (f"ChannelShuffle: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "{c} channels as {g} groups of {n}: view {g}×{n}, transpose to {n}×{g}, "
                                                "flatten (channel i·{n} + j moves to j·{g} + i)")).format(c=c, g=g, n=c // g)
                + "\n" + no_params(t))

    def short(self, params):
        return f"Shuffle g{params['groups']}"

    def torch_module(self, params, in_shapes):
        return "ChannelShuffle", {"groups": params["groups"]}


@register
class ChannelChunkSpec(LayerSpec):
    id = "ChannelChunk"
    title = "ChannelChunk"
    category = "Linear/Reshape"
    torch_class = "ChannelChunk"
    description = QT_TRANSLATE_NOOP("Layers", "Keeps one of several equal slices of the channels (x.chunk(n, dim=1)[i]; ShuffleNet's split).")
    params = (
        ParamSpec("chunks", "int", 2, QT_TRANSLATE_NOOP("Layers", "Number of equal slices"), 1, 65536),
        ParamSpec("index", "int", 0, QT_TRANSLATE_NOOP("Layers", "Which slice to keep (0 = the first)"), 0, 65535),
    )

    def check(self, params, who):
        from studio.core.errors import ParamError

        if params["index"] >= params["chunks"]:
            from studio.core.i18n import QT_TRANSLATE_NOOP
            raise ParamError(QT_TRANSLATE_NOOP("Errors", "{who}: index {index} does not exist among {n} slices; use "
                                               "0…{last}"), "index",
                             args={"who": who, "index": params["index"], "n": params["chunks"], "last": params["chunks"] - 1})

    def _sizes(self, c, n):
        step = -(-c // n)  # torch.chunk: slices of ceil(C/n), the last one smaller
        return [min(step, c - i * step) for i in range(n) if c - i * step > 0]

    def infer(self, params, in_shapes, who=None):
        who = who or self.title
        (x,) = in_shapes
        from studio.core.i18n import QT_TRANSLATE_NOOP
        if len(x) < 1:
            raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who} needs an input with channels"), args={"who": who})
        sizes = self._sizes(x[0], params["chunks"])
        if params["index"] >= len(sizes):
            raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who}: {c} channels give only {n} slice(s) of {size}; use "
                                               "index < {n}"), args={"who": who, "c": x[0], "n": len(sizes), "size": sizes[0]})
        return (sizes[params["index"]],) + tuple(x[1:])

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes or not out:
            return t(QT_TRANSLATE_NOOP("Layers", "ChannelChunk: keeps one slice of the channels"))
        c, n, i = in_shapes[0][0], params["chunks"], params["index"]
        step = -(-c // n)
        return (f"ChannelChunk: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "slice {i} of {n}: channels {a}…{b} (ceil({c}/{n}) = {step} per slice)"))
                .format(i=i, n=n, a=i * step, b=i * step + out[0] - 1, c=c, step=step) + "\n" + no_params(t))

    def short(self, params):
        return f"Chunk {params['index'] + 1}/{params['chunks']}"

    def torch_module(self, params, in_shapes):
        return "ChannelChunk", {"chunks": params["chunks"], "index": params["index"]}


@register
class GlobalMeanSpec(LayerSpec):
    id = "GlobalMean"
    title = "GlobalMean"
    category = "Pooling"
    torch_class = "GlobalMean"
    description = QT_TRANSLATE_NOOP("Layers", "Averages each feature map to one number: x.mean((2, 3)) (global average pooling).")
    params = (ParamSpec("keepdim", "bool", False, QT_TRANSLATE_NOOP("Layers", "Keep C×1×1 (on) or give a vector of C (off)")),)

    def infer(self, params, in_shapes, who=None):
        (x,) = in_shapes
        self.need_image(x, who or self.title)
        return (x[0], 1, 1) if params["keepdim"] else (x[0],)

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes or len(in_shapes[0]) != 3:
            return t(QT_TRANSLATE_NOOP("Layers", "GlobalMean: needs a C×H×W input"))
        c, h, w = in_shapes[0]
        return (f"GlobalMean: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "each of the {c} maps: sum of {h}·{w} = {n} values / {n}")).format(
                    c=c, h=h, w=w, n=grouped(h * w)) + "\n" + no_params(t))

    def window(self, params, in_shapes, out):
        """One window over the whole map (with keepdim the output is a 1×1 image)."""
        _c, h, w = in_shapes[0]
        return (h, w), (h, w), (1, 1)

    def short(self, params):
        return "Mean H,W" + (" (keep)" if params["keepdim"] else "")

    def torch_module(self, params, in_shapes):
        return "GlobalMean", ({"keepdim": True} if params["keepdim"] else {})
