"""Activations: ReLU, LeakyReLU, GELU, Sigmoid, Tanh, Softmax."""
from __future__ import annotations

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.spec import LayerSpec, ParamSpec, fmt_shape, register

from ._arith import same, no_params


class _Activation(LayerSpec):
    category = "Activation"
    formula = ""

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def explain(self, params, in_shapes, out, t=same):
        ins = fmt_shape(in_shapes[0]) if in_shapes else "?"
        return t(QT_TRANSLATE_NOOP("Layers", "{title}: {i} → {o} (element-wise)")).format(
            title=self.title, i=ins, o=fmt_shape(out)) + f"\n{t(self.formula)}\n" + no_params(t)

    def short(self, params):
        return self.title

    def torch_module(self, params, in_shapes):
        return self.torch_class, {}


@register
class ReLUSpec(_Activation):
    id = "ReLU"
    torch_keywords = ("inplace",)
    imports = ("ReLU",)
    explainers = ("ReLU",)
    title = "ReLU"
    torch_class = "ReLU"
    formula = "f(x) = max(0, x)"
    description = QT_TRANSLATE_NOOP("Layers", "Rectified linear unit: negatives become zero.")


@register
class LeakyReLUSpec(_Activation):
    id = "LeakyReLU"
    torch_keywords = ("negative_slope", "inplace")
    imports = ("LeakyReLU",)
    explainers = ("LeakyReLU",)
    title = "LeakyReLU"
    torch_class = "LeakyReLU"
    formula = QT_TRANSLATE_NOOP("Layers", "f(x) = x if x > 0 else slope·x")
    description = QT_TRANSLATE_NOOP("Layers", "Like ReLU but lets a small slope through for negatives.")
    params = (ParamSpec("negative_slope", "float", 0.01, QT_TRANSLATE_NOOP("Layers", "Slope for negative inputs"), 0.0, 1.0),)

    def short(self, params):
        return f"LeakyReLU {params['negative_slope']:g}"

    def torch_module(self, params, in_shapes):
        s = params["negative_slope"]
        return "LeakyReLU", ({} if s == 0.01 else {"negative_slope": s})


@register
class GELUSpec(_Activation):
    id = "GELU"
    torch_keywords = ("approximate",)
    imports = ("GELU",)
    explainers = ("GELU",)
    title = "GELU"
    torch_class = "GELU"
    formula = "f(x) = x·Φ(x)"
    description = QT_TRANSLATE_NOOP("Layers", "Gaussian error linear unit, a smooth ReLU.")
    params = (ParamSpec("approximate", "choice", "none", QT_TRANSLATE_NOOP("Layers", "Exact ('none') or the tanh approximation"),
                        choices=("none", "tanh")),)

    def torch_module(self, params, in_shapes):
        a = params["approximate"]
        return "GELU", ({} if a == "none" else {"approximate": a})


@register
class SigmoidSpec(_Activation):
    id = "Sigmoid"
    imports = ("Sigmoid",)
    explainers = ("Sigmoid",)
    title = "Sigmoid"
    torch_class = "Sigmoid"
    formula = "f(x) = 1 / (1 + e^−x)"
    description = QT_TRANSLATE_NOOP("Layers", "Squashes values into (0, 1).")


@register
class TanhSpec(_Activation):
    id = "Tanh"
    imports = ("Tanh",)
    explainers = ("Tanh",)
    title = "Tanh"
    torch_class = "Tanh"
    formula = "f(x) = tanh(x)"
    description = QT_TRANSLATE_NOOP("Layers", "Squashes values into (−1, 1); LeNet-5's original activation.")


@register
class SoftmaxSpec(_Activation):
    id = "Softmax"
    torch_keywords = ("dim",)
    title = "Softmax"
    torch_class = "Softmax"
    formula = QT_TRANSLATE_NOOP("Layers", "p_i = e^z_i / Σ_j e^z_j, the sum over all outputs j (dimension 1: "
                                          "features, or channels per pixel)")
    description = QT_TRANSLATE_NOOP(
        "Layers", "Turns a vector of scores into a probability distribution: each output depends on all inputs "
        "(not element-wise). Not needed before the cross-entropy loss, which applies log-softmax itself.")

    def explain(self, params, in_shapes, out, t=same):
        ins = in_shapes[0] if in_shapes else None
        if ins is not None and len(ins) == 3:
            over = QT_TRANSLATE_NOOP("Layers", "normalises over the {n} channels at each pixel: every p_i > 0 and they "
                                               "sum to 1; the largest score gets the largest probability")
        elif ins:
            over = QT_TRANSLATE_NOOP("Layers", "normalises over all {n} outputs: every p_i > 0 and they sum to 1; "
                                               "the largest score gets the largest probability")
        else:
            over = QT_TRANSLATE_NOOP("Layers", "normalises over all outputs: every p_i > 0 and they sum to 1; "
                                               "the largest score gets the largest probability")
        return (t(QT_TRANSLATE_NOOP("Layers", "Softmax: {i} → {o} (not element-wise: each p_i depends on every z_j)"))
                .format(i=fmt_shape(ins), o=fmt_shape(out))
                + f"\n{t(self.formula)}\n" + t(over).format(n=ins[0] if ins else "") + "\n" + no_params(t))

    def torch_module(self, params, in_shapes):
        return "Softmax", {"dim": 1}
